package org.optilock.runtime.internal;

import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import javax.sql.DataSource;
import org.optilock.runtime.Dialect;
import org.optilock.runtime.EntityTable;
import org.optilock.runtime.SchemaMismatch;
import org.optilock.runtime.SchemaMismatch.Kind;

/**
 * Compares entities with the live tables, as {@code Schema.verify} does: each table exists, every
 * mapped column exists with a type that holds its field, primitives and keys are NOT NULL, the key is
 * the primary key, a {@code TIMESTAMP} version keeps microseconds, and a {@code TRIGGER} version has
 * its trigger. What an entity needs is read from what its DAO registered: its CREATE TABLE for the
 * live database and its statements; what the table is, from the JDBC metadata. Reads only.
 */
public final class SchemaVerification {

    private SchemaVerification() {}

    /** Every mismatch between {@code entityTypes} and the tables of {@code dataSource}, in order. */
    public static List<SchemaMismatch> verify(DataSource dataSource, Class<?>... entityTypes) {
        try (Connection connection = dataSource.getConnection()) {
            Dialect dialect = Dialect.of(connection);
            List<SchemaMismatch> mismatches = new ArrayList<>();
            for (Class<?> entityType : entityTypes) {
                TableDefinition definition = TableDefinition.of(entityType);
                DaoStatements statements = DaoStatements.registered(entityType);
                Optional<TriggerTarget> trigger = TriggerTargets.registered(entityType);
                new TableCheck(connection, dialect, entityType, definition, mismatches)
                        .verify(Optional.of(statements), trigger);
                for (TableDefinition dependent : definition.dependents) {
                    new TableCheck(connection, dialect, entityType, dependent, mismatches).verify(Optional.empty(),
                            Optional.empty());
                }
            }
            return List.copyOf(mismatches);
        } catch (SQLException e) {
            throw SqlFailure.exception("verify the schema", e);
        }
    }

    /** The table of {@code entityType} as its DAO maps it. */
    public static EntityTable describe(Class<?> entityType) {
        TableDefinition definition = TableDefinition.of(entityType);
        DaoStatements statements = DaoStatements.registered(entityType);
        Optional<TriggerTarget> trigger = TriggerTargets.registered(entityType);
        ColumnShape.Table shape = ColumnShape.Table.of(definition.create(Dialect.H2));
        String strategy = trigger.isPresent() ? "TRIGGER"
                : statements.versionType == VersionType.NONE ? "NONE"
                : statements.versionType.name().startsWith("COUNTER") ? "COUNTER" : "TIMESTAMP";
        return new EntityTable(entityType, definition.table, shape.key(), statements.versionColumn(), strategy,
                trigger.map(TriggerTarget::reportedName));
    }

