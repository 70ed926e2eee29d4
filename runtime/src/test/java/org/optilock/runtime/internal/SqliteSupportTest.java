package org.optilock.runtime.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import org.junit.jupiter.api.Test;

/**
 * SQLite's INSERT that reports its generated key through {@code RETURNING}, on a real SQLite database
 * in memory: the key column named as the processor reports it (a quoted name without its outer
 * quotes, an unquoted one in lower case) comes back for each row.
 */
class SqliteSupportTest {

    private static long insertReportingKey(Connection connection, String sql, String keyColumn, String value)
            throws SQLException {
        try (PreparedStatement statement = SqliteSupport.INSTANCE.prepareInsertReportingKey(connection, sql,
                new String[] {keyColumn})) {
            statement.setString(1, value);
            try (ResultSet keys = SqliteSupport.INSTANCE.insertReportingKey(statement)) {
                keys.next();
                return keys.getLong(1);
            }
        }
    }

    @Test
    void aQuotedKeyNameWithASpaceCaseAndAQuoteInsideComesBack() throws SQLException {
        try (Connection connection = DriverManager.getConnection("jdbc:sqlite::memory:");
                Statement ddl = connection.createStatement()) {
            ddl.execute("CREATE TABLE \"Parcel Log\" (\"Log \"\"No\"\"\" INTEGER PRIMARY KEY, note TEXT)");
            String insert = "INSERT INTO \"Parcel Log\" (note) VALUES (?)";

            assertEquals(1, insertReportingKey(connection, insert, "Log \"\"No\"\"", "first"));
            assertEquals(2, insertReportingKey(connection, insert, "Log \"\"No\"\"", "second"));
        }
    }

    @Test
    void anUnquotedKeyNameMatchesItsColumnWhateverItsCase() throws SQLException {
        try (Connection connection = DriverManager.getConnection("jdbc:sqlite::memory:");
                Statement ddl = connection.createStatement()) {
            ddl.execute("CREATE TABLE Ticket (ID INTEGER PRIMARY KEY, title TEXT)");
            ddl.execute("INSERT INTO Ticket (ID, title) VALUES (41, 'before')");

            assertEquals(42, insertReportingKey(connection, "INSERT INTO Ticket (title) VALUES (?)", "id", "next"));
        }
    }
}
