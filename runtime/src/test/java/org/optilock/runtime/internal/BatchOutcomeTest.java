package org.optilock.runtime.internal;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** What a batch keeps of each entity: the positions it hands each path, and what it keeps only when there is some. */
class BatchOutcomeTest {

    @Test
    void theCheckedAndTheUncheckedPositionsComeInOrderAndTogetherCoverTheBatch() {
        BatchOutcome<String, Long> outcome = new BatchOutcome<>(5);
        boolean[] checked = {true, false, true, true, false};
        for (int i = 0; i < checked.length; i++) {
            outcome.expected(i, (long) i, checked[i]);
        }
        assertArrayEquals(new int[] {0, 2, 3}, outcome.indexes(true));
        assertArrayEquals(new int[] {1, 4}, outcome.indexes(false));

        outcome.expected(3, 3L, false); // read again, now unchecked: counted once, not twice
        outcome.expected(1, 1L, true);
        outcome.expected(1, 1L, true);
        assertArrayEquals(new int[] {0, 1, 2}, outcome.indexes(true));
        assertArrayEquals(new int[] {3, 4}, outcome.indexes(false));
        assertEquals(3L, outcome.expected(3));
    }

    @Test
    void aBatchWithoutUncheckedRowsHasNoneAndAnEmptyBatchHasNeither() {
        BatchOutcome<String, Long> outcome = new BatchOutcome<>(2);
        outcome.expected(0, 1L, true);
        outcome.expected(1, 1L, true);
        assertEquals(0, outcome.indexes(false).length);
        assertEquals(0, new BatchOutcome<String, Long>(0).indexes(true).length);
    }

    @Test
    void versionsWrittenAndRowsReadAreThereOnlyWhereTheyWereKept() {
        BatchOutcome<String, Long> outcome = new BatchOutcome<>(3);
        outcome.written(0, null); // a delete: written, with no version
        assertTrue(outcome.isWritten(0));
        assertNull(outcome.version(0));
        assertFalse(outcome.hasCurrent(0));
        assertNull(outcome.current(0));

        outcome.written(1, 7L);
        outcome.current(2, null); // read, and gone
        assertEquals(7L, outcome.version(1));
        assertNull(outcome.version(0));
        assertFalse(outcome.isWritten(2));
        assertTrue(outcome.hasCurrent(2));
        assertFalse(outcome.hasCurrent(1));
        outcome.current(1, "row");
        assertEquals("row", outcome.current(1));
    }
}
