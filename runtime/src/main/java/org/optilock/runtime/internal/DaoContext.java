package org.optilock.runtime.internal;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.Objects;
import javax.sql.DataSource;
import org.optilock.runtime.Concurrency;
import org.optilock.runtime.Dialect;
import org.optilock.runtime.OptilockSettings;
import org.optilock.runtime.RecordModifiedException;
import org.optilock.runtime.VersionClock;

/**
 * Where a generated DAO gets its connections and settings, and the decisions it takes from them
 * before each write. One per DAO instance.
 */
public final class DaoContext {

    private final DataSource dataSource;
    private final Connection connection;
    private static final System.Logger LOG = System.getLogger("org.optilock");

    private final OptilockSettings settings;
    private volatile Dialect dialect;
    private volatile boolean triggerChecked;

    private DaoContext(DataSource dataSource, Connection connection, OptilockSettings settings) {
        this.dataSource = dataSource;
        this.connection = connection;
        this.settings = settings;
    }

    /** Each call borrows a connection from {@code dataSource} and returns it; settings follow the global ones. */
    public static DaoContext of(DataSource dataSource) {
        return new DaoContext(Objects.requireNonNull(dataSource, "dataSource"), null, null);
    }

    /** Each call borrows a connection from {@code dataSource} and returns it. */
    public static DaoContext of(DataSource dataSource, OptilockSettings settings) {
        return new DaoContext(
                Objects.requireNonNull(dataSource, "dataSource"), null,
                Objects.requireNonNull(settings, "settings"));
    }

    /** Every call uses the caller's connection, never committed or closed here; settings follow the global ones. */
    public static DaoContext of(Connection connection) {
        return new DaoContext(null, Objects.requireNonNull(connection, "connection"), null);
    }

    /** Every call uses the caller's connection, never committed or closed here. */
    public static DaoContext of(Connection connection, OptilockSettings settings) {
        return new DaoContext(
                null, Objects.requireNonNull(connection, "connection"),
                Objects.requireNonNull(settings, "settings"));
    }

    /** A connection for one DAO call. */
    public ConnectionLease lease() throws SQLException {
        return connection != null
                ? ConnectionLease.borrowed(connection)
                : ConnectionLease.owned(dataSource.getConnection());
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
     * updates still move the version, but updates from outside go unseen. Looks once per DAO, on its
     * first update.
     */
    public void warnIfTriggerMissing(Connection connection, TriggerTarget target) throws SQLException {
        if (triggerChecked) {
            return;
        }
        triggerChecked = true;
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

    private static boolean isUnset(Object version) {
        return version == null || (version instanceof Number number && number.longValue() == 0);
    }
}
