package org.optilock.runtime.internal;

/**
 * What a batch knows of each of its entities, by position: the version it held when the batch began
 * (read once, for every statement that binds or tests it), whether it was written and with which
 * version, and the row as it is now where that was read already (so a conflict does not read it
 * twice).
 *
 * @param <T> the entity type
 * @param <V> the version type, boxed
 */
final class BatchOutcome<T, V> {

    private final Object[] expected;
    private final boolean[] written;
    private final Object[] versions;
    private final boolean[] read;
    private final Object[] currents;
    private int statements;

    BatchOutcome(int size) {
        expected = new Object[size];
        written = new boolean[size];
        read = new boolean[size];
        versions = new Object[size];
        currents = new Object[size];
    }

    /** Keeps the version entity {@code i} held when the batch began: the one its checked write expects. */
    void expected(int i, V version) {
        expected[i] = version;
    }

    @SuppressWarnings("unchecked") // only expected(int, V) puts a version here
    V expected(int i) {
        return (V) expected[i];
    }

    /** Marks row {@code i} written, with the version it got ({@code null} for deletes). */
    void written(int i, V version) {
        written[i] = true;
        versions[i] = version;
    }

    boolean isWritten(int i) {
        return written[i];
    }

    @SuppressWarnings("unchecked") // only written() puts a version here
    V version(int i) {
        return (V) versions[i];
    }

    /** Keeps the row of entity {@code i} as read now ({@code null}: gone). */
    void current(int i, T current) {
        read[i] = true;
        currents[i] = current;
    }

    boolean hasCurrent(int i) {
        return read[i];
    }

    @SuppressWarnings("unchecked") // only current() puts a row here
    T current(int i) {
        return (T) currents[i];
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
