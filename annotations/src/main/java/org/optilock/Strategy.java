package org.optilock;

/** How a {@link VersionField} gets its values. */
public enum Strategy {
    /**
     * {@link #COUNTER} for {@code int}, {@code long}, {@code Integer} and {@code Long};
     * {@link #TIMESTAMP} for {@code Instant}, {@code LocalDateTime} and {@code OffsetDateTime}.
     */
    AUTO,
    /** Insert writes 1; each update writes the old version plus one. */
    COUNTER,
    /**
     * Microseconds since the epoch in a {@code long}, or the instant truncated to microseconds in
     * a {@code java.time} type. Each value a JVM issues is strictly greater than the old version
     * and than every value it issued before, even when the wall clock steps back.
     */
    TIMESTAMP,
    /**
     * A database trigger bumps the version, so updates made outside the application are detected
     * too; the application reads the new version back.
     */
    TRIGGER
}
