package org.optilock.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.EnumSource;
import org.optilock.it.support.CountingDataSource;
import org.optilock.it.support.DatabaseKind;
import org.optilock.it.support.FailingCommitDataSource;
import org.optilock.it.support.TestDatabase;
import org.optilock.runtime.BatchPolicy;
import org.optilock.runtime.BatchResult;
import org.optilock.runtime.Concurrency;
import org.optilock.runtime.DataAccessException;
import org.optilock.runtime.RecordModifiedException;

/** The version an entity holds after a write is the version its row holds, at every edge. */
@ParameterizedClass(name = "{0}")
@EnumSource(DatabaseKind.class)
class RowVersionTest {

    private final TestDatabase database;
    private final ArticleDao articles;

    RowVersionTest(DatabaseKind kind) {
        this.database = TestDatabase.create(kind);
        this.articles = new ArticleDao(database.dataSource());
    }

    @AfterEach
    void closeDatabase() {
        database.close();
    }

    private long rowVersion(Article article) {
        return database.queryLong("SELECT version FROM article WHERE id = " + article.id);
    }

    @Test
    void anUncheckedUpdateHandsTheObjectTheRowsNewVersion() {
        Article article = articles.insert(new Article("Imported", "x"));
        Article stale = StaleCopies.of(articles, article);

        Concurrency.disabled(() -> {
            articles.update(stale);
        });

        assertEquals(3L, rowVersion(article), "the row's own version 2 moved on");
        assertEquals(3L, stale.version, "the object holds what the row holds, not its stale 1 plus one");
        stale.title = "Saved again with checks on";
        articles.update(stale);
        assertEquals(4L, rowVersion(article));
    }

    @Test
    void anUncheckedBatchReportsTheRowsNewVersions() throws Exception {
        Article first = articles.insert(new Article("One", "x"));
        Article second = articles.insert(new Article("Two", "x"));
        Article staleFirst = StaleCopies.of(articles, first);
        Article staleSecond = articles.findById(second.id).orElseThrow();

        BatchResult<Article> result = Concurrency.disabled(
                () -> articles.updateAll(List.of(staleFirst, staleSecond), BatchPolicy.SILENT));

        assertTrue(result.isClean());
        assertEquals(List.of(3L, 2L), result.applied().stream().map(a -> a.version).toList());
        assertEquals(3L, rowVersion(first));
        assertEquals(2L, rowVersion(second));
    }

    @Test
    void aFailedCommitLeavesTheEntityWithTheVersionAndKeyItHad() {
        ArticleDao failing = new ArticleDao(FailingCommitDataSource.failingCommits(database.dataSource()));
        Article article = articles.insert(new Article("Committed", "x"));

        article.title = "Never committed";
        assertThrows(DataAccessException.class, () -> failing.update(article));
        assertEquals(1L, article.version, "the row kept version 1, so must the entity");
        assertEquals(1L, rowVersion(article));
        article.title = "Saved after the failure";
        articles.update(article);
        assertEquals(2L, article.version);

        Article fresh = new Article("Never inserted", "x");
        fresh.version = 7;
        assertThrows(DataAccessException.class, () -> failing.insert(fresh));
        assertNull(fresh.id, "no key for a row that does not exist");
        assertEquals(7L, fresh.version);

        Article other = articles.insert(new Article("Other", "x"));
        assertThrows(DataAccessException.class, () -> failing.updateAll(List.of(article, other), BatchPolicy.SILENT));
        assertEquals(2L, article.version);
        assertEquals(1L, other.version);
        assertEquals(2L, rowVersion(article));
    }

    @Test
    void aCopyThatReadANullVersionSavesTheRowAndGivesItARealVersion() {
        TallyDao tallies = new TallyDao(database.dataSource());
        NoteDao notes = new NoteDao(database.dataSource());
        // Rows from before the version column was added.
        database.execute("INSERT INTO tally (name, total, version) VALUES ('visits', 5, NULL)");
        database.execute("INSERT INTO note (id, text, version) VALUES (1, 'old', NULL)");

        Tally tally = tallies.findById("visits").orElseThrow();
        assertEquals(0, tally.version, "a NULL version reads as 0 in an int");
        Tally staleTally = tallies.findById("visits").orElseThrow();
        tally.total = 6;
        tallies.update(tally);
        assertEquals(1, tally.version);
        assertEquals(1L, database.queryLong("SELECT version FROM tally WHERE name = 'visits'"));
        RecordModifiedException conflict = assertThrows(RecordModifiedException.class, () -> tallies.update(staleTally),
                "the other copy that read NULL now conflicts");
        assertFalse(conflict.getMessage().contains("expected version 0, found 0"), conflict.getMessage());

        Note note = notes.findById(1L).orElseThrow();
        assertNull(note.version());
        Note saved = notes.update(note.withText("new"));
        assertEquals(1, saved.version());
        assertThrows(RecordModifiedException.class, () -> notes.update(note.withText("stale")));

        database.execute("INSERT INTO note (id, text, version) VALUES (2, 'old', NULL)");
        notes.delete(notes.findById(2L).orElseThrow());
        assertTrue(notes.findById(2L).isEmpty(), "a copy that read NULL deletes its row too");
    }

