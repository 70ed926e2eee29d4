package org.optilock.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.EnumSource;
import org.optilock.it.library.LibraryUser;
import org.optilock.it.support.DatabaseKind;
import org.optilock.it.support.TestDatabase;
import org.optilock.runtime.BatchPolicy;
import org.optilock.runtime.DataAccessException;
import org.optilock.runtime.OptilockSettings;
import org.optilock.runtime.RecordModifiedException;
import org.optilock.runtime.Versioned;

/** Input a careless caller gives: refused with a clear error, or done as django does, never half-done. */
@ParameterizedClass(name = "{0}")
@EnumSource(DatabaseKind.class)
class RefusedInputTest {

    private final TestDatabase database;
    private final ArticleDao articles;

    RefusedInputTest(DatabaseKind kind) {
        this.database = TestDatabase.create(kind);
        this.articles = new ArticleDao(database.dataSource());
    }

    @AfterEach
    void closeDatabase() {
        database.close();
    }

    private long rows() {
        return database.queryLong("SELECT COUNT(*) FROM article");
    }

    @Test
    void anEntityWhoseGeneratedKeyIsSetIsInsertedWithThatKeyAndOnlyOnce() {
        Article chosen = new Article("Chosen key", "x");
        chosen.id = 1000L;

        articles.insert(chosen);

        assertEquals(1000L, chosen.id);
        assertEquals("Chosen key", articles.findById(1000L).orElseThrow().title);
        assertThrows(DataAccessException.class, () -> articles.insert(chosen), "the same object inserted twice");
        assertEquals(1L, rows(), "the second insert wrote nothing");
        assertEquals(1L, chosen.version);

        Article generated = articles.insert(new Article("Generated key", "x"));
        assertTrue(generated.id != 1000L);
    }

    @Test
    void aPrimitiveGeneratedKeyThatIsSetIsInsertedWithThatKey() {
        SampleDao samples = new SampleDao(database.dataSource());
        Sample chosen = new Sample();
        chosen.id = 500;
        samples.insert(chosen);
        assertEquals(500, chosen.id);
        assertEquals(1L, database.queryLong("SELECT COUNT(*) FROM sample WHERE id = 500"));

        Sample generated = samples.insert(new Sample());
        assertTrue(generated.id != 0 && generated.id != 500, "0 means unset: the database generates the key");
    }

    @Test
    void aBatchWithoutPolicyOrWithANullEntityIsRefusedBeforeAnyWrite() {
        Article first = articles.insert(new Article("One", "x"));
        Article second = articles.insert(new Article("Two", "x"));
        first.title = "Changed";

        NullPointerException noPolicy = assertThrows(NullPointerException.class,
                () -> articles.updateAll(List.of(first), null));
        assertTrue(noPolicy.getMessage().contains("BatchPolicy.ABORT_ALL"), noPolicy.getMessage());
        assertThrows(NullPointerException.class, () -> articles.deleteAll(List.of(first, second), null));
        assertThrows(NullPointerException.class, () -> articles.updateAll(Arrays.asList(first, null), BatchPolicy.SILENT));
        assertThrows(NullPointerException.class, () -> articles.deleteAll(Arrays.asList(null, second), BatchPolicy.SILENT));

        assertEquals(2L, rows());
        assertEquals("One", articles.findById(first.id).orElseThrow().title);
        assertEquals(1L, first.version);
    }

    @Test
    void aBatchNamingOneRowTwiceIsRefusedBeforeAnyWrite() {
        Article article = articles.insert(new Article("One", "x"));
        Article copy = articles.findById(article.id).orElseThrow();
        article.title = "Changed";

        IllegalArgumentException twice = assertThrows(IllegalArgumentException.class,
                () -> articles.updateAll(List.of(article, article), BatchPolicy.ABORT_ALL));
        assertTrue(twice.getMessage().contains("same row"), twice.getMessage());
        assertThrows(IllegalArgumentException.class, () -> articles.updateAll(List.of(article, copy), BatchPolicy.SILENT));
        assertThrows(IllegalArgumentException.class, () -> articles.deleteAll(List.of(copy, article), BatchPolicy.SILENT));

        assertEquals("One", articles.findById(article.id).orElseThrow().title);
        assertEquals(1L, article.version);
        assertEquals(1L, rows());
    }

    @Test
    void aListenerThatThrowsDoesNotReplaceTheConflict() {
        IllegalStateException broken = new IllegalStateException("listener broke");
        ArticleDao listened = new ArticleDao(database.dataSource(),
                OptilockSettings.builder().conflictListener(conflict -> {
                    throw broken;
                }).build());
        Article article = articles.insert(new Article("One", "x"));
        Article stale = StaleCopies.of(articles, article);

        RecordModifiedException conflict = assertThrows(RecordModifiedException.class, () -> listened.update(stale));

        assertSame(broken, conflict.getSuppressed()[0]);
    }

    @Test
    void aNullEntityIsNamed() {
        NullPointerException thrown = assertThrows(NullPointerException.class, () -> articles.update(null));
        assertEquals("entity", thrown.getMessage());
        assertThrows(NullPointerException.class, () -> articles.insert(null));
        assertThrows(NullPointerException.class, () -> articles.delete(null));
    }

    @Test
    void aRowThatWasNeverInsertedIsNotReportedAsDeletedByAnotherWriter() {
        Article phantom = new Article("Never inserted", "x");
        phantom.id = 42L;
        phantom.version = 1;

        RecordModifiedException conflict = assertThrows(RecordModifiedException.class, () -> articles.update(phantom));

        assertTrue(conflict.isDeleted());
        assertTrue(conflict.getMessage().contains("no Article row with id 42 (deleted, or never inserted"),
                conflict.getMessage());
    }

    @Test
    void theConflictOfAClassVersionedFromOutsideGivesTheRowInEveryForm() {
        LibraryUserDao users = new LibraryUserDao(database.dataSource());
        LibraryUser ada = new LibraryUser();
        ada.setId(1L);
        ada.setName("Ada");
        Versioned<LibraryUser> mine = users.insert(Versioned.unversioned(ada));
        Versioned<LibraryUser> theirs = users.findById(1L).orElseThrow();
        theirs.value().setName("Ada Lovelace");
        users.update(theirs);

        RecordModifiedException conflict = assertThrows(RecordModifiedException.class, () -> users.update(mine));

        assertEquals(LibraryUser.class, conflict.entityType());
        LibraryUser current = assertInstanceOf(LibraryUser.class, conflict.current(conflict.entityType()).orElseThrow());
        assertEquals("Ada Lovelace", current.getName());
        Versioned<LibraryUser> wrapped = conflict.<Versioned<LibraryUser>>current().orElseThrow();
        assertEquals(2L, wrapped.version());
        assertEquals(2L, conflict.current(Versioned.class).orElseThrow().version());
    }
}
