package org.optilock.runtime.internal;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.UUID;

/**
 * Binds and reads the column values whose JDBC handling needs more than one driver call: nullable
 * boxed numbers, {@code UUID}, {@code java.time} types and enums. Primitives, strings, decimals and
 * byte arrays are bound by the generated code directly; an {@code Instant}, bound differently on some
 * databases, through {@link AbstractVersionedDao#bindInstant}.
 */
public final class ColumnValues {

    private ColumnValues() {}

    /** Binds a nullable {@code Boolean}. */
    public static void setBoolean(PreparedStatement statement, int index, Boolean value) throws SQLException {
        if (value == null) {
            statement.setNull(index, Types.BOOLEAN);
        } else {
            statement.setBoolean(index, value);
        }
    }

    /** Binds a nullable {@code Byte}. */
    public static void setByte(PreparedStatement statement, int index, Byte value) throws SQLException {
        if (value == null) {
            statement.setNull(index, Types.TINYINT);
        } else {
            statement.setByte(index, value);
        }
    }

    /** Binds a nullable {@code Short}. */
    public static void setShort(PreparedStatement statement, int index, Short value) throws SQLException {
        if (value == null) {
            statement.setNull(index, Types.SMALLINT);
        } else {
            statement.setShort(index, value);
        }
    }

    /** A char as the text it is stored as: NUL, a char never set, as an empty text; null as null. */
    public static String charText(Character value) {
        return value == null ? null : value == '\0' ? "" : value.toString();
    }

    /**
     * Binds a {@code char}, as a one-character text: JDBC has no character type. NUL, a char never set,
     * is an empty text, which every database stores (PostgreSQL refuses a NUL in text).
     */
    public static void setChar(PreparedStatement statement, int index, char value) throws SQLException {
        statement.setString(index, charText(value));
    }

    /** Binds a nullable {@code Character}, as a one-character text. */
    public static void setCharacter(PreparedStatement statement, int index, Character value) throws SQLException {
        if (value == null) {
            statement.setNull(index, Types.CHAR);
        } else {
            setChar(statement, index, value);
        }
    }

    /** Binds a nullable {@code Integer}. */
    public static void setInteger(PreparedStatement statement, int index, Integer value) throws SQLException {
        if (value == null) {
            statement.setNull(index, Types.INTEGER);
        } else {
            statement.setInt(index, value);
        }
    }

    /** Binds a nullable {@code Long}. */
    public static void setLong(PreparedStatement statement, int index, Long value) throws SQLException {
        if (value == null) {
            statement.setNull(index, Types.BIGINT);
        } else {
            statement.setLong(index, value);
        }
    }

    /** Binds a nullable {@code Float}. */
    public static void setFloat(PreparedStatement statement, int index, Float value) throws SQLException {
        if (value == null) {
            statement.setNull(index, Types.REAL);
        } else {
            statement.setFloat(index, value);
        }
    }

    /** Binds a nullable {@code Double}. */
    public static void setDouble(PreparedStatement statement, int index, Double value) throws SQLException {
        if (value == null) {
            statement.setNull(index, Types.DOUBLE);
        } else {
            statement.setDouble(index, value);
        }
    }

    /** Binds a nullable {@code UUID}. */
    public static void setUuid(PreparedStatement statement, int index, UUID value) throws SQLException {
        if (value == null) {
            statement.setNull(index, Types.OTHER);
        } else {
            statement.setObject(index, value);
        }
    }

    /** Binds a nullable {@code LocalDate}. */
    public static void setLocalDate(PreparedStatement statement, int index, LocalDate value) throws SQLException {
        if (value == null) {
            statement.setNull(index, Types.DATE);
        } else {
            statement.setObject(index, value);
        }
    }

    /** Binds a nullable {@code LocalDateTime}. */
    public static void setLocalDateTime(PreparedStatement statement, int index, LocalDateTime value)
            throws SQLException {
        if (value == null) {
            statement.setNull(index, Types.TIMESTAMP);
        } else {
            statement.setObject(index, value);
        }
    }

    /** Binds a nullable {@code OffsetDateTime}. */
    public static void setOffsetDateTime(PreparedStatement statement, int index, OffsetDateTime value)
            throws SQLException {
        if (value == null) {
            statement.setNull(index, Types.TIMESTAMP_WITH_TIMEZONE);
        } else {
            statement.setObject(index, value);
        }
    }

    /** The name of a nullable enum, as a column stores it. */
    public static String enumName(Enum<?> value) {
        return value == null ? null : value.name();
    }

    /** The ordinal of a nullable enum, as a column stores it. */
    public static Integer enumOrdinal(Enum<?> value) {
        return value == null ? null : value.ordinal();
    }

    /** Binds a nullable enum by its name. */
    public static void setEnumName(PreparedStatement statement, int index, Enum<?> value) throws SQLException {
        statement.setString(index, value == null ? null : value.name());
    }

    /** Binds a nullable enum by its ordinal. */
    public static void setEnumOrdinal(PreparedStatement statement, int index, Enum<?> value) throws SQLException {
        setInteger(statement, index, value == null ? null : value.ordinal());
    }

    // The getters below ask wasNull() only of a zero (or false): a driver answers SQL NULL with that
    // value, so any other value is not NULL. SQLite's driver asks the engine for the column's type on
    // every wasNull(), which took a tenth of the Java side of a batch's read-back.

    /** Reads a nullable {@code Boolean}. */
    public static Boolean getBoolean(ResultSet resultSet, int column) throws SQLException {
        boolean value = resultSet.getBoolean(column);
        return !value && resultSet.wasNull() ? null : value;
    }

