package org.optilock.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.EnumSource;
import org.optilock.it.library.LibraryUser;
import org.optilock.it.support.CountingDataSource;
import org.optilock.it.support.DatabaseKind;
import org.optilock.it.support.TestDatabase;
import org.optilock.runtime.DataAccessException;
import org.optilock.runtime.Versioned;

/** {@code insertAll} (django's {@code bulk_create}): keys and versions set, all rows or none. */
@ParameterizedClass(name = "{0}")
@EnumSource(DatabaseKind.class)
class InsertAllTest {

    private final TestDatabase database;
    private final ArticleDao articles;

    InsertAllTest(DatabaseKind kind) {
        this.database = TestDatabase.create(kind);
        this.articles = new ArticleDao(database.dataSource());
    }

    @AfterEach
    void closeDatabase() {
        database.close();
    }

    private static List<Article> articles(int count) {
        List<Article> list = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            list.add(new Article("Article " + i, "body " + i));
        }
        return list;
    }

    @Test
    void generatedKeysComeBackToTheRightEntitiesWithTheInitialVersion() {
        List<Article> input = articles(50);

        List<Article> inserted = articles.insertAll(input);

        assertEquals(50, inserted.size());
        for (int i = 0; i < 50; i++) {
            Article article = inserted.get(i);
            assertSame(input.get(i), article, "classes are given their key in place");
            assertNotNull(article.id);
            assertEquals(1L, article.version);
            Article stored = articles.findById(article.id).orElseThrow();
            assertEquals("Article " + i, stored.title, "the key read back is the key of this row");
            assertEquals("body " + i, stored.body);
        }
        assertEquals(50, new HashSet<>(inserted.stream().map(a -> a.id).toList()).size());
        // The inserted rows are versioned like any other: a stale copy conflicts.
        Article stale = articles.findById(inserted.get(0).id).orElseThrow();
        articles.update(inserted.get(0));
        assertThrows(RuntimeException.class, () -> articles.update(stale));
    }

    @Test
    void entitiesThatComeWithTheirKeyKeepItBesideGeneratedOnes() {
        Article keyed = new Article("Keyed", "b");
        keyed.id = 1_000L;
        List<Article> inserted = articles.insertAll(List.of(new Article("First", "b"), keyed, new Article("Last", "b")));

        assertEquals(1_000L, inserted.get(1).id);
        assertEquals("Keyed", articles.findById(1_000L).orElseThrow().title);
        assertEquals("First", articles.findById(inserted.get(0).id).orElseThrow().title);
        assertEquals("Last", articles.findById(inserted.get(2).id).orElseThrow().title);
        assertEquals(3, articles.findAll().size());
    }

    @Test
    void recordsAndWrappedClassesAreReturnedAsNewInstances() {
        NoteDao notes = new NoteDao(database.dataSource());
        List<Note> inserted = notes.insertAll(List.of(new Note(1, "one", null), new Note(2, "two", null)));
        assertEquals(List.of(new Note(1, "one", 1), new Note(2, "two", 1)), inserted);
        assertEquals(new Note(2, "two", 1), notes.findById(2L).orElseThrow());

        LibraryUserDao users = new LibraryUserDao(database.dataSource());
        LibraryUser user = new LibraryUser();
        user.setId(7L);
        user.setName("Ada");
        List<Versioned<LibraryUser>> versioned = users.insertAll(List.of(new Versioned<>(user, null)));
        assertSame(user, versioned.get(0).value());
        assertEquals(1L, versioned.get(0).version());
    }

    @Test
    void timestampVersionsAndAssignedKeysOfEveryKind() {
        MeterDao meters = new MeterDao(database.dataSource());
        List<Meter> inserted = meters.insertAll(List.of(new Meter("a", 1), new Meter("b", 2)));
        for (Meter meter : inserted) {
            assertTrue(meter.version > 0, "a timestamp version is set");
            assertEquals(meter.version, meters.currentVersion(meter.code).orElseThrow());
        }

        CustomerDao customers = new CustomerDao(database.dataSource());
        UUID id = UUID.randomUUID();
        Customer customer = customers.insertAll(List.of(new Customer(id, "Grace"))).get(0);
        assertNotNull(customer.getUpdatedAt());
        assertEquals("Grace", customers.findById(id).orElseThrow().getName());
    }

    @Test
    void aRefusedRowInsertsNothingAndChangesNoEntity() {
        articles.insert(articles(1).get(0));
        long existing = articles.findAll().get(0).id;
        Article duplicate = new Article("Duplicate", "b");
        duplicate.id = existing;
        List<Article> input = new ArrayList<>(articles(3));
        input.add(duplicate);

        DataAccessException refused = assertThrows(DataAccessException.class, () -> articles.insertAll(input));

        assertTrue(refused.getMessage().contains("insert a batch of Article"), refused.getMessage());
        assertEquals(1, articles.findAll().size(), "none of the batch's rows stays");
        for (Article article : input.subList(0, 3)) {
            assertNull(article.id, "no key was given");
            assertEquals(0L, article.version, "no version was given");
        }
    }

    @Test
    void insideTheCallersTransactionABatchFailureUndoesOnlyTheBatch() throws SQLException {
        try (Connection connection = database.connection()) {
            connection.setAutoCommit(false);
            ArticleDao inTransaction = new ArticleDao(connection);
            Article earlier = inTransaction.insert(new Article("Earlier", "b"));
            Article duplicate = new Article("Duplicate", "b");
            duplicate.id = earlier.id;

            assertThrows(DataAccessException.class,
                    () -> inTransaction.insertAll(List.of(new Article("Batch", "b"), duplicate)));
            inTransaction.insertAll(articles(2));
            connection.commit();
        }
        assertEquals(List.of("Earlier", "Article 0", "Article 1"), articles.findAll().stream().map(a -> a.title).toList());
    }

    @Test
    void oneBatchStatementForTheWholeCollection() {
        // PostgreSQL reads the table's column types and its key's sequence on the first batch, once.
        articles.insertAll(articles(1));
        CountingDataSource counting = new CountingDataSource(database.dataSource());
        ArticleDao counted = new ArticleDao(counting.dataSource());
        counted.insertAll(articles(100));
        Article keyed = new Article("Keyed", "b");
        keyed.id = 5_000L;
        counted.insertAll(List.of(keyed));
        // SQLite's driver reports only the last key of a batch, so rows with generated keys go one by one there;
        // PostgreSQL takes every key from the sequence in one query, then inserts the rows over arrays.
        int expected = switch (database.kind()) {
            case SQLITE -> 100 + 1;
            case POSTGRESQL -> 2 + 1;
            case H2, MARIADB -> 1 + 1;
        };
        assertEquals(expected, counting.count(), counting.statements().toString());
    }

    @Test
    void onSqliteEachInsertReadsBackItsGeneratedKeyItself() {
        CountingDataSource counting = new CountingDataSource(database.dataSource());
        ArticleDao counted = new ArticleDao(counting.dataSource());

        Article single = counted.insert(new Article("Single", "b"));
        List<Article> batch = counted.insertAll(articles(3));

        assertEquals("Single", articles.findById(single.id).orElseThrow().title);
        for (int i = 0; i < batch.size(); i++) {
            assertEquals("Article " + i, articles.findById(batch.get(i).id).orElseThrow().title);
        }
        if (database.kind() == DatabaseKind.SQLITE) {
            // JDBC's generated keys would cost SQLite's driver a SELECT last_insert_rowid() after each row.
            List<String> inserts = counting.prepared().stream().filter(sql -> sql.startsWith("INSERT")).toList();
            assertEquals(List.of("INSERT INTO Article (title, body, version) VALUES (?, ?, 1) RETURNING \"id\""),
                    inserts.stream().distinct().toList());
            assertEquals(4, counting.count(), counting.statements().toString());
        }
    }

    private static List<Article> keyedArticles(int count, long firstKey) {
        List<Article> list = articles(count);
        for (int i = 0; i < count; i++) {
            list.get(i).id = firstKey + i;
        }
        return list;
    }

    @Test
    void largeBatchesOfRowsWithTheirKeysGoAHundredRowsAStatementOnH2AndSqlite() {
        articles.insertAll(articles(1));
        CountingDataSource counting = new CountingDataSource(database.dataSource());
        ArticleDao counted = new ArticleDao(counting.dataSource());

        List<Article> inserted = counted.insertAll(keyedArticles(1_050, 10_000));

        // H2 and SQLite: ten statements of a hundred rows, and one of the fifty left; below 500 rows a JDBC
        // batch (above). PostgreSQL: a thousand rows a statement over arrays. MariaDB: one JDBC batch.
        int expected = switch (database.kind()) {
            case H2, SQLITE -> 11;
            case POSTGRESQL -> 2;
            case MARIADB -> 1;
        };
        assertEquals(expected, counting.count(), counting.statements().toString());
        if (database.kind() != DatabaseKind.POSTGRESQL) {
            // Every row starts at version 1, written in the statement as a hand-written INSERT writes it
            // (PostgreSQL's arrays carry it as a column of their own).
            assertTrue(counting.statements().stream().allMatch(sql -> sql.endsWith("(?, ?, ?, 1)")),
                    counting.statements().toString());
        }
        assertEquals(1_051, articles.findAll().size());
        for (int i = 0; i < inserted.size(); i++) {
            Article stored = articles.findById(10_000L + i).orElseThrow();
            assertEquals("Article " + i, stored.title, "row " + i + " holds its own values");
            assertEquals(1L, stored.version);
            assertEquals(1L, inserted.get(i).version);
        }
    }

    @Test
    void aRefusedRowOfALargeBatchOfRowsWithTheirKeysInsertsNothing() {
        Article existing = articles.insert(keyedArticles(1, 10_777).get(0));
        List<Article> input = keyedArticles(1_050, 10_000);

        DataAccessException refused = assertThrows(DataAccessException.class, () -> articles.insertAll(input));

        assertTrue(refused.getMessage().contains("insert a batch of Article"), refused.getMessage());
        assertEquals(List.of(existing.id), articles.findAll().stream().map(a -> a.id).toList(),
                "none of the batch's rows stays, those of the statements before the refused one included");
        assertTrue(input.stream().allMatch(article -> article.version == 0L), "no version was given");
    }

    @Test
    void nothingToInsertAndNullEntities() {
        assertEquals(List.of(), articles.insertAll(List.of()));
        List<Article> withNull = Arrays.asList(new Article("a", "b"), null);
        NullPointerException refused = assertThrows(NullPointerException.class, () -> articles.insertAll(withNull));
        assertTrue(refused.getMessage().contains("entity 1"), refused.getMessage());
        assertEquals(0, articles.findAll().size());
        assertThrows(NullPointerException.class, () -> articles.insertAll(null));
    }
}
