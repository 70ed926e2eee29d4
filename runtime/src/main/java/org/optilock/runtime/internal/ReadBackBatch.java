package org.optilock.runtime.internal;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The checked updates of a batch whose versions the database decides, a trigger's or a conditional
 * one, on a database whose JDBC batch answers with counts, not rows: how each row learns the version
 * the database gave it.
 *
 * <p>{@link #update}: the UPDATEs without their read-back as one JDBC batch, then the versions of
 * the written rows read back by key, 500 rows to a query, in the same transaction, whose locks keep
 * them as the batch left them. {@link #rowByRow}: each UPDATE reading back its own version, one
 * prepared statement for the whole batch, where a statement costs no round trip (H2 in the caller's
 * process).
 */
final class ReadBackBatch {

    /** Rows a query reads back: far below any database's limit of parameters. */
    private static final int ROWS_PER_QUERY = 500;

    private ReadBackBatch() {}

    /**
     * One JDBC batch of {@code update}, a checked UPDATE without its read-back, then each written row
     * read back for its version. A row the driver gives no count for ({@code SUCCESS_NO_INFO}, {@code
     * EXECUTE_FAILED}) counts as written only if, read back, it holds the values that were written; one
     * that holds neither them nor a newer version is an error, as in {@link JdbcBatch}.
     */
    static <T, V> void update(Connection connection, EntityRows<T, ?, V> rows, List<T> entities, int[] indexes,
            DaoStatements.Statement update, BatchOutcome<T, V> outcome) throws SQLException {
        boolean increments = rows.incrementsCheckedVersions();
        int[] counts;
        try (PreparedStatement statement = connection.prepareStatement(update.sql())) {
            for (int i : indexes) {
                rows.bindCheckedUpdate(statement, update, entities.get(i), outcome.expected(i), 0, increments);
                statement.addBatch();
            }
            counts = statement.executeBatch();
        }
        outcome.ran(indexes.length);
        // The rows the batch may have written: a count of 0 says a row was not.
        int[] touched = new int[indexes.length];
        int count = 0;
        for (int k = 0; k < indexes.length; k++) {
            if (counts[k] != 0) {
                touched[count++] = k;
            }
        }
        for (int from = 0; from < count; from += ROWS_PER_QUERY) {
            int[] chunk = new int[Math.min(count, from + ROWS_PER_QUERY) - from];
            boolean counted = true;
            for (int c = 0; c < chunk.length; c++) {
                chunk[c] = indexes[touched[from + c]];
                counted &= counts[touched[from + c]] > 0;
            }
            if (counted) {
                readWritten(connection, rows, entities, chunk, outcome);
            } else {
                outcome.ran(1);
                proveWritten(connection, rows, entities, chunk, counts, touched, from, outcome);
            }
        }
    }

    /**
     * The rows of {@code written}, every one of them written: each takes the version the database gave
     * it, read back by key, {@value #ROWS_PER_QUERY} rows to a query.
     */
    static <T, V> void readWritten(Connection connection, EntityRows<T, ?, V> rows, List<T> entities, int[] written,
            BatchOutcome<T, V> outcome) throws SQLException {
        for (int from = 0; from < written.length; from += ROWS_PER_QUERY) {
            readChunk(connection, rows, entities, Arrays.copyOfRange(written, from,
                    Math.min(written.length, from + ROWS_PER_QUERY)), outcome);
        }
    }

    /** {@link #readWritten} of at most {@value #ROWS_PER_QUERY} rows, in one query. */
    private static <T, V> void readChunk(Connection connection, EntityRows<T, ?, V> rows, List<T> entities, int[] chunk,
            BatchOutcome<T, V> outcome) throws SQLException {
        outcome.ran(1);
        boolean[] read = new boolean[chunk.length];
        rows.readVersions(connection, entities, chunk, (c, version) -> {
            read[c] = true;
            outcome.written(chunk[c], version);
        });
        for (int c = 0; c < chunk.length; c++) {
            if (!read[c]) {
                // The database matched its key, the map did not (a key it spells otherwise): ask by key.
                T stored = rows.current(connection, entities.get(chunk[c]));
                outcome.ran(1);
                if (stored != null) {
                    outcome.written(chunk[c], rows.version(stored));
                }
            }
        }
    }

    /**
     * The rows of {@code chunk}, some of which the driver gave no count for, read back whole: each is
     * written if it has a count or holds what was written.
     */
    private static <T, V> void proveWritten(Connection connection, EntityRows<T, ?, V> rows, List<T> entities,
            int[] chunk, int[] counts, int[] touched, int from, BatchOutcome<T, V> outcome) throws SQLException {
        Map<Object, T> current = rows.currentRows(connection, entities, chunk);
        for (int c = 0; c < chunk.length; c++) {
            int i = chunk[c];
            int answer = counts[touched[from + c]];
            T entity = entities.get(i);
            T stored = current.get(rows.key(entity));
            // Without a count, only the row can say: it holds what was written. A conditional version
            // may have stayed, so the version alone proves nothing.
            if (stored != null && (answer > 0 || rows.holds(stored, entity, rows.version(stored)))) {
                outcome.written(i, rows.version(stored));
            } else if (stored != null && Objects.equals(rows.version(stored), rows.version(entity))) {
                throw new SQLException("The driver gave no row count for row " + (touched[from + c] + 1)
                        + " of the batch (answer " + answer + "), and the row still holds its old version and"
                        + " not the values written, so it was not written. Nothing of the batch was committed.");
            } else if (stored != null) {
                outcome.current(i, stored);
            }
        }
    }

    /** Each row's {@code update}, which reads back its version, one prepared statement for the whole batch. */
    static <T, V> void rowByRow(Connection connection, EntityRows<T, ?, V> rows, List<T> entities, int[] indexes,
            DaoStatements.Statement update, BatchOutcome<T, V> outcome) throws SQLException {
        boolean increments = rows.incrementsCheckedVersions();
        try (PreparedStatement statement = connection.prepareStatement(update.sql())) {
            for (int i : indexes) {
                V version = rows.updateReadingBack(connection, statement, update, entities.get(i), outcome.expected(i),
                        increments);
                outcome.ran(1);
                if (version != null) {
                    outcome.written(i, version);
                }
            }
        }
    }
}
