package org.optilock.runtime.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.Connection;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.optilock.runtime.BatchPolicy;
import org.optilock.runtime.BatchResult;
import org.optilock.runtime.Concurrency;
import org.optilock.runtime.OptilockSettings;

/**
 * H2's {@code updateAll} and {@code deleteAll} as one {@code MERGE} of the rows, on a real H2: the
 * values cast to the types H2 gives the one-row statement's parameters, a stale row named through the
 * JDBC batch, and a table whose column has no cast kept on the JDBC batch.
 */
class H2MergeTest {

    private final List<Integer> statements = new ArrayList<>();
    private final OptilockSettings counted = OptilockSettings.builder()
            .writeObserver((entityType, operation) -> result -> statements.add(result.statements())).build();

    private static List<Note> inserted(NoteDao notes, int count) {
        List<Note> fresh = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            fresh.add(new Note("note " + i));
        }
        return notes.insertAll(fresh);
    }

    private int statementsOfTheLastWrite() {
        return statements.get(statements.size() - 1);
    }

    @Test
    void aCleanBatchIsOneMergeAndLandsEveryRow() {
        DataSource dataSource = H2Database.withNotes();
        NoteDao notes = new NoteDao(dataSource, counted);
        List<Note> copies = inserted(notes, 3);
        copies.forEach(note -> note.title = note.title + ", it's {changed}, \\ 😀");

        BatchResult<Note> result = notes.updateAll(copies, BatchPolicy.ABORT_ALL);

        assertTrue(result.isClean());
        assertEquals(1, statementsOfTheLastWrite());
        for (Note note : copies) {
            Note stored = notes.findById(note.id).orElseThrow();
            assertEquals(note.title, stored.title);
            assertEquals(2, stored.version);
        }
    }

    @Test
    void aStaleRowUndoesTheMergeAndTheJdbcBatchNamesIt() {
        DataSource dataSource = H2Database.withNotes();
        NoteDao notes = new NoteDao(dataSource, counted);
        List<Note> copies = inserted(notes, 3);
        Note theirs = notes.findById(copies.get(1).id).orElseThrow();
        theirs.title = "theirs";
        notes.update(theirs);
        copies.forEach(note -> note.title = "ours");

        BatchResult<Note> result = notes.updateAll(copies, BatchPolicy.SILENT);

        assertEquals(List.of(copies.get(1).id), result.conflicts().stream().map(c -> c.id()).toList());
        // The MERGE, which came short; the JDBC batch of the three rows; the stale row read once.
        assertEquals(1 + 3 + 1, statementsOfTheLastWrite());
        assertEquals(List.of("ours", "theirs", "ours"), notes.findAll().stream().map(note -> note.title).toList());
        assertEquals(List.of(2L, 2L, 2L), notes.findAll().stream().map(note -> note.version).toList());
    }

    @Test
    void aDeleteIsOneMergeAndAStaleRowIsNamed() {
        DataSource dataSource = H2Database.withNotes();
        NoteDao notes = new NoteDao(dataSource, counted);
        List<Note> copies = inserted(notes, 4);

        assertTrue(notes.deleteAll(copies.subList(0, 2), BatchPolicy.ABORT_ALL).isClean());
        assertEquals(1, statementsOfTheLastWrite());
        Note theirs = notes.findById(copies.get(3).id).orElseThrow();
        theirs.title = "theirs";
        notes.update(theirs);

        BatchResult<Note> result = notes.deleteAll(copies.subList(2, 4), BatchPolicy.SILENT);

        assertEquals(List.of(copies.get(3).id), result.conflicts().stream().map(c -> c.id()).toList());
        // The MERGE, which came short; the JDBC batch of the two rows; the stale row read once.
        assertEquals(1 + 2 + 1, statementsOfTheLastWrite());
        assertEquals(List.of("theirs"), notes.findAll().stream().map(note -> note.title).toList());
    }

    @Test
    void aLiveColumnLongerThanTheEntitysDdlTakesItsWholeValue() {
        DataSource dataSource = H2Database.withNotes();
        // The DAO's DDL says VARCHAR(100); a cast to that length would cut or refuse the text.
        H2Database.execute(dataSource, "ALTER TABLE note ALTER COLUMN title SET DATA TYPE VARCHAR(5000)");
        NoteDao notes = new NoteDao(dataSource, counted);
        List<Note> copies = inserted(notes, 2);
        copies.forEach(note -> note.title = "long ".repeat(600));

        assertTrue(notes.updateAll(copies, BatchPolicy.ABORT_ALL).isClean());

        assertEquals(1, statementsOfTheLastWrite());
        assertEquals(3_000, notes.findById(copies.get(1).id).orElseThrow().title.length());
    }

    @Test
    void aMergeWaitsForARowAnotherTransactionHoldsAndNamesItWhenThatOneCommitted() throws Exception {
        DataSource dataSource = H2Database.withNotes();
        NoteDao notes = new NoteDao(dataSource);
        List<Note> copies = inserted(notes, 2);
        copies.forEach(note -> note.title = "ours");

        BatchResult<Note> updated = whileTheirsHolds(dataSource, copies.get(0),
                () -> notes.updateAll(copies, BatchPolicy.SILENT));

        assertEquals(List.of(copies.get(0).id), updated.conflicts().stream().map(c -> c.id()).toList());
        assertEquals(List.of("theirs", "ours"), notes.findAll().stream().map(note -> note.title).toList());

        List<Note> current = notes.findAll();
        BatchResult<Note> deleted = whileTheirsHolds(dataSource, current.get(1),
                () -> notes.deleteAll(current, BatchPolicy.SILENT));

        assertEquals(List.of(current.get(1).id), deleted.conflicts().stream().map(c -> c.id()).toList());
        assertEquals(List.of("theirs"), notes.findAll().stream().map(note -> note.title).toList());
    }

    /** The same batches with checks off overwrite and delete the row the other transaction wrote. */
    @Test
    void withChecksOffTheSameBatchesLoseTheOtherTransactionsWrite() throws Exception {
        DataSource dataSource = H2Database.withNotes();
        NoteDao notes = new NoteDao(dataSource);
        List<Note> copies = inserted(notes, 2);
        copies.forEach(note -> note.title = "ours");

        BatchResult<Note> updated = whileTheirsHolds(dataSource, copies.get(0),
                () -> Concurrency.disabled(() -> notes.updateAll(copies, BatchPolicy.SILENT)));

        assertTrue(updated.isClean());
        assertEquals(List.of("ours", "ours"), notes.findAll().stream().map(note -> note.title).toList());

        List<Note> stale = notes.findAll();
        whileTheirsHolds(dataSource, stale.get(1), () -> Concurrency.disabled(() -> notes.deleteAll(stale, BatchPolicy.SILENT)));

        assertEquals(List.of(), notes.findAll());
    }

    /**
     * Runs {@code batch} while another transaction holds {@code held}'s row, having moved its title and
     * version on: once the batch waits for the row, that transaction commits.
     */
    private static BatchResult<Note> whileTheirsHolds(DataSource dataSource, Note held, Callable<BatchResult<Note>> batch)
            throws Exception {
        ExecutorService writer = Executors.newSingleThreadExecutor();
        try (Connection theirs = dataSource.getConnection()) {
            theirs.setAutoCommit(false);
            try (Statement statement = theirs.createStatement()) {
                statement.executeUpdate("UPDATE note SET title = 'theirs', version = version + 1 WHERE id = " + held.id);
            }
            Future<BatchResult<Note>> result = writer.submit(batch);
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
            while (H2Database.count(dataSource, "SELECT COUNT(*) FROM INFORMATION_SCHEMA.SESSIONS WHERE BLOCKER_ID IS NOT NULL") == 0) {
                assertTrue(System.nanoTime() < deadline, "the batch never waited for the held row");
                Thread.sleep(5);
            }
            theirs.commit();
            return result.get(30, TimeUnit.SECONDS);
        } finally {
            writer.shutdownNow();
        }
    }

    @Test
    void aColumnWithoutACastKeepsTheJdbcBatch() {
        DataSource dataSource = H2Database.withNotes();
        H2Database.execute(dataSource, "ALTER TABLE note ALTER COLUMN title SET DATA TYPE CHARACTER LARGE OBJECT");
        NoteDao notes = new NoteDao(dataSource, counted);
        List<Note> copies = inserted(notes, 3);
        copies.forEach(note -> note.title = "long " + "text ".repeat(1_000));

        assertTrue(notes.updateAll(copies, BatchPolicy.ABORT_ALL).isClean());

        assertEquals(3, statementsOfTheLastWrite());
        assertEquals(copies.get(2).title, notes.findById(copies.get(2).id).orElseThrow().title);
        // The DELETE's parameters are the key and the version, which have casts.
        assertTrue(notes.deleteAll(notes.findAll(), BatchPolicy.ABORT_ALL).isClean());
        assertEquals(1, statementsOfTheLastWrite());
    }

    @Test
    void eachTypeIsCastToItsFamilyAndTheRestToNothing() {
        assertEquals("CHARACTER VARYING", H2Merge.cast("CHARACTER VARYING"));
        assertEquals("DECFLOAT", H2Merge.cast("DECIMAL"));
        assertEquals("DECFLOAT", H2Merge.cast("NUMERIC"));
        assertEquals("BIGINT", H2Merge.cast("BIGINT"));
        assertEquals("TIMESTAMP(9) WITH TIME ZONE", H2Merge.cast("TIMESTAMP WITH TIME ZONE"));
        assertEquals("BINARY VARYING", H2Merge.cast("BINARY"));
        // Fixed-length text pads in comparisons; large objects, enums and JSON have no cast here.
        assertNull(H2Merge.cast("CHARACTER"));
        assertNull(H2Merge.cast("CHARACTER LARGE OBJECT"));
        assertNull(H2Merge.cast("ENUM"));
        assertNull(H2Merge.cast("JSON"));
    }
}
