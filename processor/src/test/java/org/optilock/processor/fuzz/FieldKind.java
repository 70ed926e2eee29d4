package org.optilock.processor.fuzz;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.temporal.ChronoUnit;
import java.util.Arrays;
import java.util.Objects;
import java.util.UUID;

/**
 * A field type the fuzzer puts in an entity: the Java type, the H2 column type a user would declare
 * for it, and values to write; or, for the types the processor must refuse, no column at all.
 */
enum FieldKind {
    STRING("String", "VARCHAR(100)"),
    INT("int", "INT"),
    LONG("long", "BIGINT"),
    BOXED_INT("Integer", "INT"),
    BOXED_LONG("Long", "BIGINT"),
    BOOLEAN("boolean", "BOOLEAN"),
    BOXED_BOOLEAN("Boolean", "BOOLEAN"),
    DOUBLE("double", "DOUBLE PRECISION"),
    DECIMAL("java.math.BigDecimal", "DECIMAL(20, 4)"),
    DATE("java.time.LocalDate", "DATE"),
    DATE_TIME("java.time.LocalDateTime", "TIMESTAMP(6)"),
    INSTANT("java.time.Instant", "TIMESTAMP(6) WITH TIME ZONE"),
    UUID_KIND("java.util.UUID", "UUID"),
    BYTES("byte[]", "VARBINARY(100)"),
    CHAR("char", "CHAR(1)"),
    // Refused by the processor: it must say so on the field.
    OBJECT("Object", null),
    LIST("java.util.List<String>", null),
    THREAD("Thread", null);

    private final String javaType;
    private final String sqlType;

    FieldKind(String javaType, String sqlType) {
        this.javaType = javaType;
        this.sqlType = sqlType;
    }

    String javaType() {
        return javaType;
    }

    /** The column type; only for supported kinds. */
    String sqlType() {
        return Objects.requireNonNull(sqlType, this + " has no column");
    }

    boolean supported() {
        return sqlType != null;
    }

    /** Value number {@code n} of this kind: different for different {@code n}, and exact in H2. */
    Object value(int n) {
        return switch (this) {
            case STRING -> "text " + n;
            case INT, BOXED_INT -> 1000 + n;
            case LONG, BOXED_LONG -> 5_000_000_000L + n;
            case BOOLEAN, BOXED_BOOLEAN -> n % 2 == 0;
            case DOUBLE -> 0.5 + n;
            case DECIMAL -> new BigDecimal("12.3400").add(BigDecimal.valueOf(n));
            case DATE -> LocalDate.of(2026, 1, 1).plusDays(n);
            case DATE_TIME -> LocalDateTime.of(2026, 1, 1, 12, 0).plusSeconds(n).plusNanos(123_000);
            case INSTANT -> Instant.parse("2026-01-01T12:00:00Z").plusSeconds(n).truncatedTo(ChronoUnit.MICROS);
            case UUID_KIND -> new UUID(42, n);
            case BYTES -> new byte[] {1, 2, (byte) n};
            case CHAR -> (char) ('a' + n % 26);
            case OBJECT, LIST, THREAD -> throw new IllegalStateException(this + " is never written");
        };
    }

    /** Whether {@code read} is the value {@code written}, as the database gives it back. */
    boolean same(Object written, Object read) {
        return switch (this) {
            case DECIMAL -> read != null && ((BigDecimal) written).compareTo((BigDecimal) read) == 0;
            case BYTES -> Arrays.equals((byte[]) written, (byte[]) read);
            default -> Objects.equals(written, read);
        };
    }
}
