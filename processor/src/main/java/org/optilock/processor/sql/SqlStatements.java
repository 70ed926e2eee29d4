package org.optilock.processor.sql;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.optilock.Strategy;
import org.optilock.processor.model.EntityModel;
import org.optilock.processor.model.PropertyModel;
import org.optilock.processor.model.SqlDialect;
import org.optilock.processor.sql.Parameter.Compared;
import org.optilock.processor.sql.Parameter.ExpectedUnset;
import org.optilock.processor.sql.Parameter.ExpectedVersion;
import org.optilock.processor.sql.Parameter.Increment;
import org.optilock.processor.sql.Parameter.KeyPart;
import org.optilock.processor.sql.Parameter.NewVersion;
import org.optilock.processor.sql.Parameter.Value;

/**
 * The statements of one entity's DAO, built from its model alone by pure functions: each one its SQL
 * text and its ordered parameters.
 *
 * @param insert inserts one row; for an entity whose key the database generates, without the key
 * @param insertWithKey for an entity whose key the database generates: inserts one row with the key
 *     the caller set, as django's {@code create(pk=N)}; empty for other entities
 * @param update sets every column if the row still has the version that was read (a row whose
 *     version is NULL matches a copy that read none)
 * @param updateUnchecked sets every column whatever the row's version (checks disabled)
 * @param delete deletes the row if it still has the version that was read
 * @param deleteRows the checked delete of many rows in one statement, on PostgreSQL
 * @param deleteUnchecked deletes the row whatever its version (checks disabled)
 * @param selectById reads one row by key
 * @param selectAll reads every row, in key order
 * @param selectVersion reads one row's version
 * @param selectByIdAndVersion reads one row by key if it has the given version
 * @param generatedKeyColumn the (first) key column as the database reports it, for
 *     {@code Connection.prepareStatement(sql, columnNames)}: unquoted names folded to lower case
 *     (PostgreSQL's rule; H2 and SQLite match it either way), quoted names as written
 */
