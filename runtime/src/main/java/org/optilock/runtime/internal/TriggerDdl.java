package org.optilock.runtime.internal;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.optilock.runtime.Dialect;

/**
 * The SQL that creates, finds and drops version triggers, per dialect. Each trigger moves the
 * version of any update that left it unchanged (an update from outside Optilock), so Optilock's own
 * updates, which move it themselves, are never counted twice.
 */
public final class TriggerDdl {

    /** Marks Optilock's triggers where the database keeps no other trace of who made them. */
    static final String MARK = "optilock version trigger";
    static final String H2_TRIGGER_CLASS = "org.optilock.runtime.h2.H2VersionTrigger";

    private TriggerDdl() {}

    /** Whether a trigger named like {@code target}'s exists in the schema of its table. */
    public static boolean exists(Connection connection, Dialect dialect, TriggerTarget target) throws SQLException {
        Optional<String> schema = target.schema();
        String sql = switch (dialect) {
            case H2 -> "SELECT COUNT(*) FROM INFORMATION_SCHEMA.TRIGGERS"
                    + " WHERE " + inSchema(dialect, "TRIGGER_SCHEMA", schema) + " AND UPPER(TRIGGER_NAME) = UPPER(?)";
            case POSTGRESQL -> "SELECT COUNT(*) FROM pg_trigger t JOIN pg_class c ON c.oid = t.tgrelid"
                    + " JOIN pg_namespace n ON n.oid = c.relnamespace"
                    + " WHERE " + inSchema(dialect, "n.nspname", schema) + " AND t.tgname = lower(?)";
            case SQLITE -> "SELECT COUNT(*) FROM " + schema.map(s -> s + ".").orElse("") + "sqlite_master"
                    + " WHERE type = 'trigger' AND lower(name) = lower(?)";
            case MYSQL -> "SELECT COUNT(*) FROM information_schema.TRIGGERS"
                    + " WHERE " + inSchema(dialect, "TRIGGER_SCHEMA", schema) + " AND lower(TRIGGER_NAME) = lower(?)";
        };
        try (PreparedStatement statement = connection.prepareStatement(sql)) {
            int index = 1;
            if (schema.isPresent() && dialect != Dialect.SQLITE) {
                statement.setString(index++, unquoted(schema.get()));
            }
            statement.setString(index, unquoted(target.triggerName()));
            try (ResultSet resultSet = statement.executeQuery()) {
                return resultSet.next() && resultSet.getLong(1) > 0;
            }
        }
    }

    /**
     * The names of Optilock's version triggers in {@code schema} (the connection's current schema when
     * empty), in lower case, sorted; qualified by the schema when one is given.
     */
    public static List<String> names(Connection connection, Dialect dialect, Optional<String> schema) throws SQLException {
        String sql = switch (dialect) {
            case H2 -> "SELECT TRIGGER_NAME FROM INFORMATION_SCHEMA.TRIGGERS"
                    + " WHERE " + inSchema(dialect, "TRIGGER_SCHEMA", schema) + " AND JAVA_CLASS = '" + H2_TRIGGER_CLASS + "'";
            case POSTGRESQL -> "SELECT t.tgname FROM pg_trigger t JOIN pg_class c ON c.oid = t.tgrelid"
                    + " JOIN pg_namespace n ON n.oid = c.relnamespace"
                    + " JOIN pg_description d ON d.objoid = t.oid AND d.classoid = 'pg_trigger'::regclass"
                    + " WHERE " + inSchema(dialect, "n.nspname", schema) + " AND d.description = '" + MARK + "'";
            case SQLITE -> "SELECT name FROM " + schema.map(s -> s + ".").orElse("") + "sqlite_master"
                    + " WHERE type = 'trigger' AND sql LIKE '%" + MARK + "%'";
            case MYSQL -> "SELECT TRIGGER_NAME FROM information_schema.TRIGGERS"
                    + " WHERE " + inSchema(dialect, "TRIGGER_SCHEMA", schema) + " AND ACTION_STATEMENT LIKE '%" + MARK + "%'";
        };
        List<String> names = new ArrayList<>();
        try (PreparedStatement statement = connection.prepareStatement(sql)) {
            if (schema.isPresent() && dialect != Dialect.SQLITE) {
                statement.setString(1, unquoted(schema.get()));
            }
            try (ResultSet resultSet = statement.executeQuery()) {
                while (resultSet.next()) {
                    String name = resultSet.getString(1);
                    names.add(schema.map(s -> unquoted(s) + "." + name).orElse(name).toLowerCase(Locale.ROOT));
                }
            }
        }
        names.sort(null);
        return names;
    }

