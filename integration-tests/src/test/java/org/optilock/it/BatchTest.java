package org.optilock.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import javax.sql.DataSource;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.optilock.it.support.BatchAnswerDataSource;
import org.optilock.it.support.LostAnswerDataSource;
import org.optilock.it.support.CountingDataSource;
import org.optilock.it.support.DatabaseKind;
import org.optilock.it.support.TestDatabase;
import org.optilock.runtime.BatchConflictException;
import org.optilock.runtime.BatchPolicy;
import org.optilock.runtime.BatchResult;
import org.optilock.runtime.DataAccessException;
import org.optilock.runtime.RecordModifiedException;
import org.optilock.runtime.Triggers;

/** {@code updateAll} and {@code deleteAll} with both policies (django admin's list_editable and delete action). */
@ParameterizedClass(name = "{0}")
@EnumSource(DatabaseKind.class)
class BatchTest {

    private final TestDatabase database;
    private final ArticleDao articles;

    BatchTest(DatabaseKind kind) {
        this.database = TestDatabase.create(kind);
        this.articles = new ArticleDao(database.dataSource());
    }

    @AfterEach
    void closeDatabase() {
        database.close();
    }

    /** Five articles, read by us; then another writer changes the second and the fourth. */
    private List<Article> fiveCopiesTwoOfThemStale() {
        return StaleCopies.fiveOfWhichTwoStale(articles);
    }

    private List<String> titles() {
        return articles.findAll().stream().map(a -> a.title).toList();
    }

    @Test
    void silentWritesTheCurrentRowsAndNamesTheStaleOnes() {
        List<Article> copies = fiveCopiesTwoOfThemStale();

        BatchResult<Article> result = articles.updateAll(copies, BatchPolicy.SILENT);

        assertFalse(result.isClean());
        assertEquals(List.of(copies.get(0), copies.get(2), copies.get(4)), result.applied());
        result.applied().forEach(a -> assertEquals(2, a.version));
        assertEquals(List.of(copies.get(1).id, copies.get(3).id),
                result.conflicts().stream().map(RecordModifiedException::id).toList());
        RecordModifiedException second = result.conflicts().get(0);
        assertEquals(1L, second.expectedVersion());
        assertEquals(2L, second.currentVersion());
        assertEquals("Theirs 2", second.current(Article.class).orElseThrow().title);
        assertEquals(1, copies.get(1).version, "a conflicting entity keeps its version");
        assertEquals(List.of("Article 1 (ours)", "Theirs 2", "Article 3 (ours)", "Theirs 4", "Article 5 (ours)"), titles());
    }

    @Test
    void abortAllWritesNothingAndNamesEveryConflict() {
        List<Article> copies = fiveCopiesTwoOfThemStale();
        List<String> before = titles();

        BatchConflictException aborted = assertThrows(BatchConflictException.class,
                () -> articles.updateAll(copies, BatchPolicy.ABORT_ALL));

        assertEquals(2, aborted.conflicts().size());
        assertEquals(copies.get(3).id, aborted.conflicts().get(1).id());
        assertTrue(aborted.getMessage().startsWith("2 rows were changed by other writers, so nothing of the batch was written"),
                aborted.getMessage());
        assertEquals(before, titles());
        copies.forEach(copy -> assertEquals(1, copy.version, "nothing was written, so no version moved"));
    }

    @Test
    void abortAllInsideTheCallersTransactionKeepsItsEarlierWork() throws SQLException {
        List<Article> copies = fiveCopiesTwoOfThemStale();
        try (Connection connection = database.connection()) {
            connection.setAutoCommit(false);
            ArticleDao inTransaction = new ArticleDao(connection);
            inTransaction.insert(new Article("Earlier work", "in the caller's transaction"));

            assertThrows(BatchConflictException.class, () -> inTransaction.updateAll(copies, BatchPolicy.ABORT_ALL));

            connection.commit();
        }
        List<String> titles = titles();
        assertEquals(6, titles.size());
        assertTrue(titles.contains("Earlier work"));
        assertFalse(titles.contains("Article 1 (ours)"));
    }

