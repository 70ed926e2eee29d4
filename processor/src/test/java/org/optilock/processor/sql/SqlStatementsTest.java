package org.optilock.processor.sql;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.palantir.javapoet.ClassName;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.optilock.Strategy;
import org.optilock.processor.model.Access;
import org.optilock.processor.model.ColumnType;
import org.optilock.processor.model.EntityModel;
import org.optilock.processor.model.IdClassModel;
import org.optilock.processor.model.KeyModel;
import org.optilock.processor.model.PropertyModel;
import org.optilock.processor.model.SqlDialect;
import org.optilock.processor.model.VersionModel;
import org.optilock.processor.sql.Parameter.Compared;
import org.optilock.processor.sql.Parameter.ExpectedUnset;
import org.optilock.processor.sql.Parameter.ExpectedVersion;
import org.optilock.processor.sql.Parameter.Increment;
import org.optilock.processor.sql.Parameter.KeyPart;
import org.optilock.processor.sql.Parameter.NewVersion;
import org.optilock.processor.sql.Parameter.Value;

/** The statements of an entity as data: SQL text and ordered parameters, built without javac. */
class SqlStatementsTest {

    private static final PropertyModel ID = property("id", "id", ColumnType.BOXED_LONG);
    private static final PropertyModel TITLE = property("title", "title", ColumnType.STRING);
    private static final PropertyModel BODY = property("body", "body_text", ColumnType.STRING);
    private static final PropertyModel VERSION = property("version", "version", ColumnType.LONG);

    private static final String VERSION_MATCHES = " AND (version = ? OR (version IS NULL AND ? = 1))";

    private static PropertyModel property(String name, String column, ColumnType type) {
        return new PropertyModel(name, column, ClassName.OBJECT, type, Access.field());
    }

    private static EntityModel article(boolean generatedId, Strategy strategy) {
        return new EntityModel(
                ClassName.get("com.acme", "Article"), ClassName.get("com.acme", "ArticleDao"), "app.article",
                // the version in the middle: SQL must not depend on where it is declared
                List.of(ID, TITLE, VERSION, BODY), KeyModel.single(ID), generatedId,
                new VersionModel(VERSION, strategy, List.of(), List.of(), ""), false, false);
    }

    private static SqlStatement plain(UpdateStatement update) {
        return assertInstanceOf(UpdateStatement.Plain.class, update).statement();
    }

    private static SqlStatement readingBack(UpdateStatement update, SqlDialect dialect) {
        return assertInstanceOf(UpdateStatement.ReadingBack.class, update).statements().get(dialect);
    }

    @Test
    void counterEntityWithGeneratedKey() {
        SqlStatements sql = SqlStatements.of(article(true, Strategy.COUNTER));

        assertEquals(new SqlStatement("INSERT INTO app.article (title, version, body_text) VALUES (?, ?, ?)",
                List.of(new Value(TITLE), new NewVersion(), new Value(BODY))), sql.insert());
        assertEquals(new SqlStatement("INSERT INTO app.article (id, title, version, body_text) VALUES (?, ?, ?, ?)",
                List.of(new Value(ID), new Value(TITLE), new NewVersion(), new Value(BODY))), sql.insertWithKey().orElseThrow());
        assertEquals(new SqlStatement("UPDATE app.article SET title = ?, body_text = ?, version = ? WHERE id = ?" + VERSION_MATCHES,
                List.of(new Value(TITLE), new Value(BODY), new NewVersion(), new KeyPart(ID), new ExpectedVersion(),
                        new ExpectedUnset())), plain(sql.update()));
        assertEquals(new SqlStatement("DELETE FROM app.article WHERE id = ?" + VERSION_MATCHES,
                List.of(new KeyPart(ID), new ExpectedVersion(), new ExpectedUnset())), sql.delete());
        assertEquals(new SqlStatement("DELETE FROM app.article WHERE id = ?", List.of(new KeyPart(ID))), sql.deleteUnchecked());
        assertEquals("SELECT id, title, version, body_text FROM app.article WHERE id = ?", sql.selectById().sql());
        assertEquals(new SqlStatement("SELECT id, title, version, body_text FROM app.article ORDER BY id", List.of()),
                sql.selectAll());
        assertEquals("SELECT version FROM app.article WHERE id = ?", sql.selectVersion().sql());
        assertEquals(new SqlStatement("SELECT id, title, version, body_text FROM app.article WHERE id = ? AND version = ?",
                List.of(new KeyPart(ID), new ExpectedVersion())), sql.selectByIdAndVersion());
        assertEquals("id", sql.generatedKeyColumn());
    }

