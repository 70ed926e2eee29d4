package org.optilock.runtime.internal;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The rows of a batch that come with their keys inserted by statements of many rows, {@code INSERT
 * INTO t (a, b) VALUES (?, ?), (?, ?), ...}, made from the INSERT of one row as the processor writes
 * it, on the databases that run in the caller's process. Their drivers run a JDBC batch row by row:
 * H2 copies each row's parameters and runs the statement again, SQLite's driver crosses into native
 * code and back for each row. A statement of a hundred rows does that once. From how many rows it
 * wins is each database's own ({@code smallestBatch}): preparing the larger statement costs what it
 * saves below that.
 *
 * <p>Each form is made once, and keeps its texts ({@link TextsByRowCount}).
 *
 * <p>Keys the database generates are not read this way: SQLite's {@code RETURNING} gives the rows of
 * one statement in no defined order, and H2 documents no order for the keys a statement of many rows
 * generates, so a key could not be told to its row.
 */
final class MultiRowInsert {

    /** Rows a statement carries: more saved no more in the measurement, and the statement grows. */
    static final int ROWS_PER_STATEMENT = 100;

    /** The most parameters SQLite binds in one statement (its {@code SQLITE_MAX_VARIABLE_NUMBER} since 3.32); H2 takes more. */
    static final int MOST_PARAMETERS = 32_766;

    private static final String VALUES = " VALUES (";

    /** The INSERT of one row, ending with its one {@code VALUES (...)} row. */
    private final String sql;
    /** That row, {@code (?, ?, ...)}. */
    private final String row;
    /** The parameters of one row. */
    private final int width;
    private final TextsByRowCount texts = new TextsByRowCount();

    private MultiRowInsert(String sql, String row, int width) {
        this.sql = sql;
        this.row = row;
        this.width = width;
    }

    /**
     * The multi-row forms made, each with its texts, by the one-row INSERT they were made from: a DAO
     * has one or two, each a constant of its own.
     */
    private static final Map<DaoStatements.Statement, MultiRowInsert> MADE = new ConcurrentHashMap<>();

    /** The multi-row form of {@code insert}, one row's INSERT as the processor writes it. */
    static MultiRowInsert of(DaoStatements.Statement insert) {
        return MADE.computeIfAbsent(insert, MultiRowInsert::make);
    }

    private static MultiRowInsert make(DaoStatements.Statement insert) {
        String sql = insert.sql();
        int values = sql.lastIndexOf(VALUES);
        if (!sql.startsWith("INSERT INTO ") || values < 0 || !sql.endsWith(")")) {
            throw new IllegalArgumentException("not an INSERT of one row ending with its VALUES: " + sql);
        }
        return new MultiRowInsert(sql, sql.substring(values + " VALUES ".length()), insert.parameters().length);
    }

    /** How many rows one statement carries: a hundred, fewer for a row of very many columns. */
    int rowsPerStatement() {
        return Math.max(1, Math.min(ROWS_PER_STATEMENT, MOST_PARAMETERS / Math.max(1, width)));
    }

    /** The statement that inserts {@code rows} rows, their parameters bound one row after another. */
    String sql(int rows) {
        return texts.of(rows, this::build);
    }

    private String build(int rows) {
        StringBuilder statement = new StringBuilder(sql.length() + (rows - 1) * (row.length() + 2)).append(sql);
        for (int r = 1; r < rows; r++) {
            statement.append(", ").append(row);
        }
        return statement.toString();
    }

    /**
     * Inserts the rows of {@code indexes}, which come with their keys, putting each row's version at its
     * index: a hundred rows a statement from {@code smallestBatch} rows on, else as a JDBC batch.
     * Returns the statements it ran.
     */
    static <T, V> int insert(Connection connection, EntityRows<T, ?, V> rows, List<T> entities, int[] indexes,
            List<V> versions, int smallestBatch) throws SQLException {
        if (indexes.length < Math.max(2, smallestBatch)) {
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
