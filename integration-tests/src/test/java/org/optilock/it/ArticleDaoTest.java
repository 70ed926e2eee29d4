package org.optilock.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.persistence.OptimisticLockException;
import java.sql.SQLException;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.EnumSource;
import org.optilock.it.support.DatabaseKind;
import org.optilock.it.support.TestDatabase;
import org.optilock.runtime.ConnectionSource;
import org.optilock.runtime.DataAccessException;
import org.optilock.runtime.RecordModifiedException;
import org.optilock.runtime.VersionedDao;

/** The whole pinned DAO contract on an entity with fields, an identity key and a counter. */
@ParameterizedClass(name = "{0}")
@EnumSource(DatabaseKind.class)
class ArticleDaoTest {

    private final TestDatabase database;
    private final ArticleDao articles;

    ArticleDaoTest(DatabaseKind kind) {
        this.database = TestDatabase.create(kind);
        this.articles = new ArticleDao(database.dataSource());
    }

    @AfterEach
    void closeDatabase() throws SQLException {
        database.close();
    }

    @Test
    void implementsTheCommonInterface() {
        VersionedDao<Article, Long, Long> dao = articles;
        assertNotNull(dao);
    }

    @Test
    void insertSetsTheGeneratedKeyAndVersionOneWhateverTheObjectHeld() {
        Article article = new Article("Title", "Body");
        article.version = 41;

        Article inserted = articles.insert(article);

        assertSame(article, inserted);
        assertNotNull(article.id);
        assertEquals(1, article.version);
        assertEquals(1L, database.queryLong("SELECT version FROM article WHERE id = " + article.id));
        Article second = articles.insert(new Article("Other", "Body"));
        assertTrue(second.id > article.id);
    }

    @Test
    void findsByIdAndAll() {
        Article first = articles.insert(new Article("First", "one"));
        Article second = articles.insert(new Article("Second", "two"));

        Article found = articles.findById(first.id).orElseThrow();
        assertEquals("First", found.title);
        assertEquals("one", found.body);
        assertEquals(1, found.version);
        assertTrue(articles.findById(first.id + 100).isEmpty());

        List<Article> all = articles.findAll();
        assertEquals(List.of(first.id, second.id), all.stream().map(a -> a.id).toList());
    }

    @Test
    void updateWritesEveryColumnAndBumpsTheVersion() {
        Article article = articles.insert(new Article("Draft", "text"));
        article.title = "Final";

        Article updated = articles.update(article);

        assertSame(article, updated);
        assertEquals(2, article.version);
        Article stored = articles.findById(article.id).orElseThrow();
        assertEquals("Final", stored.title);
        assertEquals(2, stored.version);
        articles.update(article);
        assertEquals(3, articles.currentVersion(article.id).orElseThrow());
    }

    @Test
    void secondWriterOfTheSameVersionGetsAConflictAndLosesNothing() {
        Article original = articles.insert(new Article("Original", "body"));
        Article alice = articles.findById(original.id).orElseThrow();
        Article bob = articles.findById(original.id).orElseThrow();

        alice.title = "Alice's title";
        articles.update(alice);
        bob.title = "Bob's title";
        RecordModifiedException conflict = assertThrows(RecordModifiedException.class, () -> articles.update(bob));

        assertInstanceOf(OptimisticLockException.class, conflict);
        assertSame(bob, conflict.getEntity());
        assertEquals(Article.class, conflict.entityType());
        assertEquals(original.id, conflict.id());
        assertEquals(1L, conflict.expectedVersion());
        assertEquals(2L, conflict.currentVersion());
        assertFalse(conflict.isDeleted());
        Article winner = conflict.current(Article.class).orElseThrow();
        assertEquals("Alice's title", winner.title);
        assertEquals(2, winner.version);
        assertTrue(conflict.getMessage().contains("expected version 1, found 2"), conflict.getMessage());

        assertEquals(1, bob.version, "the loser keeps the version it read");
        Article stored = articles.findById(original.id).orElseThrow();
        assertEquals("Alice's title", stored.title, "the winner's row is intact");
        assertEquals(2, stored.version);
    }

