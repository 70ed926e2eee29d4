package org.optilock.runtime.internal;

import java.sql.Types;
import java.util.Locale;
import java.util.Optional;
import org.optilock.runtime.Dialect;

/**
 * What a column type holds, as far as checking a live schema against an entity needs: its family,
 * its width for numbers, its fractional seconds for timestamps and whether it keeps a time zone. Read
 * from the DDL the processor wrote ({@link #declared}) and from the database's metadata
 * ({@link #live}); on SQLite, whose columns hold any value, only the type affinity counts.
 *
 * @param family what kind of value it holds
 * @param width the bytes of an integer or floating type, the fractional digits of a timestamp; 0 otherwise
 * @param zoned whether a timestamp keeps its offset
 * @param name the type as written or as the database names it, for messages
 */
record SqlType(Family family, int width, boolean zoned, String name) {

    /** The kinds of value a check tells apart. */
    enum Family { BOOLEAN, INTEGER, FLOAT, DECIMAL, TEXT, BINARY, UUID, DATE, TIMESTAMP, OTHER }

    /** The type {@code type} as the processor's DDL writes it. */
    static SqlType declared(String type) {
        String upper = type.toUpperCase(Locale.ROOT);
        String base = upper.replaceAll("\\(.*", "").trim();
        return switch (base) {
            case "BOOLEAN" -> of(Family.BOOLEAN, 0, type);
            case "TINYINT" -> of(Family.INTEGER, 1, type);
            case "SMALLINT" -> of(Family.INTEGER, 2, type);
            case "INTEGER", "INT" -> of(Family.INTEGER, 4, type);
            case "BIGINT" -> of(Family.INTEGER, 8, type);
            case "REAL" -> of(Family.FLOAT, 4, type);
            case "DOUBLE", "DOUBLE PRECISION" -> of(Family.FLOAT, 8, type);
            case "DECIMAL", "NUMERIC" -> of(Family.DECIMAL, 0, type);
            case "VARCHAR", "CHAR", "TEXT" -> of(Family.TEXT, 0, type);
            case "BYTEA", "BLOB", "VARBINARY", "LONGBLOB" -> of(Family.BINARY, 0, type);
            case "UUID" -> of(Family.UUID, 0, type);
            case "DATE" -> of(Family.DATE, 0, type);
            default -> base.startsWith("TIMESTAMP") || base.startsWith("DATETIME")
                    ? new SqlType(Family.TIMESTAMP, fraction(upper).orElse(6), upper.contains("TIME ZONE"), type)
                    : of(Family.OTHER, 0, type);
        };
    }

    /**
     * The type of a live column as {@code DatabaseMetaData.getColumns} describes it: its JDBC type, the
     * database's name for it, its size and its decimal digits.
     */
    static SqlType live(Dialect dialect, int jdbcType, String typeName, int size, int digits) {
        String name = typeName == null ? "" : typeName.toUpperCase(Locale.ROOT);
        if (name.contains("UUID")) {
            return of(Family.UUID, 0, typeName);
        }
        return switch (jdbcType) {
            case Types.BOOLEAN, Types.BIT -> of(Family.BOOLEAN, 0, typeName);
            case Types.TINYINT -> of(Family.INTEGER, 1, typeName);
            case Types.SMALLINT -> of(Family.INTEGER, 2, typeName);
            case Types.INTEGER -> of(Family.INTEGER, 4, typeName);
            case Types.BIGINT -> of(Family.INTEGER, 8, typeName);
            case Types.REAL -> of(Family.FLOAT, 4, typeName);
            case Types.FLOAT, Types.DOUBLE -> of(Family.FLOAT, 8, typeName);
            case Types.NUMERIC, Types.DECIMAL -> of(Family.DECIMAL, 0, typeName);
            case Types.CHAR, Types.VARCHAR, Types.LONGVARCHAR, Types.NCHAR, Types.NVARCHAR, Types.LONGNVARCHAR,
                    Types.CLOB, Types.NCLOB -> of(Family.TEXT, 0, typeName);
            case Types.BINARY, Types.VARBINARY, Types.LONGVARBINARY, Types.BLOB -> of(Family.BINARY, 0, typeName);
            case Types.DATE -> of(Family.DATE, 0, typeName);
            case Types.TIMESTAMP, Types.TIMESTAMP_WITH_TIMEZONE -> new SqlType(Family.TIMESTAMP,
                    liveFraction(dialect, size, digits), jdbcType == Types.TIMESTAMP_WITH_TIMEZONE
                            || name.contains("TZ") || name.contains("TIME ZONE"), typeName);
            default -> of(Family.OTHER, 0, typeName);
        };
    }

    private static SqlType of(Family family, int width, String name) {
        return new SqlType(family, width, false, name);
    }

    /** The fractional digits of {@code TIMESTAMP(6)}, if written. */
    private static Optional<Integer> fraction(String type) {
        int open = type.indexOf('(');
        return open < 0 ? Optional.empty() : Optional.of(Integer.parseInt(type.substring(open + 1, type.indexOf(')')).trim()));
    }

    /**
     * A live timestamp's fractional digits: its decimal digits, except where MySQL and MariaDB give its
     * display size instead ({@code 19} for seconds, {@code 26} for microseconds).
     */
    private static int liveFraction(Dialect dialect, int size, int digits) {
        if (dialect == Dialect.MYSQL && digits == 0 && size > 20) {
            return size - 20;
        }
        return digits;
    }

    /**
     * Why a live column of this type cannot hold what a column declared {@code declared} holds, or
     * empty when it can. Text lengths and decimal digits are the application's to choose and are not
     * compared; integer and floating widths are, since a narrower one overflows or rounds.
     */
    Optional<String> cannotHold(SqlType declared) {
        boolean sameFamily = family == declared.family
                // MySQL's BOOLEAN is TINYINT(1): a small integer holds it.
                || (declared.family == Family.BOOLEAN && family == Family.INTEGER);
        if (!sameFamily) {
            return Optional.of("its type is " + name + ", which does not hold the " + declared.name + " the entity needs");
        }
        if ((family == Family.INTEGER || family == Family.FLOAT) && declared.family == family && width < declared.width) {
            return Optional.of("its type is " + name + ", narrower than the " + declared.name + " the entity needs,"
                    + " so large values " + (family == Family.INTEGER ? "overflow" : "lose digits"));
        }
        if (family == Family.TIMESTAMP && declared.zoned && !zoned) {
            return Optional.of("its type is " + name + ", which keeps no time zone, so an instant read back moves"
                    + " with the session's zone; the entity needs " + declared.name);
        }
        return Optional.empty();
    }

    /** A type's affinity on SQLite, by SQLite's own rules on the declared name. */
    static String sqliteAffinity(String declared) {
        String upper = declared == null ? "" : declared.toUpperCase(Locale.ROOT);
        if (upper.contains("INT")) {
            return "INTEGER";
        }
        if (upper.contains("CHAR") || upper.contains("CLOB") || upper.contains("TEXT")) {
            return "TEXT";
        }
        if (upper.isEmpty() || upper.contains("BLOB")) {
            return "BLOB";
        }
        if (upper.contains("REAL") || upper.contains("FLOA") || upper.contains("DOUB")) {
            return "REAL";
        }
        return "NUMERIC";
    }
}
