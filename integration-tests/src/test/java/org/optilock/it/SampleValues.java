package org.optilock.it;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.UUID;

/** A {@link Sample} with a value in every column, and the check that a row read back holds them all. */
final class SampleValues {

    private SampleValues() {}

    /** A new sample with every field set, none to its default. */
    static Sample everyColumnSet() {
        Sample sample = new Sample();
        sample.flag = true;
        sample.boxedFlag = false;
        sample.tiny = 7;
        sample.boxedTiny = -7;
        sample.small = 300;
        sample.boxedSmall = -300;
        sample.letter = 'é';
        sample.boxedLetter = 'Z';
        sample.number = 70_000;
        sample.boxedNumber = -70_000;
        sample.big = 5_000_000_000L;
        sample.boxedBig = -5_000_000_000L;
        sample.ratio = 1.5f;
        sample.boxedRatio = -2.25f;
        sample.measure = Math.PI;
        sample.boxedMeasure = -Math.E;
        sample.text = "naïve café ☕";
        sample.amount = new BigDecimal("12345.6789");
        sample.payload = new byte[] {0, 1, 2, (byte) 0xFF};
        sample.reference = UUID.randomUUID();
        sample.status = Sample.Status.ACTIVE;
        sample.statusOrdinal = Sample.Status.RETIRED;
        sample.birthday = LocalDate.of(1815, 12, 10);
        sample.wallClock = LocalDateTime.of(2024, 2, 29, 23, 59, 58, 123_456_000);
        sample.instant = Instant.parse("2025-01-02T03:04:05.678901Z");
        sample.offsetTime = OffsetDateTime.of(2025, 6, 7, 8, 9, 10, 0, ZoneOffset.ofHours(2));
        return sample;
    }

    /** Asserts that {@code read} holds every value of {@code written}; a decimal by value, an offset time by instant. */
    static void assertHoldsEveryValue(Sample written, Sample read) {
        assertEquals(written.version, read.version);
        assertEquals(written.flag, read.flag);
        assertEquals(written.boxedFlag, read.boxedFlag);
        assertEquals(written.tiny, read.tiny);
        assertEquals(written.boxedTiny, read.boxedTiny);
        assertEquals(written.small, read.small);
        assertEquals(written.boxedSmall, read.boxedSmall);
        assertEquals(written.letter, read.letter);
        assertEquals(written.boxedLetter, read.boxedLetter);
        assertEquals(written.number, read.number);
        assertEquals(written.boxedNumber, read.boxedNumber);
        assertEquals(written.big, read.big);
        assertEquals(written.boxedBig, read.boxedBig);
        assertEquals(written.ratio, read.ratio);
        assertEquals(written.boxedRatio, read.boxedRatio);
        assertEquals(written.measure, read.measure);
        assertEquals(written.boxedMeasure, read.boxedMeasure);
        assertEquals(written.text, read.text);
        assertEquals(0, written.amount.compareTo(read.amount), "amount " + read.amount);
        assertArrayEquals(written.payload, read.payload);
        assertEquals(written.reference, read.reference);
        assertEquals(written.status, read.status);
        assertEquals(written.statusOrdinal, read.statusOrdinal);
        assertEquals(written.birthday, read.birthday);
        assertEquals(written.wallClock, read.wallClock);
        assertEquals(written.instant, read.instant);
        assertEquals(written.offsetTime.toInstant(), read.offsetTime.toInstant());
    }
}
