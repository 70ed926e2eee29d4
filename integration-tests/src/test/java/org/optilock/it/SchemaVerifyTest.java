package org.optilock.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.EnumSource;
import org.optilock.it.support.DatabaseKind;
import org.optilock.it.support.TestDatabase;
import org.optilock.runtime.EntityTable;
import org.optilock.runtime.Schema;
import org.optilock.runtime.SchemaMismatch;
import org.optilock.runtime.SchemaMismatch.Kind;
import org.optilock.runtime.SchemaMismatchException;
import org.optilock.runtime.Triggers;

/** {@link Schema#verify} against tables broken on purpose, on every database. */
@ParameterizedClass(name = "{0}")
@EnumSource(DatabaseKind.class)
class SchemaVerifyTest {

    private final TestDatabase database;

    SchemaVerifyTest(DatabaseKind kind) {
        this.database = TestDatabase.createEmpty(kind);
    }

    @AfterEach
    void closeDatabase() {
        database.close();
    }

    @Test
    void theTablesSchemaCreatesMatchTheirEntities() {
        Class<?>[] entities = {Sample.class, Article.class, Ticket.class, Ledger.class, OrderLine.class, Page.class,
            Reminder.class, Recipe.class, Item.class, Seat.class, Customer.class, Label.class};
        Schema.create(database.dataSource(), entities);
        assertEquals(List.of(), Schema.verify(database.dataSource(), entities));
        Schema.requireValid(database.dataSource(), entities);
    }

    @Test
    void aMissingTableIsNamedWithItsDdl() {
        SchemaMismatch mismatch = only(Schema.verify(database.dataSource(), Article.class));
        assertEquals(Kind.TABLE_MISSING, mismatch.kind());
        assertTrue(mismatch.fix().contains("Schema.create(dataSource, Article.class)"), mismatch.fix());
        assertTrue(mismatch.fix().contains("CREATE TABLE IF NOT EXISTS Article"), mismatch.fix());
    }

    @Test
    void aMissingVersionColumnIsNamedWithTheColumnToAdd() {
        Schema.create(database.dataSource(), Article.class);
        database.execute("ALTER TABLE article DROP COLUMN version");
        SchemaMismatch mismatch = only(Schema.verify(database.dataSource(), Article.class));
        assertEquals(Kind.VERSION_COLUMN_MISSING, mismatch.kind());
        assertEquals("version", mismatch.column());
        assertEquals("column version (the version) missing in table Article: add it with ALTER TABLE Article ADD COLUMN"
                + " version BIGINT NOT NULL, giving existing rows a value", mismatch.toString());
    }

    @Test
    void aMissingColumnIsNamed() {
        Schema.create(database.dataSource(), Article.class);
        database.execute("ALTER TABLE article DROP COLUMN body");
        SchemaMismatch mismatch = only(Schema.verify(database.dataSource(), Article.class));
        assertEquals(Kind.COLUMN_MISSING, mismatch.kind());
        assertEquals("body", mismatch.column());
    }

    @Test
    void aVersionColumnOfTheWrongTypeIsNamed() {
        database.execute("CREATE TABLE article (id BIGINT PRIMARY KEY, title VARCHAR(255), body VARCHAR(255),"
                + " version VARCHAR(20) NOT NULL)");
        SchemaMismatch mismatch = only(Schema.verify(database.dataSource(), Article.class));
        assertEquals(Kind.COLUMN_TYPE, mismatch.kind());
        assertEquals("version", mismatch.column());
        assertTrue(mismatch.problem().contains("which does not hold the BIGINT the entity needs"), mismatch.problem());
    }

    @Test
    void aNarrowerIntegerIsNamedWhereTypesAreChecked() {
        database.execute("CREATE TABLE article (id BIGINT PRIMARY KEY, title VARCHAR(255), body VARCHAR(255),"
                + " version SMALLINT NOT NULL)");
        List<SchemaMismatch> mismatches = Schema.verify(database.dataSource(), Article.class);
        if (database.kind() == DatabaseKind.SQLITE) {
            // Every SQLite integer column holds 64 bits: SMALLINT is a name, not a width.
            assertEquals(List.of(), mismatches);
            return;
        }
        SchemaMismatch mismatch = only(mismatches);
        assertEquals(Kind.COLUMN_TYPE, mismatch.kind());
        assertTrue(mismatch.problem().contains("narrower"), mismatch.problem());
    }

