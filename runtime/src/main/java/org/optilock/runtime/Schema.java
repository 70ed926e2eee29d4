package org.optilock.runtime;

import java.util.List;
import javax.sql.DataSource;
import org.optilock.runtime.internal.SchemaVerification;
import org.optilock.runtime.internal.Tables;

/**
 * The tables of entities, as the processor derived them for each database: keys, columns of fitting
 * types, the version column, and the version trigger where the strategy is {@code TRIGGER}. For tests,
 * examples and first runs; in production, keep the schema in migrations (Flyway, Liquibase) and take
 * this DDL, which the generated DAO shows, as the first one, and let {@link #verify} check at start-up
 * that the migrated tables still fit the entities.
 */
public final class Schema {

    private Schema() {}

    /**
     * Creates the table of each entity that has none, and the version trigger of each {@code TRIGGER}
     * entity that has none; idempotent. In one transaction where the database's DDL allows.
     *
     * @return the tables it created
     * @throws IllegalArgumentException if a class is not an entity the processor wrote a DAO for
     */
    public static List<String> create(DataSource dataSource, Class<?>... entityTypes) {
        return Tables.create(dataSource, entityTypes);
    }

    /**
     * Drops the table of each entity that has one, with its version trigger; idempotent.
     *
     * @return the tables it dropped
     */
    public static List<String> drop(DataSource dataSource, Class<?>... entityTypes) {
        return Tables.drop(dataSource, entityTypes);
    }

    /**
     * Compares each entity with its live table, as the DAO will use it: the table exists; every mapped
     * column exists, with a type that holds its field (the same kind of value, an integer or floating
     * type no narrower, a time zone where an instant needs one; on SQLite, the same type affinity); a
     * primitive's column is NOT NULL; the primary key is the entity's key; a {@code TIMESTAMP} version
     * keeps microseconds; a {@code TRIGGER} version has its trigger. The tables of element collections
     * are checked too. Text lengths and decimal digits are the application's choice and are not
     * compared. Reads the database's metadata only.
     *
     * @return every mismatch, each with what differs and the fix; empty when all match
     * @throws IllegalArgumentException if a class is not an entity the processor wrote a DAO for
     */
    public static List<SchemaMismatch> verify(DataSource dataSource, Class<?>... entityTypes) {
        return SchemaVerification.verify(dataSource, entityTypes);
    }

    /**
     * {@link #verify}, throwing when anything differs: for a start-up that should fail fast, naming
     * every mismatch, rather than let a first write fail.
     *
     * @throws SchemaMismatchException naming every mismatch and its fix
     */
    public static void requireValid(DataSource dataSource, Class<?>... entityTypes) {
        List<SchemaMismatch> mismatches = verify(dataSource, entityTypes);
        if (!mismatches.isEmpty()) {
            throw new SchemaMismatchException(mismatches);
        }
    }

    /**
     * The table of {@code entityType} as its DAO maps it: name, key, version column and strategy.
     *
     * @throws IllegalArgumentException if the class is not an entity the processor wrote a DAO for
     */
    public static EntityTable tableOf(Class<?> entityType) {
        return SchemaVerification.describe(entityType);
    }
}
