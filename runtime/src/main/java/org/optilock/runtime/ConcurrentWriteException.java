package org.optilock.runtime;

import java.sql.SQLException;

/**
 * The database refused a DAO's write, or its commit, because another transaction wrote the same rows
 * at the same time: a serialization failure (PostgreSQL {@code SERIALIZABLE}), a deadlock, or a
 * cluster's certification failure (MariaDB Galera). That is another writer winning, as for any
 * {@link RecordModifiedException}: nothing of the call was written, the caller's object keeps its
 * version and key, and running the read-modify-write again ({@link Retry#onConflict}) succeeds.
 *
 * <p>Unlike a plain conflict, the version condition did not fail: the database did not say which
 * version won. {@link #current()} is the row as read again after the failure, where the connection
 * could still read it; {@link #isCurrentKnown()} says whether it could. The driver's exception is the
 * cause.
 */
public class ConcurrentWriteException extends RecordModifiedException {

    private static final long serialVersionUID = 1L;

    private final boolean currentKnown;

    /**
     * @param entity the object the caller tried to write
     * @param entityType the entity class
     * @param id the key of the row
     * @param expectedVersion the version the caller's object held
     * @param current the row as read after the failure, or {@code null} when it is gone or could not be read
     * @param currentVersion the version of {@code current}, or {@code null}
     * @param currentKnown whether the row could be read after the failure
     * @param cause the driver's exception
     */
    public ConcurrentWriteException(Object entity, Class<?> entityType, Object id, Object expectedVersion,
            Object current, Object currentVersion, boolean currentKnown, SQLException cause) {
        super(describe(entityType, id, expectedVersion, cause), cause, entity, entityType, id, expectedVersion, current,
                currentVersion);
        this.currentKnown = currentKnown;
    }

    private static String describe(Class<?> entityType, Object id, Object expectedVersion, SQLException cause) {
        return entityType.getSimpleName() + " with id " + id + " (version " + expectedVersion
                + ") was written by another transaction at the same time, and the database refused this write ("
                + cause.getMessage() + ", SQLState " + cause.getSQLState() + "). Nothing was written; reload it,"
                + " reapply your change and save again.";
    }

    /** Whether {@link #current()} holds the row as read after the failure (or its absence). */
    public boolean isCurrentKnown() {
        return currentKnown;
    }

    /** Whether the row was read after the failure and is gone. */
    @Override
    public boolean isDeleted() {
        return currentKnown && super.isDeleted();
    }

    /** The driver's exception. */
    @Override
    public synchronized SQLException getCause() {
        return (SQLException) super.getCause();
    }
}
