package org.optilock.runtime.internal;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.optilock.runtime.BatchConflictException;
import org.optilock.runtime.BatchPolicy;
import org.optilock.runtime.BatchResult;
import org.optilock.runtime.ConcurrentWriteException;
import org.optilock.runtime.ConnectionSource;
import org.optilock.runtime.Dialect;
import org.optilock.runtime.RecordModifiedException;

/**
 * Runs {@code insertAll}, {@code updateAll} and {@code deleteAll} for the generated DAOs: the
 * checked updates of plain versions as one JDBC batch, the rest one statement each, all in one
 * transaction or savepoint, with the policy applied at the end. On PostgreSQL the checked updates
 * and deletes are one statement over arrays instead, which returns the rows it wrote. Entities get
 * their new versions only after the DAO's lease completed, so a failed commit leaves them as they
 * were.
 *
 * <p>A driver may answer a batched row with {@code SUCCESS_NO_INFO} or {@code EXECUTE_FAILED}
 * instead of a row count. Such a row is never taken as written on the driver's word: it counts as
 * written only when the row, read back, holds exactly what was written (or, for a delete, is gone).
 */
public final class Batches {

    /** Rows per statement of a set-based update: big enough to pay one round trip, small enough to stay light. */
    private static final int ARRAY_CHUNK = 10_000;

    private Batches() {}

    /**
     * Updates {@code entities} as {@code policy} says, completes {@code lease}, and only then gives
     * the written entities their new versions.
     */
    public static <T, V> BatchResult<T> update(DaoContext context, ConnectionSource.Lease lease, BatchRows<T, V> rows,
            Collection<T> entities, BatchPolicy policy) throws SQLException {
        return run(context, lease, rows, entities, policy, Batches::updateRows, rows::withVersion);
    }

    /** Writes a batch's rows on {@code connection}, marking on {@code outcome} each row written. */
    private interface RowsWriter<T, V> {
        void write(Connection connection, Dialect dialect, BatchRows<T, V> rows, List<T> list, Outcome<T, V> outcome)
                throws SQLException;
    }

    /** What the caller gets back for an entity written with {@code version}. */
    private interface Applied<T, V> {
        T of(T entity, V version);
    }

    /**
     * Runs {@code writer} in the batch's transaction or savepoint, applies {@code policy}, completes
     * {@code lease}, and only then hands back the written entities, as {@code applied} makes them. A
     * batch the database refused as a concurrent write is answered by {@link #refused}.
     */
    private static <T, V> BatchResult<T> run(DaoContext context, ConnectionSource.Lease lease, BatchRows<T, V> rows,
            Collection<T> entities, BatchPolicy policy, RowsWriter<T, V> writer, Applied<T, V> applied)
            throws SQLException {
        List<T> list = checkedInput(rows, entities, policy);
        Connection connection = lease.connection();
        Outcome<T, V> outcome = new Outcome<>(list.size());
        List<RecordModifiedException> conflicts;
        try (BatchTransaction transaction = BatchTransaction.begin(lease, policy)) {
            try {
                writer.write(connection, context.dialect(connection), rows, list, outcome);
                conflicts = conflicts(connection, rows, list, outcome);
                end(transaction, policy, conflicts);
            } catch (SQLException e) {
                return refused(context, rows, list, policy, e, transaction.undo(e));
            }
        }
        try {
            lease.complete();
        } catch (SQLException e) {
            return refused(context, rows, list, policy, e, true);
        }
        List<T> written = new ArrayList<>();
        for (int i = 0; i < list.size(); i++) {
            if (outcome.isWritten(i)) {
                written.add(applied.of(list.get(i), outcome.version(i)));
            }
        }
        return new BatchResult<>(written, conflicts);
    }

    private static <T, V> void updateRows(Connection connection, Dialect dialect, BatchRows<T, V> rows, List<T> list,
            Outcome<T, V> outcome) throws SQLException {
        boolean batchesChecked = rows instanceof BatchedUpdateRows;
        if (rows instanceof BatchedUpdateRows<T, V> batched) {
            updateBatch(connection, dialect, batched, list, indexes(rows, list, true), outcome);
        }
        // The rest, one statement each: every row whose new version the database decides.
        for (int i = 0; i < list.size(); i++) {
            T entity = list.get(i);
            boolean checked = rows.checked(entity);
            if (checked && batchesChecked) {
                continue;
            }
            V version = rows.write(connection, entity, checked);
            if (version != null) {
                outcome.written(i, version);
            }
        }
    }

