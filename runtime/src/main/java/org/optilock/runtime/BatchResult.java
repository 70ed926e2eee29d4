package org.optilock.runtime;

import java.util.List;

/**
 * The outcome of {@code updateAll} or {@code deleteAll}: the entities written, with their new
 * versions (new instances for records), and one {@link RecordModifiedException} for each row another
 * writer had changed or deleted, in the order the entities were given.
 *
 * @param <T> the entity type
 */
public final class BatchResult<T> {

    private final List<T> applied;
    private final List<RecordModifiedException> conflicts;

    /** A result; generated DAOs make these. */
    public BatchResult(List<T> applied, List<RecordModifiedException> conflicts) {
        this.applied = List.copyOf(applied);
        this.conflicts = List.copyOf(conflicts);
    }

    /** The entities written, with their new versions; for {@code deleteAll}, the entities deleted. */
    public List<T> applied() {
        return applied;
    }

    /** One exception per row that was not written because another writer came first. */
    public List<RecordModifiedException> conflicts() {
        return conflicts;
    }

    /** Whether every row was written. */
    public boolean isClean() {
        return conflicts.isEmpty();
    }

    @Override
    public String toString() {
        return "BatchResult[applied=" + applied.size() + ", conflicts=" + conflicts.size() + "]";
    }
}
