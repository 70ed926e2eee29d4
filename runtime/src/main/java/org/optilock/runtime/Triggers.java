package org.optilock.runtime;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import javax.sql.DataSource;
import org.optilock.runtime.internal.SqlFailure;
import org.optilock.runtime.internal.TriggerDdl;
import org.optilock.runtime.internal.TriggerTarget;
import org.optilock.runtime.internal.TriggerTargets;

/**
 * Creates, drops and lists the database triggers that maintain {@code Strategy.TRIGGER} versions
 * (django-concurrency's {@code triggers} command). A trigger moves the version of every update
 * that leaves it unchanged, so updates made outside the application (raw SQL, other programs) are
 * detected too. Every verb is idempotent; each works in the connection's current schema.
 *
 * <p>The same verbs run from a command line: see {@link TriggersCommand}.
 */
public final class Triggers {

    private Triggers() {}

    /**
     * Creates the version triggers of {@code entityTypes} that do not exist yet, in one transaction.
     *
     * @return the names of the triggers created; empty when all existed
     * @throws IllegalArgumentException if an entity does not use {@code Strategy.TRIGGER}
     * @throws DataAccessException if the database refuses
     */
    public static List<String> create(DataSource dataSource, Class<?>... entityTypes) {
        List<TriggerTarget> targets = targets(entityTypes);
        return withConnection(dataSource, "create version triggers", connection -> create(connection, targets, dataSource::getConnection));
    }

    /**
     * Drops the version triggers of {@code entityTypes} that exist, in one transaction.
     *
     * @return the names of the triggers dropped; empty when none existed
     */
    public static List<String> drop(DataSource dataSource, Class<?>... entityTypes) {
        List<TriggerTarget> targets = targets(entityTypes);
        return withConnection(dataSource, "drop version triggers", connection -> drop(connection, targets));
    }

    /**
     * The names of the version triggers Optilock created that exist now in the connection's current
     * schema, in lower case, sorted.
     */
    public static List<String> list(DataSource dataSource) {
        return withConnection(dataSource, "list version triggers", connection -> list(connection, Optional.empty()));
    }

    /**
     * The names of the version triggers Optilock created that exist now in {@code schema} (for
     * {@code @Table(schema = ...)}; a database on MySQL/MariaDB, an attached database on SQLite), each
     * as {@code schema.name}, in lower case, sorted: the names {@code create} and {@code drop} return
     * for tables in that schema.
     */
    public static List<String> list(DataSource dataSource, String schema) {
        Objects.requireNonNull(schema, "schema");
        return withConnection(dataSource, "list version triggers", connection -> list(connection, Optional.of(schema)));
    }

    static List<TriggerTarget> targets(Class<?>... entityTypes) {
        List<TriggerTarget> targets = new ArrayList<>();
        for (Class<?> entityType : entityTypes) {
            targets.add(TriggerTargets.of(entityType));
        }
        return targets;
    }

    /** Opens a connection of its own, to clean up after one that was lost. */
    interface ConnectionOpener {
        Connection open() throws SQLException;
    }

    /**
     * Creates the missing triggers of {@code targets} on {@code connection}. A trigger half made when a
     * statement fails is dropped again: on {@code connection}, or, when that connection is lost, on one
     * from {@code spare}.
     */
    static List<String> create(Connection connection, List<TriggerTarget> targets, ConnectionOpener spare)
            throws SQLException {
        Dialect dialect = Dialect.of(connection);
        List<String> created = new ArrayList<>();
        for (TriggerTarget target : targets) {
            if (!TriggerDdl.exists(connection, dialect, target)) {
                try {
                    execute(connection, TriggerDdl.create(dialect, target));
                } catch (SQLException e) {
                    // H2 and MySQL commit each DDL statement: a trigger half made must be dropped here, or it
                    // stays behind, and on H2 a trigger without its comment fails every update of the table.
                    boolean ddlCommits = dialect == Dialect.H2 || dialect == Dialect.MYSQL;
                    if (!dropQuietly(connection, dialect, target, e) && ddlCommits) {
                        // The connection itself failed, lost half-way: what it committed is dropped from
                        // another. (Elsewhere the rollback undoes it, and another connection would wait for
                        // this one's locks on the table.)
                        try (Connection fresh = spare.open()) {
                            dropQuietly(fresh, dialect, target, e);
                        } catch (SQLException lost) {
                            e.addSuppressed(lost);
                        }
                    }
                    throw e;
                }
                created.add(target.reportedName());
            }
        }
        return created;
    }

    static List<String> drop(Connection connection, List<TriggerTarget> targets) throws SQLException {
        Dialect dialect = Dialect.of(connection);
        List<String> dropped = new ArrayList<>();
        for (TriggerTarget target : targets) {
            if (TriggerDdl.exists(connection, dialect, target)) {
                execute(connection, TriggerDdl.drop(dialect, target));
                dropped.add(target.reportedName());
            }
        }
        return dropped;
    }

    static List<String> list(Connection connection, Optional<String> schema) throws SQLException {
        return TriggerDdl.names(connection, Dialect.of(connection), schema);
    }

    /** Drops the trigger of {@code target} if it exists; whether every statement of that succeeded. */
    private static boolean dropQuietly(Connection connection, Dialect dialect, TriggerTarget target, SQLException failure) {
        boolean dropped = true;
        for (String sql : TriggerDdl.drop(dialect, target)) {
            try (Statement statement = connection.createStatement()) {
                statement.execute(sql);
            } catch (SQLException e) {
                failure.addSuppressed(e);
                dropped = false;
            }
        }
        return dropped;
    }

    private static void execute(Connection connection, List<String> statements) throws SQLException {
        try (Statement statement = connection.createStatement()) {
            for (String sql : statements) {
                statement.execute(sql);
            }
        }
    }

    private interface Work {
        List<String> run(Connection connection) throws SQLException;
    }

    /** Runs {@code work} in one transaction where the database allows transactional DDL. */
    private static List<String> withConnection(DataSource dataSource, String operation, Work work) {
        try (Connection connection = dataSource.getConnection()) {
            boolean autoCommit = connection.getAutoCommit();
            connection.setAutoCommit(false);
            try {
                List<String> names = work.run(connection);
                connection.commit();
                return names;
            } catch (SQLException | RuntimeException e) {
                connection.rollback();
                throw e;
            } finally {
                connection.setAutoCommit(autoCommit);
            }
        } catch (SQLException e) {
            throw SqlFailure.exception(operation, e);
        }
    }
}
