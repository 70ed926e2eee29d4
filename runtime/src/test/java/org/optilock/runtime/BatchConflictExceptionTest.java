package org.optilock.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.stream.LongStream;
import org.junit.jupiter.api.Test;

class BatchConflictExceptionTest {

    @Test
    void theMessageNamesEveryRowOfASmallBatch() {
        BatchConflictException aborted = new BatchConflictException(List.of(
                new RecordModifiedException("mine", String.class, 7L, 1L, "theirs", 2L),
                new RecordModifiedException("mine", String.class, 8L, 3L, null, null)));

        assertEquals("2 rows were changed by other writers, so nothing of the batch was written: "
                + "String 7 (expected version 1, found 2), String 8 (expected version 3, deleted). "
                + "Reload them and try again.", aborted.getMessage());
    }

    @Test
    void theMessageNamesTheFirstTenRowsAndCountsTheRest() {
        List<RecordModifiedException> conflicts = LongStream.rangeClosed(1, 10_000)
                .mapToObj(id -> new RecordModifiedException("mine", String.class, id, 1L, "theirs", 2L))
                .toList();

        BatchConflictException aborted = new BatchConflictException(conflicts);

        assertEquals("10000 rows were changed by other writers, so nothing of the batch was written: "
                + "String 1 (expected version 1, found 2), String 2 (expected version 1, found 2), "
                + "String 3 (expected version 1, found 2), String 4 (expected version 1, found 2), "
                + "String 5 (expected version 1, found 2), String 6 (expected version 1, found 2), "
                + "String 7 (expected version 1, found 2), String 8 (expected version 1, found 2), "
                + "String 9 (expected version 1, found 2), String 10 (expected version 1, found 2)"
                + " and 9990 more (conflicts() lists every one). Reload them and try again.", aborted.getMessage());
        assertEquals(10_000, aborted.conflicts().size());
    }
}
