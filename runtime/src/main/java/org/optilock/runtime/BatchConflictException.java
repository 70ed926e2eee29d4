package org.optilock.runtime;

import jakarta.persistence.OptimisticLockException;
import java.util.List;
import java.util.stream.Collectors;

/**
 * A {@link BatchPolicy#ABORT_ALL} batch found rows that other writers had changed or deleted, so it
 * wrote nothing: the database is exactly as it was before the call, and the entities keep their
 * versions. {@link #conflicts()} names every conflicting row, each with its current state.
 */
public class BatchConflictException extends OptimisticLockException {

    private static final long serialVersionUID = 1L;

    /** How many conflicting rows the message names. */
    private static final int NAMED = 10;

    private final transient List<RecordModifiedException> conflicts;

    /** @param conflicts every conflicting row of the batch, at least one */
    public BatchConflictException(List<RecordModifiedException> conflicts) {
        super(describe(conflicts));
        this.conflicts = List.copyOf(conflicts);
    }

    /**
     * The first {@value #NAMED} rows are named in the message, and the rest counted: a batch of
     * thousands of stale rows would otherwise write a message of hundreds of kilobytes into every log
     * that records it. {@link #conflicts()} has them all.
     */
    private static String describe(List<RecordModifiedException> conflicts) {
        String named = conflicts.stream()
                .limit(NAMED)
                .map(c -> c.entityType().getSimpleName() + " " + c.id() + " (expected version " + c.expectedVersion()
                        + ", " + (c.isDeleted() ? "deleted" : "found " + c.currentVersion()) + ")")
                .collect(Collectors.joining(", "));
        String more = conflicts.size() > NAMED
                ? " and " + (conflicts.size() - NAMED) + " more (conflicts() lists every one)"
                : "";
        return conflicts.size() + (conflicts.size() == 1 ? " row was" : " rows were")
                + " changed by other writers, so nothing of the batch was written: " + named + more
                + ". Reload them and try again.";
    }

    /** Every conflicting row, in the order the entities were given. */
    public List<RecordModifiedException> conflicts() {
        return conflicts;
    }
}
