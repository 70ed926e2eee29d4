package org.optilock.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.EnumSource;
import org.optilock.it.support.DatabaseKind;
import org.optilock.it.support.TestDatabase;
import org.optilock.runtime.BatchPolicy;
import org.optilock.runtime.BatchResult;

/**
 * Text that is hard to carry survives every write path exactly: quotes, backslashes, the braces and
 * commas of an array literal, the word NULL, empty strings and real NULLs, control characters,
 * characters outside the Basic Multilingual Plane, text as long as its column, and NUL where the
 * database stores it.
 * A batch that builds an array or a list of rows must not be the place where one of them changes.
 */
@ParameterizedClass(name = "{0}")
@EnumSource(DatabaseKind.class)
class TextRoundTripTest {

    private static final List<String> TEXTS = Arrays.asList(
            "it's \"quoted\"", "back\\slash \\\\ two", "ends in a backslash\\", "{braces},{and,commas}", "a,b,c", "{}",
            "(1,2)", "NULL", "null", "", null, "\"", "'", "tab\tnew\nline\rreturn", "non-BMP 😀 𝄞 and 汉字",
            "  spaces around  ", "x".repeat(200));

    /** As long as the body column holds (2,000 characters, two bytes each in UTF-8). */
    private static final String LONG_BODY = "é".repeat(2000);

    private final TestDatabase database;
    private final ArticleDao articles;

    TextRoundTripTest(DatabaseKind kind) {
        this.database = TestDatabase.create(kind);
        this.articles = new ArticleDao(database.dataSource());
    }

    @AfterEach
    void closeDatabase() {
        database.close();
    }

    /** The texts this database stores: all, and one with a NUL where the database keeps it (not PostgreSQL). */
    private List<String> texts() {
        List<String> texts = new ArrayList<>(TEXTS);
        if (database.kind() != DatabaseKind.POSTGRESQL) {
            texts.add("before\u0000after");
        }
        return texts;
    }

    private List<Article> articlesWithTitles(List<String> titles) {
        List<Article> list = new ArrayList<>();
        for (int i = 0; i < titles.size(); i++) {
            list.add(new Article(titles.get(i), titles.get(titles.size() - 1 - i)));
        }
        list.get(0).body = LONG_BODY;
        return list;
    }

    private void assertStored(List<Article> expected) {
        List<Article> stored = articles.findAll();
        assertEquals(expected.size(), stored.size());
        for (Article article : expected) {
            Article row = stored.stream().filter(s -> s.id.equals(article.id)).findFirst().orElseThrow();
            assertEquals(article.title, row.title, "title of " + article.id);
            assertEquals(article.body, row.body, "body of " + article.id);
            assertEquals(article.version, row.version);
        }
    }

    @Test
    void everyTextSurvivesInsertAllUpdateAllAndTheSingleWrites() {
        List<String> texts = texts();
        List<Article> inserted = articles.insertAll(articlesWithTitles(texts));
        assertStored(inserted);

        // Each row gets another row's texts, so that every text is written by the batch's UPDATE.
        for (int i = 0; i < inserted.size(); i++) {
            inserted.get(i).title = texts.get((i + 1) % texts.size());
            inserted.get(i).body = texts.get((i + 2) % texts.size());
        }
        inserted.get(1).body = LONG_BODY;
        BatchResult<Article> updated = articles.updateAll(inserted, BatchPolicy.ABORT_ALL);
        assertTrue(updated.isClean());
        assertStored(updated.applied());

        List<Article> copies = new ArrayList<>(updated.applied());
        Article single = copies.get(0);
        single.title = texts.get(3);
        single.body = texts.get(4);
        copies.set(0, articles.update(single));
        Article fresh = articles.insert(new Article(texts.get(5), texts.get(6)));
        copies.add(fresh);
        assertStored(copies);
    }