    @Test
    void aCleanBatchIsOneRoundTrip() {
        List<Article> copies = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            copies.add(articles.insert(new Article("a" + i, "b")));
        }
        CountingDataSource counter = new CountingDataSource(database.dataSource());
        ArticleDao counted = new ArticleDao(counter.dataSource());

        BatchResult<Article> result = counted.updateAll(copies, BatchPolicy.ABORT_ALL);

        assertTrue(result.isClean());
        assertEquals(List.of(2L, 2L, 2L, 2L, 2L), copies.stream().map(a -> a.version).toList());
        // PostgreSQL's one statement over arrays reads the column types once per database and DAO type:
        // this database is new, so its first batch reads them.
        assertEquals(database.kind() == DatabaseKind.POSTGRESQL ? 2 : 1, counter.count(), counter.statements()::toString);
        counter.reset();
        counted.updateAll(copies, BatchPolicy.ABORT_ALL);
        assertEquals(1, counter.count(), counter.statements()::toString);
        assertEquals(List.of(3L, 3L, 3L, 3L, 3L), copies.stream().map(a -> a.version).toList());
    }

    @ParameterizedTest(name = "driver answers {0}")
    @ValueSource(ints = {Statement.SUCCESS_NO_INFO, Statement.EXECUTE_FAILED})
    void aRowWithoutACountIsWrittenOnlyWithProof(int answer) {
        List<Article> copies = fiveCopiesTwoOfThemStale();
        DataSource answering = BatchAnswerDataSource.answering(database.dataSource(), answer);

        BatchResult<Article> result = new ArticleDao(answering).updateAll(copies, BatchPolicy.SILENT);

        assertEquals(3, result.applied().size());
        assertEquals(List.of(copies.get(1).id, copies.get(3).id),
                result.conflicts().stream().map(RecordModifiedException::id).toList());
        assertEquals(2, copies.get(0).version);
        assertEquals(1, copies.get(1).version);
    }

    @Test
    void aBatchTheDriverDroppedIsNeverReportedAsWritten() {
        List<Article> copies = fiveCopiesTwoOfThemStale();
        List<String> before = titles();
        DataSource dropping = BatchAnswerDataSource.droppingBatches(database.dataSource(), Statement.SUCCESS_NO_INFO);
        if (database.kind() == DatabaseKind.POSTGRESQL) {
            // No JDBC batch there: the one statement over arrays returns the rows it wrote, which is the proof.
            BatchResult<Article> result = new ArticleDao(dropping).updateAll(copies, BatchPolicy.SILENT);
            assertEquals(3, result.applied().size());
            assertEquals(2, result.conflicts().size());
            return;
        }

        DataAccessException failure = assertThrows(DataAccessException.class,
                () -> new ArticleDao(dropping).updateAll(copies, BatchPolicy.SILENT));

        assertTrue(failure.getMessage().contains("gave no row count for row 1"), failure.getMessage());
        assertEquals(before, titles());
        copies.forEach(copy -> assertEquals(1, copy.version, "no entity was told it was written"));
    }

    @Test
    void aBatchWhoseAnswerIsLostLeavesTheDatabaseAsItWas() {
        for (BatchPolicy policy : BatchPolicy.values()) {
            List<Article> copies = fiveCopiesTwoOfThemStale();
            List<String> before = titles();
            // H2 sends a batch's rows as a MERGE.
            ArticleDao losingUpdates = new ArticleDao(LostAnswerDataSource.losingAnswersTo(database.dataSource(), "UPDATE",
                    "MERGE"));
            ArticleDao losingDeletes = new ArticleDao(LostAnswerDataSource.losingAnswersTo(database.dataSource(), "DELETE",
                    "MERGE"));

            DataAccessException update = assertThrows(DataAccessException.class, () -> losingUpdates.updateAll(copies, policy));
            DataAccessException delete = assertThrows(DataAccessException.class, () -> losingDeletes.deleteAll(copies, policy));

            assertTrue(update.getMessage().contains("was lost"), update.getMessage());
            assertTrue(delete.getMessage().contains("was lost"), delete.getMessage());
            assertEquals(before, titles(), policy + ": the batch that ran was rolled back");
            copies.forEach(copy -> assertEquals(1, copy.version, policy + ": no entity was told it was written"));
        }
    }

    @Test
    void aBatchOnTheCallersAutoCommitConnectionCommitsAndLeavesItInAutoCommit() throws SQLException {
        List<Article> copies = fiveCopiesTwoOfThemStale();
        try (Connection connection = database.connection()) {
            assertTrue(connection.getAutoCommit());

            BatchResult<Article> result = new ArticleDao(connection).updateAll(copies, BatchPolicy.SILENT);

            assertEquals(3, result.applied().size());
            assertTrue(connection.getAutoCommit(), "the caller's connection is handed back as it was");
        }
        assertEquals(List.of("Article 1 (ours)", "Theirs 2", "Article 3 (ours)", "Theirs 4", "Article 5 (ours)"), titles(),
                "committed: another connection sees it");
    }

    @Test
    void deleteAllWithStaleRows() {
        List<Article> copies = fiveCopiesTwoOfThemStale();

        assertThrows(BatchConflictException.class, () -> articles.deleteAll(copies, BatchPolicy.ABORT_ALL));
        assertEquals(5, titles().size(), "the guarded delete action deleted nothing");

        BatchResult<Article> result = articles.deleteAll(copies, BatchPolicy.SILENT);
        assertEquals(3, result.applied().size());
        assertEquals(2, result.conflicts().size());
        assertEquals(List.of("Theirs 2", "Theirs 4"), titles());
    }

    @Test
    void deleteWithoutACountIsProvenByTheRowBeingGone() {
        List<Article> copies = fiveCopiesTwoOfThemStale();
        DataSource answering = BatchAnswerDataSource.answering(database.dataSource(), Statement.SUCCESS_NO_INFO);

        BatchResult<Article> result = new ArticleDao(answering).deleteAll(copies, BatchPolicy.SILENT);

        assertEquals(3, result.applied().size());
        assertEquals(2, result.conflicts().size());
        assertEquals(List.of("Theirs 2", "Theirs 4"), titles());
    }

    @Test
    void recordsComeBackAsNewInstances() {
        NoteDao notes = new NoteDao(database.dataSource());
        Note first = notes.insert(new Note(1, "one", null));
        Note second = notes.insert(new Note(2, "two", null));
        notes.update(second.withText("theirs"));

        BatchResult<Note> result = notes.updateAll(List.of(first.withText("uno"), second.withText("dos")), BatchPolicy.SILENT);

        assertEquals(List.of(new Note(1, "uno", 2)), result.applied());
        assertEquals(2L, ((Number) result.conflicts().get(0).id()).longValue());
    }

    @Test
    void triggerAndConditionalEntitiesInBatches() {
        Triggers.create(database.dataSource(), Ticket.class);
        TicketDao tickets = new TicketDao(database.dataSource());
        Ticket first = tickets.insert(new Ticket("one"));
        Ticket second = tickets.insert(new Ticket("two"));
        database.execute("UPDATE ticket SET title = 'raw' WHERE id = " + second.id);

        BatchResult<Ticket> ticketResult = tickets.updateAll(List.of(first, second), BatchPolicy.SILENT);
        assertEquals(List.of(first), ticketResult.applied());
        assertEquals(2, first.version);
        assertEquals(2L, ticketResult.conflicts().get(0).currentVersion());

        ProfileDao profiles = new ProfileDao(database.dataSource());
        Profile ada = profiles.insert(new Profile("ada", "Ada", null));
        Profile bob = profiles.insert(new Profile("bob", "Bob", null));
        ada.lastSeen = java.time.LocalDate.of(2026, 1, 1);
        bob.name = "Robert";
        BatchResult<Profile> profileResult = profiles.updateAll(List.of(ada, bob), BatchPolicy.ABORT_ALL);
        assertTrue(profileResult.isClean());
        assertEquals(1, ada.version, "an ignored change");
        assertEquals(2, bob.version);
    }
}
