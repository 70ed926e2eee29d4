package org.optilock.runtime.internal;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import org.junit.jupiter.api.Test;

class StoredValuesTest {

    @Test
    void valuesAreComparedAsTheDatabaseStoresThem() {
        assertTrue(StoredValues.sameValue(new BigDecimal("10.0"), new BigDecimal("10.00")));
        assertTrue(StoredValues.sameValue(new byte[] {1, 2}, new byte[] {1, 2}));
        assertTrue(StoredValues.sameValue(OffsetDateTime.parse("2026-12-05T07:00:00+01:00"),
                OffsetDateTime.parse("2026-12-05T06:00:00Z")));
        assertTrue(StoredValues.sameValue(LocalDateTime.parse("2026-12-05T07:00:00.1234561"),
                LocalDateTime.parse("2026-12-05T07:00:00.123456")), "to the microsecond, as the columns keep them");
        assertFalse(StoredValues.sameValue(null, 0L));
        assertFalse(StoredValues.sameValue(1L, 2L));
    }
}
