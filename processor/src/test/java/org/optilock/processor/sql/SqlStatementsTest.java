package org.optilock.processor.sql;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.palantir.javapoet.ClassName;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.optilock.Strategy;
import org.optilock.processor.model.Access;
import org.optilock.processor.model.ColumnType;
import org.optilock.processor.model.EntityModel;
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
                List.of(ID, TITLE, VERSION, BODY), ID, generatedId,
                new VersionModel(VERSION, strategy, List.of(), List.of(), ""), false);
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

    @Test
    void uncheckedTimestampUpdateBindsTheNewVersion() {
        assertEquals("UPDATE app.article SET title = ?, body_text = ?, version = ? WHERE id = ?",
                SqlStatements.of(article(true, Strategy.TIMESTAMP)).updateUnchecked());
    }
}