    /** Deletes {@code entities} as {@code policy} says, and completes {@code lease}. */
    public static <T, V> BatchResult<T> delete(DaoContext context, ConnectionSource.Lease lease, BatchRows<T, V> rows,
            Collection<T> entities, BatchPolicy policy) throws SQLException {
        return run(context, lease, rows, entities, policy, Batches::deleteRows, (entity, version) -> entity);
    }

    private static <T, V> void deleteRows(Connection connection, Dialect dialect, BatchRows<T, V> rows, List<T> list,
            Outcome<T, V> outcome) throws SQLException {
        for (boolean checked : new boolean[] {true, false}) {
            List<Integer> indexes = indexes(rows, list, checked);
            if (indexes.isEmpty()) {
                continue;
            }
            if (checked && dialect == Dialect.POSTGRESQL) {
                for (int k : writeFromArrays(connection, rows.deleteRowsSql(), rows.deleteRowsTypes(), list, indexes,
                        rows::deleteValues)) {
                    outcome.written(indexes.get(k), null);
                }
                continue;
            }
            int[] counts;
            try (PreparedStatement statement = connection.prepareStatement(rows.deleteSql(checked))) {
                for (int i : indexes) {
                    rows.bindDelete(statement, list.get(i), checked);
                    statement.addBatch();
                }
                counts = statement.executeBatch();
            }
            for (int k = 0; k < indexes.size(); k++) {
                int i = indexes.get(k);
                if (counts[k] > 0) {
                    outcome.written(i, null);
                } else if (counts[k] != 0) {
                    // No count from the driver: the row is deleted if it is gone.
                    T current = rows.current(connection, list.get(i));
                    outcome.current(i, current);
                    if (current == null) {
                        outcome.written(i, null);
                    }
                }
            }
        }
    }

    /**
     * The answer to a batch the database refused because another transaction wrote its rows at the same
     * time (a serialization, deadlock or certification failure): nothing of it was written, and which
     * rows collided is not known, so every row is a {@link ConcurrentWriteException}. {@code SILENT}
     * reports them all; {@code ABORT_ALL} throws them, and so does {@code SILENT} when the batch could
     * not be undone on its own ({@code undone} false: the database ended the caller's whole transaction,
     * which the caller must then retry). Any other failure is thrown as it is.
     */
    private static <T, V> BatchResult<T> refused(DaoContext context, BatchRows<T, V> rows, List<T> list,
            BatchPolicy policy, SQLException failure, boolean undone) throws SQLException {
        if (SqlFailure.of(failure) != SqlFailure.CONCURRENT_WRITE) {
            throw failure;
        }
        List<RecordModifiedException> conflicts = new ArrayList<>(list.size());
        for (T entity : list) {
            conflicts.add(context.conflict(new ConcurrentWriteException(entity, rows.entityType(), rows.key(entity),
                    rows.version(entity), null, null, false, failure)));
        }
        if (policy == BatchPolicy.ABORT_ALL || !undone) {
            throw new BatchConflictException(conflicts);
        }
        return new BatchResult<>(List.of(), conflicts);
    }

    /**
     * Inserts {@code entities} as JDBC batches in one transaction or savepoint, completes {@code lease},
     * and only then gives them their keys and versions: all are inserted, or none and nothing changes.
     * Entities that come with their key are one batch, those whose key the database generates another,
     * whose keys are read back in order.
     */
    public static <T, V> List<T> insert(DaoContext context, ConnectionSource.Lease lease, BatchRows<T, V> rows,
            Collection<T> entities) throws SQLException {
        List<T> list = nonNull(entities);
        Connection connection = lease.connection();
        Dialect dialect = context.dialect(connection);
        List<V> versions = new ArrayList<>(Collections.nCopies(list.size(), null));
        List<Object> keys = new ArrayList<>(Collections.nCopies(list.size(), null));
        try (BatchTransaction transaction = BatchTransaction.beginAllOrNothing(lease, "insertAll")) {
            for (boolean generating : new boolean[] {false, true}) {
                List<Integer> indexes = new ArrayList<>();
                for (int i = 0; i < list.size(); i++) {
                    if (rows.generatesKey(list.get(i)) == generating) {
                        indexes.add(i);
                    }
                }
                if (!indexes.isEmpty()) {
                    insertBatch(connection, dialect, rows, list, indexes, generating, versions, keys);
                }
            }
            transaction.commit();
        }
        lease.complete();
        List<T> inserted = new ArrayList<>(list.size());
        for (int i = 0; i < list.size(); i++) {
            inserted.add(rows.inserted(list.get(i), keys.get(i), versions.get(i)));
        }
        return inserted;
    }

