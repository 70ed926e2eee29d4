package org.optilock.runtime.internal;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.temporal.ChronoUnit;
import java.util.Arrays;

/**
 * Compares values as the database compares what it stores: for a batch row the driver gave no count
 * for, for {@code isChanged}, and for the field-by-field choices of a merge.
 */
final class StoredValues {

    private StoredValues() {}

    /**
     * Whether a value read back from the database is the value that was written: numbers by value
     * ({@code BigDecimal} scale aside), arrays by content, points in time by instant and to the
     * microsecond, the rest by {@code equals}.
     */
    static boolean sameValue(Object stored, Object written) {
        if (stored == written) {
            return true;
        }
        if (stored == null || written == null) {
            return false;
        }
        if (stored instanceof BigDecimal a && written instanceof BigDecimal b) {
            return a.compareTo(b) == 0;
        }
        if (stored instanceof byte[] a && written instanceof byte[] b) {
            return Arrays.equals(a, b);
        }
        if (stored instanceof OffsetDateTime a && written instanceof OffsetDateTime b) {
            return a.toInstant().truncatedTo(ChronoUnit.MICROS).equals(b.toInstant().truncatedTo(ChronoUnit.MICROS));
        }
        if (stored instanceof Instant a && written instanceof Instant b) {
            return a.truncatedTo(ChronoUnit.MICROS).equals(b.truncatedTo(ChronoUnit.MICROS));
        }
        if (stored instanceof LocalDateTime a && written instanceof LocalDateTime b) {
            return a.truncatedTo(ChronoUnit.MICROS).equals(b.truncatedTo(ChronoUnit.MICROS));
        }
        return stored.equals(written);
    }
}