    /** The check of one table. */
    private record TableCheck(Connection connection, Dialect dialect, Class<?> entityType, TableDefinition definition,
            List<SchemaMismatch> mismatches) {

        void verify(Optional<DaoStatements> statements, Optional<TriggerTarget> trigger) throws SQLException {
            ColumnShape.Table expected = ColumnShape.Table.of(definition.create(dialect));
            Map<String, LiveColumn> live = liveColumns();
            if (live.isEmpty()) {
                add(null, Kind.TABLE_MISSING, "table " + definition.table + " of " + entityType.getSimpleName()
                        + " does not exist", "create it with Schema.create(dataSource, " + entityType.getSimpleName()
                        + ".class) or with " + definition.create(dialect));
                return;
            }
            String version = statements.flatMap(DaoStatements::versionColumn).orElse(null);
            for (ColumnShape column : expected.columns()) {
                boolean isVersion = column.name().equalsIgnoreCase(version == null ? "" : version);
                LiveColumn found = live.get(column.name().toLowerCase(Locale.ROOT));
                if (found == null) {
                    add(column.name(), isVersion ? Kind.VERSION_COLUMN_MISSING : Kind.COLUMN_MISSING, "column "
                            + column.name() + (isVersion ? " (the version)" : "") + " missing in table " + definition.table,
                            "add it with ALTER TABLE " + definition.table + " ADD COLUMN " + column.name() + " "
                            + column.type() + (column.notNull() ? " NOT NULL, giving existing rows a value" : ""));
                    continue;
                }
                checkType(column, found, isVersion && statements.get().versionType.name().startsWith("TIMESTAMP_")
                        && statements.get().versionType != VersionType.TIMESTAMP_MICROS);
                if (column.notNull() && found.nullable() && !expected.key().contains(column.name())) {
                    add(column.name(), Kind.COLUMN_NULLABLE, "column " + column.name() + " of table " + definition.table
                            + " allows NULL, but its field is a primitive", "make it NOT NULL: " + notNull(column));
                }
            }
            if (statements.isPresent()) {
                checkKey(expected.key());
            }
            if (trigger.isPresent() && !VersionTriggers.exists(connection, DialectSupport.of(dialect), trigger.get())) {
                add(null, Kind.TRIGGER_MISSING, "version trigger " + trigger.get().reportedName() + " on table "
                        + definition.table + " does not exist, so updates made outside Optilock do not move the version",
                        "create it with Triggers.create(dataSource, " + entityType.getSimpleName() + ".class)");
            }
        }

        private void checkType(ColumnShape column, LiveColumn found, boolean timestampVersion) {
            if (dialect == Dialect.SQLITE) {
                String needed = SqlType.sqliteAffinity(column.type());
                String has = SqlType.sqliteAffinity(found.typeName());
                boolean numeric = (needed.equals("NUMERIC") || needed.equals("INTEGER"))
                        && (has.equals("NUMERIC") || has.equals("INTEGER"));
                if (!needed.equals(has) && !numeric) {
                    add(column.name(), Kind.COLUMN_TYPE, "column " + column.name() + " of table " + definition.table
                            + ": its type is " + found.typeName() + " (" + has + " affinity), which does not hold the "
                            + column.type() + " the entity needs (" + needed + " affinity): SQLite converts what is written",
                            "SQLite cannot change a column's type: create the table anew with " + definition.create(dialect)
                            + " and copy the rows into it");
                }
                return;
            }
            SqlType declared = SqlType.declared(column.type());
            Optional<String> problem = found.type().cannotHold(declared);
            if (problem.isPresent()) {
                add(column.name(), Kind.COLUMN_TYPE, "column " + column.name() + " of table " + definition.table + ": "
                        + problem.get(), "change it: " + retype(column));
            } else if (timestampVersion && found.type().width() < 6) {
                add(column.name(), Kind.VERSION_PRECISION, "version column " + column.name() + " of table "
                        + definition.table + " keeps " + (found.type().width() == 0 ? "whole seconds"
                        : found.type().width() + " fractional digits") + ", so two versions issued within one second"
                        + " can be equal and a stale write can pass the check", "keep microseconds: " + retype(column));
            }
        }

        private void checkKey(List<String> expected) throws SQLException {
            List<String> live = new ArrayList<>();
            Location location = location();
            try (ResultSet keys = connection.getMetaData().getPrimaryKeys(location.catalog(), location.schema(),
                    location.table())) {
                while (keys.next()) {
                    live.add(keys.getString("COLUMN_NAME").toLowerCase(Locale.ROOT));
                }
            }
            List<String> needed = expected.stream().map(name -> name.toLowerCase(Locale.ROOT)).toList();
            if (live.isEmpty()) {
                add(null, Kind.PRIMARY_KEY, "table " + definition.table + " has no primary key, so two rows can share"
                        + " an id and one update can write both", addKey(expected));
            } else if (!(live.containsAll(needed) && needed.containsAll(live))) {
                add(null, Kind.PRIMARY_KEY, "the primary key of table " + definition.table + " is (" + String.join(", ", live)
                        + "), not the entity's key (" + String.join(", ", expected) + ")",
                        "drop the present primary key, then " + addKey(expected));
            }
        }

        private String addKey(List<String> key) {
            return dialect == Dialect.SQLITE
                    ? "SQLite cannot add a primary key: create the table anew with " + definition.create(dialect)
                            + " and copy the rows into it"
                    : "add it with ALTER TABLE " + definition.table + " ADD PRIMARY KEY (" + String.join(", ", key) + ")";
        }

        private String retype(ColumnShape column) {
            String table = definition.table;
            return switch (dialect) {
                case H2 -> "ALTER TABLE " + table + " ALTER COLUMN " + column.name() + " SET DATA TYPE " + column.type();
                case POSTGRESQL -> "ALTER TABLE " + table + " ALTER COLUMN " + column.name() + " TYPE " + column.type();
                case MYSQL -> "ALTER TABLE " + table + " MODIFY COLUMN " + column.name() + " " + column.type()
                        + (column.notNull() ? " NOT NULL" : "");
                case SQLITE -> "create the table anew with " + definition.create(dialect) + " and copy the rows into it";
            };
        }

        private String notNull(ColumnShape column) {
            String table = definition.table;
            return switch (dialect) {
                case H2, POSTGRESQL -> "ALTER TABLE " + table + " ALTER COLUMN " + column.name() + " SET NOT NULL";
                case MYSQL -> "ALTER TABLE " + table + " MODIFY COLUMN " + column.name() + " " + column.type() + " NOT NULL";
                case SQLITE -> "SQLite cannot change it: create the table anew with " + definition.create(dialect)
                        + " and copy the rows into it";
            };
        }

        private void add(String column, Kind kind, String problem, String fix) {
            mismatches.add(new SchemaMismatch(entityType, definition.table, column, kind, problem, fix));
        }

        /** The live columns by lower-case name; empty when the table does not exist. */
        private Map<String, LiveColumn> liveColumns() throws SQLException {
            Map<String, LiveColumn> columns = new LinkedHashMap<>();
            Location location = location();
            if (location.table() == null) {
                return columns;
            }
            try (ResultSet resultSet = connection.getMetaData().getColumns(location.catalog(), location.schema(),
                    location.table(), null)) {
                while (resultSet.next()) {
                    String typeName = resultSet.getString("TYPE_NAME");
                    SqlType type = SqlType.live(dialect, resultSet.getInt("DATA_TYPE"), typeName,
                            resultSet.getInt("COLUMN_SIZE"), resultSet.getInt("DECIMAL_DIGITS"));
                    columns.put(resultSet.getString("COLUMN_NAME").toLowerCase(Locale.ROOT),
                            new LiveColumn(typeName, type, "YES".equals(resultSet.getString("IS_NULLABLE"))));
                }
            }
            return columns;
        }

        /**
         * Where the table is, as the metadata names it: its catalog and schema (a MySQL database is a
         * catalog), and its name as the database cased it; the name is {@code null} when no spelling
         * finds it.
         */
        private Location location() throws SQLException {
            String table = definition.table;
            int dot = table.indexOf('.');
            String schema = dot < 0 ? connection.getSchema() : ColumnShape.unquoted(table.substring(0, dot));
            String catalog = connection.getCatalog();
            if (dialect == Dialect.MYSQL && dot >= 0) {
                catalog = schema;
                schema = null;
            }
            String name = ColumnShape.unquoted(table.substring(dot + 1));
            DatabaseMetaData metaData = connection.getMetaData();
            for (String spelling : List.of(name, name.toUpperCase(Locale.ROOT), name.toLowerCase(Locale.ROOT))) {
                try (ResultSet tables = metaData.getTables(catalog, schema, spelling, null)) {
                    if (tables.next()) {
                        return new Location(tables.getString("TABLE_CAT"), tables.getString("TABLE_SCHEM"), spelling);
                    }
                }
            }
            return new Location(catalog, schema, null);
        }
    }

    /** A table's place in the metadata. */
    private record Location(String catalog, String schema, String table) {}

    /** A live column: the database's name for its type, what that holds, and whether it allows NULL. */
    private record LiveColumn(String typeName, SqlType type, boolean nullable) {}
}
