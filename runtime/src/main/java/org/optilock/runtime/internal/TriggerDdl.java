package org.optilock.runtime.internal;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
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

    /** Whether a trigger named like {@code target}'s exists in the current schema. */
    public static boolean exists(Connection connection, Dialect dialect, TriggerTarget target) throws SQLException {
        String sql = switch (dialect) {
            case H2 -> "SELECT COUNT(*) FROM INFORMATION_SCHEMA.TRIGGERS"
                    + " WHERE TRIGGER_SCHEMA = SCHEMA() AND UPPER(TRIGGER_NAME) = UPPER(?)";
            case POSTGRESQL -> "SELECT COUNT(*) FROM pg_trigger t JOIN pg_class c ON c.oid = t.tgrelid"
                    + " JOIN pg_namespace n ON n.oid = c.relnamespace"
                    + " WHERE n.nspname = current_schema() AND t.tgname = lower(?)";
            case SQLITE -> "SELECT COUNT(*) FROM sqlite_master WHERE type = 'trigger' AND lower(name) = lower(?)";
            case MYSQL -> "SELECT COUNT(*) FROM information_schema.TRIGGERS"
                    + " WHERE TRIGGER_SCHEMA = DATABASE() AND lower(TRIGGER_NAME) = lower(?)";
        };
        try (PreparedStatement statement = connection.prepareStatement(sql)) {
            statement.setString(1, unquoted(target.triggerName()));
            try (ResultSet resultSet = statement.executeQuery()) {
                return resultSet.next() && resultSet.getLong(1) > 0;
            }
        }
    }

    /** The names of Optilock's version triggers in the current schema, in lower case, sorted. */
    public static List<String> names(Connection connection, Dialect dialect) throws SQLException {
        String sql = switch (dialect) {
            case H2 -> "SELECT TRIGGER_NAME FROM INFORMATION_SCHEMA.TRIGGERS"
                    + " WHERE TRIGGER_SCHEMA = SCHEMA() AND JAVA_CLASS = '" + H2_TRIGGER_CLASS + "'";
            case POSTGRESQL -> "SELECT t.tgname FROM pg_trigger t JOIN pg_class c ON c.oid = t.tgrelid"
                    + " JOIN pg_namespace n ON n.oid = c.relnamespace"
                    + " JOIN pg_description d ON d.objoid = t.oid AND d.classoid = 'pg_trigger'::regclass"
                    + " WHERE n.nspname = current_schema() AND d.description = '" + MARK + "'";
            case SQLITE -> "SELECT name FROM sqlite_master WHERE type = 'trigger' AND sql LIKE '%" + MARK + "%'";
            case MYSQL -> "SELECT TRIGGER_NAME FROM information_schema.TRIGGERS"
                    + " WHERE TRIGGER_SCHEMA = DATABASE() AND ACTION_STATEMENT LIKE '%" + MARK + "%'";
        };
        List<String> names = new ArrayList<>();
        try (Statement statement = connection.createStatement(); ResultSet resultSet = statement.executeQuery(sql)) {
            while (resultSet.next()) {
                names.add(resultSet.getString(1).toLowerCase(Locale.ROOT));
            }
        }
        names.sort(null);
        return names;
    }

    /** The statements that create {@code target}'s trigger; run them only when it does not exist. */
    public static List<String> create(Dialect dialect, TriggerTarget target) {
        String name = target.triggerName();
        String table = target.table();
        String version = target.versionColumn();
        return switch (dialect) {
            case H2 -> List.of(
                    "CREATE TRIGGER " + name + " BEFORE UPDATE ON " + table + " FOR EACH ROW CALL '" + H2_TRIGGER_CLASS + "'",
                    // The trigger class reads its version column from here.
                    "COMMENT ON TRIGGER " + name + " IS '" + unquoted(version) + "'");
            case POSTGRESQL -> List.of(
                    "CREATE OR REPLACE FUNCTION " + name + "() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN"
                            + " IF NEW." + version + " IS NOT DISTINCT FROM OLD." + version + " THEN"
                            + " NEW." + version + " := COALESCE(OLD." + version + ", 0) + 1; END IF;"
                            + " RETURN NEW; END $$",
                    "CREATE TRIGGER " + name + " BEFORE UPDATE ON " + table + " FOR EACH ROW EXECUTE PROCEDURE " + name + "()",
                    "COMMENT ON TRIGGER " + name + " ON " + table + " IS '" + MARK + "'");
            // SQLite cannot assign to NEW, so an AFTER trigger updates the row once more; that update
            // moves the version, so the WHEN clause stops it from firing again.
            case SQLITE -> List.of(
                    "CREATE TRIGGER " + name + " AFTER UPDATE ON " + table + " FOR EACH ROW"
                            + " WHEN NEW." + version + " IS OLD." + version
                            + " BEGIN /* " + MARK + " */ UPDATE " + table + " SET " + version + " = COALESCE("
                            + version + ", 0) + 1 WHERE " + keyMatch(target) + "; END");
            case MYSQL -> List.of(
                    // The mark goes inside the body: MySQL keeps only the body in information_schema.
                    "CREATE TRIGGER " + name + " BEFORE UPDATE ON " + table + " FOR EACH ROW"
                            + " SET NEW." + version + " = /* " + MARK + " */ IF(NEW." + version + " <=> OLD." + version
                            + ", COALESCE(OLD." + version + ", 0) + 1, NEW." + version + ")");
        };
    }

    /** The statements that drop {@code target}'s trigger; run them only when it exists. */
    public static List<String> drop(Dialect dialect, TriggerTarget target) {
        String name = target.triggerName();
        return switch (dialect) {
            case POSTGRESQL -> List.of(
                    "DROP TRIGGER IF EXISTS " + name + " ON " + target.table(),
                    "DROP FUNCTION IF EXISTS " + name + "()");
            case H2, SQLITE, MYSQL -> List.of("DROP TRIGGER IF EXISTS " + name);
        };
    }

    private static String keyMatch(TriggerTarget target) {
        return String.join(" AND ", target.keyColumns().stream().map(k -> k + " = NEW." + k).toList());
    }

    private static String unquoted(String name) {
        return name.replace("\"", "");
    }
}
