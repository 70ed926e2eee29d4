package org.optilock.runtime.internal;

import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import javax.sql.DataSource;
import org.optilock.runtime.Dialect;

/**
 * Creates and drops the tables of entities, from the DDL their DAOs register ({@link TableDefinition}),
 * with the version trigger of each {@code TRIGGER} entity: what {@code Schema} runs, in one
 * transaction where the database's DDL allows.
 */
public final class Tables {

    private Tables() {}

    /** Creates the tables of {@code entityTypes} that do not exist, and their triggers; the tables it created. */
    public static List<String> create(DataSource dataSource, Class<?>... entityTypes) {
        List<TableDefinition> tables = definitions(entityTypes);
        List<TriggerTarget> triggers = triggers(entityTypes);
        return TriggerTargets.inTransaction(dataSource, "create tables", connection -> {
            Dialect dialect = Dialect.of(connection);
            List<String> created = new ArrayList<>();
            try (Statement statement = connection.createStatement()) {
                for (TableDefinition table : tables) {
                    if (!exists(connection, table.table)) {
                        statement.execute(table.create(dialect));
                        created.add(table.table);
                    }
                }
            }
            VersionTriggers.create(connection, triggers, dataSource::getConnection);
            return created;
        });
    }

    /** Drops the tables of {@code entityTypes} that exist, with their triggers; the tables it dropped. */
    public static List<String> drop(DataSource dataSource, Class<?>... entityTypes) {
        List<TableDefinition> tables = definitions(entityTypes);
        List<TriggerTarget> triggers = triggers(entityTypes);
        return TriggerTargets.inTransaction(dataSource, "drop tables", connection -> {
            VersionTriggers.drop(connection, triggers);
            List<String> dropped = new ArrayList<>();
            try (Statement statement = connection.createStatement()) {
                for (int i = tables.size() - 1; i >= 0; i--) {
                    TableDefinition table = tables.get(i);
                    if (exists(connection, table.table)) {
                        statement.execute(table.drop());
                        dropped.add(table.table);
                    }
                }
            }
            return dropped;
        });
    }

    private static List<TableDefinition> definitions(Class<?>... entityTypes) {
        List<TableDefinition> tables = new ArrayList<>();
        for (Class<?> entityType : entityTypes) {
            TableDefinition table = TableDefinition.of(entityType);
            tables.add(table);
            tables.addAll(table.dependents);
        }
        return tables;
    }

    /** The triggers of those of {@code entityTypes} whose version a trigger moves; their DAOs are initialized. */
    private static List<TriggerTarget> triggers(Class<?>... entityTypes) {
        List<TriggerTarget> triggers = new ArrayList<>();
        for (Class<?> entityType : entityTypes) {
            TriggerTargets.registered(entityType).ifPresent(triggers::add);
        }
        return triggers;
    }

    /** Whether {@code table} ({@code schema.name} or {@code name}) exists, however the database cased it. */
    private static boolean exists(Connection connection, String table) throws SQLException {
        int dot = table.indexOf('.');
        String schema = dot < 0 ? null : table.substring(0, dot);
        String name = table.substring(dot + 1);
        DatabaseMetaData metaData = connection.getMetaData();
        for (String spelling : List.of(name, name.toUpperCase(Locale.ROOT), name.toLowerCase(Locale.ROOT))) {
            try (ResultSet tables = metaData.getTables(connection.getCatalog(), schema, spelling, null)) {
                if (tables.next()) {
                    return true;
                }
            }
        }
        return false;
    }
}
