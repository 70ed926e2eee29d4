package org.optilock.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;
import javax.sql.DataSource;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.EnumSource;
import org.optilock.it.support.CountingDataSource;
import org.optilock.it.support.DatabaseKind;
import org.optilock.it.support.TestDatabase;
import org.optilock.runtime.BatchPolicy;
import org.optilock.runtime.RecordModifiedException;
import org.optilock.runtime.StatementTimeoutException;

/**
 * Another transaction holds the row, and the database's lock wait is short: the DAO's write ends in a
 * {@link StatementTimeoutException}, not a conflict and not a hang, and writes nothing.
 */
@ParameterizedClass(name = "{0}")
@EnumSource(DatabaseKind.class)
class LockTimeoutTest {

    /** Far above the lock wait below: only a hang would reach it. */
    private static final Duration NO_HANG = Duration.ofSeconds(30);

    private final TestDatabase database;
    private final ArticleDao articles;

    LockTimeoutTest(DatabaseKind kind) {
        this.database = TestDatabase.create(kind);
        this.articles = new ArticleDao(database.dataSource());
    }

    @AfterEach
    void closeDatabase() {
        database.close();
    }

    @Test
    void aWriteThatWaitsTooLongForAHeldRowTimesOutAndWritesNothing() throws SQLException {
        Article article = articles.insert(new Article("Kept", "x"));
        ArticleDao impatient = new ArticleDao(database.withShortLockWait());

        try (Connection holder = database.connection()) {
            holder.setAutoCommit(false);
            try (Statement statement = holder.createStatement()) {
                statement.executeUpdate("UPDATE article SET body = 'held' WHERE id = " + article.id);
            }

            article.title = "Waited";
            StatementTimeoutException single = assertTimeoutPreemptively(NO_HANG,
                    () -> assertThrows(StatementTimeoutException.class, () -> impatient.update(article)));
            StatementTimeoutException batch = assertTimeoutPreemptively(NO_HANG,
                    () -> assertThrows(StatementTimeoutException.class,
                            () -> impatient.updateAll(List.of(article), BatchPolicy.SILENT)));

            assertTrue(single.getMessage().startsWith("Could not update Article: "), single.getMessage());
            assertTrue(single.getMessage().contains("waited too long"), single.getMessage());
            assertTrue(batch.getMessage().startsWith("Could not update a batch of Article: "), batch.getMessage());
            assertFalse(RecordModifiedException.class.isInstance(single));
            assertEquals(1L, article.version);
            holder.rollback();
        }

        impatient.update(article);
        assertEquals(2L, article.version, "once the row is free, the same write goes through");
        assertEquals("Waited", database.queryString("SELECT title FROM article WHERE id = " + article.id));
    }

    /**
     * On PostgreSQL a set-based batch caches the column types it binds arrays of; a batch that failed
     * forgets them (the table may have changed under it), so the next one reads them again: two
     * statements, then one. Elsewhere every batch is one statement.
     */
    @Test
    void aBatchThatFailedMakesTheNextOneReadTheColumnTypesAgain() throws SQLException {
        Article article = articles.insert(new Article("Kept", "x"));
        CountingDataSource counter = new CountingDataSource(database.withShortLockWait());
        ArticleDao counted = new ArticleDao(counter.dataSource());
        counted.updateAll(List.of(article), BatchPolicy.SILENT); // the types are known from here on
        try (Connection holder = database.connection()) {
            holder.setAutoCommit(false);
            try (Statement statement = holder.createStatement()) {
                statement.executeUpdate("UPDATE article SET body = 'held' WHERE id = " + article.id);
            }
            assertThrows(StatementTimeoutException.class, () -> counted.updateAll(List.of(article), BatchPolicy.SILENT));
            holder.rollback();
        }

        counter.reset();
        counted.updateAll(List.of(article), BatchPolicy.SILENT);
        assertEquals(database.kind() == DatabaseKind.POSTGRESQL ? 2 : 1, counter.count(), counter.statements()::toString);
        counter.reset();
        counted.updateAll(List.of(article), BatchPolicy.SILENT);
        assertEquals(1, counter.count(), counter.statements()::toString);
    }

    /** The control: with no transaction holding the row, the same DAO writes at once. */
    @Test
    void theSameWriteGoesThroughWhenNobodyHoldsTheRow() {
        Article article = articles.insert(new Article("Free", "x"));
        DataSource impatient = database.withShortLockWait();

        article.title = "Written";
        new ArticleDao(impatient).update(article);

        assertEquals(2L, article.version);
    }
}
