package org.optilock.runtime.internal;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * What a batch did to each of its entities, by position: whether it was written and with which
 * version, and the row as it is now where that was read already (so a conflict does not read it
 * twice).
 *
 * @param <T> the entity type
 * @param <V> the version type, boxed
 */
final class BatchOutcome<T, V> {

    private final boolean[] written;
    private final List<V> versions;
    private final boolean[] read;
    private final List<T> currents;
    private int statements;

    BatchOutcome(int size) {
        written = new boolean[size];
        read = new boolean[size];
        versions = new ArrayList<>(Collections.nCopies(size, null));
        currents = new ArrayList<>(Collections.nCopies(size, null));
    }

    /** Marks row {@code i} written, with the version it got ({@code null} for deletes). */
    void written(int i, V version) {
        written[i] = true;
        versions.set(i, version);
    }

    boolean isWritten(int i) {
        return written[i];
    }

    V version(int i) {
        return versions.get(i);
    }

    /** Keeps the row of entity {@code i} as read now ({@code null}: gone). */
    void current(int i, T current) {
        read[i] = true;
        currents.set(i, current);
    }

    boolean hasCurrent(int i) {
        return read[i];
    }

    T current(int i) {
        return currents.get(i);
    }

    /** The batch ran {@code count} more statements on the entity's table. */
    void ran(int count) {
        statements += count;
    }

    /** The statements the batch ran on the entity's table, as counted by {@link #ran}. */
    int statements() {
        return statements;
    }
}
