package org.optilock.runtime.internal;

import org.optilock.runtime.OptilockSettings;

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
    /** How many entities' writes are checked; whether every entity held a set version. Fixed at the start. */
    private final int checkedCount;
    private final boolean versionsSet;
    private final boolean[] written;
    private int writtenCount;
    private Object[] versions;
    private boolean[] read;
    private Object[] currents;
    private int statements;

    /**
     * The outcome of a batch whose entity {@code i} held {@code expected[i]} when the batch began, the
     * version its checked write expects, and whose write is {@code checked[i]}: carries the version
     * condition. Both arrays, of the batch's size, are the outcome's from now on.
     */
    BatchOutcome(Object[] expected, boolean[] checked) {
        if (expected.length != checked.length) {
            throw new IllegalArgumentException(expected.length + " versions for " + checked.length + " entities");
        }
        this.expected = expected;
        this.checked = checked;
        this.written = new boolean[expected.length];
        int count = 0;
        boolean set = true;
        for (int i = 0; i < expected.length; i++) {
            count += checked[i] ? 1 : 0;
            set &= !OptilockSettings.isUnset(expected[i]);
        }
        this.checkedCount = count;
        this.versionsSet = set;
    }

    @SuppressWarnings("unchecked") // the versions the batch's entities held, each a V
    V expected(int i) {
        return (V) expected[i];
    }

    /** The positions, in order, of the entities whose writes are {@code checked}, or of the others. */
    int[] indexes(boolean checked) {
        int count = checked ? checkedCount : expected.length - checkedCount;
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

    /**
     * Whether every entity at {@code indexes} held a set version, so that their checked writes may use
     * the plain version condition: only an unset version can match a row whose version is NULL.
     */
    boolean versionsSet(int[] indexes) {
        if (versionsSet) {
            return true;
        }
        for (int i : indexes) {
            if (OptilockSettings.isUnset(expected[i])) {
                return false;
            }
        }
        return true;
    }

    /** Marks row {@code i} written, with the version it got ({@code null} for deletes). */
    void written(int i, V version) {
        if (!written[i]) {
            written[i] = true;
            writtenCount++;
        }
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

    /** Whether every row of the batch was written: then there is no conflict to look for. */
    boolean allWritten() {
        return writtenCount == written.length;
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
