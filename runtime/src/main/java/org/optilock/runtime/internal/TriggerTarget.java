package org.optilock.runtime.internal;

import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Where the version trigger of one {@code Strategy.TRIGGER} entity goes.
 *
 * @param table the table, as written in SQL, qualified by its schema where it has one
 * @param keyColumns the key columns, as written in SQL
 * @param versionColumn the version column, as written in SQL
 * @param triggerName the trigger's name, unqualified
 */
public record TriggerTarget(String table, List<String> keyColumns, String versionColumn, String triggerName) {

    /** Marks Optilock's triggers where the database keeps no other trace of who made them. */
    static final String MARK = "optilock version trigger";

    public TriggerTarget {
        keyColumns = List.copyOf(keyColumns);
    }

    /** The schema of the table, as written in SQL; empty for a table of the connection's current schema. */
    public Optional<String> schema() {
        int dot = table.indexOf('.');
        return dot < 0 ? Optional.empty() : Optional.of(table.substring(0, dot));
    }

    /** The table without its schema. */
    public String unqualifiedTable() {
        return table.substring(table.indexOf('.') + 1);
    }

    /** The trigger's name in SQL, in the table's schema where the table has one. */
    public String qualifiedTriggerName() {
        return schema().map(schema -> schema + "." + triggerName).orElse(triggerName);
    }

    /**
     * The name {@code Triggers} reports: the trigger's name, after its schema where the table has one,
     * unquoted and in lower case, as {@code Triggers.list} reports names.
     */
    public String reportedName() {
        return unquoted(qualifiedTriggerName()).toLowerCase(Locale.ROOT);
    }

    /** {@code name} without the double quotes that make it case-sensitive in SQL. */
    static String unquoted(String name) {
        return name.replace("\"", "");
    }
}
