package org.optilock.runtime.internal;

import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.SQLException;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.optilock.runtime.Concurrency;
import org.optilock.runtime.ConcurrentWriteException;
import org.optilock.runtime.ConnectionSource;
import org.optilock.runtime.DataAccessException;
import org.optilock.runtime.Dialect;
import org.optilock.runtime.OptilockSettings;
import org.optilock.runtime.RecordModifiedException;
import org.optilock.runtime.VersionClock;

/**
 * Where a generated DAO gets its connections and settings, and the decisions it takes from them
 * before each write. One per DAO instance.
 */
public final class DaoContext {

    private static final System.Logger LOG = System.getLogger("org.optilock");

    private final ConnectionSource connections;
    private final OptilockSettings settings;
    private volatile Dialect dialect;
    private volatile boolean triggerChecked;

    /** The triggers already looked for, by database and name: DAOs built per transaction look once. */
    private static final Set<String> CHECKED_TRIGGERS = ConcurrentHashMap.newKeySet();

    private DaoContext(ConnectionSource connections, OptilockSettings settings) {
        this.connections = connections;
        this.settings = settings;
    }

    /** Each call takes its connection from {@code connections}; settings follow the global ones. */
    public static DaoContext of(ConnectionSource connections) {
        return new DaoContext(Objects.requireNonNull(connections, "connections"), null);
    }

    /** Each call takes its connection from {@code connections}. */
    public static DaoContext of(ConnectionSource connections, OptilockSettings settings) {
        return new DaoContext(Objects.requireNonNull(connections, "connections"), Objects.requireNonNull(settings, "settings"));
    }

    /** A connection for one DAO call. */
    public ConnectionSource.Lease lease() throws SQLException {
        return connections.lease();
    }

    /** The dialect of the database, detected from {@code connection} on the first call and kept. */
    public Dialect dialect(Connection connection) throws SQLException {
        Dialect detected = dialect;
        if (detected == null) {
            detected = Dialect.of(connection);
            dialect = detected;
        }
        return detected;
    }

    /**
     * Logs a warning when the version trigger of a {@code TRIGGER} entity is missing: Optilock's own
     * updates still move the version, but updates from outside go unseen. Looks on the first update of
     * a DAO, once per database and trigger: DAOs built for each transaction do not look again.
     */
    public void warnIfTriggerMissing(Connection connection, TriggerTarget target) throws SQLException {
        if (triggerChecked) {
            return;
        }
        triggerChecked = true;
        DatabaseMetaData database = connection.getMetaData();
        if (!CHECKED_TRIGGERS.add(database.getURL() + '\n' + database.getUserName() + '\n' + target.table() + '\n'
                + target.triggerName())) {
            return;
        }
        if (!TriggerDdl.exists(connection, dialect(connection), target)) {
            LOG.log(System.Logger.Level.WARNING, "Version trigger {0} on table {1} does not exist, so updates made"
                    + " outside Optilock will not move the version. Create it with Triggers.create(dataSource, <entity>.class)"
                    + " or the TriggersCommand create command.", target.triggerName(), target.table());
        }
    }

    /** The settings in force for this call. */
    public OptilockSettings settings() {
        return settings != null ? settings : OptilockSettings.global();
    }

    /**
     * Whether a write of {@code entityType} whose entity holds {@code expectedVersion} carries the
     * version condition.
     */
    public boolean checksVersion(Class<?> entityType, Object expectedVersion) {
        OptilockSettings current = settings();
        if (!current.enabled() || !Concurrency.isChecked(entityType)) {
            return false;
        }
        return current.versionFieldRequired() || !isUnset(expectedVersion);
    }

    /** Whether an update moves the version. */
    public boolean incrementsVersion() {
        return Concurrency.isIncrementing();
    }

    /** The clock of {@code TIMESTAMP} versions. */
    public VersionClock clock() {
        return settings().versionClock();
    }

    /**
     * Tells the conflict listener of {@code conflict} and returns it, for the caller to throw. A
     * listener that throws does not replace the conflict: its exception is suppressed on it.
     */
    public RecordModifiedException conflict(RecordModifiedException conflict) {
        try {
            settings().conflictListener().onConflict(conflict);
        } catch (RuntimeException e) {
            conflict.addSuppressed(e);
        }
        return conflict;
    }

    /**
     * What a public call throws for {@code failure}: a
     * {@link org.optilock.runtime.StatementTimeoutException} when a wait ran
     * out, else a {@link DataAccessException}, each naming {@code operation}.
     */
    public DataAccessException failure(String operation, SQLException failure) {
        return SqlFailure.exception(operation, failure);
    }

    /**
     * What a public write of {@code entity} throws for {@code failure}: when another transaction wrote
     * the row at the same time, a {@link ConcurrentWriteException} with the row read again on a
     * connection of its own where that still works, told to the conflict listener; else
     * {@link #failure}. Called once the call's lease is closed, so its transaction is rolled back.
     */
    public <T> RuntimeException writeFailure(String operation, SQLException failure, BatchRows<T, ?> rows, T entity) {
        if (SqlFailure.of(failure) != SqlFailure.CONCURRENT_WRITE) {
            return failure(operation, failure);
        }
        T current = null;
        boolean known = false;
        SQLException unread = null;
        try (ConnectionSource.Lease lease = connections.lease()) {
            current = rows.current(lease.connection(), entity);
            known = true; // a read: nothing to complete, and a lease closed uncompleted only rolls back

        } catch (SQLException e) {
            // The caller's transaction may be aborted; the conflict stands without the current row.
            unread = e;
        }
        ConcurrentWriteException conflict = new ConcurrentWriteException(entity, rows.entityType(), rows.key(entity),
                rows.version(entity), current, current == null ? null : rows.version(current), known, failure);
        if (unread != null) {
            conflict.addSuppressed(unread);
        }
        return conflict(conflict);
    }

    private static boolean isUnset(Object version) {
        return version == null || (version instanceof Number number && number.longValue() == 0);
    }
}
