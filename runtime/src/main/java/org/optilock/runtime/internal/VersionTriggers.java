package org.optilock.runtime.internal;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.optilock.runtime.Dialect;

/**
 * Finds, creates, drops and lists version triggers on one connection, with the DDL of its database's
 * {@link DialectSupport}. Each trigger moves the version of any update that left it unchanged (an
 * update from outside Optilock), so Optilock's own updates, which move it themselves, are never
 * counted twice.
 */
final class VersionTriggers {

    private VersionTriggers() {}

    /** Whether a trigger named like {@code target}'s exists in the schema of its table. */
    static boolean exists(Connection connection, DialectSupport database, TriggerTarget target) throws SQLException {
        Optional<String> schema = target.schema();
        try (PreparedStatement statement = connection.prepareStatement(database.triggers().countQuery(schema))) {
            int index = bindSchema(statement, database, schema);
            statement.setString(index, TriggerTarget.unquoted(target.triggerName()));
            try (ResultSet resultSet = statement.executeQuery()) {
                return resultSet.next() && resultSet.getLong(1) > 0;
            }
        }
    }

    /**
     * The names of Optilock's version triggers in {@code schema}, each qualified by it; or, when it is
     * empty, in every schema the connection can see, those outside its current schema qualified. In
     * lower case, sorted.
     */
    static List<String> names(Connection connection, Optional<String> schema) throws SQLException {
        DialectSupport database = DialectSupport.of(Dialect.of(connection));
        if (schema.isEmpty()) {
            List<String> names = new ArrayList<>(database.triggers().namesEverywhere(connection));
            names.sort(null);
            return names;
        }
        List<String> names = new ArrayList<>();
        try (PreparedStatement statement = connection.prepareStatement(database.triggers().namesQuery(schema))) {
            bindSchema(statement, database, schema);
            try (ResultSet resultSet = statement.executeQuery()) {
                while (resultSet.next()) {
                    names.add((TriggerTarget.unquoted(schema.get()) + "." + resultSet.getString(1)).toLowerCase(Locale.ROOT));
                }
            }
        }
        names.sort(null);
        return names;
    }

    /** Binds {@code schema} first where the database's queries take it; the index of the next parameter. */
    private static int bindSchema(PreparedStatement statement, DialectSupport database, Optional<String> schema)
            throws SQLException {
        if (schema.isPresent() && database.triggers().bindsSchema()) {
            statement.setString(1, TriggerTarget.unquoted(schema.get()));
            return 2;
        }
        return 1;
    }

    /**
     * Creates the missing triggers of {@code targets} on {@code connection}. A trigger half made when a
     * statement fails is dropped again: on {@code connection}, or, when that connection is lost, on one
     * from {@code spare}.
     */
    static List<String> create(Connection connection, List<TriggerTarget> targets, TriggerTargets.SpareConnection spare)
            throws SQLException {
        DialectSupport database = DialectSupport.of(Dialect.of(connection));
        List<String> created = new ArrayList<>();
        for (TriggerTarget target : targets) {
            if (exists(connection, database, target)) {
                continue;
            }
            try {
                execute(connection, database.createTrigger(target));
            } catch (SQLException e) {
                // Where each DDL statement commits itself, a trigger half made must be dropped here, or it
                // stays behind (on H2 a trigger without its comment fails every update of the table).
                if (!dropQuietly(connection, database, target, e) && database.ddlCommits()) {
                    // The connection itself failed, lost half-way: what it committed is dropped from
                    // another. (Elsewhere the rollback undoes it, and another connection would wait for
                    // this one's locks on the table.)
                    try (Connection fresh = spare.open()) {
                        dropQuietly(fresh, database, target, e);
                    } catch (SQLException lost) {
                        e.addSuppressed(lost);
                    }
                }
                throw e;
            }
            created.add(target.reportedName());
        }
        return created;
    }

    /** Drops the triggers of {@code targets} that exist. */
    static List<String> drop(Connection connection, List<TriggerTarget> targets) throws SQLException {
        DialectSupport database = DialectSupport.of(Dialect.of(connection));
        List<String> dropped = new ArrayList<>();
        for (TriggerTarget target : targets) {
            if (exists(connection, database, target)) {
                execute(connection, database.dropTrigger(target));
                dropped.add(target.reportedName());
            }
        }
        return dropped;
    }

    /** Drops the trigger of {@code target} if it exists; whether every statement of that succeeded. */
    private static boolean dropQuietly(Connection connection, DialectSupport database, TriggerTarget target,
            SQLException failure) {
        boolean dropped = true;
        for (String sql : database.dropTrigger(target)) {
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
}
