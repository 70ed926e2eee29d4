package org.optilock.runtime;

import java.sql.SQLException;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * A write whose outcome nobody can know: the connection was lost after the write was sent and before
 * the database's answer came back, either during the commit or while a statement that commits itself
 * (auto-commit) ran; or a cluster node (Galera) lost the cluster's primary component while it
 * replicated the write. The database may have applied it, and it is durable then, or it may not have.
 * This is what failover, a server crash or a broken network does to the writes in flight.
 * {@link Retry#onConflict} never retries it: running a read-modify-write again after a write that
 * landed would apply the change a second time.
 *
 * <p>Whatever happened in the database, the caller's objects are as they were before the call: same
 * version, same key. To learn the outcome, read the row again. With a version check the two cases are
 * told apart by its version: {@link #versionIfWritten()} means the write landed, {@link #expectedVersion()}
 * means it did not and saving again is safe (a save of the unchanged copy that did land is refused as
 * a conflict, so it is never applied twice). They look the same only when another writer made the
 * identical change from the same version in between, which leaves the same row either way. Every
 * other failure keeps its own exception: a conflict is a {@link RecordModifiedException}, a
 * connection lost where the database rolls the write back (inside a transaction not yet committing)
 * is a plain {@link DataAccessException}.
 */
public class WriteOutcomeUnknownException extends DataAccessException {

    private static final long serialVersionUID = 1L;

    private final transient Class<?> entityType;
    private final transient List<?> entities;
    private final transient Object key;
    private final transient Object expectedVersion;
    private final transient Object versionIfWritten;
    private final boolean batch;

    /**
     * The outcome of a write of one entity.
     *
     * @param operation what the DAO was doing, such as {@code "update Article"}
     * @param cause the driver's exception for the lost connection
     * @param loss what was lost and when, such as {@code "the connection was lost during the commit"}
     * @param entity the object the caller tried to write, left as it was
     * @param entityType the entity class
     * @param key the key of its row, or {@code null} when the database was to generate it
     * @param expectedVersion the version the object holds, or {@code null} for an insert
     * @param versionIfWritten the version the row has if the write landed: {@code null} for a delete, or
     *     where the database decides it (a trigger)
     */
    public WriteOutcomeUnknownException(String operation, SQLException cause, String loss, Object entity,
            Class<?> entityType, Object key, Object expectedVersion, Object versionIfWritten) {
        this(operation, cause, advice(loss, entityType, key, expectedVersion, versionIfWritten), entityType,
                List.of(entity), key, expectedVersion, versionIfWritten, false);
    }

    /**
     * The outcome of a batch: committed whole or not at all where it had a transaction of its own, else
     * row by row, each row committing itself.
     *
     * @param operation what the DAO was doing, such as {@code "update a batch of Article"}
     * @param cause the driver's exception for the lost connection
     * @param loss what was lost and when, such as {@code "the connection was lost during the commit"}
     * @param allOrNone whether the batch was one commit, so that all of its rows were written or none
     * @param entities the objects of the batch, left as they were
     * @param entityType the entity class
     */
    public WriteOutcomeUnknownException(String operation, SQLException cause, String loss, boolean allOrNone,
            List<?> entities, Class<?> entityType) {
        this(operation, cause, sentence(loss) + ", after the batch was sent, so "
                + (allOrNone ? "either all " + entities.size() + " rows of it were written or none was"
                        : "any of its " + entities.size() + " rows may have been written")
                + ". The objects keep their old versions. Read the rows again to tell, before writing them again.",
                entityType, List.copyOf(entities), null, null, null, true);
    }

    private WriteOutcomeUnknownException(String operation, SQLException cause, String advice, Class<?> entityType,
            List<?> entities, Object key, Object expectedVersion, Object versionIfWritten, boolean batch) {
        super(operation, cause, advice);
        this.entityType = Objects.requireNonNull(entityType, "entityType");
        this.entities = entities;
        this.key = key;
        this.expectedVersion = expectedVersion;
        this.versionIfWritten = versionIfWritten;
        this.batch = batch;
    }

    private static String advice(String loss, Class<?> entityType, Object key, Object expectedVersion,
            Object versionIfWritten) {
        String row = entityType.getSimpleName() + (key == null ? "" : " with id " + key);
        StringBuilder advice = new StringBuilder(sentence(loss))
                .append(", after the write was sent: it may or may not have been applied, and the object keeps")
                .append(" its old version. Read ").append(row).append(" again to tell");
        if (expectedVersion != null && versionIfWritten != null) {
            advice.append(": version ").append(versionIfWritten).append(" means it was written, version ")
                    .append(expectedVersion).append(" that it was not and saving again is safe");
        }
        return advice.append('.').toString();
    }

    /** {@code clause} begun as a sentence. */
    private static String sentence(String clause) {
        return Character.toUpperCase(clause.charAt(0)) + clause.substring(1);
    }

    /** The entity class. */
    public Class<?> entityType() {
        return entityType;
    }

    /**
     * The object whose write is in doubt, as it was before the call.
     *
     * @throws IllegalStateException for a batch, whose objects are {@link #entities()}
     */
    public Object entity() {
        if (batch) {
            throw new IllegalStateException("A batch of " + entities.size() + " was in doubt: see entities()");
        }
        return entities.get(0);
    }

    /** The objects whose write is in doubt: the one of a single write, or every one of a batch. */
    public List<?> entities() {
        return entities;
    }

    /** Whether it was a batch, whose objects are {@link #entities()}. */
    public boolean isBatch() {
        return batch;
    }

    /** The key of the row of a single write, or {@code null} where the database was to generate it. */
    public Object key() {
        return key;
    }

    /** The version the object held when it was sent: empty for an insert and a batch. */
    public Optional<Object> expectedVersion() {
        return Optional.ofNullable(expectedVersion);
    }

    /**
     * The version the row has if the write landed: empty for a delete, a batch, or where the database
     * decides the version (a trigger).
     */
    public Optional<Object> versionIfWritten() {
        return Optional.ofNullable(versionIfWritten);
    }
}
