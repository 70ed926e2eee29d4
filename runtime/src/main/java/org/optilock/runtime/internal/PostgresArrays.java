package org.optilock.runtime.internal;

import java.sql.Array;
import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.time.Instant;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;

/**
 * Turns a column of values into a PostgreSQL array of the table's own column type, for the UPDATE of
 * many rows in one statement. The element types are read once per database and statement, from a
 * query of no rows, and kept: later batches pay no round trip for them.
 *
 * <p>Numbers and booleans travel as binary arrays of their column's type; other values in
 * PostgreSQL's text form, each parsed by its column type's input function, as a literal would be: an {@code Instant} with its offset, so it lands as the instant in a
 * {@code timestamptz} column and as its UTC wall clock in a {@code timestamp} one, exactly as a
 * single-row update binds it. The texts of the common built-in types ({@link #CAST_FROM_TEXT}:
 * timestamps, dates, decimals, UUIDs) travel as a binary {@code varchar[]} that the
 * statement casts to the column's array type ({@link #castTexts}): the driver writes a text array of
 * any other type as one literal, quoting and escaping each element, and the server parses it back;
 * measured on 10,000 rows of a timestamp, a decimal and a text, that literal took a third of the Java
 * side of a batch.
 */
final class PostgresArrays {

    /**
     * The column types whose values travel as text in a {@code varchar[]}, cast by the statement: each
     * built in, named as the driver reports it, and read from text by the same input function a
     * literal of its own array type would use, so the cast changes nothing of what lands. Only the
     * types the column-type tests round-trip through a batch on a real PostgreSQL; any other keeps
     * the literal of its own array type.
     */
    private static final Set<String> CAST_FROM_TEXT = Set.of("timestamp", "timestamptz", "date", "numeric", "uuid");

    /** Element type names by database (URL and user) and types query. */
    private static final Map<String, String[]> TYPES = new ConcurrentHashMap<>();

    private PostgresArrays() {}

    /** The element type of each column {@code typesQuery} selects, read once per database. */
    static String[] types(Connection connection, String typesQuery) throws SQLException {
        DatabaseMetaData database = connection.getMetaData();
        String key = database.getURL() + '\n' + database.getUserName() + '\n' + typesQuery;
        String[] known = TYPES.get(key);
        if (known != null) {
            return known;
        }
        try (PreparedStatement statement = connection.prepareStatement(typesQuery);
                ResultSet empty = statement.executeQuery()) {
            ResultSetMetaData columns = empty.getMetaData();
            String[] types = new String[columns.getColumnCount()];
            for (int i = 0; i < types.length; i++) {
                types[i] = storedType(columns.getColumnTypeName(i + 1));
            }
            TYPES.put(key, types);
            return types;
        }
    }

    /**
     * Forgets the types of {@code typesQuery} on this database, after a statement that used them
     * failed: a table altered since they were read is read anew by the next batch.
     */
    static void forget(Connection connection, String typesQuery) throws SQLException {
        DatabaseMetaData database = connection.getMetaData();
        TYPES.remove(database.getURL() + '\n' + database.getUserName() + '\n' + typesQuery);
    }

    /** The driver names a column whose default is a sequence by its serial alias, which has no array type. */
    private static String storedType(String reported) {
        return switch (reported) {
            case "serial" -> "int4";
            case "bigserial" -> "int8";
            case "smallserial" -> "int2";
            default -> reported;
        };
    }

    /**
     * The array of {@code values}, whose elements are of type {@code type}: numbers and booleans as
     * their own Java arrays, which the driver sends in binary, bytes as {@code byte[][]}, anything
     * else as text.
     */
    static Array of(Connection connection, String type, Object[] values) throws SQLException {
        if (CAST_FROM_TEXT.contains(type)) {
            return connection.createArrayOf("varchar", texts(values));
        }
        Object elements = switch (type) {
            case "int8" -> numbers(values, new Long[values.length], Long.class, Number::longValue);
            case "int4" -> numbers(values, new Integer[values.length], Integer.class, Number::intValue);
            case "int2" -> numbers(values, new Short[values.length], Short.class, Number::shortValue);
            case "float8" -> numbers(values, new Double[values.length], Double.class, Number::doubleValue);
            case "float4" -> numbers(values, new Float[values.length], Float.class, Number::floatValue);
            case "bool" -> copy(values, new Boolean[values.length]);
            case "bytea" -> copy(values, new byte[values.length][]);
            default -> texts(values);
        };
        return connection.createArrayOf(type, (Object[]) elements);
    }

    /**
     * {@code sql}, whose parameters are arrays of {@code types} in order, with a cast after each
     * parameter whose values {@link #of} sends as a {@code varchar[]}: {@code ?::timestamp[]}.
     */
    static String castTexts(String sql, String[] types) {
        StringBuilder cast = new StringBuilder(sql.length() + 16 * types.length);
        int from = 0;
        int parameter = 0;
        for (int at = SqlTokens.outsideQuotes(sql, "?", 0); at >= 0; at = SqlTokens.outsideQuotes(sql, "?", from)) {
            cast.append(sql, from, at + 1);
            if (parameter < types.length && CAST_FROM_TEXT.contains(types[parameter])) {
                cast.append("::").append(types[parameter]).append("[]");
            }
            parameter++;
            from = at + 1;
        }
        return cast.append(sql, from, sql.length()).toString();
    }

    /** {@code values} as numbers of {@code type}: those already of it as they are, the rest converted. */
    private static <N> N[] numbers(Object[] values, N[] numbers, Class<N> type, Function<Number, N> convert) {
        for (int i = 0; i < values.length; i++) {
            Object value = values[i];
            // Most values are of the column's own type already: converting them would box each anew.
            numbers[i] = value == null ? null : type.isInstance(value) ? type.cast(value) : convert.apply((Number) value);
        }
        return numbers;
    }

    private static <E> E[] copy(Object[] values, E[] elements) {
        System.arraycopy(values, 0, elements, 0, values.length);
        return elements;
    }

    private static String[] texts(Object[] values) {
        String[] texts = new String[values.length];
        for (int i = 0; i < values.length; i++) {
            texts[i] = text(values[i]);
        }
        return texts;
    }

    /** A value as PostgreSQL reads it from text. */
    private static String text(Object value) {
        if (value == null) {
            return null;
        }
        if (value instanceof Instant instant) {
            return PostgresqlSupport.text(instant); // as a single update binds it
        }
        // Numbers, booleans, UUIDs, text, and java.time values other than Instant: their toString is
        // a form PostgreSQL's input functions read (ISO 8601 for dates and times). A BigDecimal's
        // exponent form (1.50E-7) is read as the same number of the same scale as its plain form, and
        // the decimal keeps its text once made, where toPlainString would make it anew each batch.
        return value.toString();
    }
}
