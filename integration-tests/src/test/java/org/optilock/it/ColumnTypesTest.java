package org.optilock.it;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.EnumSource;
import org.optilock.it.support.DatabaseKind;
import org.optilock.it.support.TestDatabase;
import org.optilock.runtime.BatchPolicy;
import org.optilock.runtime.BatchResult;
import org.optilock.runtime.DataAccessException;
import org.optilock.runtime.RecordModifiedException;

/** Every supported column type survives a round trip, values and nulls alike. */
@ParameterizedClass(name = "{0}")
@EnumSource(DatabaseKind.class)
class ColumnTypesTest {

    private final TestDatabase database;
    private final SampleDao samples;

    ColumnTypesTest(DatabaseKind kind) {
        this.database = TestDatabase.create(kind);
        this.samples = new SampleDao(database.dataSource());
    }

    @AfterEach
    void closeDatabase() throws SQLException {
        database.close();
    }

    @Test
    void valuesRoundTrip() {
        Sample sample = SampleValues.everyColumnSet();

        samples.insert(sample);
        Sample read = samples.findById(sample.id).orElseThrow();

        assertTrue(sample.id > 0, "a primitive identity key is read back");
        assertEquals(ZoneOffset.UTC, read.version.getOffset());
        assertEquals(new BigDecimal("12345.6789"), read.amount, "the scale survives too");
        SampleValues.assertHoldsEveryValue(sample, read);

        assertEquals("ACTIVE", database.queryString("SELECT status FROM sample"), "enums are stored by name");
        assertEquals(2L, database.queryLong("SELECT status_ordinal FROM sample"), "@Enumerated(ORDINAL) is honoured");
    }

    @Test
    void nullsRoundTrip() {
        Sample sample = samples.insert(new Sample());
        Sample read = samples.findById(sample.id).orElseThrow();

        assertNull(read.boxedFlag);
        assertNull(read.boxedTiny);
        assertNull(read.boxedSmall);
        assertNull(read.boxedNumber);
        assertNull(read.boxedBig);
        assertNull(read.boxedRatio);
        assertNull(read.boxedMeasure);
        assertNull(read.text);
        assertNull(read.amount);
        assertNull(read.payload);
        assertNull(read.reference);
        assertNull(read.status);
        assertNull(read.statusOrdinal);
        assertNull(read.birthday);
        assertNull(read.wallClock);
        assertNull(read.instant);
        assertNull(read.offsetTime);
    }

    @Test
    void valuesNullsAndAwkwardTextSurviveUpdateAllAndDeleteAll() {
        // On PostgreSQL these go as one statement over arrays, every value in its text form.
        Sample full = samples.insert(new Sample());
        Sample empty = samples.insert(new Sample());
        Sample stale = samples.insert(new Sample());
        Sample staleCopy = samples.findById(stale.id).orElseThrow();
        samples.update(stale);
        full.flag = true;
        full.boxedFlag = false;
        full.tiny = -128;
        full.boxedTiny = 127;
        full.small = -32_768;
        full.boxedSmall = 32_767;
        full.number = Integer.MIN_VALUE;
        full.boxedNumber = Integer.MAX_VALUE;
        full.big = Long.MIN_VALUE;
        full.boxedBig = Long.MAX_VALUE;
        full.ratio = 1.0e-7f;
        full.boxedRatio = Float.MAX_VALUE;
        full.measure = 1.0e300;
        full.boxedMeasure = -Double.MIN_VALUE;
        full.text = "NULL";
        full.amount = new BigDecimal("1E+7");
        full.payload = new byte[] {0, '"', '\\', ',', '{', (byte) 0xFF};
        full.reference = UUID.randomUUID();
        full.status = Sample.Status.RETIRED;
        full.statusOrdinal = Sample.Status.DRAFT;
        full.birthday = LocalDate.of(1, 1, 1);
        full.wallClock = LocalDateTime.of(2024, 2, 29, 23, 59, 58, 123_456_000);
        full.instant = Instant.parse("1969-12-31T23:59:59.999999Z");
        full.offsetTime = OffsetDateTime.of(2025, 6, 7, 8, 9, 10, 0, ZoneOffset.ofHours(-11));
        empty.text = "a,\"b\" {c} \\ d ☕";

        BatchResult<Sample> result = samples.updateAll(List.of(full, empty, staleCopy), BatchPolicy.SILENT);

        assertEquals(2, result.applied().size());
        assertEquals(List.of(stale.id), result.conflicts().stream().map(RecordModifiedException::id).toList());
        Sample read = samples.findById(full.id).orElseThrow();
        assertEquals(full.version, read.version);
        assertEquals(List.of(true, false, (byte) -128, (byte) 127, (short) -32_768, (short) 32_767),
                List.of(read.flag, read.boxedFlag, read.tiny, read.boxedTiny, read.small, read.boxedSmall));
        assertEquals(List.of(Integer.MIN_VALUE, Integer.MAX_VALUE, Long.MIN_VALUE, Long.MAX_VALUE),
                List.of(read.number, read.boxedNumber, read.big, read.boxedBig));
        assertEquals(List.of(1.0e-7f, Float.MAX_VALUE, 1.0e300, -Double.MIN_VALUE),
                List.of(read.ratio, read.boxedRatio, read.measure, read.boxedMeasure));
        assertEquals("NULL", read.text, "the text NULL is not a null");
        assertEquals(0, new BigDecimal("10000000").compareTo(read.amount));
        assertArrayEquals(full.payload, read.payload);
        assertEquals(full.reference, read.reference);
        assertEquals(List.of(Sample.Status.RETIRED, Sample.Status.DRAFT), List.of(read.status, read.statusOrdinal));
        assertEquals(full.birthday, read.birthday);
        assertEquals(full.wallClock, read.wallClock);
        assertEquals(full.instant, read.instant);
        assertEquals(full.offsetTime.toInstant(), read.offsetTime.toInstant());
        Sample readEmpty = samples.findById(empty.id).orElseThrow();
        assertEquals("a,\"b\" {c} \\ d ☕", readEmpty.text);
        assertNull(readEmpty.boxedNumber);
        assertNull(readEmpty.payload);
        assertNull(readEmpty.instant);

        Sample gone = samples.findById(empty.id).orElseThrow();
        BatchResult<Sample> deleted = samples.deleteAll(List.of(read, staleCopy), BatchPolicy.SILENT);
        assertEquals(1, deleted.applied().size());
        assertEquals(1, deleted.conflicts().size());
        assertTrue(samples.findById(full.id).isEmpty());
        assertTrue(samples.findById(gone.id).isPresent());
    }

    @Test
    void offsetDateTimeVersionIsCheckedLikeAnyOther() {
        Sample sample = samples.insert(new Sample());
        Sample stale = samples.findById(sample.id).orElseThrow();
        sample.text = "winner";
        samples.update(sample);

        assertTrue(sample.version.isAfter(stale.version));
        assertThrows(RecordModifiedException.class, () -> samples.update(stale));
    }

    @Test
    void anUnknownEnumNameInTheDatabaseIsAClearError() {
        Sample sample = samples.insert(new Sample());
        database.execute("UPDATE sample SET status = 'ARCHIVED'");

        DataAccessException failure =
                assertThrows(DataAccessException.class, () -> samples.findById(sample.id));
        assertTrue(failure.getMessage().contains("'ARCHIVED', which is not a constant of"), failure.getMessage());
    }
}
