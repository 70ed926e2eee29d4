package org.optilock.runtime.internal;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;
import java.util.Optional;

/**
 * The trigger queries of a database that lists triggers in the standard's
 * {@code information_schema.TRIGGERS} (H2, MySQL and MariaDB): they differ only in how names are
 * folded, how the current schema is named, and how Optilock's own triggers are told apart.
 *
 * @param fold the function that folds a name's case, {@code UPPER} or {@code lower}
 * @param currentSchema the expression of the connection's current schema
 * @param ownTrigger the condition true of Optilock's triggers alone
 */
record InformationSchemaTriggers(String fold, String currentSchema, String ownTrigger) implements TriggerCatalog {

    @Override
    public String countQuery(Optional<String> schema) {
        return "SELECT COUNT(*) FROM information_schema.TRIGGERS WHERE " + inSchema(schema)
                + " AND " + fold + "(TRIGGER_NAME) = " + fold + "(?)";
    }

    @Override
    public String namesQuery(Optional<String> schema) {
        return "SELECT TRIGGER_NAME FROM information_schema.TRIGGERS WHERE " + inSchema(schema) + " AND " + ownTrigger;
    }

    @Override
    public List<String> namesEverywhere(Connection connection) throws SQLException {
        return TriggerCatalog.namesEverywhere(connection, "SELECT TRIGGER_SCHEMA, TRIGGER_NAME, CASE WHEN TRIGGER_SCHEMA = " + currentSchema
                + " THEN 1 ELSE 0 END FROM information_schema.TRIGGERS WHERE " + ownTrigger);
    }

    private String inSchema(Optional<String> schema) {
        return schema.isPresent() ? fold + "(TRIGGER_SCHEMA) = " + fold + "(?)" : "TRIGGER_SCHEMA = " + currentSchema;
    }
}