    @Test
    void aTimestampVersionKeepingWholeSecondsIsNamed() {
        String type = switch (database.kind()) {
            case H2, POSTGRESQL -> "TIMESTAMP(0)";
            case MARIADB -> "DATETIME";
            // SQLite stores the version as text of Optilock's own, to the microsecond, whatever the
            // column says; what breaks it there is a numeric column, which turns the text into a number.
            case SQLITE -> "REAL";
        };
        database.execute("CREATE TABLE ledger (id BIGINT PRIMARY KEY, balance BIGINT NOT NULL, version " + type + ")");
        SchemaMismatch mismatch = only(Schema.verify(database.dataSource(), Ledger.class));
        assertEquals("version", mismatch.column());
        if (database.kind() == DatabaseKind.SQLITE) {
            assertEquals(Kind.COLUMN_TYPE, mismatch.kind());
            return;
        }
        assertEquals(Kind.VERSION_PRECISION, mismatch.kind());
        assertTrue(mismatch.problem().contains("whole seconds"), mismatch.problem());
        assertTrue(mismatch.fix().contains("(6)"), mismatch.fix());
    }

    @Test
    void aMissingTriggerIsNamed() {
        Schema.create(database.dataSource(), Ticket.class);
        Triggers.drop(database.dataSource(), Ticket.class);
        SchemaMismatch mismatch = only(Schema.verify(database.dataSource(), Ticket.class));
        assertEquals(Kind.TRIGGER_MISSING, mismatch.kind());
        assertTrue(mismatch.fix().contains("Triggers.create(dataSource, Ticket.class)"), mismatch.fix());
    }

    @Test
    void aTableWithoutItsPrimaryKeyIsNamed() {
        database.execute("CREATE TABLE article (id BIGINT NOT NULL, title VARCHAR(255), body VARCHAR(255),"
                + " version BIGINT NOT NULL)");
        SchemaMismatch mismatch = only(Schema.verify(database.dataSource(), Article.class));
        assertEquals(Kind.PRIMARY_KEY, mismatch.kind());
        assertTrue(mismatch.problem().contains("has no primary key"), mismatch.problem());
    }

    @Test
    void aNullablePrimitiveColumnIsNamed() {
        database.execute("CREATE TABLE article (id BIGINT PRIMARY KEY, title VARCHAR(255), body VARCHAR(255),"
                + " version BIGINT)");
        SchemaMismatch mismatch = only(Schema.verify(database.dataSource(), Article.class));
        assertEquals(Kind.COLUMN_NULLABLE, mismatch.kind());
    }

    @Test
    void requireValidNamesEveryMismatchAtOnce() {
        Schema.create(database.dataSource(), Ticket.class);
        Triggers.drop(database.dataSource(), Ticket.class);
        database.execute("CREATE TABLE article (id BIGINT NOT NULL, title VARCHAR(255), version BIGINT NOT NULL)");
        SchemaMismatchException thrown = assertThrows(SchemaMismatchException.class,
                () -> Schema.requireValid(database.dataSource(), Article.class, Ticket.class));
        assertEquals(List.of(Kind.COLUMN_MISSING, Kind.PRIMARY_KEY, Kind.TRIGGER_MISSING),
                thrown.mismatches().stream().map(SchemaMismatch::kind).toList());
        assertTrue(thrown.getMessage().startsWith("The database schema does not match 3 times"), thrown.getMessage());
        assertTrue(thrown.getMessage().contains("column body missing in table Article"), thrown.getMessage());
    }

    @Test
    void tableOfDescribesTheMapping() {
        EntityTable ticket = Schema.tableOf(Ticket.class);
        assertEquals("Ticket", ticket.table());
        assertEquals(List.of("id"), ticket.keyColumns());
        assertEquals(Optional.of("version"), ticket.versionColumn());
        assertEquals("NONE", Schema.tableOf(Label.class).strategy());
        assertEquals("TRIGGER", ticket.strategy());
        assertTrue(ticket.trigger().isPresent());
        assertEquals("TIMESTAMP", Schema.tableOf(Ledger.class).strategy());
        assertEquals("COUNTER", Schema.tableOf(Article.class).strategy());
    }

    private static SchemaMismatch only(List<SchemaMismatch> mismatches) {
        assertEquals(1, mismatches.size(), () -> "one mismatch, not " + mismatches);
        return mismatches.get(0);
    }
}
