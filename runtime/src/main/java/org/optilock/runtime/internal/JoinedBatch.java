package org.optilock.runtime.internal;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Savepoint;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * A batch's checked rows sent as MySQL and MariaDB statements that join the table to a chunk of the
 * rows ({@link JoinedStatement}), or as H2's {@code MERGE} of them (each database's {@link Spelling}):
 * one statement for hundreds of rows instead of the JDBC batch's statement a row.
 *
 * <p>An UPDATE or DELETE on these databases returns no rows, only how many it matched, so a statement
 * that matched them all wrote them all, and one that came short cannot say which rows conflict. A
 * chunk that came short is therefore undone and sent again as a JDBC batch, whose row counts name
 * each conflict exactly. The first chunk is undone by rolling the batch back to its start, where
 * nothing else of it was written; each later one to a savepoint taken before it. Conflicts cost their
 * chunk twice; batches without them, the usual case, go at the joined statement's speed, and a batch
 * of one chunk pays no round trip more than the statement. Where nothing could be undone (each
 * statement commits itself) the batch is a JDBC batch.
 *
 * <p>A chunk ends at 500 rows or about a megabyte of values, below the packet any server accepts. A
 * chunk of one row is a JDBC batch: the joined statement would save nothing.
 */
final class JoinedBatch {

    /** Where a statement's chunk of rows ends. */
    static final ChunkLimit LIMIT = new ChunkLimit(500, 1 << 20);

    /**
     * Binds the batch's row {@code i} to the {@code which}-th joined statement of a chunk, its
     * parameters after the first {@code offset}; returns the version it writes.
     */
    private interface RowBinder<V> {
        V bind(PreparedStatement statement, int which, int i, int offset) throws SQLException;
    }

    /** Takes a chunk the joined statement wrote whole, with the versions its rows were bound to write. */
    private interface ChunkWritten<V> {
        void written(int[] chunk, List<V> versions) throws SQLException;
    }

    /** How a database writes a joined statement of a number of rows. */
    interface Spelling {
        String sql(JoinedStatement statement, int rows);
    }

    /** MySQL's and MariaDB's: the table joined to a derived table of the rows ({@link JoinedStatement#sql}). */
    static final Spelling JOINED = JoinedStatement::sql;

    /** Writes the rows of {@code indexes} as a JDBC batch. */
    private interface JdbcRows {
        void write(int[] indexes) throws SQLException;
    }

    private JoinedBatch() {}

    /**
     * Sends the checked updates of {@code indexes}, {@code update} for each, as {@code spelling} writes
     * them, each writing a version computed before the write: the batch's first write, which {@code
     * start} can therefore undo.
     */
    static <T, V> void update(Connection connection, EntityRows<T, ?, V> rows, List<T> entities, int[] indexes,
            DaoStatements.Statement update, Spelling spelling, BatchOutcome<T, V> outcome, BatchStart start)
            throws SQLException {
        boolean increments = rows.incrementsCheckedVersions();
        send(connection, rows, entities, indexes, outcome, start, update, List.of(JoinedStatement.ofUpdate(update.sql())),
                spelling,
                (statement, which, i, offset) -> rows.bindCheckedUpdate(statement, update, entities.get(i),
                        outcome.expected(i), offset, increments),
                asBound(outcome), chunk -> JdbcBatch.update(connection, rows, entities, chunk, update, outcome));
    }

    /**
     * Sends the checked updates of {@code indexes} whose versions the database assigns, {@code update}
     * (the one-row UPDATE without its read-back) made {@code joined}, the statements of a chunk, then
     * reads the versions of each chunk back by key ({@link ReadBackBatch#readWritten}): the batch's
     * first write, which {@code start} can undo. A chunk whose first statement came short is undone and
     * sent as the JDBC batch of {@link ReadBackBatch#update}, which names each conflict.
     */
    static <T, V> void updateReadingBack(Connection connection, EntityRows<T, ?, V> rows, List<T> entities,
            int[] indexes, DaoStatements.Statement update, List<JoinedStatement> joined, BatchOutcome<T, V> outcome,
            BatchStart start) throws SQLException {
        boolean increments = rows.incrementsCheckedVersions();
        List<DaoStatements.Statement> bound = joined.stream().map(statement -> statement.binding(update)).toList();
        send(connection, rows, entities, indexes, outcome, start, update, joined, JOINED,
                (statement, which, i, offset) -> rows.bindCheckedUpdate(statement, bound.get(which), entities.get(i),
                        outcome.expected(i), offset, increments),
                (chunk, versions) -> ReadBackBatch.readWritten(connection, rows, entities, chunk, outcome),
                chunk -> ReadBackBatch.update(connection, rows, entities, chunk, update, outcome));
    }

