package org.optilock.runtime.internal;

import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.SQLException;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.optilock.runtime.Concurrency;
import org.optilock.runtime.ConnectionSource;
import org.optilock.runtime.Dialect;
import org.optilock.runtime.OptilockSettings;
import org.optilock.runtime.RecordModifiedException;
import org.optilock.runtime.VersionClock;
import org.optilock.runtime.WriteObserver;

/**
 * Where a generated DAO gets its connections, settings and database, and the decisions it takes from
 * them before each write. One per DAO instance.
 */
final class DaoContext {

    private static final System.Logger LOG = System.getLogger("org.optilock");

    /** The triggers already looked for, by database and name: DAOs built per transaction look once. */
    private static final Set<String> CHECKED_TRIGGERS = ConcurrentHashMap.newKeySet();

    private final ConnectionSource connections;
    private final OptilockSettings settings;
    private volatile DialectSupport database;
    private volatile boolean triggerChecked;

    /** Each call takes its connection from {@code connections}; {@code settings} {@code null} follows the global ones. */
    DaoContext(ConnectionSource connections, OptilockSettings settings) {
        this.connections = connections;
        this.settings = settings;
    }

    /**
     * A connection for one DAO call. The first one also tells the DAO its database, which it keeps:
     * every later call knows it without asking the connection again.
     */
    ConnectionSource.Lease lease() throws SQLException {
        ConnectionSource.Lease lease = connections.lease();
        if (database == null) {
            try {
                database = DialectSupport.of(Dialect.of(lease.connection()));
            } catch (SQLException | RuntimeException e) {
                try {
                    lease.close();
                } catch (SQLException closing) {
                    e.addSuppressed(closing);
                }
                throw e;
            }
        }
        return lease;
    }

    /** The DAO's database, known from its first lease on. */
    DialectSupport database() {
        return database;
    }

    /**
     * Logs a warning when the version trigger of a {@code TRIGGER} entity is missing: Optilock's own
     * updates still move the version, but updates from outside go unseen. Looks on the first update of
     * a DAO, once per database and trigger: DAOs built for each transaction do not look again.
     */
    void warnIfTriggerMissing(Connection connection, TriggerTarget target) throws SQLException {
        if (triggerChecked) {
            return;
        }
        triggerChecked = true;
        DatabaseMetaData metaData = connection.getMetaData();
        if (!CHECKED_TRIGGERS.add(metaData.getURL() + '\n' + metaData.getUserName() + '\n' + target.table() + '\n'
                + target.triggerName())) {
            return;
        }
        if (!VersionTriggers.exists(connection, database, target)) {
            LOG.log(System.Logger.Level.WARNING, "Version trigger {0} on table {1} does not exist, so updates made"
                    + " outside Optilock will not move the version. Create it with Triggers.create(dataSource, <entity>.class)"
                    + " or the TriggersCommand create command.", target.triggerName(), target.table());
        }
    }

    /** The settings in force for this call. */
    OptilockSettings settings() {
        return settings != null ? settings : OptilockSettings.global();
    }

    /** Whether a write of {@code entityType} whose entity holds {@code expectedVersion} carries the version condition. */
    boolean checksVersion(Class<?> entityType, Object expectedVersion) {
        return checksVersions(entityType) && checksVersion(expectedVersion);
    }

    /**
     * Whether writes of {@code entityType} carry the version condition at all, as the settings and the
     * thread's {@link Concurrency} scope say: what a batch asks once for all its rows.
     */
    boolean checksVersions(Class<?> entityType) {
        return settings().enabled() && Concurrency.isChecked(entityType);
    }

    /** Whether a write whose entity holds {@code expectedVersion} carries the condition, where its type's writes do. */
    boolean checksVersion(Object expectedVersion) {
        return settings().versionFieldRequired() || !OptilockSettings.isUnset(expectedVersion);
    }

    /**
     * Whether an update moves the version. A write without the version condition always does,
     * whatever scope it runs in: left in place, its version would still match every stale copy of the
     * row, and the next of them would overwrite it unseen. Only a checked write can keep its version
     * ({@link Concurrency#withoutIncrement}).
     */
    boolean incrementsVersion(boolean checked) {
        return !checked || Concurrency.isIncrementing();
    }

    /** The probe of a write of {@code entityType} beginning now: one that costs nothing when nothing observes it. */
    WriteProbe probe(Class<?> entityType, WriteObserver.Operation operation) {
        return WriteProbe.start(entityType, operation, settings().writeObserver());
    }

    /** The clock of {@code TIMESTAMP} versions. */
    VersionClock clock() {
        return settings().versionClock();
    }

    /**
     * Tells the conflict listener of {@code conflict} and returns it, for the caller to throw. A
     * listener that throws does not replace the conflict: its exception is suppressed on it.
     */
    <E extends RecordModifiedException> E conflict(E conflict) {
        try {
            settings().conflictListener().onConflict(conflict);
        } catch (RuntimeException e) {
            conflict.addSuppressed(e);
        }
        return conflict;
    }
}
