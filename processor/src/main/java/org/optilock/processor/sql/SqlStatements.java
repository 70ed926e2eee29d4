package org.optilock.processor.sql;

import java.util.Collections;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;
import org.optilock.Strategy;
import org.optilock.processor.model.EntityModel;
import org.optilock.processor.model.PropertyModel;

/**
 * The SQL of one entity's DAO, built from its model alone. Parameters appear in the order the DAO
 * binds them: {@link EntityModel#insertedProperties()} for INSERT; for UPDATE the
 * {@link EntityModel#updatedProperties()}, the new version, the key and, when checked, the expected
 * version.
 *
 * @param insert inserts one row
 * @param update sets every column if the row still has the expected version
 * @param updateUnchecked sets every column whatever the row's version (checks disabled); a counter
 *     version is moved on from the row's own value by a bound increment
 * @param delete deletes the row if it still has the expected version
 * @param deleteUnchecked deletes the row whatever its version (checks disabled)
 * @param selectById reads one row by key
 * @param selectAll reads every row, in key order
 * @param selectVersion reads one row's version
 * @param selectByIdAndVersion reads one row by key if it has the given version
 * @param readBackUpdates for TRIGGER and conditional versions, the UPDATE per dialect that also
 *     reports the new version; empty for other entities
 * @param generatedKeyColumn the (first) key column as the database reports it, for
 *     {@code Connection.prepareStatement(sql, columnNames)}: unquoted names folded to lower case
 *     (PostgreSQL's rule; H2 and SQLite match it either way), quoted names as written
 */
public record SqlStatements(
        String insert, String update, String updateUnchecked, String delete, String deleteUnchecked,
        String selectById, String selectAll, String selectVersion, String selectByIdAndVersion,
        String generatedKeyColumn, Map<SqlDialect, ReadBackUpdate> readBackUpdates) {

    /**
     * The UPDATE of an entity whose new version the database decides, for one dialect. Its
     * parameters: for a conditional version the relevant properties and the increment or the new
     * timestamp; then the updated properties, the key and, when checked, the expected version.
     *
     * @param checked with the version condition
     * @param unchecked without it (checks disabled)
     */
    public record ReadBackUpdate(String checked, String unchecked) {}

    public SqlStatements {
        // An EnumMap keeps the dialects in declaration order, so the generated code is reproducible.
        readBackUpdates = readBackUpdates.isEmpty()
                ? Map.of()
                : Collections.unmodifiableMap(new EnumMap<>(readBackUpdates));
    }

    /** Builds the statements of {@code entity}. */
    public static SqlStatements of(EntityModel entity) {
        String table = entity.table();
        List<String> keyColumns = entity.key().properties().stream().map(PropertyModel::column).toList();
        String version = entity.version().property().column();
        String byId = " WHERE " + keyColumns.stream().map(c -> c + " = ?").collect(Collectors.joining(" AND "));
        String byIdAndVersion = byId + " AND " + version + " = ?";

        List<PropertyModel> inserted = entity.insertedProperties();
        String insert = "INSERT INTO " + table + " (" + columns(inserted) + ") VALUES ("
                + inserted.stream().map(p -> "?").collect(Collectors.joining(", ")) + ")";

        String columns = entity.updatedProperties().stream()
                .map(p -> p.column() + " = ?, ")
                .collect(Collectors.joining());
        String update = "UPDATE " + table + " SET " + columns + version + " = ?";
        // Unchecked, a counter moves the row's own version on (by the bound 1 or 0), so a stale copy
        // written with checks off can never set the version back to a value other copies hold.
        String updateUnchecked = entity.version().strategy() == Strategy.COUNTER
                ? "UPDATE " + table + " SET " + columns + version + " = COALESCE(" + version + ", 0) + ?"
                : update;

        String select = "SELECT " + columns(entity.properties()) + " FROM " + table;
        String delete = "DELETE FROM " + table;
        return new SqlStatements(
                insert,
                update + byIdAndVersion,
                updateUnchecked + byId,
                delete + byIdAndVersion,
                delete + byId,
                select + byId,
                select + " ORDER BY " + String.join(", ", keyColumns),
                "SELECT " + version + " FROM " + table + byId,
                select + byIdAndVersion,
                reportedName(keyColumns.get(0)),
                entity.readsVersionBack() ? readBackUpdates(entity, columns, byId, byIdAndVersion) : Map.of());
    }

    private static Map<SqlDialect, ReadBackUpdate> readBackUpdates(
            EntityModel entity, String columns, String byId, String byIdAndVersion) {
        String version = entity.version().property().column();
        String increment = "COALESCE(" + version + ", 0) + ?";
        Map<SqlDialect, ReadBackUpdate> updates = new EnumMap<>(SqlDialect.class);
        for (SqlDialect dialect : SqlDialect.values()) {
            // A trigger version always moves: withoutIncrement could not stop the trigger anyway.
            String expression = "COALESCE(" + version + ", 0) + 1";
            if (entity.version().isConditional()) {
                String changed = entity.relevantProperties().stream()
                        .map(p -> dialect.differsFromParameter(p.column()))
                        .collect(Collectors.joining(" OR "));
                String moved = entity.version().strategy() == Strategy.COUNTER ? increment : "?";
                expression = "CASE WHEN " + changed + " THEN " + moved + " ELSE " + version + " END";
            }
            // The version is assigned first: MySQL evaluates assignments in order, and the CASE must
            // compare the columns before they take their new values.
            String update = "UPDATE " + entity.table() + " SET " + dialect.assignVersion(version, expression)
                    + (columns.isEmpty() ? "" : ", " + columns.substring(0, columns.length() - 2));
            updates.put(dialect, new ReadBackUpdate(
                    dialect.readingBack(update + byIdAndVersion, version),
                    dialect.readingBack(update + byId, version)));
        }
        return updates;
    }

    private static String reportedName(String column) {
        return column.startsWith("\"") ? column.substring(1, column.length() - 1) : column.toLowerCase(Locale.ROOT);
    }

    private static String columns(List<PropertyModel> properties) {
        return properties.stream().map(PropertyModel::column).collect(Collectors.joining(", "));
    }
}
