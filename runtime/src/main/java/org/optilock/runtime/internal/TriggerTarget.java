package org.optilock.runtime.internal;

import java.util.List;

/**
 * Where the version trigger of one {@code Strategy.TRIGGER} entity goes.
 *
 * @param table the table, as written in SQL
 * @param keyColumns the key columns, as written in SQL
 * @param versionColumn the version column, as written in SQL
 * @param triggerName the trigger's name
 */
public record TriggerTarget(String table, List<String> keyColumns, String versionColumn, String triggerName) {

    public TriggerTarget {
        keyColumns = List.copyOf(keyColumns);
    }
}
