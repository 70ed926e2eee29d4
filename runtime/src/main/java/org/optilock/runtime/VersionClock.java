package org.optilock.runtime;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Issues {@link org.optilock.Strategy#TIMESTAMP} versions: microseconds since the epoch. Each value
 * is strictly greater than the version it replaces and than every value this clock issued before,
 * even when many are asked for within one microsecond or when the wall clock steps back. The
 * {@linkplain #system() system clock} is shared by every DAO of the JVM.
 *
 * <p>{@code LocalDateTime} versions are expressed in UTC; {@code OffsetDateTime} versions carry the
 * UTC offset.
 */
public final class VersionClock {

    private static final VersionClock SYSTEM = new VersionClock(Clock.systemUTC());

    private final Clock clock;
    private final AtomicLong lastIssued = new AtomicLong(Long.MIN_VALUE);

    private VersionClock(Clock clock) {
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    /** The JVM-wide clock on the system's UTC time; the default of {@link OptilockSettings}. */
    public static VersionClock system() {
        return SYSTEM;
    }

    /** A clock reading {@code clock}; for tests, and for applications with a time source of their own. */
    public static VersionClock of(Clock clock) {
        return new VersionClock(clock);
    }

    /**
     * The next version after {@code previous} (microseconds since the epoch; {@code null} for a new
     * row): the current time, unless that is not greater than {@code previous} or than the last value
     * issued, in which case one more than the larger of them.
     */
    public long nextMicros(Long previous) {
        long floor = previous == null ? Long.MIN_VALUE : previous;
        while (true) {
            long last = lastIssued.get();
            long next = Math.max(toMicros(clock.instant()), Math.max(last, floor) + 1);
            if (lastIssued.compareAndSet(last, next)) {
                return next;
            }
        }
    }

    /** As {@link #nextMicros(Long)}, as an {@code Instant} truncated to microseconds. */
    public Instant nextInstant(Instant previous) {
        long micros = nextMicros(previous == null ? null : toMicros(previous));
        return Instant.EPOCH.plus(micros, ChronoUnit.MICROS);
    }

    /** As {@link #nextMicros(Long)}, as a UTC {@code LocalDateTime}. */
    public LocalDateTime nextLocalDateTime(LocalDateTime previous) {
        Instant next = nextInstant(previous == null ? null : previous.toInstant(ZoneOffset.UTC));
        return LocalDateTime.ofInstant(next, ZoneOffset.UTC);
    }

    /** As {@link #nextMicros(Long)}, as an {@code OffsetDateTime} at UTC. */
    public OffsetDateTime nextOffsetDateTime(OffsetDateTime previous) {
        Instant next = nextInstant(previous == null ? null : previous.toInstant());
        return next.atOffset(ZoneOffset.UTC);
    }

    private static long toMicros(Instant instant) {
        return ChronoUnit.MICROS.between(Instant.EPOCH, instant);
    }
}