    @Test
    void uncheckedCounterMovesTheRowsOwnVersionOnAndReadsItBack() {
        UpdateStatement unchecked = SqlStatements.of(article(true, Strategy.COUNTER)).updateUnchecked();

        assertEquals(List.of(new Increment(), new Value(TITLE), new Value(BODY), new KeyPart(ID)), unchecked.parameters());
        assertEquals("UPDATE app.article SET version = COALESCE(version, 0) + ?, title = ?, body_text = ? WHERE id = ?"
                + " RETURNING version", readingBack(unchecked, SqlDialect.POSTGRESQL).sql());
        assertEquals("SELECT version FROM FINAL TABLE (UPDATE app.article SET version = COALESCE(version, 0) + ?,"
                + " title = ?, body_text = ? WHERE id = ?)", readingBack(unchecked, SqlDialect.H2).sql());
        assertEquals("UPDATE app.article SET version = (@optilock_version := COALESCE(version, 0) + ?), title = ?,"
                + " body_text = ? WHERE id = ?", readingBack(unchecked, SqlDialect.MYSQL).sql());
    }

    @Test
    void assignedKeyIsInsertedAndNeedsNoSecondInsert() {
        SqlStatements sql = SqlStatements.of(article(false, Strategy.COUNTER));
        assertEquals("INSERT INTO app.article (id, title, version, body_text) VALUES (?, ?, ?, ?)", sql.insert().sql());
        assertTrue(sql.insertWithKey().isEmpty());
    }

    private static EntityModel conditional(Strategy strategy) {
        return new EntityModel(
                ClassName.get("com.acme", "Article"), ClassName.get("com.acme", "ArticleDao"), "article",
                List.of(ID, TITLE, VERSION, BODY), KeyModel.single(ID), false,
                new VersionModel(VERSION, strategy, List.of("title"), List.of(), ""), false, false);
    }

    @Test
    void conditionalCounterReadsTheVersionBackPerDialect() {
        UpdateStatement update = SqlStatements.of(conditional(Strategy.COUNTER)).update();
        String set = "SET version = CASE WHEN title %s THEN COALESCE(version, 0) + ? ELSE version END,"
                + " title = ?, body_text = ? WHERE id = ?" + VERSION_MATCHES;
        assertEquals("SELECT version FROM FINAL TABLE (UPDATE article " + set.formatted("IS DISTINCT FROM ?") + ")",
                readingBack(update, SqlDialect.H2).sql());
        assertEquals("UPDATE article " + set.formatted("IS DISTINCT FROM ?") + " RETURNING version",
                readingBack(update, SqlDialect.POSTGRESQL).sql());
        assertEquals("UPDATE article " + set.formatted("IS NOT ?") + " RETURNING version",
                readingBack(update, SqlDialect.SQLITE).sql());
        assertEquals("UPDATE article SET version = (@optilock_version := CASE WHEN NOT (title <=> ?)"
                + " THEN COALESCE(version, 0) + ? ELSE version END), title = ?, body_text = ? WHERE id = ?" + VERSION_MATCHES,
                readingBack(update, SqlDialect.MYSQL).sql());
        assertEquals(List.of(new Compared(TITLE), new Increment(), new Value(TITLE), new Value(BODY), new KeyPart(ID),
                new ExpectedVersion(), new ExpectedUnset()), update.parameters());
        assertEquals("UPDATE article SET version = CASE WHEN title IS DISTINCT FROM ? THEN COALESCE(version, 0) + ?"
                + " ELSE version END, title = ?, body_text = ? WHERE id = ? RETURNING version",
                readingBack(SqlStatements.of(conditional(Strategy.COUNTER)).updateUnchecked(), SqlDialect.POSTGRESQL).sql());
    }

    @Test
    void conditionalTimestampBindsTheNewVersion() {
        UpdateStatement update = SqlStatements.of(conditional(Strategy.TIMESTAMP)).update();
        assertEquals("UPDATE article SET version = CASE WHEN title IS NOT ? THEN ? ELSE version END,"
                + " title = ?, body_text = ? WHERE id = ?" + VERSION_MATCHES + " RETURNING version",
                readingBack(update, SqlDialect.SQLITE).sql());
        assertEquals(List.of(new Compared(TITLE), new NewVersion(), new Value(TITLE), new Value(BODY), new KeyPart(ID),
                new ExpectedVersion(), new ExpectedUnset()), update.parameters());
    }