    private static <T, V> void insertBatch(Connection connection, Dialect dialect, BatchRows<T, V> rows,
            List<T> entities, List<Integer> indexes, boolean generating, List<V> versions, List<Object> keys)
            throws SQLException {
        String sql = rows.insertSql(generating);
        if (generating && dialect == Dialect.SQLITE) {
            // SQLite's driver reports only the last key of a batch; in-process, a statement a row costs little.
            try (PreparedStatement statement = connection.prepareStatement(sql, rows.generatedKeyColumns())) {
                for (int i : indexes) {
                    versions.set(i, rows.bindInsert(statement, entities.get(i), true));
                    statement.executeUpdate();
                    try (ResultSet generated = statement.getGeneratedKeys()) {
                        keys.set(i, nextKey(rows, generated, 1, 1));
                    }
                }
            }
            return;
        }
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
                    for (int k = 0; k < indexes.size(); k++) {
                        keys.set(indexes.get(k), nextKey(rows, generated, k + 1, indexes.size()));
                    }
                }
            }
        }
    }

    private static Object nextKey(BatchRows<?, ?> rows, ResultSet generated, int row, int rowCount) throws SQLException {
        if (!generated.next()) {
            throw new SQLException("The driver returned " + (row - 1) + " generated keys for " + rowCount
                    + " inserted rows, so the new rows cannot be told apart. Nothing was committed.");
        }
        return rows.generatedKey(generated);
    }

    /**
     * The entities of a batch, refused before anything is written when the policy or an entity is
     * missing, or when one row is named twice: its second write would conflict with the first, and a
     * rolled-back version would show in the report.
     */
    private static <T, V> List<T> checkedInput(BatchRows<T, V> rows, Collection<T> entities, BatchPolicy policy) {
        Objects.requireNonNull(policy, "policy: pass BatchPolicy.SILENT or BatchPolicy.ABORT_ALL");
        List<T> list = nonNull(entities);
        Map<Object, Integer> positions = new HashMap<>();
        for (int i = 0; i < list.size(); i++) {
            Object key = rows.key(list.get(i));
            Integer earlier = positions.putIfAbsent(key, i);
            if (earlier != null) {
                throw new IllegalArgumentException("Entities " + earlier + " and " + i + " of the batch are the same row"
                        + " (id " + key + "); nothing was written. Pass each row once.");
            }
        }
        return list;
    }

    /** The entities of a batch as a list, refused before anything is written when one is missing. */
    private static <T> List<T> nonNull(Collection<T> entities) {
        List<T> list = new ArrayList<>(Objects.requireNonNull(entities, "entities"));
        for (int i = 0; i < list.size(); i++) {
            if (list.get(i) == null) {
                throw new NullPointerException("entity " + i + " of the batch is null; nothing was written");
            }
        }
        return list;
    }

    /** Sends the checked updates of {@code indexes} as one JDBC batch. */
    private static <T, V> void updateBatch(
            Connection connection, Dialect dialect, BatchedUpdateRows<T, V> rows, List<T> entities,
            List<Integer> indexes, Outcome<T, V> outcome) throws SQLException {
        if (indexes.isEmpty()) {
            return;
        }
        if (dialect == Dialect.POSTGRESQL) {
            List<V> versions = new ArrayList<>(indexes.size());
            List<Integer> written = writeFromArrays(connection, rows.updateRowsSql(), rows.updateRowsTypes(), entities,
                    indexes, (entity, values) -> versions.add(rows.updateValues(entity, values)));
            for (int k : written) {
                outcome.written(indexes.get(k), versions.get(k));
            }
            return;
        }
        List<V> versions = new ArrayList<>(indexes.size());
        int[] counts;
        try (PreparedStatement statement = connection.prepareStatement(rows.updateSql())) {
            for (int i : indexes) {
                versions.add(rows.bindUpdate(statement, entities.get(i)));
                statement.addBatch();
            }
            counts = statement.executeBatch();
        }
        for (int k = 0; k < indexes.size(); k++) {
            int i = indexes.get(k);
            T entity = entities.get(i);
            if (counts[k] > 0) {
                outcome.written(i, versions.get(k));
            } else if (counts[k] != 0) {
                // SUCCESS_NO_INFO or EXECUTE_FAILED: written only if the row holds what was written.
                T current = rows.current(connection, entity);
                outcome.current(i, current);
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

    /** Puts one entity's values into a row of the arrays. */
    private interface RowValues<T> {
        void put(T entity, Object[] values);
    }

    /**
     * The checked writes of {@code indexes} as statements over arrays, {@link #ARRAY_CHUNK} rows each:
     * the rows a statement returns were written, the others are conflicts. Its answer is the rows
     * themselves, so no driver count needs checking. Returns the positions in {@code indexes} written.
     */
    private static <T> List<Integer> writeFromArrays(Connection connection, String sql, String typesSql,
            List<T> entities, List<Integer> indexes, RowValues<T> rowValues) throws SQLException {
        String[] types = PostgresArrays.types(connection, typesSql);
        List<Integer> written = new ArrayList<>();
        Object[] values = new Object[types.length];
        for (int from = 0; from < indexes.size(); from += ARRAY_CHUNK) {
            int rows = Math.min(ARRAY_CHUNK, indexes.size() - from);
            Object[][] columns = new Object[types.length][rows];
            for (int row = 0; row < rows; row++) {
                rowValues.put(entities.get(indexes.get(from + row)), values);
                for (int column = 0; column < types.length; column++) {
                    columns[column][row] = values[column];
                }
            }
            try (PreparedStatement statement = connection.prepareStatement(sql)) {
                for (int column = 0; column < types.length; column++) {
                    statement.setArray(column + 1, PostgresArrays.of(connection, types[column], columns[column]));
                }
                try (ResultSet returned = statement.executeQuery()) {
                    while (returned.next()) {
                        written.add(from + (int) returned.getLong(1) - 1);
                    }
                }
            } catch (SQLException e) {
                PostgresArrays.forget(connection, typesSql);
                throw e;
            }
        }
        return written;
    }

    private static <T, V> List<Integer> indexes(BatchRows<T, V> rows, List<T> entities, boolean checked) {
        List<Integer> indexes = new ArrayList<>();
        for (int i = 0; i < entities.size(); i++) {
            if (rows.checked(entities.get(i)) == checked) {
                indexes.add(i);
            }
        }
        return indexes;
    }

    /** The conflicts of every row not written, each with its current row. */
    private static <T, V> List<RecordModifiedException> conflicts(
            Connection connection, BatchRows<T, V> rows, List<T> entities, Outcome<T, V> outcome) throws SQLException {
        List<RecordModifiedException> conflicts = new ArrayList<>();
        for (int i = 0; i < entities.size(); i++) {
            if (!outcome.isWritten(i)) {
                T entity = entities.get(i);
                T current = outcome.hasCurrent(i) ? outcome.current(i) : rows.current(connection, entity);
                conflicts.add(rows.conflict(entity, current));
            }
        }
        return conflicts;
    }

    private static void end(BatchTransaction transaction, BatchPolicy policy, List<RecordModifiedException> conflicts)
            throws SQLException {
        if (policy == BatchPolicy.ABORT_ALL && !conflicts.isEmpty()) {
            transaction.rollback();
            throw new BatchConflictException(conflicts);
        }
        transaction.commit();
    }

    /** Per entity: written (with the version written), and the current row if it was read already. */
    private static final class Outcome<T, V> {
        private final boolean[] written;
        private final List<V> versions;
        private final boolean[] read;
        private final List<T> currents;

        Outcome(int size) {
            written = new boolean[size];
            read = new boolean[size];
            versions = new ArrayList<>(Collections.nCopies(size, null));
            currents = new ArrayList<>(Collections.nCopies(size, null));
        }

        /** Marks row {@code i} written, with the version it got ({@code null} for deletes). */
        void written(int i, V version) {
            written[i] = true;
            versions.set(i, version);
        }

        boolean isWritten(int i) {
            return written[i];
        }

        V version(int i) {
            return versions.get(i);
        }

        void current(int i, T current) {
            read[i] = true;
            currents.set(i, current);
        }

        boolean hasCurrent(int i) {
            return read[i];
        }

        T current(int i) {
            return currents.get(i);
        }
    }
}
