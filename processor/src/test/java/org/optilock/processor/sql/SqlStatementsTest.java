package org.optilock.processor.sql;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.palantir.javapoet.ClassName;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.optilock.Strategy;
import org.optilock.processor.model.Access;
import org.optilock.processor.model.ColumnType;
import org.optilock.processor.model.EntityModel;
import org.optilock.processor.model.IdClassModel;
import org.optilock.processor.model.KeyModel;
import org.optilock.processor.model.PropertyModel;
import org.optilock.processor.model.VersionModel;

class SqlStatementsTest {

    private static final PropertyModel ID = property("id", "id", ColumnType.BOXED_LONG);
    private static final PropertyModel TITLE = property("title", "title", ColumnType.STRING);
    private static final PropertyModel BODY = property("body", "body_text", ColumnType.STRING);
    private static final PropertyModel VERSION = property("version", "version", ColumnType.LONG);

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

    @Test
    void counterEntityWithGeneratedKey() {
        SqlStatements sql = SqlStatements.of(article(true, Strategy.COUNTER));

        assertEquals("INSERT INTO app.article (title, version, body_text) VALUES (?, ?, ?)", sql.insert());
        assertEquals("UPDATE app.article SET title = ?, body_text = ?, version = ? WHERE id = ? AND version = ?",
                sql.update());
        assertEquals("UPDATE app.article SET title = ?, body_text = ?, version = COALESCE(version, 0) + ? WHERE id = ?",
                sql.updateUnchecked());
        assertEquals("DELETE FROM app.article WHERE id = ? AND version = ?", sql.delete());
        assertEquals("DELETE FROM app.article WHERE id = ?", sql.deleteUnchecked());
        assertEquals("SELECT id, title, version, body_text FROM app.article WHERE id = ?", sql.selectById());
        assertEquals("SELECT id, title, version, body_text FROM app.article ORDER BY id", sql.selectAll());
        assertEquals("SELECT version FROM app.article WHERE id = ?", sql.selectVersion());
        assertEquals("SELECT id, title, version, body_text FROM app.article WHERE id = ? AND version = ?",
                sql.selectByIdAndVersion());
    }

    @Test
    void assignedKeyIsInserted() {
        assertEquals("INSERT INTO app.article (id, title, version, body_text) VALUES (?, ?, ?, ?)",
                SqlStatements.of(article(false, Strategy.COUNTER)).insert());
    }

    private static EntityModel conditional(Strategy strategy) {
        return new EntityModel(
                ClassName.get("com.acme", "Article"), ClassName.get("com.acme", "ArticleDao"), "article",
                List.of(ID, TITLE, VERSION, BODY), KeyModel.single(ID), false,
                new VersionModel(VERSION, strategy, List.of("title"), List.of(), ""), false, false);
    }

    @Test
    void conditionalCounterReadsTheVersionBackPerDialect() {
        var updates = SqlStatements.of(conditional(Strategy.COUNTER)).readBackUpdates();
        String set = "SET version = CASE WHEN title %s THEN COALESCE(version, 0) + ? ELSE version END,"
                + " title = ?, body_text = ? WHERE id = ? AND version = ?";
        assertEquals("SELECT version FROM FINAL TABLE (UPDATE article " + set.formatted("IS DISTINCT FROM ?") + ")",
                updates.get(SqlDialect.H2).checked());
        assertEquals("UPDATE article " + set.formatted("IS DISTINCT FROM ?") + " RETURNING version",
                updates.get(SqlDialect.POSTGRESQL).checked());
        assertEquals("UPDATE article " + set.formatted("IS NOT ?") + " RETURNING version",
                updates.get(SqlDialect.SQLITE).checked());
        assertEquals("UPDATE article SET version = (@optilock_version := CASE WHEN NOT (title <=> ?)"
                + " THEN COALESCE(version, 0) + ? ELSE version END), title = ?, body_text = ? WHERE id = ? AND version = ?",
                updates.get(SqlDialect.MYSQL).checked());
        assertEquals("UPDATE article SET version = CASE WHEN title IS DISTINCT FROM ? THEN COALESCE(version, 0) + ?"
                + " ELSE version END, title = ?, body_text = ? WHERE id = ? RETURNING version",
                updates.get(SqlDialect.POSTGRESQL).unchecked());
    }

    @Test
    void conditionalTimestampBindsTheNewVersion() {
        assertEquals("UPDATE article SET version = CASE WHEN title IS NOT ? THEN ? ELSE version END,"
                + " title = ?, body_text = ? WHERE id = ? AND version = ? RETURNING version",
                SqlStatements.of(conditional(Strategy.TIMESTAMP)).readBackUpdates().get(SqlDialect.SQLITE).checked());
    }

    @Test
    void triggerVersionMovesOnInTheStatementAndIsReadBack() {
        EntityModel ticket = new EntityModel(
                ClassName.get("com.acme", "Ticket"), ClassName.get("com.acme", "TicketDao"), "ticket",
                List.of(ID, TITLE, VERSION), KeyModel.single(ID), true,
                new VersionModel(VERSION, Strategy.TRIGGER, List.of(), List.of(), "optilock_ticket_version"), false, false);
        var updates = SqlStatements.of(ticket).readBackUpdates();
        assertEquals("UPDATE ticket SET version = COALESCE(version, 0) + 1, title = ? WHERE id = ? AND version = ?"
                + " RETURNING version", updates.get(SqlDialect.POSTGRESQL).checked());
        assertEquals("UPDATE ticket SET version = (@optilock_version := COALESCE(version, 0) + 1), title = ?"
                + " WHERE id = ?", updates.get(SqlDialect.MYSQL).unchecked());
    }

    @Test
    void compositeKeysMatchEveryKeyColumn() {
        PropertyModel order = property("orderId", "order_id", ColumnType.LONG);
        PropertyModel line = property("lineNo", "line_no", ColumnType.INT);
        EntityModel orderLine = new EntityModel(
                ClassName.get("com.acme", "OrderLine"), ClassName.get("com.acme", "OrderLineDao"), "order_line",
                List.of(order, line, TITLE, VERSION),
                new KeyModel(List.of(order, line), java.util.Optional.of(new IdClassModel(
                        ClassName.get("com.acme", "OrderLineId"), List.of(Access.recordComponent(), Access.recordComponent()),
                        true, List.of("orderId", "lineNo")))),
                false, new VersionModel(VERSION, Strategy.COUNTER, List.of(), List.of(), ""), false, false);
        SqlStatements sql = SqlStatements.of(orderLine);
        assertEquals("UPDATE order_line SET title = ?, version = ? WHERE order_id = ? AND line_no = ? AND version = ?",
                sql.update());
        assertEquals("SELECT order_id, line_no, title, version FROM order_line ORDER BY order_id, line_no", sql.selectAll());
        assertEquals("DELETE FROM order_line WHERE order_id = ? AND line_no = ?", sql.deleteUnchecked());
    }

    @Test
    void plainEntitiesNeedNoDialectOfTheirOwn() {
        assertTrue(SqlStatements.of(article(true, Strategy.COUNTER)).readBackUpdates().isEmpty());
    }

    @Test
    void uncheckedTimestampUpdateBindsTheNewVersion() {
        assertEquals("UPDATE app.article SET title = ?, body_text = ?, version = ? WHERE id = ?",
                SqlStatements.of(article(true, Strategy.TIMESTAMP)).updateUnchecked());
    }
}