    @Test
    void triggerVersionMovesOnInTheStatementAndIsReadBack() {
        EntityModel ticket = new EntityModel(
                ClassName.get("com.acme", "Ticket"), ClassName.get("com.acme", "TicketDao"), "ticket",
                List.of(ID, TITLE, VERSION), KeyModel.single(ID), true,
                new VersionModel(VERSION, Strategy.TRIGGER, List.of(), List.of(), "optilock_ticket_version"), false, false);
        SqlStatements sql = SqlStatements.of(ticket);
        assertEquals("UPDATE ticket SET version = COALESCE(version, 0) + 1, title = ? WHERE id = ?" + VERSION_MATCHES
                + " RETURNING version", readingBack(sql.update(), SqlDialect.POSTGRESQL).sql());
        assertEquals("UPDATE ticket SET version = (@optilock_version := COALESCE(version, 0) + 1), title = ?"
                + " WHERE id = ?", readingBack(sql.updateUnchecked(), SqlDialect.MYSQL).sql());
        assertEquals(List.of(new Value(TITLE), new KeyPart(ID)), sql.updateUnchecked().parameters());
    }

    @Test
    void compositeKeysMatchEveryKeyColumn() {
        PropertyModel order = property("orderId", "order_id", ColumnType.LONG);
        PropertyModel line = property("lineNo", "line_no", ColumnType.INT);
        EntityModel orderLine = new EntityModel(
                ClassName.get("com.acme", "OrderLine"), ClassName.get("com.acme", "OrderLineDao"), "order_line",
                List.of(order, line, TITLE, VERSION),
                new KeyModel(List.of(order, line), Optional.of(new IdClassModel(
                        ClassName.get("com.acme", "OrderLineId"), List.of(Access.recordComponent(), Access.recordComponent()),
                        true, List.of("orderId", "lineNo")))),
                false, new VersionModel(VERSION, Strategy.COUNTER, List.of(), List.of(), ""), false, false);
        SqlStatements sql = SqlStatements.of(orderLine);
        assertEquals(new SqlStatement(
                "UPDATE order_line SET title = ?, version = ? WHERE order_id = ? AND line_no = ?" + VERSION_MATCHES,
                List.of(new Value(TITLE), new NewVersion(), new KeyPart(order), new KeyPart(line), new ExpectedVersion(),
                        new ExpectedUnset())), plain(sql.update()));
        assertEquals("SELECT order_id, line_no, title, version FROM order_line ORDER BY order_id, line_no", sql.selectAll().sql());
        assertEquals(List.of(new KeyPart(order), new KeyPart(line)), sql.deleteUnchecked().parameters());
    }

    @Test
    void timestampUpdatesArePlainCheckedOrNot() {
        SqlStatements sql = SqlStatements.of(article(true, Strategy.TIMESTAMP));
        assertEquals(new SqlStatement("UPDATE app.article SET title = ?, body_text = ?, version = ? WHERE id = ?",
                List.of(new Value(TITLE), new Value(BODY), new NewVersion(), new KeyPart(ID))), plain(sql.updateUnchecked()));
        assertInstanceOf(UpdateStatement.Plain.class, sql.update());
    }

    @Test
    void anEntityOfKeyAndVersionOnlyUpdatesItsVersion() {
        EntityModel bare = new EntityModel(
                ClassName.get("com.acme", "Bare"), ClassName.get("com.acme", "BareDao"), "bare",
                List.of(ID, VERSION), KeyModel.single(ID), false,
                new VersionModel(VERSION, Strategy.COUNTER, List.of(), List.of(), ""), false, false);
        SqlStatements sql = SqlStatements.of(bare);
        assertEquals("UPDATE bare SET version = ? WHERE id = ?" + VERSION_MATCHES, plain(sql.update()).sql());
        assertEquals("UPDATE bare SET version = COALESCE(version, 0) + ? WHERE id = ? RETURNING version",
                readingBack(sql.updateUnchecked(), SqlDialect.SQLITE).sql());
    }

    @Test
    void aStatementWhoseParametersDoNotMatchItsPlaceholdersIsRefused() {
        assertThrows(IllegalArgumentException.class, () -> new SqlStatement("DELETE FROM t WHERE id = ?", List.of()));
    }
}
