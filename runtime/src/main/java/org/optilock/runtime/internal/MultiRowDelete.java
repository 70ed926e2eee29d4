package org.optilock.runtime.internal;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The checked deletes of a large batch on SQLite as statements of many rows, each row's condition one
 * term of a disjunction, {@code DELETE FROM t WHERE (id = ? AND version = ?) OR (id = ? AND version =
 * ?) ...}, made from the DELETE of one row as the processor writes it. SQLite's driver runs a JDBC
 * batch row by row, crossing into native code to reset the statement, run it and count its changes
 * for every row; a statement of 25 rows does that once, and SQLite finds each term's row by the key's
 * index.
 *
 * <p>A DELETE answers only how many rows it matched. A statement that matched all of its rows deleted
 * them all; one that came short cannot say which row conflicts, so the batch is rolled back to its
 * start and sent again as the JDBC batch, whose row counts name each conflict. Not a savepoint before
 * each statement, as the joined statements of the servers take ({@link JoinedBatch}): measured on
 * SQLite, a savepoint every 25 rows cost more than the statements of many rows saved. A batch with a
 * conflict therefore costs its rows twice, and one without, the usual case, goes at the statements'
 * speed.
 *
 * <p>Rows a statement carries, and from how many rows a batch takes this way, were measured (see
 * docs/performance.md): SQLite plans a disjunction in time that grows faster than its terms, so a
 * larger statement costs more to prepare than its rows save, and below the smallest batch the one
 * statement prepared costs more than the rows save.
 */
final class MultiRowDelete {

    /** Rows a statement carries. */
    static final int ROWS_PER_STATEMENT = 25;

    private static final String WHERE = " WHERE ";

    /** The statement for {@link #ROWS_PER_STATEMENT} rows. */
    private final String sql;
    /** The parameters of one row. */
    private final int width;

    private MultiRowDelete(String sql, int width) {
        this.sql = sql;
        this.width = width;
    }

    /** The forms made, by the one-row DELETE they were made from: a DAO has one or two. */
    private static final Map<DaoStatements.Statement, MultiRowDelete> MADE = new ConcurrentHashMap<>();

    /** The form of many rows of {@code delete}, the DELETE of one row as the processor writes it. */
    static MultiRowDelete of(DaoStatements.Statement delete) {
        return MADE.computeIfAbsent(delete, MultiRowDelete::make);
    }

    private static MultiRowDelete make(DaoStatements.Statement delete) {
        String sql = delete.sql();
        int where = SqlTokens.outsideQuotes(sql, WHERE, 0);
        if (!sql.startsWith("DELETE FROM ") || where < 0 || SqlTokens.outsideQuotes(sql, WHERE, where + 1) >= 0) {
            throw new IllegalArgumentException("not a DELETE of one row with one WHERE: " + sql);
        }
        String condition = "(" + sql.substring(where + WHERE.length()) + ")";
        StringBuilder statement = new StringBuilder(where + WHERE.length() + ROWS_PER_STATEMENT * (condition.length() + 4))
                .append(sql, 0, where + WHERE.length()).append(condition);
        for (int r = 1; r < ROWS_PER_STATEMENT; r++) {
            statement.append(" OR ").append(condition);
        }
        return new MultiRowDelete(statement.toString(), delete.parameters().length);
    }

    /** The statement that deletes {@link #ROWS_PER_STATEMENT} rows, their parameters bound one row after another. */
    String sql() {
        return sql;
    }

    /**
     * Deletes the rows of {@code indexes}, {@code delete} the one-row DELETE for each, and marks each one
     * written on {@code outcome}: {@link #ROWS_PER_STATEMENT} rows a statement from {@code smallestBatch}
     * rows on where {@code start} can undo them, the rows left over, and every batch below, as a JDBC
     * batch. The batch's first write, which {@code start} can therefore undo.
     */
    static <T, V> void delete(Connection connection, EntityRows<T, ?, V> rows, List<T> entities, int[] indexes,
            DaoStatements.Statement delete, BatchOutcome<T, V> outcome, BatchStart start, int smallestBatch)
            throws SQLException {
        if (indexes.length < Math.max(ROWS_PER_STATEMENT, smallestBatch) || !start.canRollBack()) {
            JdbcBatch.delete(connection, rows, entities, indexes, true, outcome);
            return;
        }
        MultiRowDelete multiRow = of(delete);
        int whole = indexes.length / ROWS_PER_STATEMENT;
        int carried = whole * ROWS_PER_STATEMENT;
        try (PreparedStatement statement = connection.prepareStatement(multiRow.sql)) {
            for (int chunk = 0; chunk < whole; chunk++) {
                int first = chunk * ROWS_PER_STATEMENT;
                for (int k = 0; k < ROWS_PER_STATEMENT; k++) {
                    int i = indexes[first + k];
                    rows.bindDelete(statement, delete, entities.get(i), outcome.expected(i), k * multiRow.width);
                }
                int matched = statement.executeUpdate();
                outcome.ran(1);
                if (matched != ROWS_PER_STATEMENT) {
                    // A row conflicts, and the count cannot say which: undo the batch and let a JDBC batch name them.
                    start.rollBack();
                    JdbcBatch.delete(connection, rows, entities, indexes, true, outcome);
                    return;
                }
            }
        }
        for (int k = 0; k < carried; k++) {
            outcome.written(indexes[k], null);
        }
        if (carried < indexes.length) {
            JdbcBatch.delete(connection, rows, entities, Arrays.copyOfRange(indexes, carried, indexes.length), true,
                    outcome);
        }
    }
}
