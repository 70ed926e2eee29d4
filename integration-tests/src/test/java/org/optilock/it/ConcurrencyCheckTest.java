package org.optilock.it;

import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.EnumSource;
import org.optilock.it.support.DatabaseKind;
import org.optilock.it.support.TestDatabase;
import org.optilock.runtime.ConcurrencyCheck;
import org.optilock.runtime.OptilockSettings;
import org.optilock.runtime.Triggers;

/** The test helper, on every database and access style, and failing when locking is off. */
@ParameterizedClass(name = "{0}")
@EnumSource(DatabaseKind.class)
class ConcurrencyCheckTest {

    private final TestDatabase database;

    ConcurrencyCheckTest(DatabaseKind kind) {
        this.database = TestDatabase.create(kind);
    }

    @AfterEach
    void closeDatabase() {
        database.close();
    }

    @Test
    void passesForEveryKindOfEntity() {
        ConcurrencyCheck.of(new ArticleDao(database.dataSource()))
                .creating(() -> new Article("title", "body"))
                .identifiedBy(Article::getId)
                .versionedBy(Article::getVersion)
                .changing(article -> {
                    article.setTitle("changed");
                    return article;
                })
                .verify();
        ConcurrencyCheck.of(new CustomerDao(database.dataSource()))
                .creating(() -> new Customer(UUID.randomUUID(), "Ada"))
                .identifiedBy(Customer::getId)
                .versionedBy(Customer::getUpdatedAt)
                .changing(customer -> {
                    customer.setName("Grace");
                    return customer;
                })
                .verify();
        ConcurrencyCheck.of(new NoteDao(database.dataSource()))
                .creating(() -> new Note(1, "text", null))
                .identifiedBy(Note::id)
                .versionedBy(Note::version)
                .changing(note -> note.withText("changed"))
                .verify();
        Triggers.create(database.dataSource(), Ticket.class);
        ConcurrencyCheck.of(new TicketDao(database.dataSource()))
                .creating(() -> new Ticket("subject"))
                .identifiedBy(ticket -> ticket.id)
                .versionedBy(ticket -> ticket.version)
                .changing(ticket -> ticket)
                .verify();
        assertTrue(new ArticleDao(database.dataSource()).findAll().isEmpty(), "the check cleans up after itself");
    }

    @Test
    void failsWhenLockingIsOff() {
        ArticleDao unchecked = new ArticleDao(database.dataSource(), OptilockSettings.builder().enabled(false).build());
        AssertionError failure = assertThrows(AssertionError.class, () -> ConcurrencyCheck.of(unchecked)
                .creating(() -> new Article("title", "body"))
                .identifiedBy(Article::getId)
                .versionedBy(Article::getVersion)
                .changing(article -> {
                    article.setTitle("changed");
                    return article;
                })
                .verify());
        assertTrue(failure.getMessage().contains("was saved over version 2: optimistic locking is off"), failure.getMessage());
    }

    @Test
    void failsWhenTheChangeDoesNotMoveAConditionalVersion() {
        AssertionError failure = assertThrows(AssertionError.class, () -> ConcurrencyCheck.of(new ProfileDao(database.dataSource()))
                .creating(() -> new Profile("ada", "Ada", null))
                .identifiedBy(profile -> profile.username)
                .versionedBy(profile -> profile.version)
                .changing(profile -> {
                    profile.lastSeen = java.time.LocalDate.of(2026, 1, 1);
                    return profile;
                })
                .verify());
        assertTrue(failure.getMessage().contains("make changing(...) change a field that counts"), failure.getMessage());
    }

    @Test
    void saysWhichStepIsMissing() {
        IllegalStateException missing = assertThrows(IllegalStateException.class,
                () -> ConcurrencyCheck.of(new ArticleDao(database.dataSource())).verify());
        assertTrue(missing.getMessage().contains(".creating(...)"), missing.getMessage());
    }
}