    @Test
    void updateOfADeletedRowIsAConflictThatSaysDeleted() {
        Article article = articles.insert(new Article("Gone", "soon"));
        database.execute("DELETE FROM article WHERE id = " + article.id);

        RecordModifiedException conflict = assertThrows(RecordModifiedException.class, () -> articles.update(article));

        assertTrue(conflict.isDeleted());
        assertTrue(conflict.current().isEmpty());
        assertEquals(null, conflict.currentVersion());
        assertEquals(1, article.version);
        assertTrue(articles.findAll().isEmpty(), "an update never resurrects a row");
    }

    @Test
    void deleteChecksTheVersion() {
        Article article = articles.insert(new Article("To delete", "x"));
        Article stale = articles.findById(article.id).orElseThrow();
        articles.update(article);

        RecordModifiedException conflict = assertThrows(RecordModifiedException.class, () -> articles.delete(stale));
        assertEquals(1L, conflict.expectedVersion());
        assertEquals(2L, conflict.currentVersion());
        assertTrue(articles.findById(article.id).isPresent(), "a stale delete removes nothing");

        articles.delete(article);
        assertTrue(articles.findById(article.id).isEmpty());
    }

    @Test
    void deletingAnAlreadyDeletedRowIsAConflict() {
        Article article = articles.insert(new Article("Twice", "x"));
        Article copy = articles.findById(article.id).orElseThrow();
        articles.delete(article);

        RecordModifiedException conflict = assertThrows(RecordModifiedException.class, () -> articles.delete(copy));
        assertTrue(conflict.isDeleted());
    }

    @Test
    void isChangedComparesWithTheDatabase() {
        Article article = articles.insert(new Article("Watched", "x"));
        Article other = articles.findById(article.id).orElseThrow();
        assertFalse(articles.isChanged(article));

        articles.update(other);
        assertTrue(articles.isChanged(article));
        assertFalse(articles.isChanged(other));

        articles.delete(other);
        assertTrue(articles.isChanged(other), "a deleted row counts as changed");
    }

    @Test
    void currentVersionAndFindByIdAndVersionReadTheDatabase() {
        Article article = articles.insert(new Article("Versions", "x"));
        article.version = 77; // what the object holds does not matter
        assertEquals(1L, articles.currentVersion(article.id).orElseThrow());
        assertTrue(articles.currentVersion(article.id + 1).isEmpty());

        assertEquals("Versions", articles.findByIdAndVersion(article.id, 1L).orElseThrow().title);
        assertTrue(articles.findByIdAndVersion(article.id, 2L).isEmpty());
    }

    @Test
    void writingAnEntityWithoutIdIsRefusedWithAClearMessage() {
        IllegalArgumentException refused =
                assertThrows(IllegalArgumentException.class, () -> articles.update(new Article("No id", "x")));
        assertTrue(refused.getMessage().contains("insert it before"), refused.getMessage());
    }

    @Test
    void anEntityWithoutIdIsRefusedBeforeAConnectionIsTaken() {
        AtomicInteger leases = new AtomicInteger();
        ConnectionSource counted = () -> {
            leases.incrementAndGet();
            return ConnectionSource.perCall(database.dataSource()).lease();
        };
        ArticleDao countedArticles = new ArticleDao(counted);
        assertThrows(IllegalArgumentException.class, () -> countedArticles.update(new Article("No id", "x")));
        assertThrows(IllegalArgumentException.class, () -> countedArticles.delete(new Article("No id", "x")));
        assertEquals(0, leases.get(), "no connection for a call refused before any SQL");
    }

    @Test
    void databaseFailuresNameTheOperation() {
        database.execute("DROP TABLE article");
        DataAccessException failure =
                assertThrows(DataAccessException.class, () -> articles.insert(new Article("x", "y")));
        assertTrue(failure.getMessage().startsWith("Could not insert Article: "), failure.getMessage());
        assertInstanceOf(SQLException.class, failure.getCause());
    }
}
