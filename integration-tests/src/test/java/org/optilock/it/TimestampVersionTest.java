package org.optilock.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.EnumSource;
import org.optilock.it.support.DatabaseKind;
import org.optilock.it.support.TestDatabase;
import org.optilock.runtime.OptilockSettings;
import org.optilock.runtime.RecordModifiedException;
import org.optilock.runtime.VersionClock;

/** TIMESTAMP versions: microseconds in a {@code long}, and {@code LocalDateTime} in UTC. */
@ParameterizedClass(name = "{0}")
@EnumSource(DatabaseKind.class)
class TimestampVersionTest {

    private final TestDatabase database;

    TimestampVersionTest(DatabaseKind kind) {
        this.database = TestDatabase.create(kind);
    }

    @AfterEach
    void closeDatabase() throws SQLException {
        database.close();
    }

    @Test
    void longVersionHoldsMicrosecondsSinceTheEpoch() {
        MeterDao meters = new MeterDao(database.dataSource());
        long before = ChronoUnit.MICROS.between(Instant.EPOCH, Instant.now());

        Meter meter = meters.insert(new Meter("M-1", 10));

        long after = ChronoUnit.MICROS.between(Instant.EPOCH, Instant.now());
        assertTrue(meter.version >= before && meter.version <= after + 1, meter.version + " not in [" + before + ", " + after + "]");
        long first = meter.version;
        meter.reading = 11;
        meters.update(meter);
        assertTrue(meter.version > first);
        assertEquals(meter.version, meters.currentVersion("M-1").orElseThrow());
    }

    @Test
    void versionsStayIncreasingWhenTheClockStandsStillOrStepsBack() {
        MutableClock clock = new MutableClock(Instant.parse("2030-01-01T00:00:00Z"));
        OptilockSettings settings = OptilockSettings.builder().versionClock(VersionClock.of(clock)).build();
        MeterDao meters = new MeterDao(database.dataSource(), settings);

        Meter meter = meters.insert(new Meter("M-2", 1));
        long first = meter.version;
        meters.update(meter);
        long sameMicrosecond = meter.version;
        clock.now = clock.now.minus(Duration.ofHours(1));
        meters.update(meter);
        long afterStepBack = meter.version;

        assertEquals(ChronoUnit.MICROS.between(Instant.EPOCH, Instant.parse("2030-01-01T00:00:00Z")), first);
        assertEquals(first + 1, sameMicrosecond);
        assertEquals(first + 2, afterStepBack);
        Meter stale = new Meter("M-2", 5);
        stale.version = first;
        assertThrows(RecordModifiedException.class, () -> meters.update(stale));
    }

    @Test
    void localDateTimeVersionIsUtcWithMicroseconds() {
        Instant start = Instant.parse("2031-05-06T07:08:09.123456789Z");
        OptilockSettings settings = OptilockSettings.builder()
                .versionClock(VersionClock.of(Clock.fixed(start, ZoneOffset.UTC)))
                .build();
        LedgerDao ledgers = new LedgerDao(database.dataSource(), settings);
        Ledger ledger = new Ledger();
        ledger.id = 1L;

        ledgers.insert(ledger);
        assertEquals(LocalDateTime.parse("2031-05-06T07:08:09.123456"), ledger.version);
        ledger.balance = 100;
        ledgers.update(ledger);
        assertEquals(LocalDateTime.parse("2031-05-06T07:08:09.123457"), ledger.version);
        assertEquals(ledger.version, ledgers.findById(1L).orElseThrow().version);
    }

    /** A clock a test moves by hand. */
    static final class MutableClock extends Clock {
        volatile Instant now;

        MutableClock(Instant now) {
            this.now = now;
        }

        @Override
        public Instant instant() {
            return now;
        }

        @Override
        public ZoneOffset getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
            return this;
        }
    }
}
