package org.optilock.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.EnumSource;
import org.optilock.it.support.ContainerDataSource;
import org.optilock.it.support.DatabaseKind;
import org.optilock.it.support.TestDatabase;
import org.optilock.runtime.BatchConflictException;
import org.optilock.runtime.BatchPolicy;
import org.optilock.runtime.BatchResult;
import org.optilock.runtime.ConnectionSource;
import org.optilock.runtime.RecordModifiedException;

/** The three ways a DAO gets its connections, on real databases. */
@ParameterizedClass(name = "{0}")
@EnumSource(DatabaseKind.class)
class ConnectionSourceTest {

    private final TestDatabase database;
    private final ArticleDao articles;
    private final ContainerDataSource container;
    private final ArticleDao managed;

    ConnectionSourceTest(DatabaseKind kind) {
        this.database = TestDatabase.create(kind);
        this.articles = new ArticleDao(database.dataSource());
        this.container = new ContainerDataSource(database.dataSource());
        this.managed = new ArticleDao(ConnectionSource.managed(container.dataSource()));
    }

    @AfterEach
    void closeDatabase() {
        database.close();
    }

    private String title(Article article) {
        return database.queryString("SELECT title FROM article WHERE id = " + article.id);
    }

    @Test
    void aManagedDaoWritesInTheContainersTransactionAndNeverTakesItOver() throws SQLException {
        Article kept = articles.insert(new Article("Kept", "x"));
        Article other = articles.insert(new Article("Other", "x"));

        container.begin();
        kept.title = "Changed in the transaction";
        managed.update(kept);
        Article inserted = managed.insert(new Article("Inserted in the transaction", "x"));
        other.title = "Batched in the transaction";
        managed.updateAll(List.of(other), BatchPolicy.ABORT_ALL);
        managed.delete(inserted);
        container.end(false);

        assertEquals("Kept", title(kept), "the container rolled back, and the DAO's writes with it");
        assertEquals("Other", title(other));
        assertEquals(List.of(), container.transactionCalls(), "no commit, rollback or setAutoCommit by the DAO");

        container.begin();
        Article fresh = managed.findById(kept.id).orElseThrow();
        fresh.title = "Committed by the container";
        managed.update(fresh);
        container.end(true);
        assertEquals("Committed by the container", title(kept));
        assertEquals(List.of(), container.transactionCalls());
    }

    @Test
    void anAbortedBatchInAManagedTransactionUndoesItselfAndKeepsTheEarlierWork() throws SQLException {
        Article first = articles.insert(new Article("First", "x"));
        Article second = articles.insert(new Article("Second", "x"));
        Article staleSecond = StaleCopies.of(articles, second);

        container.begin();
        first.title = "Earlier work";
        managed.update(first);
        Article batched = managed.findById(first.id).orElseThrow();
        batched.title = "Batched";
        staleSecond.title = "Stale";
        assertThrows(BatchConflictException.class,
                () -> managed.updateAll(List.of(batched, staleSecond), BatchPolicy.ABORT_ALL));
        container.end(true);

        assertEquals("Earlier work", title(first), "the savepoint undid the batch, not the transaction");
        assertEquals("Second", title(second));
        assertEquals(List.of(), container.transactionCalls());
    }

    @Test
    void withoutSavepointsABatchWritesIntoTheContainersTransactionWhichTheConflictRollsBack() throws SQLException {
        ContainerDataSource jta = ContainerDataSource.withoutSavepoints(database.dataSource());
        ArticleDao inJta = new ArticleDao(ConnectionSource.managed(jta.dataSource()));
        Article first = articles.insert(new Article("First", "x"));
        Article second = articles.insert(new Article("Second", "x"));
        Article staleSecond = StaleCopies.of(articles, second);

        jta.begin();
        first.title = "Batched";
        staleSecond.title = "Stale";
        assertThrows(BatchConflictException.class, () -> inJta.updateAll(List.of(first, staleSecond), BatchPolicy.ABORT_ALL));
        jta.end(false); // the container rolls back on the runtime exception, as JTA and Spring do

        assertEquals("First", title(first));
        assertEquals(List.of(), jta.transactionCalls());

        jta.begin();
        BatchResult<Article> result = inJta.updateAll(List.of(first, staleSecond), BatchPolicy.SILENT);
        jta.end(true);
        assertEquals(1, result.applied().size());
        assertEquals("Batched", title(first));
        assertEquals(List.of(), jta.transactionCalls());
    }

    @Test
    void outsideATransactionAManagedDaoWritesEachCallOnItsOwnAndRefusesAnAbortAllBatch() {
        Article article = articles.insert(new Article("One", "x"));
        Article stale = StaleCopies.of(articles, article);

        article.title = "Auto-committed";
        managed.update(article);
        assertEquals("Auto-committed", title(article));
        assertThrows(RecordModifiedException.class, () -> managed.update(stale));

        IllegalStateException refused = assertThrows(IllegalStateException.class,
                () -> managed.updateAll(List.of(article), BatchPolicy.ABORT_ALL));
        assertTrue(refused.getMessage().contains("ABORT_ALL needs a transaction"), refused.getMessage());
        int rows = articles.findAll().size();
        IllegalStateException bulk = assertThrows(IllegalStateException.class,
                () -> managed.insertAll(List.of(new Article("Bulk", "x"))));
        assertTrue(bulk.getMessage().contains("insertAll needs a transaction"), bulk.getMessage());
        assertEquals(rows, articles.findAll().size(), "nothing was inserted");
        Article second = articles.insert(new Article("Two", "x"));
        Article staleSecond = StaleCopies.of(articles, second);
        article.title = "Silently batched";
        BatchResult<Article> result = managed.updateAll(List.of(article, staleSecond), BatchPolicy.SILENT);
        assertEquals(1, result.applied().size());
        assertEquals(1, result.conflicts().size());
        assertEquals("Silently batched", title(article));
        assertEquals(List.of(), container.transactionCalls());
    }

    @Test
    void theCallersConnectionIsNeverCommittedRolledBackOrClosed() throws SQLException {
        Article article = articles.insert(new Article("One", "x"));
        try (Connection connection = database.connection()) {
            connection.setAutoCommit(false);
            ArticleDao onCallers = new ArticleDao(ConnectionSource.of(connection));
            article.title = "Left to the caller";
            onCallers.update(article);
            connection.rollback();
            assertTrue(!connection.isClosed());
            connection.setAutoCommit(true);
        }
        assertEquals("One", title(article), "the caller's rollback undid it");
    }

    @Test
    void perCallCommitsEachCall() {
        ArticleDao perCall = new ArticleDao(ConnectionSource.perCall(database.dataSource()));
        Article article = perCall.insert(new Article("One", "x"));
        article.title = "Committed";
        perCall.update(article);
        assertEquals("Committed", title(article));
    }
}
