package org.optilock.runtime;

import java.util.List;
import java.util.Optional;

/**
 * An entity's table as its generated DAO maps it: what an operator needs to know of it, listed by
 * Spring Boot's {@code optilock} Actuator endpoint.
 *
 * @param entityType the entity
 * @param table the table, qualified by its schema where the entity names one
 * @param keyColumns the key's columns
 * @param versionColumn the version column; empty for an unversioned entity a repository names
 * @param strategy how the version moves: {@code COUNTER}, {@code TIMESTAMP} or {@code TRIGGER}; {@code NONE}
 *     for an unversioned entity
 * @param trigger the version trigger's name, for {@code TRIGGER}
 */
public record EntityTable(Class<?> entityType, String table, List<String> keyColumns, Optional<String> versionColumn,
        String strategy, Optional<String> trigger) {

    /** Copies the key columns. */
    public EntityTable {
        keyColumns = List.copyOf(keyColumns);
    }
}
