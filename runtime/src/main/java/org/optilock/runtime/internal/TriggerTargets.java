package org.optilock.runtime.internal;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import javax.sql.DataSource;

/**
 * The version triggers of the {@code Strategy.TRIGGER} entities: registered by their DAOs' static
 * initializers, so that {@code Triggers} can go from an entity class to its table without reading the
 * class reflectively, and created, dropped and listed here for {@code Triggers} and its command line.
 */
public final class TriggerTargets {

    private static final Map<Class<?>, TriggerTarget> TARGETS = new ConcurrentHashMap<>();

    private TriggerTargets() {}

    /** Called by a generated DAO when its class is initialized. */
    public static void register(Class<?> entityType, TriggerTarget target) {
        TARGETS.put(entityType, target);
    }

    /**
     * The trigger targets of {@code entityTypes}, initializing their DAO classes where that has not
     * happened yet.
     *
     * @throws IllegalArgumentException if an entity has no DAO or no TRIGGER version
     */
    public static List<TriggerTarget> of(Class<?>... entityTypes) {
        List<TriggerTarget> targets = new ArrayList<>();
        for (Class<?> entityType : entityTypes) {
            targets.add(of(entityType));
        }
        return targets;
    }

    /** The trigger of {@code entityType}, whose DAO is initialized, if its version has one. */
    static Optional<TriggerTarget> registered(Class<?> entityType) {
        return Optional.ofNullable(TARGETS.get(entityType));
    }

    private static TriggerTarget of(Class<?> entityType) {
        TriggerTarget target = TARGETS.get(entityType);
        if (target != null) {
            return target;
        }
        GeneratedDaos.initialize(entityType);
        target = TARGETS.get(entityType);
        if (target == null) {
            throw new IllegalArgumentException(entityType.getName() + " does not use Strategy.TRIGGER, so it has no"
                    + " version trigger. Annotate its version with @VersionField(strategy = Strategy.TRIGGER).");
        }
        return target;
    }

    /** Opens a connection of its own, to clean up after one that was lost. */
    public interface SpareConnection {
        Connection open() throws SQLException;
    }

    /** The work of one verb on one connection. */
    interface Verb {
        List<String> run(Connection connection) throws SQLException;
    }

    /** Creates the triggers of {@code targets} that do not exist, in one transaction where DDL allows; their names. */
    public static List<String> create(DataSource dataSource, List<TriggerTarget> targets) {
        return inTransaction(dataSource, "create version triggers",
                connection -> VersionTriggers.create(connection, targets, dataSource::getConnection));
    }

    /** Drops the triggers of {@code targets} that exist, in one transaction where DDL allows; their names. */
    public static List<String> drop(DataSource dataSource, List<TriggerTarget> targets) {
        return inTransaction(dataSource, "drop version triggers", connection -> VersionTriggers.drop(connection, targets));
    }

    /** The names of Optilock's version triggers in {@code schema}, or when empty in every schema the connection sees. */
    public static List<String> list(DataSource dataSource, Optional<String> schema) {
        return inTransaction(dataSource, "list version triggers", connection -> VersionTriggers.names(connection, schema));
    }

    /** {@link #create(DataSource, List)} on the caller's {@code connection}, which it neither commits nor closes. */
    public static List<String> create(Connection connection, List<TriggerTarget> targets, SpareConnection spare)
            throws SQLException {
        return VersionTriggers.create(connection, targets, spare);
    }

    /** {@link #drop(DataSource, List)} on the caller's {@code connection}, which it neither commits nor closes. */
    public static List<String> drop(Connection connection, List<TriggerTarget> targets) throws SQLException {
        return VersionTriggers.drop(connection, targets);
    }

    /** {@link #list(DataSource, Optional)} on the caller's {@code connection}. */
    public static List<String> list(Connection connection, Optional<String> schema) throws SQLException {
        return VersionTriggers.names(connection, schema);
    }

    /** Runs {@code verb} in one transaction where the database allows transactional DDL. */
    static List<String> inTransaction(DataSource dataSource, String operation, Verb verb) {
        try (Connection connection = dataSource.getConnection()) {
            boolean autoCommit = connection.getAutoCommit();
            connection.setAutoCommit(false);
            try {
                List<String> names = verb.run(connection);
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
