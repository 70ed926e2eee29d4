package org.optilock.runtime.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class VersionCounterTest {

    @Test
    void countsOnAndStartsUnsetVersionsAtOne() {
        assertEquals(8, VersionCounter.next(7, String.class));
        assertEquals(1, VersionCounter.next((Integer) null, String.class));
        assertEquals(1L, VersionCounter.next((Long) null, String.class));
        assertEquals(Integer.MAX_VALUE + 1L, VersionCounter.next((long) Integer.MAX_VALUE, String.class));
    }

    @Test
    void refusesToWrapAtTheLimitOfItsType() {
        IllegalStateException atInt = assertThrows(IllegalStateException.class,
                () -> VersionCounter.next(Integer.MAX_VALUE, String.class));
        assertTrue(atInt.getMessage().contains("String is at version 2147483647"), atInt.getMessage());
        assertTrue(atInt.getMessage().contains("Widen the version field to long and its column to BIGINT"));
        assertThrows(IllegalStateException.class, () -> VersionCounter.next(Integer.valueOf(Integer.MAX_VALUE), String.class));
        assertThrows(IllegalStateException.class, () -> VersionCounter.next(Long.MAX_VALUE, String.class));
    }
}
