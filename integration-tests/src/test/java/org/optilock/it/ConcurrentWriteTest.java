package org.optilock.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.Connection;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.EnumSource;
import org.optilock.it.support.DatabaseKind;
import org.optilock.it.support.FailingCommitDataSource;
import org.optilock.it.support.TestDatabase;
import org.optilock.runtime.BatchConflictException;
import org.optilock.runtime.BatchPolicy;
import org.optilock.runtime.BatchResult;
import org.optilock.runtime.ConcurrentWriteException;
import org.optilock.runtime.RecordModifiedException;

/**
 * The database itself refuses a write because another transaction wrote the same row at the same time
 * (a serialization failure, a deadlock, a stale snapshot, a cluster's certification failure): the
 * caller sees a conflict it can retry, never a driver message to parse.
 */
@ParameterizedClass(name = "{0}")
@EnumSource(DatabaseKind.class)
class ConcurrentWriteTest {

    private final TestDatabase database;
    private final ArticleDao articles;

    ConcurrentWriteTest(DatabaseKind kind) {
        this.database = TestDatabase.create(kind);
        this.articles = new ArticleDao(database.dataSource());
    }

    @AfterEach
    void closeDatabase() {
        database.close();
    }

    /**
     * In the caller's transaction, each database's own way to refuse the write: a repeatable-read
     * snapshot older than the row on PostgreSQL and H2 (40001), SQLite's stale WAL snapshot
     * (BUSY_SNAPSHOT), and on MariaDB, whose repeatable read writes the newest row instead, a deadlock
     * (1213) with another transaction that holds the row and waits for ours.
     */
    @Test
    void theDatabaseRefusingAConcurrentWriteIsAConflict() throws Exception {
        Article article = articles.insert(new Article("Original", "x"));

        Throwable refusal = refusedInMyTransaction(article, (inMyTransaction, copy) -> inMyTransaction.update(copy));

        ConcurrentWriteException conflict = assertInstanceOf(ConcurrentWriteException.class, refusal);
        assertInstanceOf(RecordModifiedException.class, conflict, "retried by Retry.onConflict like any conflict");
        assertEquals(article.id, conflict.id());
        assertEquals(1L, conflict.expectedVersion());
        assertTrue(conflict.getMessage().contains("written by another transaction at the same time"), conflict.getMessage());
        Article fresh = articles.findById(article.id).orElseThrow();
        fresh.title = "Retried";
        articles.update(fresh);
        assertEquals("Retried", database.queryString("SELECT title FROM article WHERE id = " + article.id));
    }

    /**
     * The same refusal of a {@code SILENT} batch in my transaction. Where the batch's savepoint undoes
     * it and leaves my transaction usable (PostgreSQL, SQLite), the batch reports its row as a
     * conflict. Where the database ended my whole transaction (MariaDB on a deadlock, H2 on a
     * serialization failure), my earlier work is gone too, so the batch throws, as {@code ABORT_ALL}
     * would, rather than report as if only its rows were lost.
     */
    @Test
    void aBatchTheDatabaseRefusesInMyTransactionReportsOrThrowsAsTheDatabaseLeftIt() throws Exception {
        Article article = articles.insert(new Article("Original", "x"));
        List<BatchResult<Article>> reported = new ArrayList<>();

        Throwable refusal = refusedInMyTransaction(article, (inMyTransaction, copy) -> {
            BatchResult<Article> result = inMyTransaction.updateAll(List.of(copy), BatchPolicy.SILENT);
            reported.add(result);
            throw new IllegalStateException("reported, not thrown");
        });

        List<RecordModifiedException> conflicts = switch (database.kind()) {
            case POSTGRESQL, SQLITE -> {
                assertInstanceOf(IllegalStateException.class, refusal, () -> "reported: " + refusal);
                assertEquals(List.of(), reported.get(0).applied());
                yield reported.get(0).conflicts();
            }
            case MARIADB, H2 -> assertInstanceOf(BatchConflictException.class, refusal).conflicts();
        };
        assertEquals(1, conflicts.size());
        assertInstanceOf(ConcurrentWriteException.class, conflicts.get(0));
        assertEquals(article.id, conflicts.get(0).id());
    }

    /** A write of mine, on a copy of {@code article}, in my transaction. */
    private interface MyWrite {
        Object write(ArticleDao inMyTransaction, Article copy);
    }

