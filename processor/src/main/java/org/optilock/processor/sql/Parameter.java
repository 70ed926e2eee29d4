package org.optilock.processor.sql;

import org.optilock.processor.model.PropertyModel;

/**
 * One {@code ?} of a statement: what the DAO binds there. A statement's parameters are listed in the
 * order of its placeholders, so the DAO binds by walking the list and never counts positions of its
 * own.
 */
public sealed interface Parameter {

    /** The entity's value of {@code property}, written to its column. */
    record Value(PropertyModel property) implements Parameter {}

    /**
     * The entity's value of {@code property}, compared with the column's before the update: a
     * conditional version moves only when one of these differs.
     */
    record Compared(PropertyModel property) implements Parameter {}

    /** One column of the key: the entity's, or the id a method was given. */
    record KeyPart(PropertyModel property) implements Parameter {}

    /** The version the write gives the row, computed before the write. */
    record NewVersion() implements Parameter {}

    /** How far a counter the database moves goes: 1, or 0 under {@code Concurrency.withoutIncrement}. */
    record Increment() implements Parameter {}

    /** The version that was read: the row must still have it. */
    record ExpectedVersion() implements Parameter {}

    /**
     * 1 when the version that was read is unset ({@code null}, or 0 in a primitive), else 0: such a
     * copy was read from a row whose version is NULL, and matches that row.
     */
    record ExpectedUnset() implements Parameter {}
}
