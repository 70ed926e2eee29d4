package org.optilock.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.EnumSource;
import org.optilock.it.support.DatabaseKind;
import org.optilock.it.support.FailingCommitDataSource;
import org.optilock.it.support.KillingDataSource;
import org.optilock.it.support.LostAnswerDataSource;
import org.optilock.it.support.RecordingObserver;
import org.optilock.it.support.TestDatabase;
import org.optilock.runtime.BatchPolicy;
import org.optilock.runtime.ConnectionSource;
import org.optilock.runtime.DataAccessException;
import org.optilock.runtime.OptilockSettings;
import org.optilock.runtime.RecordModifiedException;
import org.optilock.runtime.WriteObserver.Outcome;
import org.optilock.runtime.WriteOutcomeUnknownException;

/**
 * A write whose answer was lost after it was sent is in doubt, and says so: a
 * {@link WriteOutcomeUnknownException} naming the entity and the version it would have, with the
 * entity left as it was; the row's version then tells whether it landed, and the version check keeps
 * a second try from applying it twice. A connection lost where the database rolls the write back stays
 * a plain failure.
 */
@ParameterizedClass(name = "{0}")
@EnumSource(DatabaseKind.class)
class InDoubtWriteTest {

    private final TestDatabase database;
    private final ArticleDao articles;

    InDoubtWriteTest(DatabaseKind kind) {
        this.database = TestDatabase.create(kind);
        this.articles = new ArticleDao(database.dataSource());
    }

    @AfterEach
    void closeDatabase() {
        database.close();
    }

    private long storedVersion(Article article) {
        return database.queryLong("SELECT version FROM article WHERE id = " + article.id);
    }

    @Test
    void aCommitWhoseAnswerIsLostIsInDoubtAndLeavesTheEntityAsItWas() {
        Article article = articles.insert(new Article("Committed", "x"));
        ArticleDao losingCommits = new ArticleDao(FailingCommitDataSource.failingCommits(database.dataSource()));

        article.title = "In doubt";
        WriteOutcomeUnknownException update = assertThrows(WriteOutcomeUnknownException.class,
                () -> losingCommits.update(article));

        assertSame(article, update.entity());
        assertEquals(Article.class, update.entityType());
        assertEquals(article.id, update.key());
        assertEquals(Optional.of(1L), update.expectedVersion());
        assertEquals(Optional.of(2L), update.versionIfWritten());
        assertFalse(update.isBatch());
        assertEquals(1L, article.version, "the entity keeps its version");
        assertEquals("08006", update.getCause().getSQLState(), "the cause is the driver's exception");
        assertEquals("Could not update Article: commit failed (a test's injected failure) (SQLState 08006). The"
                + " connection was lost during the commit, after the write was sent: it may or may not have been"
                + " applied, and the object keeps its old version. Read Article with id " + article.id + " again to"
                + " tell: version 2 means it was written, version 1 that it was not and saving again is safe.",
                update.getMessage());
        // This commit was rolled back, so the row says: not written, and saving again is safe.
        assertEquals(1L, storedVersion(article));
        articles.update(article);
        assertEquals(2L, article.version);

        Article fresh = new Article("Never inserted", "x");
        WriteOutcomeUnknownException insert = assertThrows(WriteOutcomeUnknownException.class,
                () -> losingCommits.insert(fresh));
        assertNull(fresh.id, "no key on an entity whose row may not exist");
        assertNull(insert.key(), "the database was to generate it");
        assertEquals(Optional.empty(), insert.expectedVersion());
        assertEquals(Optional.of(1L), insert.versionIfWritten());

        WriteOutcomeUnknownException delete = assertThrows(WriteOutcomeUnknownException.class,
                () -> losingCommits.delete(article));
        assertEquals(Optional.of(2L), delete.expectedVersion());
        assertEquals(Optional.empty(), delete.versionIfWritten());

        Article other = articles.insert(new Article("Other", "x"));
        WriteOutcomeUnknownException batch = assertThrows(WriteOutcomeUnknownException.class,
                () -> losingCommits.updateAll(List.of(article, other), BatchPolicy.ABORT_ALL));
        assertTrue(batch.isBatch());
        assertEquals(List.of(article, other), batch.entities());
        assertThrows(IllegalStateException.class, batch::entity);
        assertTrue(batch.getMessage().endsWith("The connection was lost during the commit, after the batch was sent, so"
                + " either all 2 rows of it were written or none was. The objects keep their old versions. Read the rows"
                + " again to tell, before writing them again."), batch.getMessage());
        assertEquals(2L, article.version);
        assertEquals(1L, other.version);
    }