    /** Reads a nullable {@code Byte}. */
    public static Byte getByte(ResultSet resultSet, int column) throws SQLException {
        byte value = resultSet.getByte(column);
        return value == 0 && resultSet.wasNull() ? null : value;
    }

    /** Reads a nullable {@code Short}. */
    public static Short getShort(ResultSet resultSet, int column) throws SQLException {
        short value = resultSet.getShort(column);
        return value == 0 && resultSet.wasNull() ? null : value;
    }

    /** Reads a {@code char} stored as a one-character text; NUL where the text is empty or NULL. */
    public static char getChar(ResultSet resultSet, int column) throws SQLException {
        Character value = getCharacter(resultSet, column);
        return value == null ? '\0' : value;
    }

    /** Reads a nullable {@code Character} stored as a one-character text; NUL where the text is empty. */
    public static Character getCharacter(ResultSet resultSet, int column) throws SQLException {
        String value = resultSet.getString(column);
        return value == null ? null : value.isEmpty() ? '\0' : value.charAt(0);
    }

    /** Reads a nullable {@code Integer}. */
    public static Integer getInteger(ResultSet resultSet, int column) throws SQLException {
        int value = resultSet.getInt(column);
        return value == 0 && resultSet.wasNull() ? null : value;
    }

    /** Reads a nullable {@code Long}. */
    public static Long getLong(ResultSet resultSet, int column) throws SQLException {
        long value = resultSet.getLong(column);
        return value == 0 && resultSet.wasNull() ? null : value;
    }

    /** Reads a nullable {@code Float}. */
    public static Float getFloat(ResultSet resultSet, int column) throws SQLException {
        float value = resultSet.getFloat(column);
        return value == 0 && resultSet.wasNull() ? null : value;
    }

    /** Reads a nullable {@code Double}. */
    public static Double getDouble(ResultSet resultSet, int column) throws SQLException {
        double value = resultSet.getDouble(column);
        return value == 0 && resultSet.wasNull() ? null : value;
    }

    /** Reads a nullable {@code UUID}, whether the driver returns a {@code UUID}, bytes or text. */
    public static UUID getUuid(ResultSet resultSet, int column) throws SQLException {
        Object value = resultSet.getObject(column);
        if (value == null || value instanceof UUID) {
            return (UUID) value;
        }
        return UUID.fromString(value.toString());
    }

    /** Reads a nullable {@code LocalDate}. */
    public static LocalDate getLocalDate(ResultSet resultSet, int column) throws SQLException {
        return resultSet.getObject(column, LocalDate.class);
    }

    /** Reads a nullable {@code LocalDateTime}. */
    public static LocalDateTime getLocalDateTime(ResultSet resultSet, int column) throws SQLException {
        return resultSet.getObject(column, LocalDateTime.class);
    }

    /** Reads a nullable {@code OffsetDateTime}, also from drivers that keep it as ISO-8601 text (SQLite). */
    public static OffsetDateTime getOffsetDateTime(ResultSet resultSet, int column) throws SQLException {
        Object value = resultSet.getObject(column);
        if (value == null || value instanceof OffsetDateTime) {
            return (OffsetDateTime) value;
        }
        if (value instanceof String text) {
            return parseOffsetDateTime(text);
        }
        return resultSet.getObject(column, OffsetDateTime.class);
    }

    /**
     * ISO-8601 text with an offset (SQLite keeps {@code OffsetDateTime} so), or a local date-time
     * taken as UTC (MySQL reports a {@code DATETIME} session variable so; Optilock writes UTC).
     */
    private static OffsetDateTime parseOffsetDateTime(String text) throws SQLException {
        try {
            return OffsetDateTime.parse(text);
        } catch (DateTimeParseException withoutOffset) {
            try {
                return LocalDateTime.parse(text.replace(' ', 'T')).atOffset(ZoneOffset.UTC);
            } catch (DateTimeParseException e) {
                throw new SQLException("'" + text + "' is not a date and time", "22007", e);
            }
        }
    }

    /** Reads a nullable {@code Instant} from a {@code TIMESTAMP WITH TIME ZONE}. */
    public static Instant getInstant(ResultSet resultSet, int column) throws SQLException {
        OffsetDateTime value = getOffsetDateTime(resultSet, column);
        return value == null ? null : value.toInstant();
    }

    /**
     * Reads a nullable enum stored by name.
     *
     * @throws SQLException if the column holds a name that is not a constant of {@code type}
     */
    public static <E extends Enum<E>> E getEnumByName(ResultSet resultSet, int column, Class<E> type)
            throws SQLException {
        String name = resultSet.getString(column);
        if (name == null) {
            return null;
        }
        try {
            return Enum.valueOf(type, name);
        } catch (IllegalArgumentException e) {
            throw new SQLException("Column " + column + " holds '" + name + "', which is not a constant of "
                    + type.getName(), "22000", e);
        }
    }

    /**
     * Reads a nullable enum stored by ordinal.
     *
     * @param constants the enum's constants, in declaration order
     * @throws SQLException if the column holds an ordinal out of range
     */
    public static <E extends Enum<E>> E getEnumByOrdinal(ResultSet resultSet, int column, E[] constants)
            throws SQLException {
        Integer ordinal = getInteger(resultSet, column);
        if (ordinal == null) {
            return null;
        }
        if (ordinal < 0 || ordinal >= constants.length) {
            throw new SQLException("Column " + column + " holds ordinal " + ordinal + ", but "
                    + constants.getClass().getComponentType().getName() + " has " + constants.length
                    + " constants", "22000");
        }
        return constants[ordinal];
    }
}