public record SqlStatements(
        SqlStatement insert, Optional<SqlStatement> insertWithKey,
        UpdateStatement update, UpdateStatement updateUnchecked,
        SqlStatement delete, ArrayStatement deleteRows, SqlStatement deleteUnchecked,
        SqlStatement selectById, SqlStatement selectAll, SqlStatement selectVersion,
        SqlStatement selectByIdAndVersion, String generatedKeyColumn) {

    /** Builds the statements of {@code entity}. */
    public static SqlStatements of(EntityModel entity) {
        String table = entity.table();
        List<PropertyModel> keys = entity.key().properties();
        Fragment byKey = keys.stream()
                .map(p -> Fragment.of(p.column() + " = ?", new KeyPart(p)))
                .collect(Fragment.joining(" AND "));
        Fragment whereKey = Fragment.text(" WHERE ").then(byKey);
        if (!entity.isVersioned()) {
            return unversioned(entity, whereKey);
        }
        String version = entity.version().property().column();
        Fragment whereKeyAndVersion = whereKey.then(Fragment.of(
                " AND (" + version + " = ? OR (" + version + " IS NULL AND ? = 1))",
                new ExpectedVersion(), new ExpectedUnset()));

        String select = "SELECT " + columns(entity.properties()) + " FROM " + table;
        String delete = "DELETE FROM " + table;
        SqlStatement checkedDelete = Fragment.text(delete).then(whereKeyAndVersion).statement();
        return new SqlStatements(
                insert(entity, entity.insertedProperties()),
                entity.generatedId() ? Optional.of(insert(entity, entity.properties())) : Optional.empty(),
                update(entity, whereKeyAndVersion, true),
                update(entity, whereKey, false),
                checkedDelete,
                arrayDelete(entity, checkedDelete.parameters()),
                Fragment.text(delete).then(whereKey).statement(),
                Fragment.text(select).then(whereKey).statement(),
                Fragment.text(select + " ORDER BY " + keys.stream().map(PropertyModel::column).collect(Collectors.joining(", ")))
                        .statement(),
                Fragment.text("SELECT " + version + " FROM " + table).then(whereKey).statement(),
                Fragment.text(select).then(whereKey).then(Fragment.of(" AND " + version + " = ?", new ExpectedVersion()))
                        .statement(),
                reportedName(keys.get(0).column()));
    }

    /**
     * The statements of an entity without a version, the entity of a repository: every write by key
     * alone, so an update or delete fails only when the row is gone; the checked and unchecked
     * statements are the same. The "version" SELECT only says whether the row exists.
     */
    private static SqlStatements unversioned(EntityModel entity, Fragment whereKey) {
        String table = entity.table();
        List<PropertyModel> keys = entity.key().properties();
        String select = "SELECT " + columns(entity.properties()) + " FROM " + table;
        Fragment set = entity.updatedProperties().stream()
                .map(p -> Fragment.of(p.column() + " = ?", new Value(p)))
                .collect(Fragment.joining(", "));
        if (set.sql().isEmpty()) {
            // Only key columns: the update rewrites nothing, and says whether the row is there.
            set = Fragment.text(keys.get(0).column() + " = " + keys.get(0).column());
        }
        SqlStatement update = Fragment.text("UPDATE " + table + " SET ").then(set).then(whereKey).statement();
        UpdateStatement.Plain plain = new UpdateStatement.Plain(update,
                Optional.of(arrayUpdate(entity, update.parameters())));
        SqlStatement delete = Fragment.text("DELETE FROM " + table).then(whereKey).statement();
        SqlStatement selectById = Fragment.text(select).then(whereKey).statement();
        return new SqlStatements(
                insert(entity, entity.insertedProperties()),
                entity.generatedId() ? Optional.of(insert(entity, entity.properties())) : Optional.empty(),
                plain,
                plain,
                delete,
                arrayDelete(entity, delete.parameters()),
                delete,
                selectById,
                Fragment.text(select + " ORDER BY " + keys.stream().map(PropertyModel::column).collect(Collectors.joining(", ")))
                        .statement(),
                Fragment.text("SELECT 1 FROM " + table).then(whereKey).statement(),
                selectById,
                reportedName(keys.get(0).column()));
    }

    private static SqlStatement insert(EntityModel entity, List<PropertyModel> inserted) {
        Fragment values = inserted.stream()
                .map(p -> Fragment.of("?", entity.isVersion(p) ? new NewVersion() : new Value(p)))
                .collect(Fragment.joining(", "));
        return Fragment.text("INSERT INTO " + entity.table() + " (" + columns(inserted) + ") VALUES (")
                .then(values)
                .then(")")
                .statement();
    }

    /**
     * The UPDATE with {@code where}: plain when Java knows the new version before the write (a
     * checked counter, a timestamp), else reading back the version the database decides.
     */
    private static UpdateStatement update(EntityModel entity, Fragment where, boolean checked) {
        Strategy strategy = entity.version().strategy();
        String version = entity.version().property().column();
        Fragment columns = entity.updatedProperties().stream()
                .map(p -> Fragment.of(p.column() + " = ?", new Value(p)))
                .collect(Fragment.joining(", "));
        boolean plain = !entity.version().isConditional()
                && (strategy == Strategy.TIMESTAMP || (strategy == Strategy.COUNTER && checked));
        if (plain) {
            Fragment set = columns.sql().isEmpty() ? Fragment.text("") : columns.then(", ");
            SqlStatement statement = Fragment.text("UPDATE " + entity.table() + " SET ")
                    .then(set)
                    .then(Fragment.of(version + " = ?", new NewVersion()))
                    .then(where)
                    .statement();
            return new UpdateStatement.Plain(statement,
                    checked ? Optional.of(arrayUpdate(entity, statement.parameters())) : Optional.empty());
        }
        Map<SqlDialect, SqlStatement> statements = new EnumMap<>(SqlDialect.class);
        for (SqlDialect dialect : SqlDialect.values()) {
            Fragment newVersion = newVersionExpression(entity, dialect);
            // The version is assigned first: MySQL evaluates assignments in order, and a conditional
            // version must compare the columns before they take their new values. The runtime's batches
            // on MySQL rely on it too (JoinedStatement.ofVersionThenColumns), and on the key's
            // conditions coming first in the WHERE clause.
            Fragment update = Fragment.text("UPDATE " + entity.table() + " SET ")
                    .then(new Fragment(DialectSql.assignVersion(dialect, version, newVersion.sql()), newVersion.parameters()))
                    .then(columns.sql().isEmpty() ? Fragment.text("") : Fragment.text(", ").then(columns))
                    .then(where);
            statements.put(dialect, new SqlStatement(DialectSql.readingBack(dialect, update.sql(), version), update.parameters()));
        }
        return new UpdateStatement.ReadingBack(statements, checked
                ? Optional.of(arrayUpdateReadingBack(entity, statements.values().iterator().next().parameters()))
                : Optional.empty());
    }

    /**
     * The checked update of {@code parameters} for many rows: each parameter an array, unnested with
     * the rows' positions into {@code v}, whose columns are named by position so no name of the table
     * can collide with them.
     */
    private static ArrayStatement arrayUpdate(EntityModel entity, List<Parameter> parameters) {
        List<String> set = new ArrayList<>();
        for (PropertyModel property : entity.updatedProperties()) {
            set.add(property.column() + " = " + element(parameters, new Value(property)));
        }
        if (entity.isVersioned()) {
            set.add(entity.version().property().column() + " = " + element(parameters, new NewVersion()));
        } else if (set.isEmpty()) {
            String key = entity.key().properties().get(0).column();
            set.add(key + " = t." + key);
        }
        return fromArrays(entity, parameters, "UPDATE " + entity.table() + " AS t SET " + String.join(", ", set)
                + " FROM ", "");
    }

    /**
     * The checked update of many rows whose versions the database decides, as {@link #arrayUpdate}
     * but moving each version as the one-row update does, from the row's own: a trigger's always, a
     * conditional one only where a relevant column differs from its new value. It returns each written
     * row's version beside its position. The one-row update binds a compared column twice, once to
     * compare and once to assign; here its array is sent once and serves both.
     */
    private static ArrayStatement arrayUpdateReadingBack(EntityModel entity, List<Parameter> oneRow) {
        List<Parameter> parameters = oneRow.stream()
                .filter(p -> !(p instanceof Compared compared && oneRow.contains(new Value(compared.property()))))
                .distinct()
                .toList();
        String version = entity.version().property().column();
        String moved;
        if (entity.version().strategy() == Strategy.TRIGGER) {
            moved = "COALESCE(t." + version + ", 0) + 1";
        } else {
            moved = entity.version().strategy() == Strategy.COUNTER
                    ? "COALESCE(t." + version + ", 0) + " + element(parameters, new Increment())
                    : element(parameters, new NewVersion());
        }
        if (entity.version().isConditional()) {
            String changed = entity.relevantProperties().stream()
                    .map(p -> "t." + p.column() + " IS DISTINCT FROM " + element(parameters,
                            parameters.contains(new Value(p)) ? new Value(p) : new Compared(p)))
                    .collect(Collectors.joining(" OR "));
            moved = "CASE WHEN " + changed + " THEN " + moved + " ELSE t." + version + " END";
        }
        // The version first, as in the one-row update; PostgreSQL reads the row's old values on every
        // right-hand side anyway.
        List<String> set = new ArrayList<>();
        set.add(version + " = " + moved);
        for (PropertyModel property : entity.updatedProperties()) {
            set.add(property.column() + " = " + element(parameters, new Value(property)));
        }
        return fromArrays(entity, parameters, "UPDATE " + entity.table() + " AS t SET " + String.join(", ", set)
                + " FROM ", ", t." + version);
    }

    /** The checked delete of {@code parameters} for many rows, as {@link #arrayUpdate}. */
    private static ArrayStatement arrayDelete(EntityModel entity, List<Parameter> parameters) {
        return fromArrays(entity, parameters, "DELETE FROM " + entity.table() + " AS t USING ", "");
    }

    /**
     * {@code head}, then the unnested arrays, the key and version condition, and the rows written: their
     * positions, then {@code returned}.
     */
    private static ArrayStatement fromArrays(EntityModel entity, List<Parameter> parameters, String head,
            String returned) {
        String version = entity.isVersioned() ? entity.version().property().column() : null;
        String byKey = entity.key().properties().stream()
                .map(p -> "t." + p.column() + " = " + element(parameters, new KeyPart(p)))
                .collect(Collectors.joining(" AND "));
        String names = IntStream.rangeClosed(1, parameters.size())
                .mapToObj(i -> "optilock_" + i)
                .collect(Collectors.joining(", "));
        String sql = head + "unnest(" + parameters.stream().map(p -> "?").collect(Collectors.joining(", "))
                + ") WITH ORDINALITY AS v(" + names + ", optilock_row)"
                + " WHERE " + byKey
                + (version == null ? "" : " AND (t." + version + " = " + element(parameters, new ExpectedVersion())
                        + " OR (t." + version + " IS NULL AND " + element(parameters, new ExpectedUnset()) + " = 1))")
                + " RETURNING v.optilock_row" + returned;
        String types = parameters.stream()
                .map(p -> p instanceof Value value ? value.property().column()
                        : p instanceof KeyPart part ? part.property().column()
                        : p instanceof Compared compared ? compared.property().column()
                        : p instanceof ExpectedUnset ? "1"
                        : version)
                .collect(Collectors.joining(", "));
        return new ArrayStatement(new SqlStatement(sql, parameters),
                "SELECT " + types + " FROM " + entity.table() + " WHERE 1 = 0");
    }

    /** The column of {@code v} that holds {@code parameter}'s values. */
    private static String element(List<Parameter> parameters, Parameter parameter) {
        int index = parameters.indexOf(parameter);
        if (index < 0) {
            throw new IllegalArgumentException(parameter + " is not a parameter of the update");
        }
        return "v.optilock_" + (index + 1);
    }

    /**
     * What the database sets the version to. A trigger version always moves ({@code withoutIncrement}
     * could not stop the trigger anyway); a counter moves on from the row's own value, so a copy
     * written with checks off can never set the version back to a value other copies hold; a
     * conditional version moves only when a relevant column changes.
     */
    private static Fragment newVersionExpression(EntityModel entity, SqlDialect dialect) {
        String version = entity.version().property().column();
        if (entity.version().strategy() == Strategy.TRIGGER) {
            return Fragment.text("COALESCE(" + version + ", 0) + 1");
        }
        Fragment moved = entity.version().strategy() == Strategy.COUNTER
                ? Fragment.of("COALESCE(" + version + ", 0) + ?", new Increment())
                : Fragment.of("?", new NewVersion());
        if (!entity.version().isConditional()) {
            return moved;
        }
        Fragment changed = entity.relevantProperties().stream()
                .map(p -> Fragment.of(DialectSql.differsFromParameter(dialect, p.column()), new Compared(p)))
                .collect(Fragment.joining(" OR "));
        return Fragment.text("CASE WHEN ").then(changed).then(" THEN ").then(moved).then(" ELSE " + version + " END");
    }

    private static String reportedName(String column) {
        return column.startsWith("\"") ? column.substring(1, column.length() - 1) : column.toLowerCase(Locale.ROOT);
    }

    private static String columns(List<PropertyModel> properties) {
        return properties.stream().map(PropertyModel::column).collect(Collectors.joining(", "));
    }
}
