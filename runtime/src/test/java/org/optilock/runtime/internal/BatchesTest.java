package org.optilock.runtime.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.optilock.runtime.BatchConflictException;
import org.optilock.runtime.BatchPolicy;
import org.optilock.runtime.BatchResult;
import org.optilock.runtime.Concurrency;
import org.optilock.runtime.DataAccessException;
import org.optilock.runtime.RecordModifiedException;

/** The batch algorithm on a real H2: policies, conflicts, all-or-nothing inserts, refused input. */
class BatchesTest {

    private final DataSource dataSource = H2Database.withNotes();
    private final NoteDao notes = new NoteDao(dataSource);

    private List<Note> threeNotes() {
        return notes.insertAll(List.of(new Note("a"), new Note("b"), new Note("c")));
    }

    /** A copy of {@code note} read now, then moved on by another writer: {@code note} is stale. */
    private void moveOn(Note note) {
        Note theirs = notes.findById(note.id).orElseThrow();
        theirs.title = "theirs";
        notes.update(theirs);
    }

    @Test
    void insertAllGivesEveryRowItsKeyAndFirstVersion() {
        List<Note> inserted = threeNotes();
        assertEquals(3, inserted.size());
        for (Note note : inserted) {
            assertEquals(1, note.version);
            assertEquals(note.title, notes.findById(note.id).orElseThrow().title);
        }
    }

    @Test
    void insertAllIsAllOrNothing() {
        Note existing = threeNotes().get(0);
        Note duplicate = new Note("duplicate key");
        duplicate.id = existing.id;
        Note fresh = new Note("fresh");

        assertThrows(DataAccessException.class, () -> notes.insertAll(List.of(fresh, duplicate)));

        assertEquals(3, H2Database.count(dataSource, "SELECT COUNT(*) FROM note"), "the fresh row was rolled back too");
        assertNull(fresh.id, "an entity gets its key only once the batch is committed");
        assertEquals(0, fresh.version);
    }

    @Test
    void silentWritesEveryRowButTheStaleOneAndReportsIt() {
        List<Note> list = threeNotes();
        Note stale = list.get(1);
        moveOn(stale);
        list.forEach(note -> note.title = note.title + " edited");

        BatchResult<Note> result = notes.updateAll(list, BatchPolicy.SILENT);

        assertEquals(2, result.applied().size());
        assertEquals(1, result.conflicts().size());
        RecordModifiedException conflict = result.conflicts().get(0);
        assertEquals(stale.id, conflict.id());
        assertEquals(2L, conflict.currentVersion());
        assertEquals(1, stale.version, "the stale entity keeps the version it had");
        assertEquals(2, list.get(0).version);
        assertEquals("theirs", notes.findById(stale.id).orElseThrow().title, "the winner's row is kept");
    }

    @Test
    void abortAllLeavesTheDatabaseAsItWas() {
        List<Note> list = threeNotes();
        moveOn(list.get(2));
        list.forEach(note -> note.title = "mine");

        BatchConflictException refused = assertThrows(BatchConflictException.class,
                () -> notes.updateAll(list, BatchPolicy.ABORT_ALL));

        assertEquals(1, refused.conflicts().size());
        assertEquals("a", notes.findById(list.get(0).id).orElseThrow().title, "the clean rows were rolled back");
        assertEquals(1, list.get(0).version, "and their entities keep their versions");
    }

    @Test
    void deleteAllRemovesTheCurrentRowsAndReportsTheStaleOne() {
        List<Note> list = threeNotes();
        moveOn(list.get(0));

        BatchResult<Note> result = notes.deleteAll(list, BatchPolicy.SILENT);

        assertEquals(List.of(list.get(1), list.get(2)), result.applied());
        assertEquals(list.get(0).id, result.conflicts().get(0).id());
        assertEquals(1, H2Database.count(dataSource, "SELECT COUNT(*) FROM note"));
    }

    @Test
    void uncheckedRowsAreWrittenOneByOneWithoutTheCondition() throws Exception {
        List<Note> list = threeNotes();
        moveOn(list.get(0));
        list.forEach(note -> note.title = "forced");

        BatchResult<Note> result = Concurrency.disabled(() -> notes.updateAll(list, BatchPolicy.ABORT_ALL));

        assertTrue(result.isClean());
        assertEquals(3, H2Database.count(dataSource, "SELECT COUNT(*) FROM note WHERE title = 'forced'"));
        assertEquals(3, notes.findById(list.get(0).id).orElseThrow().version, "a disabled write still moves the version");
    }

    @Test
    void aBatchReadsEachEntitysVersionOnce() {
        List<Note> list = threeNotes();
        moveOn(list.get(2));
        list.forEach(note -> note.title = note.title + " edited");

        notes.versionReads = 0;
        BatchResult<Note> updated = notes.updateAll(list, BatchPolicy.SILENT);
        // The statement chosen, the condition bound and the next version all come from the one read;
        // the conflict's report reads the stale entity's version once more, and the current row's.
        assertEquals(3 + 2, notes.versionReads);
        assertEquals(2, updated.applied().size());

        List<Note> current = List.of(list.get(0), list.get(1), notes.findById(list.get(2).id).orElseThrow());
        notes.versionReads = 0;
        BatchResult<Note> deleted = notes.deleteAll(current, BatchPolicy.ABORT_ALL);
        assertEquals(3, notes.versionReads);
        assertEquals(3, deleted.applied().size());
    }

    @Test
    void aRowNamedTwiceIsRefusedBeforeAnythingIsWritten() {
        List<Note> list = threeNotes();
        Note again = notes.findById(list.get(0).id).orElseThrow();
        list.get(0).title = "first";

        IllegalArgumentException refused = assertThrows(IllegalArgumentException.class,
                () -> notes.updateAll(List.of(list.get(0), list.get(1), again), BatchPolicy.SILENT));

        assertTrue(refused.getMessage().contains("Entities 0 and 2"), refused.getMessage());
        assertEquals("a", notes.findById(list.get(0).id).orElseThrow().title);
    }

    @Test
    void aMissingEntityOrPolicyIsRefused() {
        List<Note> list = threeNotes();
        assertThrows(NullPointerException.class, () -> notes.updateAll(list, null));
        assertThrows(NullPointerException.class, () -> notes.deleteAll(java.util.Arrays.asList(list.get(0), null),
                BatchPolicy.SILENT));
        assertEquals(3, H2Database.count(dataSource, "SELECT COUNT(*) FROM note"));
    }
}
