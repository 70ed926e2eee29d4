package org.optilock.runtime.internal;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import javax.sql.DataSource;
import org.optilock.runtime.Dialect;
import org.optilock.runtime.OptilockSettings;

/**
 * A DAO written by hand as the processor writes one (the processor is built after the runtime, so
 * the engine's own tests cannot use it), for H2: the statements the engine runs for {@link Note}.
 */
final class NoteDao extends AbstractVersionedDao<Note, Long, Long> {

    /** The table the statements below use. */
    static final String SCHEMA = "CREATE TABLE note (id BIGINT AUTO_INCREMENT PRIMARY KEY, title VARCHAR(100) NOT NULL,"
            + " version BIGINT)";

    private static final DaoStatements STATEMENTS = DaoStatements.of(Note.class, VersionType.COUNTER_LONG, KeyType.LONG, "id", "title", "version")
            .insert("INSERT INTO note (title, version) VALUES (?, ?)", "2 title, NEW_VERSION")
            .insertWithKey("INSERT INTO note (id, title, version) VALUES (?, ?, ?)", "id", "1 id, 2 title, NEW_VERSION")
            .update("UPDATE note SET title = ?, version = ? WHERE id = ? AND (version = ? OR (version IS NULL AND ? = 1))",
                    "2 title, NEW_VERSION, 1 id, EXPECTED_VERSION, EXPECTED_UNSET")
            .updateUnchecked(Dialect.H2, "SELECT version FROM FINAL TABLE (UPDATE note SET version = COALESCE(version, 0)"
                    + " + ?, title = ? WHERE id = ?)", "INCREMENT, 2 title, 1 id")
            .delete("DELETE FROM note WHERE id = ? AND (version = ? OR (version IS NULL AND ? = 1))",
                    "1 id, EXPECTED_VERSION, EXPECTED_UNSET")
            .deleteUnchecked("DELETE FROM note WHERE id = ?", "1 id")
            .selects("SELECT id, title, version FROM note WHERE id = ?",
                    "SELECT id, title, version FROM note ORDER BY id",
                    "SELECT version FROM note WHERE id = ?",
                    "SELECT id, title, version FROM note WHERE id = ? AND version = ?");

    /** How many times the engine asked for a note's version, for tests of how often a batch reads it. */
    int versionReads;

    NoteDao(DataSource dataSource) {
        super(STATEMENTS, dataSource);
    }

    NoteDao(DataSource dataSource, OptilockSettings settings) {
        super(STATEMENTS, dataSource, settings);
    }

    @Override
    protected void bindColumn(PreparedStatement statement, int index, Note entity, int column) throws SQLException {
        switch (column) {
            case 1 -> ColumnValues.setLong(statement, index, entity.id);
            case 2 -> statement.setString(index, entity.title);
            default -> throw new IllegalArgumentException("Note has no column " + column);
        }
    }

    @Override
    protected Object value(Note entity, int column) {
        return switch (column) {
            case 1 -> entity.id;
            case 2 -> entity.title;
            case 3 -> {
                versionReads++;
                yield entity.version;
            }
            default -> throw new IllegalArgumentException("Note has no column " + column);
        };
    }

    @Override
    protected Note read(ResultSet resultSet, int[] columns) throws SQLException {
        Note note = new Note();
        note.id = ColumnValues.getLong(resultSet, columns[0]);
        note.title = resultSet.getString(columns[1]);
        note.version = resultSet.getLong(columns[2]);
        return note;
    }

    @Override
    protected Note merged(FieldMerge fields, Note base, Note mine, Note theirs) {
        Note merged = new Note();
        merged.id = theirs.id;
        merged.title = fields.field("title", base.title, mine.title, theirs.title);
        merged.version = theirs.version;
        return merged;
    }

    @Override
    protected Note inserted(Note entity, Object generatedKey, Long version) {
        if (generatedKey != null) {
            entity.id = (Long) generatedKey;
        }
        entity.version = version;
        return entity;
    }
}
