package org.optilock.runtime.internal;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** What a batch keeps of each entity: the positions it hands each path, and what it keeps only when there is some. */
class BatchOutcomeTest {

    @Test
    void theCheckedAndTheUncheckedPositionsComeInOrderAndTogetherCoverTheBatch() {
        BatchOutcome<String, Long> outcome = outcome(new Object[] {0L, 1L, 2L, 3L, 4L},
                new boolean[] {true, false, true, true, false});
        assertArrayEquals(new int[] {0, 2, 3}, outcome.indexes(true));
        assertArrayEquals(new int[] {1, 4}, outcome.indexes(false));
        assertEquals(3L, outcome.expected(3));
    }

    @Test
    void aBatchWithoutUncheckedRowsHasNoneAndAnEmptyBatchHasNeither() {
        BatchOutcome<String, Long> outcome = outcome(new Object[] {1L, 1L}, new boolean[] {true, true});
        assertArrayEquals(new int[] {0, 1}, outcome.indexes(true));
        assertEquals(0, outcome.indexes(false).length);
        BatchOutcome<String, Long> empty = outcome(new Object[0], new boolean[0]);
        assertEquals(0, empty.indexes(true).length);
        assertEquals(0, empty.indexes(false).length);
        assertTrue(empty.allWritten(), "nothing to write, so no conflict to look for");
    }

    @Test
    void versionsAreSetForEveryPositionOnlyWhenNoneThereIsUnset() {
        BatchOutcome<String, Long> allSet = outcome(new Object[] {1L, 7L}, new boolean[] {true, true});
        assertTrue(allSet.versionsSet(new int[] {0, 1}));
        BatchOutcome<String, Long> oneUnset = outcome(new Object[] {1L, 0L, null, 3L},
                new boolean[] {true, true, true, false});
        assertTrue(oneUnset.versionsSet(new int[] {0, 3}));
        assertFalse(oneUnset.versionsSet(new int[] {0, 1}), "0 is a number's unset version");
        assertFalse(oneUnset.versionsSet(new int[] {2}), "null is unset");
    }

    @Test
    void aRowWrittenTwiceCountsOnceTowardsEveryRowWritten() {
        BatchOutcome<String, Long> outcome = outcome(new Object[] {1L, 1L}, new boolean[] {true, true});
        outcome.written(0, 2L);
        outcome.written(0, 2L); // a read-back proving a row the batch counted already
        assertFalse(outcome.allWritten());
        outcome.written(1, 2L);
        assertTrue(outcome.allWritten());
    }

    @Test
    void versionsAndFlagsOfDifferentLengthsAreRefused() {
        assertThrows(IllegalArgumentException.class, () -> outcome(new Object[] {1L}, new boolean[2]));
    }

    private static BatchOutcome<String, Long> outcome(Object[] expected, boolean[] checked) {
        return new BatchOutcome<>(expected, checked);
    }

    @Test
    void versionsWrittenAndRowsReadAreThereOnlyWhereTheyWereKept() {
        BatchOutcome<String, Long> outcome = outcome(new Object[] {1L, 1L, 1L}, new boolean[] {true, true, true});
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
