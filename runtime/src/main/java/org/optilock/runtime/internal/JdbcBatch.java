package org.optilock.runtime.internal;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * The rows of a batch sent as one JDBC batch ({@code addBatch}, {@code executeBatch}): the way every
 * database writes them unless its {@link DialectSupport} has a better one.
 *
 * <p>A driver may answer a batched row with {@code SUCCESS_NO_INFO} or {@code EXECUTE_FAILED}
 * instead of a row count. Such a row is never taken as written on the driver's word: it counts as
 * written only when the row, read back, holds exactly what was written (or, for a delete, is gone).
 */
final class JdbcBatch {

    private JdbcBatch() {}

    /** Sends the checked updates of {@code indexes}, each writing a version computed before the write. */
    static <T, V> void update(Connection connection, EntityRows<T, ?, V> rows, List<T> entities, int[] indexes,
            BatchOutcome<T, V> outcome) throws SQLException {
        update(connection, rows, entities, indexes, rows.checkedUpdateInJdbcBatch(outcome, indexes), outcome);
    }

    /** Sends {@code update}, a checked UPDATE chosen for these rows, for each row of {@code indexes}. */
    static <T, V> void update(Connection connection, EntityRows<T, ?, V> rows, List<T> entities, int[] indexes,
            DaoStatements.Statement update, BatchOutcome<T, V> outcome) throws SQLException {
        List<V> versions = new ArrayList<>(indexes.length);
        int[] counts;
        boolean increments = rows.incrementsCheckedVersions();
        try (PreparedStatement statement = connection.prepareStatement(update.sql())) {
            for (int i : indexes) {
                versions.add(rows.bindCheckedUpdate(statement, update, entities.get(i), outcome.expected(i), 0, increments));
                statement.addBatch();
            }
            counts = statement.executeBatch();
        }
        outcome.ran(indexes.length);
        for (int k = 0; k < indexes.length; k++) {
            int i = indexes[k];
            T entity = entities.get(i);
            if (counts[k] > 0) {
                outcome.written(i, versions.get(k));
            } else if (counts[k] != 0) {
                // SUCCESS_NO_INFO or EXECUTE_FAILED: written only if the row holds what was written.
                T current = rows.current(connection, entity);
                outcome.current(i, current);
                outcome.ran(1);
                if (current != null && rows.holds(current, entity, versions.get(k))) {
                    outcome.written(i, versions.get(k));
                } else if (current != null && Objects.equals(rows.version(current), rows.version(entity))) {
                    throw new SQLException("The driver gave no row count for row " + (k + 1) + " of the batch (answer "
                            + counts[k] + "), and the row still holds its old version, so it was not written. "
                            + "Nothing of the batch was committed.");
                }
            }
        }
    }

    /** Sends the deletes of {@code indexes}, with the version condition or by key alone. */
    static <T, V> void delete(Connection connection, EntityRows<T, ?, V> rows, List<T> entities, int[] indexes,
            boolean checked, BatchOutcome<T, V> outcome) throws SQLException {
        DaoStatements.Statement delete = rows.deleteStatement(checked, outcome, indexes);
        int[] counts;
        try (PreparedStatement statement = connection.prepareStatement(delete.sql())) {
            for (int i : indexes) {
                rows.bindDelete(statement, delete, entities.get(i), outcome.expected(i), 0);
                statement.addBatch();
            }
            counts = statement.executeBatch();
        }
        outcome.ran(indexes.length);
        for (int k = 0; k < indexes.length; k++) {
            int i = indexes[k];
            if (counts[k] > 0) {
                outcome.written(i, null);
            } else if (counts[k] != 0) {
                // No count from the driver: the row is deleted if it is gone.
                T current = rows.current(connection, entities.get(i));
                outcome.current(i, current);
                outcome.ran(1);
                if (current == null) {
                    outcome.written(i, null);
                }
            }
        }
    }

    /**
     * Inserts the rows of {@code indexes}, putting each one's version at its index; when the database
     * generates their keys ({@code generating}), reads them back in order, each at its index.
     */
    static <T, V> void insert(Connection connection, EntityRows<T, ?, V> rows, List<T> entities, int[] indexes,
            boolean generating, List<V> versions, List<Object> keys) throws SQLException {
        String sql = rows.insertStatement(generating).sql();
        try (PreparedStatement statement = generating
                ? connection.prepareStatement(sql, rows.generatedKeyColumns())
                : connection.prepareStatement(sql)) {
            for (int i : indexes) {
                versions.set(i, rows.bindInsert(statement, entities.get(i), generating));
                statement.addBatch();
            }
            statement.executeBatch();
            if (generating) {
                try (ResultSet generated = statement.getGeneratedKeys()) {
                    for (int k = 0; k < indexes.length; k++) {
                        keys.set(indexes[k], nextKey(rows, generated, k + 1, indexes.length));
                    }
                }
            }
        }
    }

    /** The next generated key, as the DAO reads it; refused when the driver returned fewer than the rows inserted. */
    static Object nextKey(EntityRows<?, ?, ?> rows, ResultSet generated, int row, int rowCount) throws SQLException {
        if (!generated.next()) {
            throw new SQLException("The driver returned " + (row - 1) + " generated keys for " + rowCount
                    + " inserted rows, so the new rows cannot be told apart. Nothing was committed.");
        }
        return rows.readKey(generated);
    }
}