    /**
     * Runs {@code write} in my transaction while the database refuses it, each database in its own
     * way: a repeatable-read snapshot older than the row on PostgreSQL and H2 (40001), SQLite's stale
     * WAL snapshot (BUSY_SNAPSHOT), and on MariaDB, whose repeatable read writes the newest row
     * instead, a deadlock (1213) with another transaction that holds the row and waits for mine.
     * Returns what the write threw; the copy must keep the version it read.
     */
    private Throwable refusedInMyTransaction(Article article, MyWrite write) throws Exception {
        Article other = articles.insert(new Article("Other", "x"));
        try (Connection mine = database.connection()) {
            mine.setAutoCommit(false);
            if (database.kind() == DatabaseKind.POSTGRESQL || database.kind() == DatabaseKind.H2) {
                mine.setTransactionIsolation(Connection.TRANSACTION_REPEATABLE_READ);
            }
            ArticleDao inMyTransaction = new ArticleDao(mine);
            Article copy = inMyTransaction.findById(article.id).orElseThrow();
            copy.title = "Mine";
            Callable<Object> myWrite = () -> write.write(inMyTransaction, copy);
            Future<Object> written = switch (database.kind()) {
                case POSTGRESQL, H2, SQLITE -> {
                    // Another writer commits after my snapshot was taken.
                    Article their = articles.findById(article.id).orElseThrow();
                    their.title = "Theirs";
                    articles.update(their);
                    yield CompletableFuture.completedFuture(null).thenApplyAsync(nothing -> call(myWrite));
                }
                case MARIADB -> deadlock(mine, article, other, myWrite);
            };
            ExecutionException failed = assertThrows(ExecutionException.class, () -> written.get(30, TimeUnit.SECONDS));
            assertEquals(1L, copy.version, "the object keeps the version it read");
            mine.rollback();
            return failed.getCause();
        }
    }

    /**
     * A deadlock whose victim is my update: I hold {@code other}; another transaction writes four rows
     * (heavier, so MariaDB picks mine as the victim), {@code article} among them; my update of
     * {@code article} waits for it; it then waits for {@code other}, which closes the cycle, and commits
     * once the database has rolled mine back.
     */
    private Future<Object> deadlock(Connection mine, Article article, Article other, Callable<Object> myUpdate)
            throws Exception {
        try (Statement statement = mine.createStatement()) {
            statement.executeUpdate("UPDATE article SET body = 'mine' WHERE id = " + other.id);
        }
        try (Connection theirs = database.connection(); Statement statement = theirs.createStatement()) {
            theirs.setAutoCommit(false);
            for (int i = 0; i < 3; i++) {
                long id = articles.insert(new Article("Weight " + i, "x")).id;
                statement.executeUpdate("UPDATE article SET body = 'theirs' WHERE id = " + id);
            }
            statement.executeUpdate("UPDATE article SET body = 'theirs' WHERE id = " + article.id);
            CompletableFuture<Object> update = CompletableFuture.supplyAsync(() -> call(myUpdate));
            Thread.sleep(500); // until my update waits for their lock
            statement.executeUpdate("UPDATE article SET body = 'theirs' WHERE id = " + other.id);
            theirs.commit();
            return update;
        }
    }

    private static <T> T call(Callable<T> work) {
        try {
            return work.call();
        } catch (RuntimeException e) {
            throw e;
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    @Test
    void aCertificationFailureAtTheDaosCommitIsAConflictWithTheRowReadAgain() {
        Article article = articles.insert(new Article("Original", "x"));
        ArticleDao refusedAtCommit = new ArticleDao(FailingCommitDataSource.failingCommits(database.dataSource(), "40001"));

        article.title = "Refused";
        ConcurrentWriteException conflict = assertThrows(ConcurrentWriteException.class, () -> refusedAtCommit.update(article));

        assertEquals(1L, article.version);
        assertTrue(conflict.isCurrentKnown(), "the row was read again on a connection of its own");
        assertEquals("Original", conflict.<Article>current().orElseThrow().title);
        assertFalse(conflict.isDeleted());
        assertThrows(ConcurrentWriteException.class, () -> refusedAtCommit.delete(article));
        assertEquals(1, articles.findAll().size());
    }

    @Test
    void aBatchRefusedAtCommitWritesNothingAndNamesEveryRow() {
        List<Article> copies = articles.insertAll(List.of(new Article("Article 1", "x"), new Article("Article 2", "x")))
                .stream().map(a -> articles.findById(a.id).orElseThrow()).toList();
        copies.forEach(copy -> copy.title = "Refused");
        ArticleDao refusedAtCommit = new ArticleDao(FailingCommitDataSource.failingCommits(database.dataSource(), "40001"));

        BatchResult<Article> silent = refusedAtCommit.updateAll(copies, BatchPolicy.SILENT);
        BatchConflictException aborted = assertThrows(BatchConflictException.class,
                () -> refusedAtCommit.updateAll(copies, BatchPolicy.ABORT_ALL));

        assertEquals(List.of(), silent.applied());
        assertEquals(2, silent.conflicts().size(), "every row it did not write");
        silent.conflicts().forEach(c -> assertInstanceOf(ConcurrentWriteException.class, c));
        assertEquals(2, aborted.conflicts().size());
        copies.forEach(copy -> assertEquals(1L, copy.version));
        assertEquals(List.of("Article 1", "Article 2"), articles.findAll().stream().map(a -> a.title).toList());
    }
}
