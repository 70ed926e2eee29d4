package org.optilock.runtime.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.EnumSource;
import org.optilock.it.support.DatabaseKind;
import org.optilock.it.support.TestDatabase;
import org.optilock.runtime.Dialect;

/**
 * Each database's class of the engine against that database, directly, below any DAO: what it
 * detects, how it reads a version back, binds an instant, and makes and drops a version trigger, and
 * whether its DDL commits itself as it says. (This test lives in the engine's package to reach its
 * package-private classes; the DAO-level behaviour is proven by the other integration tests.)
 */
@ParameterizedClass(name = "{0}")
@EnumSource(DatabaseKind.class)
class DialectSupportOnItsDatabaseTest {

    private static final TriggerTarget PROBE_TRIGGER =
            new TriggerTarget("probe", List.of("id"), "version", "optilock_probe_version");

    private final DatabaseKind kind;
    private final TestDatabase database;
    private final DialectSupport support;

    DialectSupportOnItsDatabaseTest(DatabaseKind kind) throws SQLException {
        this.kind = kind;
        this.database = TestDatabase.createEmpty(kind);
        database.execute("CREATE TABLE probe (id INTEGER PRIMARY KEY, title VARCHAR(40), version BIGINT)");
        database.execute("INSERT INTO probe (id, title, version) VALUES (1, 'one', 1)");
        try (Connection connection = database.connection()) {
            this.support = DialectSupport.of(Dialect.of(connection));
        }
    }

    @AfterEach
    void closeDatabase() {
        database.close();
    }

    @Test
    void theDatabaseIsDetectedAsItsOwnClass() {
        Class<? extends DialectSupport> expected = switch (kind) {
            case H2 -> H2Support.class;
            case SQLITE -> SqliteSupport.class;
            case POSTGRESQL -> PostgresqlSupport.class;
            case MARIADB -> MysqlSupport.class;
        };
        assertInstanceOf(expected, support);
    }

    /** The update as the processor writes it for this database, moving the version by one. */
    private String readingBackUpdate() {
        String set = "UPDATE probe SET version = " + (kind == DatabaseKind.MARIADB
                ? "(" + MysqlSupport.VERSION_VARIABLE + " := version + 1)" : "version + 1") + " WHERE id = ?";
        return switch (kind) {
            case H2 -> "SELECT version FROM FINAL TABLE (" + set + ")";
            case SQLITE, POSTGRESQL -> set + " RETURNING version";
            case MARIADB -> set;
        };
    }

    @Test
    void anUpdateReportsTheVersionTheDatabaseGaveTheRowOrNoneWhenNoRowMatched() throws SQLException {
        try (Connection connection = database.connection();
                PreparedStatement update = connection.prepareStatement(readingBackUpdate())) {
            update.setInt(1, 1);
            assertEquals(2L, support.updateReadingBack(connection, update, VersionType.COUNTER_LONG));
            update.setInt(1, 99);
            assertNull(support.updateReadingBack(connection, update, VersionType.COUNTER_LONG));
        }
        assertEquals(2L, database.queryLong("SELECT version FROM probe WHERE id = 1"));
    }

    @Test
    void anInstantIsStoredAsTheInstantItIs() throws SQLException {
        String type = switch (kind) {
            case H2 -> "TIMESTAMP(6) WITH TIME ZONE";
            case SQLITE -> "TEXT";
            case POSTGRESQL -> "TIMESTAMP(6) WITH TIME ZONE";
            case MARIADB -> "DATETIME(6)";
        };
        database.execute("CREATE TABLE instant_probe (at " + type + ")");
        Instant at = Instant.parse("2026-12-05T06:56:01.123456Z");
        try (Connection connection = database.connection()) {
            try (PreparedStatement insert = connection.prepareStatement("INSERT INTO instant_probe (at) VALUES (?)")) {
                support.bindInstant(insert, 1, at);
                insert.executeUpdate();
            }
            try (Statement select = connection.createStatement();
                    ResultSet resultSet = select.executeQuery("SELECT at FROM instant_probe")) {
                resultSet.next();
                assertEquals(at, ColumnValues.getInstant(resultSet, 1));
            }
        }
    }

    @Test
    void aVersionTriggerIsMadeFoundListedAndDropped() throws SQLException {
        try (Connection connection = database.connection()) {
            assertFalse(VersionTriggers.exists(connection, support, PROBE_TRIGGER));
            assertEquals(List.of("optilock_probe_version"),
                    VersionTriggers.create(connection, List.of(PROBE_TRIGGER), database::connection));
            assertTrue(VersionTriggers.exists(connection, support, PROBE_TRIGGER));
            assertEquals(List.of("optilock_probe_version"), VersionTriggers.names(connection, Optional.empty()));

            database.execute("UPDATE probe SET title = 'by a script' WHERE id = 1");
            assertEquals(2L, database.queryLong("SELECT version FROM probe WHERE id = 1"), "the trigger moved it");

            assertEquals(List.of("optilock_probe_version"), VersionTriggers.drop(connection, List.of(PROBE_TRIGGER)));
            assertFalse(VersionTriggers.exists(connection, support, PROBE_TRIGGER));
        }
    }

    /** Whether a rollback undoes a trigger's DDL is what the engine's clean-up after a half-made trigger relies on. */
    @Test
    void ddlCommitsItselfExactlyWhereTheClassSaysSo() throws SQLException {
        try (Connection connection = database.connection()) {
            connection.setAutoCommit(false);
            try (Statement statement = connection.createStatement()) {
                for (String sql : support.createTrigger(PROBE_TRIGGER)) {
                    statement.execute(sql);
                }
            }
            connection.rollback();
            connection.setAutoCommit(true);
        }
        try (Connection other = database.connection()) {
            assertEquals(support.ddlCommits(), VersionTriggers.exists(other, support, PROBE_TRIGGER));
        }
    }
}
