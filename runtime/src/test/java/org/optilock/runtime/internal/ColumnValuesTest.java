package org.optilock.runtime.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.UUID;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;

/** Binding and reading the values that need more than one driver call, on a real H2. */
class ColumnValuesTest {

    private enum Color { RED, GREEN }

    private final DataSource dataSource = H2Database.withNotes();

    /** Binds with {@code bind} into a one-column table of {@code type}, and reads it back with {@code read}. */
    private <V> V roundTrip(String type, Binder bind, Reader<V> read) throws SQLException {
        H2Database.execute(dataSource, "CREATE TABLE value_probe (v " + type + ")");
        try (Connection connection = dataSource.getConnection()) {
            try (PreparedStatement insert = connection.prepareStatement("INSERT INTO value_probe VALUES (?)")) {
                bind.bind(insert);
                insert.executeUpdate();
            }
            try (PreparedStatement select = connection.prepareStatement("SELECT v FROM value_probe");
                    ResultSet resultSet = select.executeQuery()) {
                resultSet.next();
                return read.read(resultSet);
            }
        }
    }

    private interface Binder {
        void bind(PreparedStatement statement) throws SQLException;
    }

    private interface Reader<V> {
        V read(ResultSet resultSet) throws SQLException;
    }

    @Test
    void nullBoxedNumbersStayNullNotZero() throws SQLException {
        assertNull(roundTrip("BIGINT", s -> ColumnValues.setLong(s, 1, null), r -> ColumnValues.getLong(r, 1)));
    }

    /** Each reader asks whether a value was NULL only of a zero or false, so a real zero must still read as one. */
    @Test
    void everyNumberReaderTellsANullFromAZero() throws SQLException {
        try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement();
                ResultSet row = statement.executeQuery("SELECT CAST(NULL AS BOOLEAN), FALSE, CAST(NULL AS TINYINT),"
                        + " CAST(0 AS TINYINT), CAST(NULL AS SMALLINT), CAST(0 AS SMALLINT), CAST(NULL AS INTEGER), 0,"
                        + " CAST(NULL AS BIGINT), CAST(0 AS BIGINT), CAST(NULL AS REAL), CAST(0 AS REAL),"
                        + " CAST(NULL AS DOUBLE PRECISION), CAST(-0.0 AS DOUBLE PRECISION), CAST(7 AS BIGINT)")) {
            row.next();
            assertNull(ColumnValues.getBoolean(row, 1));
            assertEquals(Boolean.FALSE, ColumnValues.getBoolean(row, 2));
            assertNull(ColumnValues.getByte(row, 3));
            assertEquals(Byte.valueOf((byte) 0), ColumnValues.getByte(row, 4));
            assertNull(ColumnValues.getShort(row, 5));
            assertEquals(Short.valueOf((short) 0), ColumnValues.getShort(row, 6));
            assertNull(ColumnValues.getInteger(row, 7));
            assertEquals(Integer.valueOf(0), ColumnValues.getInteger(row, 8));
            assertNull(ColumnValues.getLong(row, 9));
            assertEquals(Long.valueOf(0), ColumnValues.getLong(row, 10));
            assertNull(ColumnValues.getFloat(row, 11));
            assertEquals(Float.valueOf(0), ColumnValues.getFloat(row, 12));
            assertNull(ColumnValues.getDouble(row, 13));
            assertEquals(0.0, ColumnValues.getDouble(row, 14), 0.0);
            assertEquals(Long.valueOf(7), ColumnValues.getLong(row, 15));
        }
    }

    @Test
    void boxedNumbersKeepTheirValue() throws SQLException {
        assertEquals(Integer.valueOf(0),
                roundTrip("INTEGER", s -> ColumnValues.setInteger(s, 1, 0), r -> ColumnValues.getInteger(r, 1)));
    }

    @Test
    void uuidsRoundTrip() throws SQLException {
        UUID id = UUID.randomUUID();
        assertEquals(id, roundTrip("UUID", s -> ColumnValues.setUuid(s, 1, id), r -> ColumnValues.getUuid(r, 1)));
    }

    @Test
    void enumsRoundTripByNameAndByOrdinal() throws SQLException {
        assertEquals(Color.GREEN, roundTrip("VARCHAR(10)", s -> ColumnValues.setEnumName(s, 1, Color.GREEN),
                r -> ColumnValues.getEnumByName(r, 1, Color.class)));
        H2Database.execute(dataSource, "DROP TABLE value_probe");
        assertEquals(Color.GREEN, roundTrip("INTEGER", s -> ColumnValues.setEnumOrdinal(s, 1, Color.GREEN),
                r -> ColumnValues.getEnumByOrdinal(r, 1, Color.values())));
    }

    @Test
    void anUnknownEnumNameIsADataErrorNamingTheValue() {
        SQLException e = assertThrows(SQLException.class, () -> roundTrip("VARCHAR(10)",
                s -> s.setString(1, "BLUE"), r -> ColumnValues.getEnumByName(r, 1, Color.class)));
        assertTrue(e.getMessage().contains("'BLUE'"), e.getMessage());
    }

    @Test
    void anOrdinalOutOfRangeIsADataError() {
        SQLException e = assertThrows(SQLException.class, () -> roundTrip("INTEGER",
                s -> s.setInt(1, 7), r -> ColumnValues.getEnumByOrdinal(r, 1, Color.values())));
        assertTrue(e.getMessage().contains("ordinal 7"), e.getMessage());
    }

    @Test
    void anInstantOnH2RoundTripsToTheMicrosecond() throws SQLException {
        Instant now = Instant.parse("2026-12-05T06:56:01.123456Z");
        assertEquals(now, roundTrip("TIMESTAMP(6) WITH TIME ZONE", s -> H2Support.INSTANCE.bindInstant(s, 1, now),
                r -> ColumnValues.getInstant(r, 1)));
    }

    @Test
    void anOffsetDateTimeIsReadFromIsoTextAndALocalDateTimeAsUtc() throws SQLException {
        OffsetDateTime withOffset = roundTrip("VARCHAR(40)", s -> s.setString(1, "2026-12-05T07:00:00+01:00"),
                r -> ColumnValues.getOffsetDateTime(r, 1));
        assertEquals(OffsetDateTime.of(2026, 12, 5, 7, 0, 0, 0, ZoneOffset.ofHours(1)), withOffset);
        H2Database.execute(dataSource, "DROP TABLE value_probe");
        OffsetDateTime local = roundTrip("VARCHAR(40)", s -> s.setString(1, "2026-12-05 07:00:00"),
                r -> ColumnValues.getOffsetDateTime(r, 1));
        assertEquals(OffsetDateTime.of(2026, 12, 5, 7, 0, 0, 0, ZoneOffset.UTC), local);
    }
}
