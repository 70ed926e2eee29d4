package org.optilock.runtime.internal;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import org.optilock.runtime.Unversioned;
import org.optilock.runtime.VersionClock;

/**
 * How a version of one Java type is bound, read, started and moved on: a counter from 1 by one, a
 * timestamp from the settings' clock. A {@code TRIGGER} version is a counter the database moves, so
 * it uses a counter's type. Versions are boxed here, as the DAOs' version type argument is.
 */
public enum VersionType {

    /** A {@code long} or {@code Long} counter. */
    COUNTER_LONG,
    /** An {@code int} or {@code Integer} counter. */
    COUNTER_INT,
    /** A {@code long} or {@code Long} timestamp in microseconds since the epoch. */
    TIMESTAMP_MICROS,
    /** An {@code Instant} timestamp. */
    TIMESTAMP_INSTANT,
    /** A {@code LocalDateTime} timestamp. */
    TIMESTAMP_LOCAL_DATE_TIME,
    /** An {@code OffsetDateTime} timestamp. */
    TIMESTAMP_OFFSET_DATE_TIME,
    /**
     * No version: an entity written by key alone. Its statements bind no version; every row reads as
     * {@link Unversioned#NONE}, which is also the version of every write.
     */
    NONE;

    /** Binds {@code version}, which may be {@code null}, to parameter {@code index} on {@code database}. */
    void bind(PreparedStatement statement, int index, Object version, DialectSupport database) throws SQLException {
        switch (this) {
            case COUNTER_LONG, TIMESTAMP_MICROS -> database.bindVersion(statement, index, (Long) version);
            case COUNTER_INT -> ColumnValues.setInteger(statement, index, (Integer) version);
            case TIMESTAMP_INSTANT -> database.bindInstant(statement, index, (Instant) version);
            case TIMESTAMP_LOCAL_DATE_TIME -> ColumnValues.setLocalDateTime(statement, index, (LocalDateTime) version);
            case TIMESTAMP_OFFSET_DATE_TIME -> ColumnValues.setOffsetDateTime(statement, index, (OffsetDateTime) version);
            case NONE -> {
                // Nothing to bind: the statements of an unversioned entity have no version parameter.
            }
        }
    }

    /** The version in {@code column} of the current row; {@code null} for SQL NULL. */
    Object read(ResultSet resultSet, int column) throws SQLException {
        return switch (this) {
            case COUNTER_LONG, TIMESTAMP_MICROS -> ColumnValues.getLong(resultSet, column);
            case COUNTER_INT -> ColumnValues.getInteger(resultSet, column);
            case TIMESTAMP_INSTANT -> ColumnValues.getInstant(resultSet, column);
            case TIMESTAMP_LOCAL_DATE_TIME -> ColumnValues.getLocalDateTime(resultSet, column);
            case TIMESTAMP_OFFSET_DATE_TIME -> ColumnValues.getOffsetDateTime(resultSet, column);
            case NONE -> Unversioned.NONE;
        };
    }

    /**
     * Whether this is a counter: it starts at 1 ({@link #initial}) and moves by one, so a statement may
     * write either in its text instead of binding the version.
     */
    boolean isCounter() {
        return this == COUNTER_LONG || this == COUNTER_INT;
    }

    /** The version a new row starts with. */
    Object initial(VersionClock clock) {
        return switch (this) {
            case COUNTER_LONG -> 1L;
            case COUNTER_INT -> 1;
            case NONE -> Unversioned.NONE;
            default -> next(null, clock, Object.class);
        };
    }

    /**
     * The version after {@code current}: a counter at its type's limit is refused rather than wrapped
     * to a negative version; a timestamp comes from the clock, later than {@code current}.
     */
    Object next(Object current, VersionClock clock, Class<?> entityType) {
        return switch (this) {
            case COUNTER_LONG -> VersionCounter.next((Long) current, entityType);
            case COUNTER_INT -> VersionCounter.next((Integer) current, entityType);
            case TIMESTAMP_MICROS -> clock.nextMicros((Long) current);
            case TIMESTAMP_INSTANT -> clock.nextInstant((Instant) current);
            case TIMESTAMP_LOCAL_DATE_TIME -> clock.nextLocalDateTime((LocalDateTime) current);
            case TIMESTAMP_OFFSET_DATE_TIME -> clock.nextOffsetDateTime((OffsetDateTime) current);
            case NONE -> Unversioned.NONE;
        };
    }
}