    @Test
    void aStatementThatCommitsItselfAndLosesItsAnswerIsInDoubtAndItsRetryIsRefused() {
        Article article = articles.insert(new Article("Before", "x"));
        // Auto-commit: the UPDATE runs, commits itself, and its answer is lost on the way back.
        ArticleDao losingAnswers = new ArticleDao(LostAnswerDataSource.losingAnswersTo(database.dataSource(), "UPDATE"));

        article.title = "Landed";
        WriteOutcomeUnknownException failure = assertThrows(WriteOutcomeUnknownException.class,
                () -> losingAnswers.update(article));

        assertTrue(failure.getMessage().contains("lost while its statement ran in auto-commit mode"), failure.getMessage());
        assertEquals(1L, article.version);
        Article stored = articles.findById(article.id).orElseThrow();
        assertEquals(failure.versionIfWritten().orElseThrow(), stored.version, "the row's version says it landed");
        assertEquals("Landed", stored.title);
        assertThrows(RecordModifiedException.class, () -> articles.update(article),
                "saving the same copy again is refused: never applied twice");
    }

    @Test
    void aConnectionLostInsideATransactionBeforeItsCommitIsAPlainFailure() {
        List<Article> copies = List.of(articles.insert(new Article("One", "x")), articles.insert(new Article("Two", "x")));
        // A batch runs in a transaction of its own: its answer lost, the database rolls it back. (H2
        // sends the batch's rows as a MERGE.)
        ArticleDao losingAnswers = new ArticleDao(LostAnswerDataSource.losingAnswersTo(database.dataSource(), "UPDATE",
                "MERGE"));

        DataAccessException failure = assertThrows(DataAccessException.class,
                () -> losingAnswers.updateAll(copies, BatchPolicy.ABORT_ALL));

        assertFalse(failure instanceof WriteOutcomeUnknownException, failure.toString());
        assertEquals(List.of(1L, 1L), articles.findAll().stream().map(a -> a.version).toList(), "nothing was written");
    }

    @Test
    void aBatchWhoseRowsCommitThemselvesIsInDoubtRowByRow() {
        List<Article> copies = List.of(articles.insert(new Article("One", "x")), articles.insert(new Article("Two", "x")));
        // A container's connection outside any transaction: each row of a SILENT batch commits itself.
        ArticleDao outsideATransaction = new ArticleDao(ConnectionSource.managed(
                LostAnswerDataSource.losingAnswersTo(database.dataSource(), "UPDATE")));

        WriteOutcomeUnknownException failure = assertThrows(WriteOutcomeUnknownException.class,
                () -> outsideATransaction.updateAll(copies, BatchPolicy.SILENT));

        assertTrue(failure.isBatch());
        assertTrue(failure.getMessage().contains("The connection was lost while the batch's rows were written, each"
                + " committing itself, after the batch was sent, so any of its 2 rows may have been written."),
                failure.getMessage());
        copies.forEach(copy -> assertEquals(1L, copy.version, "the objects are as they were"));
        assertEquals(List.of(2L, 2L), articles.findAll().stream().map(a -> a.version).toList(),
                "here both landed, as the rows say");
    }

    @Test
    void aConnectionKilledAsTheStatementStartsIsInDoubtAndTheRowSaysItWasNotWritten() {
        Article article = articles.insert(new Article("Kept", "x"));
        KillingDataSource killing = KillingDataSource.before(database, "UPDATE");

        article.title = "Never written";
        DataAccessException failure = assertThrows(DataAccessException.class,
                () -> new ArticleDao(killing.dataSource()).update(article));

        assertTrue(killing.killed());
        if (database.kind() == DatabaseKind.SQLITE) {
            // No server: a connection closed under the DAO runs nothing, and the driver says so.
            assertFalse(failure instanceof WriteOutcomeUnknownException, failure.toString());
        } else {
            // The server ended the session: the driver cannot tell whether it got the UPDATE; the row can.
            WriteOutcomeUnknownException inDoubt = assertInstanceOf(WriteOutcomeUnknownException.class, failure);
            assertEquals(inDoubt.expectedVersion().orElseThrow(), storedVersion(article));
        }
        articles.update(article);
        assertEquals(2L, storedVersion(article));
    }

    @Test
    void theObserverIsToldTheOutcomeIsUnknown() {
        RecordingObserver observer = new RecordingObserver();
        Article article = articles.insert(new Article("Observed", "x"));
        ArticleDao losingCommits = new ArticleDao(FailingCommitDataSource.failingCommits(database.dataSource()),
                OptilockSettings.builder().writeObserver(observer).build());

        assertThrows(WriteOutcomeUnknownException.class, () -> losingCommits.update(article));

        assertEquals(Outcome.OUTCOME_UNKNOWN, observer.onlyWrite().result().outcome());
        assertEquals("outcome-unknown", Outcome.OUTCOME_UNKNOWN.tag());
    }
}
