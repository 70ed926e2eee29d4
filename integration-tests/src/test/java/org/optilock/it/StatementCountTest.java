package org.optilock.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.SQLException;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.EnumSource;
import org.optilock.it.support.CountingDataSource;
import org.optilock.it.support.DatabaseKind;
import org.optilock.it.support.TestDatabase;
import org.optilock.runtime.Concurrency;
import org.optilock.runtime.RecordModifiedException;

/** A success costs one statement; a conflict costs one more, which reads the current row. */
@ParameterizedClass(name = "{0}")
@EnumSource(DatabaseKind.class)
class StatementCountTest {

    private final TestDatabase database;
    private final CountingDataSource counter;
    private final ArticleDao articles;

    StatementCountTest(DatabaseKind kind) {
        this.database = TestDatabase.create(kind);
        this.counter = new CountingDataSource(database.dataSource());
        this.articles = new ArticleDao(counter.dataSource());
    }

    @AfterEach
    void closeDatabase() throws SQLException {
        database.close();
    }

    @Test
    void statementsPerOperation() {
        Article article = measure(1, () -> articles.insert(new Article("Counted", "x")));
        assertTrue(counter.statements().get(0).startsWith("INSERT INTO Article (title, body, version) VALUES (?, ?, 1)"),
                () -> "a counter's first version is written, not bound: " + counter.statements());
        Article stale = measure(1, () -> articles.findById(article.id).orElseThrow());

        measure(1, () -> articles.update(article));
        assertEquals(List.of("UPDATE Article SET title = ?, body = ?, version = version + 1 WHERE id = ? AND version = ?"),
                counter.statements());
        measure(2, () -> assertThrows(RecordModifiedException.class, () -> articles.update(stale)));
        assertEquals("SELECT id, title, body, version FROM Article WHERE id = ?", counter.statements().get(1));
        measure(2, () -> assertThrows(RecordModifiedException.class, () -> articles.delete(stale)));
        assertEquals("DELETE FROM Article WHERE id = ? AND version = ?", counter.statements().get(0));
        // Checks off, a counter moves the row's own version on and reads it back in the same statement
        // (on MariaDB: the update, then the session variable it assigned).
        Article imported = measure(database.statementsOfAReadBackUpdate(), () -> {
            Concurrency.disabled(() -> {
                articles.update(stale);
            });
            return stale;
        });
        assertEquals(3L, imported.version);
        measure(1, () -> articles.isChanged(stale));
        measure(1, () -> articles.currentVersion(article.id));
        measure(1, () -> articles.findByIdAndVersion(article.id, 3L));
        measure(1, articles::findAll);
        measure(1, () -> {
            articles.delete(imported);
            return null;
        });
    }

    private <T> T measure(int expected, java.util.function.Supplier<T> operation) {
        counter.reset();
        T result = operation.get();
        assertEquals(expected, counter.count(), () -> "statements: " + counter.statements());
        return result;
    }
}
