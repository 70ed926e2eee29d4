package org.optilock.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import org.optilock.it.support.DatabaseKind;
import org.optilock.it.support.TestDatabase;
import org.optilock.processor.validation.SqlIdentifier;

/**
 * The README promises that a name the processor accepts works as a table and column name on every
 * supported database. The candidates are every keyword the databases themselves list (PostgreSQL's
 * {@code pg_get_keywords()}, MariaDB's {@code information_schema.KEYWORDS}, and each driver's
 * {@code getSQLKeywords()}); each one the processor accepts is used, unquoted, the way a DAO uses it,
 * on all four databases.
 */
class ReservedWordsTest {

    @Test
    void everyKeywordTheProcessorAcceptsWorksAsATableAndColumnNameEverywhere() throws SQLException {
        Map<DatabaseKind, TestDatabase> databases = new EnumMap<>(DatabaseKind.class);
        try {
            for (DatabaseKind kind : DatabaseKind.values()) {
                databases.put(kind, TestDatabase.createEmpty(kind));
            }
            TreeSet<String> candidates = new TreeSet<>();
            candidates.addAll(words(databases.get(DatabaseKind.POSTGRESQL), "SELECT word FROM pg_get_keywords()"));
            candidates.addAll(words(databases.get(DatabaseKind.MARIADB), "SELECT word FROM information_schema.KEYWORDS"));
            for (TestDatabase database : databases.values()) {
                try (Connection connection = database.connection()) {
                    for (String word : connection.getMetaData().getSQLKeywords().split(",")) {
                        candidates.add(word.trim().toLowerCase(Locale.ROOT));
                    }
                }
            }
            candidates.removeIf(word -> !word.matches("[a-z_][a-z0-9_]*"));
            assertTrue(candidates.size() > 500, "only " + candidates.size() + " keywords found");

            List<String> accepted = candidates.stream().filter(word -> SqlIdentifier.problem(word).isEmpty()).toList();
            List<String> failures = new ArrayList<>();
            for (Map.Entry<DatabaseKind, TestDatabase> database : databases.entrySet()) {
                try (Connection connection = database.getValue().connection(); Statement statement = connection.createStatement()) {
                    for (String word : accepted) {
                        String failure = tryAsNames(statement, word);
                        if (failure != null) {
                            failures.add(database.getKey() + " " + word + ": " + failure.lines().findFirst().orElse(""));
                        }
                    }
                }
            }
            assertEquals(List.of(), failures, accepted.size() + " accepted keywords of " + candidates.size());
        } finally {
            databases.values().forEach(TestDatabase::close);
        }
    }

    private static List<String> words(TestDatabase database, String query) throws SQLException {
        List<String> words = new ArrayList<>();
        try (Connection connection = database.connection(); Statement statement = connection.createStatement();
                ResultSet resultSet = statement.executeQuery(query)) {
            while (resultSet.next()) {
                words.add(resultSet.getString(1).toLowerCase(Locale.ROOT));
            }
        }
        return words;
    }

    /** Uses {@code word} as a table and a column name, as a DAO does; the error, or null when it works. */
    private static String tryAsNames(Statement statement, String word) {
        String table = word;
        try {
            statement.execute("CREATE TABLE " + table + " (probe_key INTEGER PRIMARY KEY, " + word + " INTEGER)");
        } catch (SQLException e) {
            return e.getMessage();
        }
        try {
            statement.executeUpdate("INSERT INTO " + table + " (probe_key, " + word + ") VALUES (1, 1)");
            statement.executeUpdate("UPDATE " + table + " SET " + word + " = 2 WHERE probe_key = 1 AND " + word + " = 1");
            try (ResultSet rows = statement.executeQuery(
                    "SELECT probe_key, " + word + " FROM " + table + " WHERE probe_key = 1 ORDER BY " + word)) {
                rows.next();
            }
            statement.executeUpdate("DELETE FROM " + table + " WHERE probe_key = 1 AND " + word + " = 2");
            return null;
        } catch (SQLException e) {
            return e.getMessage();
        } finally {
            try {
                statement.execute("DROP TABLE " + table);
            } catch (SQLException e) {
                // the table stays in this test's own database, which is dropped at the end
            }
        }
    }
}
