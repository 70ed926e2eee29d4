package org.optilock.processor.sql;

import java.util.List;
import java.util.stream.Collectors;
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
 * @param updateUnchecked sets every column whatever the row's version (checks disabled)
 * @param delete deletes the row if it still has the expected version
 * @param deleteUnchecked deletes the row whatever its version (checks disabled)
 * @param selectById reads one row by key
 * @param selectAll reads every row, in key order
 * @param selectVersion reads one row's version
 * @param selectByIdAndVersion reads one row by key if it has the given version
 */
public record SqlStatements(
        String insert, String update, String updateUnchecked, String delete, String deleteUnchecked,
        String selectById, String selectAll, String selectVersion, String selectByIdAndVersion) {

    /** Builds the statements of {@code entity}. */
    public static SqlStatements of(EntityModel entity) {
        String table = entity.table();
        String id = entity.id().column();
        String version = entity.version().property().column();
        String byId = " WHERE " + id + " = ?";
        String byIdAndVersion = byId + " AND " + version + " = ?";

        List<PropertyModel> inserted = entity.insertedProperties();
        String insert = "INSERT INTO " + table + " (" + columns(inserted) + ") VALUES ("
                + inserted.stream().map(p -> "?").collect(Collectors.joining(", ")) + ")";

        String set = entity.updatedProperties().stream()
                .map(p -> p.column() + " = ?, ")
                .collect(Collectors.joining()) + version + " = ?";
        String update = "UPDATE " + table + " SET " + set;

        String select = "SELECT " + columns(entity.properties()) + " FROM " + table;
        String delete = "DELETE FROM " + table;
        return new SqlStatements(
                insert,
                update + byIdAndVersion,
                update + byId,
                delete + byIdAndVersion,
                delete + byId,
                select + byId,
                select + " ORDER BY " + id,
                "SELECT " + version + " FROM " + table + byId,
                select + byIdAndVersion);
    }

    private static String columns(List<PropertyModel> properties) {
        return properties.stream().map(PropertyModel::column).collect(Collectors.joining(", "));
    }
}
