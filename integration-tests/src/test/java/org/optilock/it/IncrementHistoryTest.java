package org.optilock.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.SQLException;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.optilock.it.support.IncrementHistory;
import org.optilock.it.support.IncrementHistory.Result;
import org.optilock.runtime.DataAccessException;
import org.optilock.runtime.WriteOutcomeUnknownException;

/** The checker the cluster tests share finds what it is there to find. */
class IncrementHistoryTest {

    private static IncrementHistory history(long acknowledged, long failed, long inDoubt) {
        IncrementHistory history = new IncrementHistory();
        for (long i = 0; i < acknowledged; i++) {
            history.record("a", Result.ACKNOWLEDGED);
        }
        for (long i = 0; i < failed; i++) {
            history.record("a", Result.FAILED);
        }
        for (long i = 0; i < inDoubt; i++) {
            history.record("a", Result.IN_DOUBT);
        }
        return history;
    }

    @Test
    void totalsThatHoldEveryAcknowledgedIncrementAndSomeInDoubtHold() {
        IncrementHistory.Check check = history(10, 3, 2).check(Map.of("a", 11L));

        assertTrue(check.holds(), check::toString);
        assertEquals(new IncrementHistory.Check(15, 10, 3, 2, 1, 0, 0), check);
        assertEquals("15 operations: 10 acknowledged, 3 failed, 2 in doubt (1 of them landed); 0 acknowledged lost,"
                + " 0 landed beyond the acknowledged and in doubt", check.toString());
    }

    @Test
    void aLostAcknowledgedIncrementIsFound() {
        IncrementHistory.Check check = history(10, 0, 2).check(Map.of("a", 9L));

        assertFalse(check.holds());
        assertEquals(1, check.lost());
    }

    @Test
    void aFailedIncrementThatLandedOrOneThatLandedTwiceIsFound() {
        IncrementHistory.Check check = history(10, 3, 1).check(Map.of("a", 12L));

        assertFalse(check.holds());
        assertEquals(1, check.beyond());
        assertFalse(new IncrementHistory().check(Map.of("b", 1L)).holds(), "a row nobody wrote has moved");
    }

    @Test
    void aHistoryPrintedByAnotherProcessReadsBackAndAdds() {
        IncrementHistory other = history(4, 1, 2);
        other.record("b", Result.ACKNOWLEDGED);
        String output = "failure DataAccessException: Could not update Counter\n" + other.toLine() + "\n";
        IncrementHistory merged = history(1, 0, 0);

        merged.add(IncrementHistory.parse(output));

        assertEquals("history a=5/1/2 b=1/0/0", merged.toLine());
        assertTrue(merged.check(Map.of("a", 6L, "b", 1L)).holds());
    }

    @Test
    void anOperationIsRecordedAsItEnded() {
        IncrementHistory history = new IncrementHistory();
        history.increment("a", () -> 1);
        SQLException lost = new SQLException("lost", "08006");
        assertThrows(WriteOutcomeUnknownException.class, () -> history.increment("a", () -> {
            throw new WriteOutcomeUnknownException("update Counter", lost, "during the commit", new Object(), Object.class,
                    "a", 1, 2);
        }));
        assertThrows(DataAccessException.class, () -> history.increment("a", () -> {
            throw new DataAccessException("update Counter", lost);
        }));

        assertEquals("history a=1/1/1", history.toLine());
    }
}
