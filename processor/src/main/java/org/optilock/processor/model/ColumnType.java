package org.optilock.processor.model;

/** The Java types a column can have, each with one way to bind and read it. */
public enum ColumnType {
    BOOLEAN,
    BOXED_BOOLEAN,
    BYTE,
    BOXED_BYTE,
    SHORT,
    BOXED_SHORT,
    CHAR,
    BOXED_CHAR,
    INT,
    BOXED_INT,
    LONG,
    BOXED_LONG,
    FLOAT,
    BOXED_FLOAT,
    DOUBLE,
    BOXED_DOUBLE,
    STRING,
    BIG_DECIMAL,
    BYTES,
    UUID,
    LOCAL_DATE,
    LOCAL_DATE_TIME,
    OFFSET_DATE_TIME,
    INSTANT,
    ENUM_BY_NAME,
    ENUM_BY_ORDINAL;

    /** Whether the Java type is primitive, so a value is never {@code null}. */
    public boolean isPrimitive() {
        return switch (this) {
            case BOOLEAN, BYTE, SHORT, CHAR, INT, LONG, FLOAT, DOUBLE -> true;
            default -> false;
        };
    }

    /** The type to use where a value may be absent: the box of a primitive, else this type. */
    public ColumnType boxed() {
        return switch (this) {
            case BOOLEAN -> BOXED_BOOLEAN;
            case BYTE -> BOXED_BYTE;
            case SHORT -> BOXED_SHORT;
            case CHAR -> BOXED_CHAR;
            case INT -> BOXED_INT;
            case LONG -> BOXED_LONG;
            case FLOAT -> BOXED_FLOAT;
            case DOUBLE -> BOXED_DOUBLE;
            default -> this;
        };
    }

    /** The type to use where a value is never absent: the primitive of a box, else this type. */
    public ColumnType unboxed() {
        return switch (this) {
            case BOXED_BOOLEAN -> BOOLEAN;
            case BOXED_BYTE -> BYTE;
            case BOXED_SHORT -> SHORT;
            case BOXED_CHAR -> CHAR;
            case BOXED_INT -> INT;
            case BOXED_LONG -> LONG;
            case BOXED_FLOAT -> FLOAT;
            case BOXED_DOUBLE -> DOUBLE;
            default -> this;
        };
    }

    /** Whether the type is a whole number that a counter or a generated key can use. */
    public boolean isIntegral() {
        return switch (this) {
            case INT, BOXED_INT, LONG, BOXED_LONG -> true;
            default -> false;
        };
    }

    /** Whether the type is a point in time a {@code TIMESTAMP} version can use. */
    public boolean isTemporal() {
        return switch (this) {
            case INSTANT, LOCAL_DATE_TIME, OFFSET_DATE_TIME -> true;
            default -> false;
        };
    }
}
