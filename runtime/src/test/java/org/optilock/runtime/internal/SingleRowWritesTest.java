package org.optilock.runtime.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.optilock.runtime.RecordModifiedException;

/** A single update or delete on a real H2 reads its entity's version once, as a batch does. */
class SingleRowWritesTest {

    private final DataSource dataSource = H2Database.withNotes();
    private final NoteDao notes = new NoteDao(dataSource);

    @Test
    void anUpdateAndADeleteReadTheEntitysVersionOnce() {
        Note note = notes.insert(new Note("a"));
        note.title = "b";

        notes.versionReads = 0;
        Note updated = notes.update(note);
        // The check flag, the statement chosen, the condition bound and the next version all come
        // from that one read; the entity handed back is given its new version, not read again.
        assertEquals(1, notes.versionReads);
        assertEquals(2, updated.version);

        notes.versionReads = 0;
        notes.delete(updated);
        assertEquals(1, notes.versionReads);
        assertEquals(0, H2Database.count(dataSource, "SELECT COUNT(*) FROM note"));
    }

    @Test
    void aStaleUpdateStillConflicts() {
        Note note = notes.insert(new Note("a"));
        Note theirs = notes.findById(note.id).orElseThrow();
        theirs.title = "theirs";
        notes.update(theirs);

        note.title = "mine";
        assertThrows(RecordModifiedException.class, () -> notes.update(note));
        assertEquals("theirs", notes.findById(note.id).orElseThrow().title);
    }
}
