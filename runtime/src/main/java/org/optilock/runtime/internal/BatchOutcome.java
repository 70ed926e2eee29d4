package org.optilock.runtime.internal;

/**
 * What a batch knows of each of its entities, by position: the version it held when the batch began
 * (read once, for every statement that binds or tests it) and whether its write carries the version
 * condition, whether it was written and with which version, and the row as it is now where that was
 * read already (so a conflict does not read it twice).
 *
 * <p>The versions written and the rows read are kept only once there is one: a delete writes no
 * version, and most batches read no row, so a batch of 10,000 rows does not clear arrays it never uses.
 *
 * @param <T> the entity type
 * @param <V> the version type, boxed
 */
final class BatchOutcome<T, V> {

    private static final int[] NONE = {};

    private final Object[] expected;
    private final boolean[] checked;
    private final boolean[] written;
    private Object[] versions;
    private boolean[] read;
    private Object[] currents;
    private int statements;

    BatchOutcome(int size) {
        expected = new Object[size];
        checked = new boolean[size];
        written = new boolean[size];
    }

    /**
     * Keeps the version entity {@code i} held when the batch began, the one its checked write expects,
     * and whether its write is {@code checked}: carries the version condition.
     */
    void expected(int i, V version, boolean checked) {
        expected[i] = version;
        this.checked[i] = checked;
    }

    @SuppressWarnings("unchecked") // only expected(int, V, boolean) puts a version here
    V expected(int i) {
        return (V) expected[i];
    }

    /** The positions, in order, of the entities whose writes are {@code checked}, or of the others. */
    int[] indexes(boolean checked) {
        int count = 0;
        for (boolean flag : this.checked) {
            count += flag == checked ? 1 : 0;
        }
        if (count == 0) {
            return NONE;
        }
        int[] indexes = new int[count];
        int k = 0;
        for (int i = 0; k < count; i++) {
            if (this.checked[i] == checked) {
                indexes[k++] = i;
            }
        }
        return indexes;
    }

    /** Marks row {@code i} written, with the version it got ({@code null} for deletes). */
    void written(int i, V version) {
        written[i] = true;
        if (version != null) {
            if (versions == null) {
                versions = new Object[expected.length];
            }
            versions[i] = version;
        }
    }

    boolean isWritten(int i) {
        return written[i];
    }

    @SuppressWarnings("unchecked") // only written() puts a version here
    V version(int i) {
        return versions == null ? null : (V) versions[i];
    }

    /** Keeps the row of entity {@code i} as read now ({@code null}: gone). */
    void current(int i, T current) {
        if (read == null) {
            read = new boolean[expected.length];
            currents = new Object[expected.length];
        }
        read[i] = true;
        currents[i] = current;
    }

    boolean hasCurrent(int i) {
        return read != null && read[i];
    }

    @SuppressWarnings("unchecked") // only current() puts a row here
    T current(int i) {
        return read == null ? null : (T) currents[i];
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
