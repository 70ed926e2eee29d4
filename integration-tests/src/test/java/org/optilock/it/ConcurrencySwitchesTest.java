package org.optilock.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.EnumSource;
import org.optilock.it.support.CountingDataSource;
import org.optilock.it.support.DatabaseKind;
import org.optilock.it.support.TestDatabase;
import org.optilock.runtime.BatchPolicy;
import org.optilock.runtime.BatchResult;
import org.optilock.runtime.Concurrency;
import org.optilock.runtime.RecordModifiedException;

/** {@link Concurrency} scopes, seen through real writes. */
@ParameterizedClass(name = "{0}")
@EnumSource(DatabaseKind.class)
class ConcurrencySwitchesTest {

    private final TestDatabase database;
    private final ArticleDao articles;
    private final NoteDao notes;

    ConcurrencySwitchesTest(DatabaseKind kind) {
        this.database = TestDatabase.create(kind);
        this.articles = new ArticleDao(database.dataSource());
        this.notes = new NoteDao(database.dataSource());
    }

    @AfterEach
    void closeDatabase() throws SQLException {
        database.close();
    }

    @Test
    void disabledDropsTheConditionButStillBumpsTheVersion() {
        Article article = articles.insert(new Article("Imported", "x"));
        Article stale = StaleCopies.of(articles, article);
        stale.title = "Overwrites on purpose";

        Concurrency.disabled(() -> {
            articles.update(stale);
        });

        assertEquals("Overwrites on purpose", articles.findById(article.id).orElseThrow().title);
        assertEquals(3L, articles.currentVersion(article.id).orElseThrow(),
                "the row's own version 2 moved on, not the stale copy's 1 plus one");
        assertThrows(RecordModifiedException.class, () -> articles.update(article),
                "checks resume afterwards, and the copy that held version 2 cannot overwrite the import");
    }

    @Test
    void disabledWithACallableReturnsItsResult() throws Exception {
        Article article = articles.insert(new Article("x", "y"));
        Article stale = StaleCopies.of(articles, article);

        Article written = Concurrency.disabled(() -> articles.update(stale));

        assertEquals(stale, written);
        assertEquals(3L, articles.currentVersion(article.id).orElseThrow());
    }

    @Test
    void disabledForOneTypeLeavesTheOthersChecked() {
        Article article = articles.insert(new Article("x", "y"));
        Article staleArticle = StaleCopies.of(articles, article);
        Note note = notes.insert(new Note(1, "n", null));
        notes.update(note);

        Concurrency.disabled(Article.class, () -> {
            articles.update(staleArticle);
            assertThrows(RecordModifiedException.class, () -> notes.update(note));
        });
    }

    @Test
    void deleteWhileDisabledRemovesAStaleRow() {
        Article article = articles.insert(new Article("x", "y"));
        Article stale = StaleCopies.of(articles, article);

        Concurrency.disabled(() -> articles.delete(stale));

        assertTrue(articles.findById(article.id).isEmpty());
    }

    @Test
    void withoutIncrementKeepsTheVersionAndTheCondition() {
        Article article = articles.insert(new Article("x", "y"));
        Article stale = articles.findById(article.id).orElseThrow();

        Concurrency.withoutIncrement(() -> {
            article.body = "touched up";
            articles.update(article);
        });
        assertEquals(1, article.version);
        assertEquals("touched up", articles.findById(article.id).orElseThrow().body);
        assertTrue(!articles.isChanged(stale), "readers see no new version");

        articles.update(article);
        Concurrency.withoutIncrement(() ->
                assertThrows(RecordModifiedException.class, () -> articles.update(stale)));
    }

    @Test
    void aCounterMovedByOneIsMovedByTheDatabaseAndWithoutIncrementBindsItsVersion() {
        CountingDataSource counter = new CountingDataSource(database.dataSource());
        ArticleDao counted = new ArticleDao(counter.dataSource());
        Article article = counted.insert(new Article("x", "y"));
        List<Article> batch = new ArrayList<>(List.of(article, counted.insert(new Article("z", "y"))));

        counter.reset();
        article.body = "moved";
        counted.update(article);
        assertEquals(List.of("UPDATE Article SET title = ?, body = ?, version = version + 1 WHERE id = ? AND version = ?"),
                counter.prepared(), "one value fewer to bind");
        counter.reset();
        counted.updateAll(batch, BatchPolicy.ABORT_ALL);
        assertEquals(3L, articles.currentVersion(article.id).orElseThrow());
        if (database.kind() == DatabaseKind.SQLITE) {
            assertTrue(sentAnUpdateThatMovesTheCounter(counter), "a JDBC batch: " + counter.prepared());
        }

        counter.reset();
        Concurrency.withoutIncrement(() -> {
            counted.update(article);
            counted.updateAll(batch, BatchPolicy.ABORT_ALL);
        });
        assertEquals(3L, articles.currentVersion(article.id).orElseThrow(), "kept, the version bound as it was read");
        assertFalse(sentAnUpdateThatMovesTheCounter(counter), counter.prepared()::toString);
    }

