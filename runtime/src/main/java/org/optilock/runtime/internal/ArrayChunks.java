package org.optilock.runtime.internal;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.Arrays;

/**
 * A batch's rows sent as PostgreSQL statements over arrays: each parameter of the statement is the
 * array of one column's values, one element a row, and each statement carries a chunk of the rows.
 *
 * <p>A chunk ends at a thousand rows or about a megabyte of values ({@link #LIMIT}), whichever comes
 * first. Past about a thousand rows a statement saves no more round trips worth having. And the
 * server holds the unnested rows in memory only up to {@code work_mem} (4 MB by default), writing
 * them to a temporary file beyond it: measured on rows with a 2 KB text, one statement of 10,000
 * rows was 1.2 to 1.4 times slower than the JDBC batch, statements of about 500 rows 1.46 times
 * faster.
 */
final class ArrayChunks {

    /** Where a statement's chunk of rows ends. */
    static final ChunkLimit LIMIT = new ChunkLimit(1_000, 1 << 20);

    /** Puts the values of row {@code row} (0 for the first of the batch) into {@code values}, in parameter order. */
    interface RowValues {
        void put(int row, Object[] values);
    }

    /** Runs one chunk's statement, its arrays bound; {@code first} is the batch's position of its first row. */
    interface Chunk {
        void run(PreparedStatement statement, int first) throws SQLException;
    }

    private ArrayChunks() {}

    /**
     * Sends {@code rowCount} rows through {@code sql}, whose parameters are arrays of the element types
     * {@code typesQuery} selects, as many statements as the chunks need. Returns how many it ran. When
     * one fails the types are read anew by the next batch: a table altered since they were read must
     * not fail every batch after it.
     */
    static int send(Connection connection, String sql, String typesQuery, int rowCount, RowValues rowValues,
            Chunk chunk) throws SQLException {
        String[] types = PostgresArrays.types(connection, typesQuery);
        Object[] values = new Object[types.length];
        int statements = 0;
        int first = 0;
        // One statement for every chunk, as a hand-written loop keeps it: each chunk only binds and runs it.
        try (PreparedStatement statement = connection.prepareStatement(PostgresArrays.castTexts(sql, types))) {
            while (first < rowCount) {
                Object[][] columns = new Object[types.length][Math.min(LIMIT.rows(), rowCount - first)];
                int rows = 0;
                long bytes = 0;
                while (rows < columns[0].length && LIMIT.takesMore(rows, bytes)) {
                    rowValues.put(first + rows, values);
                    for (int column = 0; column < types.length; column++) {
                        columns[column][rows] = values[column];
                        bytes += ChunkLimit.bytes(values[column]);
                    }
                    rows++;
                }
                for (int column = 0; column < types.length; column++) {
                    Object[] elements = rows == columns[column].length ? columns[column] : Arrays.copyOf(columns[column], rows);
                    statement.setArray(column + 1, PostgresArrays.of(connection, types[column], elements));
                }
                chunk.run(statement, first);
                statements++;
                first += rows;
            }
        } catch (SQLException e) {
            PostgresArrays.forget(connection, typesQuery);
            throw e;
        }
        return statements;
    }
}