    /**
     * Sends the checked deletes of {@code indexes}, {@code delete} for each, as {@code spelling} writes
     * them: the batch's first write, which {@code start} can therefore undo.
     */
    static <T, V> void delete(Connection connection, EntityRows<T, ?, V> rows, List<T> entities, int[] indexes,
            DaoStatements.Statement delete, Spelling spelling, BatchOutcome<T, V> outcome, BatchStart start)
            throws SQLException {
        send(connection, rows, entities, indexes, outcome, start, delete, List.of(JoinedStatement.ofDelete(delete.sql())),
                spelling, (statement, which, i, offset) -> {
                    rows.bindDelete(statement, delete, entities.get(i), outcome.expected(i), offset);
                    return null;
                },
                asBound(outcome), chunk -> JdbcBatch.delete(connection, rows, entities, chunk, true, outcome));
    }

    /** Each row of a chunk written with the version it was bound to write. */
    private static <T, V> ChunkWritten<V> asBound(BatchOutcome<T, V> outcome) {
        return (chunk, versions) -> {
            for (int k = 0; k < chunk.length; k++) {
                outcome.written(chunk[k], versions.get(k));
            }
        };
    }

    /**
     * Runs the {@code which}-th of {@code statements} for the rows of {@code chunk}, adding the version
     * each binds to {@code versions} where that is not null; returns how many rows it matched.
     */
    private static <V> int execute(Connection connection, List<JoinedStatement> statements, int which,
            Spelling spelling, int[] chunk, RowBinder<V> binder, List<V> versions)
            throws SQLException {
        JoinedStatement joined = statements.get(which);
        try (PreparedStatement statement = connection.prepareStatement(spelling.sql(joined, chunk.length))) {
            for (int k = 0; k < chunk.length; k++) {
                V version = binder.bind(statement, which, chunk[k], k * joined.width());
                if (versions != null) {
                    versions.add(version);
                }
            }
            return statement.executeUpdate();
        }
    }

    private static <T, V> void send(Connection connection, EntityRows<T, ?, V> rows, List<T> entities,
            int[] indexes, BatchOutcome<T, V> outcome, BatchStart start, DaoStatements.Statement oneRow,
            List<JoinedStatement> joined, Spelling spelling, RowBinder<V> binder, ChunkWritten<V> written, JdbcRows jdbc)
            throws SQLException {
        if (!start.canRollBack()) {
            jdbc.write(indexes);
            return;
        }
        int first = 0;
        while (first < indexes.length) {
            int count = LIMIT.rowsFrom(first, indexes.length, k -> rows.bytes(oneRow, entities.get(indexes[k])));
            int[] chunk = Arrays.copyOfRange(indexes, first, first + count);
            if (count == 1) {
                jdbc.write(chunk);
                first += count;
                continue;
            }
            // Not released: that would cost a round trip a chunk, and the batch's end drops it anyway.
            Savepoint savepoint = first == 0 ? null : connection.setSavepoint();
            first += count;
            List<V> versions = new ArrayList<>(count);
            int matched = execute(connection, joined, 0, spelling, chunk, binder, versions);
            outcome.ran(1);
            if (matched == count) {
                for (int next = 1; next < joined.size(); next++) {
                    int assigned = execute(connection, joined, next, spelling, chunk, binder, null);
                    outcome.ran(1);
                    if (assigned != count) {
                        throw new SQLException("The UPDATE that assigns the columns of " + count + " rows found " + assigned
                                + " of them by key, though the UPDATE before it, in the same transaction, had just"
                                + " matched them all. Nothing of the batch was committed.");
                    }
                }
                written.written(chunk, versions);
                continue;
            }
            // A row conflicts, and the count cannot say which: undo the chunk and let a JDBC batch name them.
            if (savepoint == null) {
                start.rollBack();
            } else {
                connection.rollback(savepoint);
            }
            jdbc.write(chunk);
        }
    }
}
