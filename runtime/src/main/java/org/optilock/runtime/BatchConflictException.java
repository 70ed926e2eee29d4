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

    private final transient List<RecordModifiedException> conflicts;

    /** @param conflicts every conflicting row of the batch, at least one */
    public BatchConflictException(List<RecordModifiedException> conflicts) {
        super(describe(conflicts));
        this.conflicts = List.copyOf(conflicts);
    }

    private static String describe(List<RecordModifiedException> conflicts) {
        return conflicts.size() + (conflicts.size() == 1 ? " row was" : " rows were")
                + " changed by other writers, so nothing of the batch was written: "
                + conflicts.stream()
                        .map(c -> c.entityType().getSimpleName() + " " + c.id() + " (expected version "
                                + c.expectedVersion() + ", " + (c.isDeleted() ? "deleted" : "found " + c.currentVersion()) + ")")
                        .collect(Collectors.joining(", "))
                + ". Reload them and try again.";
    }

    /** Every conflicting row, in the order the entities were given. */
    public List<RecordModifiedException> conflicts() {
        return conflicts;
    }
}