    @Test
    void aBatchWithANullVersionStillMatchesItAndOneWithoutSendsThePlainCondition() {
        CountingDataSource counting = new CountingDataSource(database.dataSource());
        TallyDao tallies = new TallyDao(counting.dataSource());
        database.execute("INSERT INTO tally (name, total, version) VALUES ('old', 1, NULL)");
        database.execute("INSERT INTO tally (name, total, version) VALUES ('new', 1, 3)");
        database.execute("INSERT INTO tally (name, total, version) VALUES ('stale', 1, 5)");
        List<Tally> copies = tallies.findAll();
        Tally stale = copies.stream().filter(t -> t.name.equals("stale")).findFirst().orElseThrow();
        stale.version = 4;
        counting.reset();

        BatchResult<Tally> mixed = tallies.updateAll(copies, BatchPolicy.SILENT);

        assertEquals(List.of("new", "old"), mixed.applied().stream().map(t -> t.name).sorted().toList(),
                "the row whose version is NULL matched the copy that read it");
        assertEquals(List.of("stale"), mixed.conflicts().stream().map(c -> c.id()).toList());
        String mixedBatch = update(counting.statements());
        counting.reset();

        BatchResult<Tally> set = tallies.updateAll(mixed.applied(), BatchPolicy.SILENT);

        assertTrue(set.isClean());
        String setBatch = update(counting.statements());
        assertTrue(mixedBatch.contains("version IS NULL"), mixedBatch);
        assertFalse(setBatch.contains("IS NULL"), setBatch);
        switch (database.kind()) {
            // The statement over arrays loses the array that said whether each version was unset.
            case POSTGRESQL -> assertTrue(setBatch.contains("unnest(?, ?, ?, ?)") && mixedBatch.contains("unnest(?, ?, ?, ?, ?)"),
                    setBatch);
            // The joined statement loses the column that said so.
            case MARIADB -> assertTrue(setBatch.endsWith("ON name = optilock_v.optilock_3 AND version = optilock_v.optilock_4"
                    + " SET total = optilock_v.optilock_1, version = optilock_v.optilock_2")
                    && mixedBatch.contains("optilock_5"), setBatch);
            // So does the MERGE.
            case H2 -> assertTrue(setBatch.endsWith("ON name = optilock_v.optilock_3 AND version = optilock_v.optilock_4"
                    + " WHEN MATCHED THEN UPDATE SET total = optilock_v.optilock_1, version = optilock_v.optilock_2")
                    && mixedBatch.contains("optilock_5"), setBatch);
            case SQLITE -> assertTrue(setBatch.endsWith("WHERE name = ? AND version = ?"), setBatch);
        }
        assertEquals(List.of(2L, 5L), List.of(database.queryLong("SELECT version FROM tally WHERE name = 'old'"),
                database.queryLong("SELECT version FROM tally WHERE name = 'new'")));

        database.execute("UPDATE tally SET version = NULL WHERE name = 'old'");
        List<Tally> current = tallies.findAll();
        tallies.deleteAll(current, BatchPolicy.ABORT_ALL);
        assertEquals(0L, database.queryLong("SELECT COUNT(*) FROM tally"), "a NULL version deletes in a batch too");
    }

    /** The first UPDATE among {@code statements}, or H2's MERGE. */
    private static String update(List<String> statements) {
        return statements.stream().filter(sql -> sql.startsWith("UPDATE") || sql.startsWith("MERGE")).findFirst()
                .orElseThrow();
    }

    @Test
    void anIntCounterAtItsLimitIsRefusedAndTheRowIsUnchanged() {
        TallyDao tallies = new TallyDao(database.dataSource());
        database.execute("INSERT INTO tally (name, total, version) VALUES ('full', 1, " + Integer.MAX_VALUE + ")");
        Tally tally = tallies.findById("full").orElseThrow();
        tally.total = 2;

        IllegalStateException refused = assertThrows(IllegalStateException.class, () -> tallies.update(tally));

        assertTrue(refused.getMessage().contains("Widen the version field to long"), refused.getMessage());
        assertEquals(Integer.MAX_VALUE, tally.version);
        assertEquals(1L, database.queryLong("SELECT total FROM tally WHERE name = 'full'"));
        assertEquals((long) Integer.MAX_VALUE, database.queryLong("SELECT version FROM tally WHERE name = 'full'"));
        assertThrows(IllegalStateException.class, () -> tallies.updateAll(List.of(tally), BatchPolicy.SILENT));
    }

    @Test
    void isChangedComparesOffsetDateTimeVersionsByInstant() {
        SampleDao samples = new SampleDao(database.dataSource());
        Sample sample = samples.insert(new Sample());
        // The same instant, seen from another offset, as a driver may hand it back.
        sample.version = sample.version.withOffsetSameInstant(ZoneOffset.ofHours(5));

        assertFalse(samples.isChanged(sample));
        sample.version = sample.version.plusNanos(1_000);
        assertTrue(samples.isChanged(sample));
        assertTrue(OffsetDateTime.class.isInstance(sample.version));
    }
}
