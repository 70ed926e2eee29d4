package org.optilock.runtime;

import jakarta.persistence.OptimisticLockException;
import java.util.Objects;
import java.util.Optional;

/**
 * An UPDATE or DELETE found that the row no longer has the version the caller read: somebody else
 * changed or deleted it first. Nothing was written; the caller's object keeps its old version and
 * the database keeps the other writer's row.
 *
 * <p>The exception carries the row as it is now ({@link #current()}), read by the one statement
 * that followed the failed write, so the caller can show both versions or merge without another
 * query.
 */
public class RecordModifiedException extends OptimisticLockException {

    private static final long serialVersionUID = 1L;

    private final transient Class<?> entityType;
    private final transient Object id;
    private final transient Object expectedVersion;
    private final transient Object currentVersion;
    private final transient Object current;

    /**
     * Creates the exception for a write that changed no row.
     *
     * @param entity the object the caller tried to write
     * @param entityType the entity class
     * @param id the key of the row
     * @param expectedVersion the version the caller's object held
     * @param current the row as it is now in the database, or {@code null} when it is gone
     * @param currentVersion the version of {@code current}, or {@code null} when the row is gone
     */
    public RecordModifiedException(
            Object entity, Class<?> entityType, Object id, Object expectedVersion,
            Object current, Object currentVersion) {
        this(describe(entityType, id, expectedVersion, current, currentVersion), null, entity, entityType, id,
                expectedVersion, current, currentVersion);
    }

    /** For subclasses that say in their own words, and with the driver's exception, why nothing was written. */
    protected RecordModifiedException(String message, Throwable cause, Object entity, Class<?> entityType, Object id,
            Object expectedVersion, Object current, Object currentVersion) {
        super(message, cause, entity);
        this.entityType = Objects.requireNonNull(entityType, "entityType");
        this.id = id;
        this.expectedVersion = expectedVersion;
        this.current = current;
        this.currentVersion = currentVersion;
    }

    private static String describe(
            Class<?> entityType, Object id, Object expectedVersion, Object current, Object currentVersion) {
        String row = entityType.getSimpleName() + " with id " + id;
        if (current == null) {
            return "There is no " + entityType.getSimpleName() + " row with id " + id
                    + " (deleted, or never inserted; the copy held version " + expectedVersion
                    + "). Nothing was written; reload the list, or insert the record.";
        }
        return row + " was modified by another writer: expected version " + expectedVersion
                + ", found " + currentVersion
                + ". Nothing was written; reload it (see current()), reapply your change and save again.";
    }

    /**
     * The entity class whose row was in conflict; for a DAO of a class versioned from outside, that
     * class (not {@link Versioned}).
     */
    public Class<?> entityType() {
        return entityType;
    }

    /** The key of the row in conflict. */
    public Object id() {
        return id;
    }

    /** The version the caller's object held when it tried to write. */
    public Object expectedVersion() {
        return expectedVersion;
    }

    /** The version the row has now, or {@code null} when the row is gone. */
    public Object currentVersion() {
        return currentVersion;
    }

    /** Whether the row was deleted, rather than changed, by the other writer. */
    public boolean isDeleted() {
        return current == null;
    }

    /**
     * The row as it is now in the database, as the DAO reads it; empty when it is gone. Typed by the
     * caller: {@code Optional<Article> winner = conflict.current();}. For a DAO of a class versioned
     * from outside ({@code @VersionedTable}) it is a {@link Versioned} of the class, as the DAO
     * returns it.
     */
    @SuppressWarnings("unchecked") // the DAO puts an instance of its entity type here, and nothing else
    public <T> Optional<T> current() {
        return Optional.ofNullable((T) current);
    }

    /**
     * The row as it is now, as {@code type}: the DAO's row type, or, for a DAO of a class versioned
     * from outside, also {@link #entityType()} itself (the object without its version, which
     * {@link #currentVersion()} holds), so {@code current(conflict.entityType())} always works.
     *
     * @throws ClassCastException if the row is not of {@code type}
     */
    public <T> Optional<T> current(Class<T> type) {
        if (current instanceof Versioned<?> versioned && !type.isInstance(current)) {
            return Optional.of(type.cast(versioned.value()));
        }
        return Optional.ofNullable(current).map(type::cast);
    }
}
