package org.optilock.examples.spring;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Saving a note and its history entry in one transaction: both, or neither. */
@Service
public class NoteService {

    private final NoteDao notes;
    private final JdbcTemplate jdbc;

    public NoteService(NoteDao notes, JdbcTemplate jdbc) {
        this.notes = notes;
        this.jdbc = jdbc;
    }

    /**
     * Saves {@code note} if nobody changed it since it was read, and records the change in the history;
     * a conflict rolls both back.
     */
    @Transactional
    public Note save(Note note, String editor) {
        jdbc.update("INSERT INTO note_history (note_id, editor, title) VALUES (?, ?, ?)", note.id, editor, note.title);
        return notes.update(note);
    }

    /** How many saves of the note were recorded. */
    public int historyOf(long id) {
        return jdbc.queryForObject("SELECT COUNT(*) FROM note_history WHERE note_id = ?", Integer.class, id);
    }
}
