package org.optilock.runtime;

import java.util.Objects;

/**
 * One way a live table differs from what an entity's DAO needs, found by {@link Schema#verify}: what
 * differs, and the fix.
 *
 * @param entityType the entity whose table differs
 * @param table the table, as the entity names it
 * @param column the column that differs, or {@code null} for the table, its key or its trigger
 * @param kind what differs
 * @param problem what differs, in a sentence
 * @param fix what to do about it, in a sentence: usually the DDL to run
 */
public record SchemaMismatch(Class<?> entityType, String table, String column, Kind kind, String problem, String fix) {

    /** What differs. */
    public enum Kind {
        /** The table does not exist. */
        TABLE_MISSING,
        /** A mapped column does not exist. */
        COLUMN_MISSING,
        /** The version column does not exist: no write can be checked. */
        VERSION_COLUMN_MISSING,
        /** A column's type cannot hold every value of its field, or reads back another kind of value. */
        COLUMN_TYPE,
        /** A {@code TIMESTAMP} version column keeps less than microseconds, so two versions can be equal. */
        VERSION_PRECISION,
        /** A column the entity never leaves empty (a primitive, or the key) allows NULL. */
        COLUMN_NULLABLE,
        /** The primary key is missing, or is not the entity's key. */
        PRIMARY_KEY,
        /** The version trigger of a {@code TRIGGER} entity does not exist. */
        TRIGGER_MISSING
    }

    /** Checks that every field but {@code column} is given. */
    public SchemaMismatch {
        Objects.requireNonNull(entityType, "entityType");
        Objects.requireNonNull(table, "table");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(problem, "problem");
        Objects.requireNonNull(fix, "fix");
    }

    /** The problem and its fix: {@code column version missing in table document: add it with ...}. */
    @Override
    public String toString() {
        return problem + ": " + fix;
    }
}