    /**
     * A conditional version's batch compares each checked column with its new value before it sets it
     * (on SQLite binding that value once, by number): every text lands, and only the rows whose checked
     * texts changed move their version. Each text moves two rows on, so that no two texts a row holds
     * in turn differ only in case, which MariaDB's collation would take as no change.
     */
    @Test
    void everyTextSurvivesAConditionalBatchThatComparesItBeforeSettingIt() {
        ProfileDao profiles = new ProfileDao(database.dataSource());
        List<String> texts = texts();
        List<Profile> rows = new ArrayList<>();
        for (int i = 0; i < texts.size(); i++) {
            rows.add(profiles.insert(new Profile("user " + i, fitted(texts.get(i)), fitted(texts.get((i + 1) % texts.size())))));
        }
        for (int i = 0; i < rows.size(); i++) {
            Profile row = rows.get(i);
            if (i % 2 == 0) {
                row.name = fitted(texts.get((i + 2) % texts.size()));
                row.email = fitted(texts.get((i + 3) % texts.size()));
            } else {
                row.lastSeen = LocalDate.of(2026, 12, 1 + i);
            }
        }

        assertTrue(profiles.updateAll(rows, BatchPolicy.ABORT_ALL).isClean());

        for (int i = 0; i < rows.size(); i++) {
            Profile expected = rows.get(i);
            Profile stored = profiles.findById(expected.username).orElseThrow();
            assertEquals(expected.name, stored.name, "name of " + expected.username);
            assertEquals(expected.email, stored.email, "email of " + expected.username);
            assertEquals(expected.lastSeen, stored.lastSeen, "last seen of " + expected.username);
            assertEquals(i % 2 == 0 ? 2 : 1, stored.version, "version of " + expected.username);
            assertEquals(stored.version, expected.version);
        }
    }

    /** {@code text} cut to the 100 characters the tests' profile columns hold. */
    private static String fitted(String text) {
        return text == null ? null : text.substring(0, Math.min(100, text.length()));
    }

    /**
     * Rows that come with their keys, enough of them that SQLite inserts them many to a statement
     * ({@code VALUES (...), (...)}): each row's texts stay in their row, none shifts to a neighbour.
     */
    @Test
    void everyTextSurvivesALargeInsertAllOfRowsThatComeWithTheirKeys() {
        List<String> texts = texts();
        List<Article> input = new ArrayList<>();
        for (int i = 0; i < 620; i++) {
            Article article = new Article(texts.get(i % texts.size()), texts.get((i * 7 + 3) % texts.size()));
            article.id = 1_000L + i;
            input.add(article);
        }
        input.get(311).body = LONG_BODY;

        List<Article> inserted = articles.insertAll(input);

        assertEquals(620, inserted.size());
        for (int i = 0; i < inserted.size(); i++) {
            assertEquals(1_000L + i, inserted.get(i).id);
            assertEquals(1L, inserted.get(i).version);
        }
        assertStored(inserted);
    }

    @Test
    void aStaleBatchOfSuchTextIsAConflictNamingTheRowsAndWritesTheOthersExactly() {
        List<String> texts = texts();
        List<Article> inserted = articles.insertAll(articlesWithTitles(texts));
        Article theirs = articles.findById(inserted.get(1).id).orElseThrow();
        theirs.title = "theirs";
        articles.update(theirs);
        for (Article article : inserted) {
            article.body = article.title; // each row's body becomes its title, NULL and empty text included
        }

        BatchResult<Article> result = articles.updateAll(inserted, BatchPolicy.SILENT);

        assertEquals(1, result.conflicts().size());
        assertEquals(inserted.get(1).id, result.conflicts().get(0).id());
        List<Article> expected = new ArrayList<>(result.applied());
        expected.add(articles.findById(theirs.id).orElseThrow());
        assertStored(expected);
        BatchResult<Article> deleted = articles.deleteAll(result.applied(), BatchPolicy.ABORT_ALL);
        assertEquals(result.applied().size(), deleted.applied().size());
        assertEquals(1, articles.findAll().size());
    }
}
