package org.optilock.runtime;

import java.util.List;
import javax.sql.DataSource;
import org.optilock.runtime.internal.Tables;

/**
 * The tables of entities, as the processor derived them for each database: keys, columns of fitting
 * types, the version column, and the version trigger where the strategy is {@code TRIGGER}. For tests,
 * examples and first runs; in production, keep the schema in migrations (Flyway, Liquibase) and take
 * this DDL, which the generated DAO shows, as the first one.
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
}