    /** {@code column} names {@code schema}, or the connection's current schema when there is none. */
    private static String inSchema(Dialect dialect, String column, Optional<String> schema) {
        if (schema.isPresent()) {
            return dialect == Dialect.H2 ? "UPPER(" + column + ") = UPPER(?)" : "lower(" + column + ") = lower(?)";
        }
        return column + " = " + switch (dialect) {
            case H2 -> "SCHEMA()";
            case POSTGRESQL -> "current_schema()";
            case MYSQL -> "DATABASE()";
            case SQLITE -> throw new IllegalArgumentException("SQLite has no catalog column for schemas");
        };
    }

    /** The statements that create {@code target}'s trigger; run them only when it does not exist. */
    public static List<String> create(Dialect dialect, TriggerTarget target) {
        String name = target.triggerName();
        // A trigger lives in its table's schema (PostgreSQL names it per table; its function is in the schema).
        String qualifiedName = target.qualifiedTriggerName();
        String table = target.table();
        String version = target.versionColumn();
        return switch (dialect) {
            case H2 -> List.of(
                    "CREATE TRIGGER " + qualifiedName + " BEFORE UPDATE ON " + table + " FOR EACH ROW CALL '"
                            + H2_TRIGGER_CLASS + "'",
                    // The trigger class reads its version column from here.
                    "COMMENT ON TRIGGER " + qualifiedName + " IS '" + unquoted(version) + "'");
            case POSTGRESQL -> List.of(
                    "CREATE OR REPLACE FUNCTION " + qualifiedName + "() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN"
                            + " IF NEW." + version + " IS NOT DISTINCT FROM OLD." + version + " THEN"
                            + " NEW." + version + " := COALESCE(OLD." + version + ", 0) + 1; END IF;"
                            + " RETURN NEW; END $$",
                    "CREATE TRIGGER " + name + " BEFORE UPDATE ON " + table + " FOR EACH ROW EXECUTE PROCEDURE "
                            + qualifiedName + "()",
                    "COMMENT ON TRIGGER " + name + " ON " + table + " IS '" + MARK + "'");
            // SQLite cannot assign to NEW, so an AFTER trigger updates the row once more; that update
            // moves the version, so the WHEN clause stops it from firing again. The trigger goes in the
            // table's schema, and names the table without it, as SQLite requires.
            case SQLITE -> List.of(
                    "CREATE TRIGGER " + qualifiedName + " AFTER UPDATE ON " + target.unqualifiedTable() + " FOR EACH ROW"
                            + " WHEN NEW." + version + " IS OLD." + version
                            + " BEGIN /* " + MARK + " */ UPDATE " + target.unqualifiedTable() + " SET " + version + " = COALESCE("
                            + version + ", 0) + 1 WHERE " + keyMatch(target) + "; END");
            case MYSQL -> List.of(
                    // The mark goes inside the body: MySQL keeps only the body in information_schema.
                    "CREATE TRIGGER " + qualifiedName + " BEFORE UPDATE ON " + table + " FOR EACH ROW"
                            + " SET NEW." + version + " = /* " + MARK + " */ IF(NEW." + version + " <=> OLD." + version
                            + ", COALESCE(OLD." + version + ", 0) + 1, NEW." + version + ")");
        };
    }

    /** The statements that drop {@code target}'s trigger; run them only when it exists. */
    public static List<String> drop(Dialect dialect, TriggerTarget target) {
        return switch (dialect) {
            case POSTGRESQL -> List.of(
                    "DROP TRIGGER IF EXISTS " + target.triggerName() + " ON " + target.table(),
                    "DROP FUNCTION IF EXISTS " + target.qualifiedTriggerName() + "()");
            case H2, SQLITE, MYSQL -> List.of("DROP TRIGGER IF EXISTS " + target.qualifiedTriggerName());
        };
    }

    private static String keyMatch(TriggerTarget target) {
        return String.join(" AND ", target.keyColumns().stream().map(k -> k + " = NEW." + k).toList());
    }

    private static String unquoted(String name) {
        return name.replace("\"", "");
    }
}
