package org.optilock.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.EnumSource;
import org.optilock.it.support.DatabaseKind;
import org.optilock.it.support.KillingDataSource;
import org.optilock.it.support.TestDatabase;
import org.optilock.runtime.BatchPolicy;
import org.optilock.runtime.DataAccessException;
import org.optilock.runtime.RecordModifiedException;
import org.optilock.runtime.Triggers;

/**
 * The connection dies at the worst moment, for real (the server ends the session): the DAO says which
 * operation failed, nothing is half done, no entity claims a version its row does not hold, and the
 * pool goes on serving.
 */
@ParameterizedClass(name = "{0}")
@EnumSource(DatabaseKind.class)
class ConnectionLossTest {

    /** The start of the DAO's SELECT by id: the read-back of a conflict. */
    private static final String READ_BACK = "SELECT id, title, body, version FROM Article WHERE";

    private final TestDatabase database;
    private final ArticleDao articles;

    ConnectionLossTest(DatabaseKind kind) {
        this.database = TestDatabase.create(kind);
        this.articles = new ArticleDao(database.dataSource());
    }

    @AfterEach
    void closeDatabase() {
        database.close();
    }

    private String storedTitle(Article article) {
        return database.queryString("SELECT title FROM article WHERE id = " + article.id);
    }

    @Test
    void aConnectionLostBeforeTheUpdateWritesNothing() {
        Article article = articles.insert(new Article("Kept", "x"));
        KillingDataSource killing = KillingDataSource.before(database, "UPDATE");

        article.title = "Never written";
        DataAccessException failure = assertThrows(DataAccessException.class,
                () -> new ArticleDao(killing.dataSource()).update(article));

        assertTrue(killing.killed());
        assertTrue(failure.getMessage().startsWith("Could not update Article: "), failure.getMessage());
        assertEquals(1L, article.version);
        assertEquals("Kept", storedTitle(article));
        thePoolStillServes(article);
    }

    @Test
    void aConnectionLostWhileReadingBackAConflictIsAFailureNotAHalfConflict() {
        Article article = articles.insert(new Article("Original", "x"));
        Article stale = StaleCopies.of(articles, article);
        KillingDataSource killing = KillingDataSource.before(database, READ_BACK);

        stale.title = "Stale";
        DataAccessException failure = assertThrows(DataAccessException.class,
                () -> new ArticleDao(killing.dataSource()).update(stale));

        assertTrue(killing.killed());
        assertTrue(failure.getMessage().startsWith("Could not update Article: "), failure.getMessage());
        assertEquals(1L, stale.version);
        assertEquals(2L, articles.findById(article.id).orElseThrow().version, "the other writer's row stands");
        thePoolStillServes(article);
    }

    @Test
    void aConnectionLostMidBatchCommitsNoRowOfIt() {
        for (BatchPolicy policy : BatchPolicy.values()) {
            List<Article> copies = StaleCopies.fiveOfWhichTwoStale(articles);
            List<String> before = titles();
            // The batch's UPDATE ran in its transaction; the read-back of its conflicts is where it dies.
            KillingDataSource killing = KillingDataSource.before(database, READ_BACK);

            DataAccessException failure = assertThrows(DataAccessException.class,
                    () -> new ArticleDao(killing.dataSource()).updateAll(copies, policy));

            assertTrue(killing.killed());
            assertTrue(failure.getMessage().startsWith("Could not update a batch of Article: "), failure.getMessage());
            assertEquals(before, titles(), policy + ": nothing of the batch was committed");
            copies.forEach(copy -> assertEquals(1L, copy.version, policy + ": no entity claims a new version"));
        }
        thePoolStillServes(articles.findAll().get(0));
    }

    @Test
    void aConnectionLostWhileCreatingATriggerLeavesNoHalfMadeTrigger() {
        // The last statement of the create: the comment on H2 and PostgreSQL, the trigger itself elsewhere.
        String last = switch (database.kind()) {
            case H2, POSTGRESQL -> "COMMENT ON TRIGGER";
            case SQLITE, MARIADB -> "CREATE TRIGGER";
        };
        KillingDataSource killing = KillingDataSource.before(database, last);

        DataAccessException failure = assertThrows(DataAccessException.class,
                () -> Triggers.create(killing.dataSource(), Ticket.class));

        assertTrue(killing.killed());
        assertTrue(failure.getMessage().startsWith("Could not create version triggers: "), failure.getMessage());
        assertEquals(List.of(), Triggers.list(database.dataSource()));
        TicketDao tickets = new TicketDao(database.dataSource());
        Ticket ticket = tickets.insert(new Ticket("Printer"));
        assertEquals(1, database.execute("UPDATE ticket SET title = 'Still writable' WHERE id = " + ticket.id));
        assertFalse(Triggers.create(database.dataSource(), Ticket.class).isEmpty(), "a second try creates it");
    }

    private List<String> titles() {
        return articles.findAll().stream().map(a -> a.title).toList();
    }

    /**
     * More calls than the pool would take to hand the dead connection out again: each finds a live one.
     */
    private void thePoolStillServes(Article article) {
        for (int i = 0; i < 3; i++) {
            Article fresh = articles.findById(article.id).orElseThrow();
            fresh.title = "After the loss " + i;
            articles.update(fresh);
            assertEquals(fresh.title, storedTitle(fresh));
        }
    }

    @Test
    void aConflictStillReadsBackTheWinnerWhenNothingFails() {
        // The control for the read-back test: the same statements with a live connection end in a conflict.
        Article article = articles.insert(new Article("Original", "x"));
        Article stale = StaleCopies.of(articles, article);
        KillingDataSource notDue = KillingDataSource.before(database, "no statement starts like this");

        RecordModifiedException conflict = assertThrows(RecordModifiedException.class,
                () -> new ArticleDao(notDue.dataSource()).update(stale));

        assertFalse(notDue.killed());
        assertEquals(2L, conflict.currentVersion());
    }
}