    /** Whether a statement prepared since the counter's reset moved the version by one in its text. */
    private static boolean sentAnUpdateThatMovesTheCounter(CountingDataSource counter) {
        return counter.prepared().stream().anyMatch(sql -> sql.contains("version = version + 1"));
    }

    @Test
    void withoutIncrementKeepsTheVersionsOfABatchAndItsConditions() {
        List<Article> batch = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            batch.add(articles.insert(new Article("article " + i, "y")));
        }
        Article stale = StaleCopies.of(articles, batch.get(1));
        batch.set(1, stale);
        batch.forEach(article -> article.body = "touched up");

        List<BatchResult<Article>> results = new ArrayList<>();
        Concurrency.withoutIncrement(() -> results.add(articles.updateAll(batch, BatchPolicy.SILENT)));
        BatchResult<Article> result = results.get(0);

        assertEquals(1, result.conflicts().size(), "the stale copy still conflicts");
        assertEquals(stale.id, result.conflicts().get(0).id());
        for (Article written : result.applied()) {
            assertEquals(1L, written.version);
            assertEquals(1L, articles.currentVersion(written.id).orElseThrow(), "the row keeps its version");
            assertEquals("touched up", articles.findById(written.id).orElseThrow().body);
        }
        assertEquals(2, result.applied().size());
    }

    @Test
    void scopesNestAndSurviveExceptions() {
        Article article = articles.insert(new Article("x", "y"));
        Article stale = StaleCopies.of(articles, article);

        RuntimeException escaped = assertThrows(RuntimeException.class, () -> Concurrency.disabled(() -> {
            Concurrency.withoutIncrement(() -> {
                stale.body = "inner";
                articles.update(stale);
                assertEquals(3L, articles.currentVersion(article.id).orElseThrow(),
                        "inner: unchecked, so moved all the same");
            });
            stale.body = "outer";
            articles.update(stale);
            assertEquals(4L, articles.currentVersion(article.id).orElseThrow(), "outer again: unchecked, moved");
            throw new IllegalStateException("boom");
        }));
        assertEquals("boom", escaped.getMessage());

        Article current = articles.findById(article.id).orElseThrow();
        assertEquals("outer", current.body);
        articles.update(current);
        assertEquals(5, current.version, "increments restored");
        assertThrows(RecordModifiedException.class, () -> articles.update(stale), "checks restored");
    }

    /** Saves {@code stale} over a row a third copy also holds, inside {@code scopes}; the third copy's save must fail. */
    private void assertNoLostUpdate(Consumer<Runnable> scopes) {
        Article article = articles.insert(new Article("shared", "y"));
        Article third = articles.findById(article.id).orElseThrow();
        Article stale = articles.findById(article.id).orElseThrow();
        stale.title = "forced on purpose";

        scopes.accept(() -> articles.update(stale));

        assertEquals(2L, articles.currentVersion(article.id).orElseThrow(), "the unchecked write moved the version");
        third.title = "third copy's edit";
        assertThrows(RecordModifiedException.class, () -> articles.update(third),
                "a copy read before the unchecked write must not overwrite it");
        assertEquals("forced on purpose", articles.findById(article.id).orElseThrow().title);
    }

    @Test
    void disabledInsideWithoutIncrementNeverLosesAnUpdate() {
        assertNoLostUpdate(write -> Concurrency.withoutIncrement(() -> Concurrency.disabled(write)));
    }

    @Test
    void withoutIncrementInsideDisabledNeverLosesAnUpdate() {
        assertNoLostUpdate(write -> Concurrency.disabled(() -> Concurrency.withoutIncrement(write)));
    }

    @Test
    void disabledForTheTypeInsideWithoutIncrementNeverLosesAnUpdate() {
        assertNoLostUpdate(write -> Concurrency.withoutIncrement(() -> Concurrency.disabled(Article.class, write)));
    }

    @Test
    void aScopeOnOneThreadLeavesOtherThreadsChecked() throws Exception {
        Article article = articles.insert(new Article("x", "y"));
        CountDownLatch insideScope = new CountDownLatch(1);
        CountDownLatch otherThreadDone = new CountDownLatch(1);
        ExecutorService executor = Executors.newSingleThreadExecutor();
        try {
            Future<?> disabledThread = executor.submit(() -> Concurrency.disabled(() -> {
                insideScope.countDown();
                await(otherThreadDone);
            }));
            await(insideScope);

            Article stale = StaleCopies.of(articles, article);
            assertThrows(RecordModifiedException.class, () -> articles.update(stale),
                    "another thread's disabled scope must not turn this thread's checks off");

            otherThreadDone.countDown();
            disabledThread.get(10, TimeUnit.SECONDS);
        } finally {
            executor.shutdownNow();
        }
    }

    private static void await(CountDownLatch latch) {
        try {
            assertTrue(latch.await(10, TimeUnit.SECONDS));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
