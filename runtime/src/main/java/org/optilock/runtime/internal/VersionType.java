package org.optilock.runtime.internal;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import org.optilock.runtime.VersionClock;

/**
 * How a version of one Java type is bound, read, started and moved on: a counter from 1 by one, a
 * timestamp from the settings' clock. A {@code TRIGGER} version is a counter the database moves, so
 * it uses a counter's type. Versions are boxed here, as the DAOs' version type argument is.
 */
public enum VersionType {

    /** A {@code long} or {@code Long} counter. */
    COUNTER_LONG {
        @Override
        void bind(PreparedStatement statement, int index, Object version) throws SQLException {
            ColumnValues.setLong(statement, index, (Long) version);
        }

        @Override
        Object read(ResultSet resultSet, int column) throws SQLException {
            return ColumnValues.getLong(resultSet, column);
        }

        @Override
        Object initial(VersionClock clock) {
            return 1L;
        }

        @Override
        Object next(Object current, VersionClock clock, Class<?> entityType) {
            return VersionCounter.next((Long) current, entityType);
        }
    },

    /** An {@code int} or {@code Integer} counter. */
    COUNTER_INT {
        @Override
        void bind(PreparedStatement statement, int index, Object version) throws SQLException {
            ColumnValues.setInteger(statement, index, (Integer) version);
        }

        @Override
        Object read(ResultSet resultSet, int column) throws SQLException {
            return ColumnValues.getInteger(resultSet, column);
        }

        @Override
        Object initial(VersionClock clock) {
            return 1;
        }

        @Override
        Object next(Object current, VersionClock clock, Class<?> entityType) {
            return VersionCounter.next((Integer) current, entityType);
        }
    },

    /** A {@code long} or {@code Long} timestamp in microseconds since the epoch. */
    TIMESTAMP_MICROS {
        @Override
        void bind(PreparedStatement statement, int index, Object version) throws SQLException {
            ColumnValues.setLong(statement, index, (Long) version);
        }

        @Override
        Object read(ResultSet resultSet, int column) throws SQLException {
            return ColumnValues.getLong(resultSet, column);
        }

        @Override
        Object initial(VersionClock clock) {
            return clock.nextMicros(null);
        }

        @Override
        Object next(Object current, VersionClock clock, Class<?> entityType) {
            return clock.nextMicros((Long) current);
        }
    },

    /** An {@code Instant} timestamp. */
    TIMESTAMP_INSTANT {
        @Override
        void bind(PreparedStatement statement, int index, Object version) throws SQLException {
            ColumnValues.setInstant(statement, index, (Instant) version);
        }

        @Override
        Object read(ResultSet resultSet, int column) throws SQLException {
            return ColumnValues.getInstant(resultSet, column);
        }

        @Override
        Object initial(VersionClock clock) {
            return clock.nextInstant(null);
        }

        @Override
        Object next(Object current, VersionClock clock, Class<?> entityType) {
            return clock.nextInstant((Instant) current);
        }
    },

    /** A {@code LocalDateTime} timestamp. */
    TIMESTAMP_LOCAL_DATE_TIME {
        @Override
        void bind(PreparedStatement statement, int index, Object version) throws SQLException {
            ColumnValues.setLocalDateTime(statement, index, (LocalDateTime) version);
        }

        @Override
        Object read(ResultSet resultSet, int column) throws SQLException {
            return ColumnValues.getLocalDateTime(resultSet, column);
        }

        @Override
        Object initial(VersionClock clock) {
            return clock.nextLocalDateTime(null);
        }

        @Override
        Object next(Object current, VersionClock clock, Class<?> entityType) {
            return clock.nextLocalDateTime((LocalDateTime) current);
        }
    },

    /** An {@code OffsetDateTime} timestamp. */
    TIMESTAMP_OFFSET_DATE_TIME {
        @Override
        void bind(PreparedStatement statement, int index, Object version) throws SQLException {
            ColumnValues.setOffsetDateTime(statement, index, (OffsetDateTime) version);
        }

        @Override
        Object read(ResultSet resultSet, int column) throws SQLException {
            return ColumnValues.getOffsetDateTime(resultSet, column);
        }

        @Override
        Object initial(VersionClock clock) {
            return clock.nextOffsetDateTime(null);
        }

        @Override
        Object next(Object current, VersionClock clock, Class<?> entityType) {
            return clock.nextOffsetDateTime((OffsetDateTime) current);
        }
    };

    /** Binds {@code version}, which may be {@code null}, to parameter {@code index}. */
    abstract void bind(PreparedStatement statement, int index, Object version) throws SQLException;

    /** The version in {@code column} of the current row; {@code null} for SQL NULL. */
    abstract Object read(ResultSet resultSet, int column) throws SQLException;

    /** The version a new row starts with. */
    abstract Object initial(VersionClock clock);

    /**
     * The version after {@code current}: a counter at its type's limit is refused rather than wrapped
     * to a negative version; a timestamp comes from the clock.
     */
    abstract Object next(Object current, VersionClock clock, Class<?> entityType);
}
