package org.optilock.runtime.internal;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.List;

/**
 * The rows of a batch that come with their keys inserted by statements of many rows, {@code INSERT
 * INTO t (a, b) VALUES (?, ?), (?, ?), ...}, made from the INSERT of one row as the processor writes
 * it, on the databases that run in the caller's process. Their drivers run a JDBC batch row by row:
 * H2 copies each row's parameters and runs the statement again, SQLite's driver crosses into native
 * code and back for each row. A statement of a hundred rows does that once. Measured against the JDBC
 * batch, alternating rounds: on H2 0.63 to 0.79 of its time from 500 rows up (0.95 with 2,000
 * characters of text), on SQLite 0.77 to 0.87 (0.88 to 0.93 with 250 characters, 0.96 with 2,000);
 * below 500 rows the two were within the noise or the statement of many rows slower (up to 1.09 on H2
 * at 100 rows, 1.29 on SQLite at 10), preparing the larger statement costing what it saves. So a
 * batch of fewer rows stays a JDBC batch.
 *
 * <p>Keys the database generates are not read this way: SQLite's {@code RETURNING} gives the rows of
 * one statement in no defined order, and H2 documents no order for the keys a statement of many rows
 * generates, so a key could not be told to its row.
 *
 * @param sql the INSERT of one row, ending with its one {@code VALUES (...)} row
 * @param width the parameters of one row
 */
record MultiRowInsert(String sql, int width) {

    /** The fewest rows that go this way; fewer go as a JDBC batch. */
    static final int SMALLEST_BATCH = 500;

    /** Rows a statement carries: more saved no more in the measurement, and the statement grows. */
    static final int ROWS_PER_STATEMENT = 100;

    /** The most parameters SQLite binds in one statement (its {@code SQLITE_MAX_VARIABLE_NUMBER} since 3.32); H2 takes more. */
    static final int MOST_PARAMETERS = 32_766;

    private static final String VALUES = " VALUES (";

    /** The multi-row form of {@code insert}, one row's INSERT as the processor writes it. */
    static MultiRowInsert of(DaoStatements.Statement insert) {
        String sql = insert.sql();
        int values = sql.lastIndexOf(VALUES);
        if (!sql.startsWith("INSERT INTO ") || values < 0 || !sql.endsWith(")")) {
            throw new IllegalArgumentException("not an INSERT of one row ending with its VALUES: " + sql);
        }
        return new MultiRowInsert(sql, insert.parameters().length);
    }

    /** Whether a batch of {@code rows} rows goes many rows a statement. */
    static boolean takes(int rows) {
        return rows >= SMALLEST_BATCH;
    }

    /** How many rows one statement carries: a hundred, fewer for a row of very many columns. */
    int rowsPerStatement() {
        return Math.max(1, Math.min(ROWS_PER_STATEMENT, MOST_PARAMETERS / Math.max(1, width)));
    }

    /** The statement that inserts {@code rows} rows, their parameters bound one row after another. */
    String sql(int rows) {
        String row = sql.substring(sql.lastIndexOf(VALUES) + " VALUES ".length());
        StringBuilder statement = new StringBuilder(sql.length() + (rows - 1) * (row.length() + 2)).append(sql);
        for (int r = 1; r < rows; r++) {
            statement.append(", ").append(row);
        }
        return statement.toString();
    }

    /**
     * Inserts the rows of {@code indexes}, which come with their keys, putting each row's version at its
     * index: a hundred rows a statement from {@value #SMALLEST_BATCH} rows on, else as a JDBC batch.
     * Returns the statements it ran.
     */
    static <T, V> int insert(Connection connection, EntityRows<T, ?, V> rows, List<T> entities, int[] indexes,
            List<V> versions) throws SQLException {
        if (!takes(indexes.length)) {
            JdbcBatch.insert(connection, rows, entities, indexes, false, versions, null);
            return indexes.length;
        }
        MultiRowInsert multiRow = of(rows.insertStatement(false));
        int perStatement = multiRow.rowsPerStatement();
        int whole = indexes.length / perStatement;
        int statements = 0;
        if (whole > 0) {
            // One statement prepared for every full chunk; the rest, if any, gets its own below.
            try (PreparedStatement statement = connection.prepareStatement(multiRow.sql(perStatement))) {
                for (int chunk = 0; chunk < whole; chunk++) {
                    multiRow.execute(statement, rows, entities, indexes, chunk * perStatement, perStatement, versions);
                    statements++;
                }
            }
        }
        int rest = indexes.length - whole * perStatement;
        if (rest > 0) {
            try (PreparedStatement statement = connection.prepareStatement(multiRow.sql(rest))) {
                multiRow.execute(statement, rows, entities, indexes, whole * perStatement, rest, versions);
                statements++;
            }
        }
        return statements;
    }

    /** Binds and runs {@code statement} for the {@code count} rows of {@code indexes} from {@code from} on. */
    private <T, V> void execute(PreparedStatement statement, EntityRows<T, ?, V> rows, List<T> entities, int[] indexes,
            int from, int count, List<V> versions) throws SQLException {
        for (int k = 0; k < count; k++) {
            int i = indexes[from + k];
            versions.set(i, rows.bindInsert(statement, entities.get(i), false, k * width));
        }
        int inserted = statement.executeUpdate();
        if (inserted != count) {
            throw new SQLException("An INSERT of " + count + " rows inserted " + inserted + " of them. Nothing of the"
                    + " batch was committed.");
        }
    }
}
