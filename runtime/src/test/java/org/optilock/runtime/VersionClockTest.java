package org.optilock.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

class VersionClockTest {

    private static final Instant NOW = Instant.parse("2030-01-01T00:00:00.000001999Z");
    private static final long NOW_MICROS = ChronoUnit.MICROS.between(Instant.EPOCH, NOW);

    /** A clock whose time a test sets. */
    private static final class SettableClock extends Clock {
        volatile Instant now = NOW;

        @Override
        public Instant instant() {
            return now;
        }

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }
    }

    @Test
    void issuesTheCurrentMicrosecondWhenItIsNew() {
        assertEquals(NOW_MICROS, VersionClock.of(Clock.fixed(NOW, ZoneOffset.UTC)).nextMicros(null));
    }

    @Test
    void staysStrictlyIncreasingWithinOneMicrosecond() {
        VersionClock clock = VersionClock.of(Clock.fixed(NOW, ZoneOffset.UTC));
        long previous = clock.nextMicros(null);
        for (int i = 0; i < 1000; i++) {
            long next = clock.nextMicros(null);
            assertEquals(previous + 1, next);
            previous = next;
        }
    }

    @Test
    void staysStrictlyIncreasingWhenTheWallClockStepsBack() {
        SettableClock wall = new SettableClock();
        VersionClock clock = VersionClock.of(wall);
        long first = clock.nextMicros(null);

        wall.now = NOW.minusSeconds(3600);
        long afterStepBack = clock.nextMicros(null);

        assertEquals(first + 1, afterStepBack);
        wall.now = NOW.plusSeconds(1);
        assertEquals(NOW_MICROS + 1_000_000, clock.nextMicros(null), "the clock is followed again once it is ahead");
    }

    @Test
    void isGreaterThanTheOldVersionEvenWhenThatIsInTheFuture() {
        VersionClock clock = VersionClock.of(Clock.fixed(NOW, ZoneOffset.UTC));
        long written = NOW_MICROS + 5_000_000; // written by a JVM whose clock runs ahead
        assertEquals(written + 1, clock.nextMicros(written));
    }

    @Test
    void javaTimeTypesAreTruncatedToMicrosecondsInUtc() {
        VersionClock clock = VersionClock.of(Clock.fixed(NOW, ZoneOffset.UTC));
        Instant instant = clock.nextInstant(null);
        assertEquals(Instant.parse("2030-01-01T00:00:00.000001Z"), instant);
        assertEquals(Instant.parse("2030-01-01T00:00:00.000002Z"), clock.nextInstant(instant));
        LocalDateTime local = clock.nextLocalDateTime(null);
        assertEquals(LocalDateTime.parse("2030-01-01T00:00:00.000003"), local);
        OffsetDateTime offset = clock.nextOffsetDateTime(OffsetDateTime.parse("2030-01-01T02:00:00.000010+02:00"));
        assertEquals(OffsetDateTime.parse("2030-01-01T00:00:00.000011Z"), offset);
    }

    @Test
    void threadsNeverReceiveTheSameValue() throws Exception {
        VersionClock clock = VersionClock.of(Clock.fixed(NOW, ZoneOffset.UTC));
        ExecutorService executor = Executors.newFixedThreadPool(4);
        try {
            List<Callable<List<Long>>> tasks = new ArrayList<>();
            for (int t = 0; t < 4; t++) {
                tasks.add(() -> {
                    List<Long> issued = new ArrayList<>();
                    for (int i = 0; i < 10_000; i++) {
                        issued.add(clock.nextMicros(null));
                    }
                    return issued;
                });
            }
            Set<Long> all = new HashSet<>();
            for (Future<List<Long>> future : executor.invokeAll(tasks)) {
                List<Long> issued = future.get();
                for (int i = 1; i < issued.size(); i++) {
                    assertTrue(issued.get(i) > issued.get(i - 1));
                }
                all.addAll(issued);
            }
            assertEquals(40_000, all.size());
        } finally {
            executor.shutdownNow();
        }
    }

    @Test
    void theSystemClockIsSharedByTheWholeJvm() {
        long first = VersionClock.system().nextMicros(null);
        assertTrue(VersionClock.system().nextMicros(null) > first);
        assertEquals(VersionClock.system(), OptilockSettings.DEFAULTS.versionClock());
    }
}
