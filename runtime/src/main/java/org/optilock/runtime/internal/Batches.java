package org.optilock.runtime.internal;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.Collections;
import java.util.List;
import java.util.Objects;
import org.optilock.runtime.BatchConflictException;
import org.optilock.runtime.BatchPolicy;
import org.optilock.runtime.BatchResult;
import org.optilock.runtime.ConnectionSource;
import org.optilock.runtime.RecordModifiedException;

/**
 * The batch algorithm of {@code insertAll}, {@code updateAll} and {@code deleteAll}: every row in one
 * transaction or savepoint ({@link BatchTransaction}), the policy applied at the end, and entities
 * given their new versions only after the lease completed, so a failed commit leaves them as they
 * were. How the rows are sent is the database's ({@link DialectSupport}); whatever it is, each row
 * ends written or a conflict with its current row.
 *
 * @param <T> the entity type
 * @param <V> the version type, boxed
 */
final class Batches<T, V> {

    private final EntityRows<T, ?, V> rows;
    private final DaoContext context;

    Batches(EntityRows<T, ?, V> rows, DaoContext context) {
        this.rows = rows;
        this.context = context;
    }

    /** What a batch does to the element collections of the rows it wrote. */
    private interface CollectionsWriter<T> {
        void changed(Connection connection, List<T> written) throws SQLException;
    }

    /**
     * Writes a batch's rows on {@code connection}, marking on {@code outcome} each row written; {@code
     * start} is where the batch began, which nothing has written since.
     */
    private interface RowsWriter<T, V> {
        void write(Connection connection, DialectSupport database, List<T> list, BatchOutcome<T, V> outcome,
                BatchStart start) throws SQLException;
    }

    /** What the caller gets back for an entity written with {@code version}. */
    private interface Applied<T, V> {
        T of(T entity, V version);
    }

    /** Updates {@code entities} as {@code policy} says, completes {@code lease}, then gives them their versions. */
    BatchResult<T> update(ConnectionSource.Lease lease, Collection<T> entities, BatchPolicy policy, WriteProbe probe)
            throws SQLException {
        return run(lease, entities, policy, probe, this::updateRows,
                (connection, written) -> rows.collections().written(connection, written, true), rows::withVersion);
    }

    /** Deletes {@code entities} as {@code policy} says, and completes {@code lease}. */
    BatchResult<T> delete(ConnectionSource.Lease lease, Collection<T> entities, BatchPolicy policy, WriteProbe probe)
            throws SQLException {
        return run(lease, entities, policy, probe, this::deleteRows, rows.collections()::deleted, (entity, version) -> entity);
    }

    /**
     * Runs {@code writer} in the batch's transaction or savepoint, applies {@code policy}, completes
     * {@code lease}, and only then hands back the written entities, as {@code applied} makes them. A
     * batch the database refused as a concurrent write is answered by {@link #refused}.
     */
    private BatchResult<T> run(ConnectionSource.Lease lease, Collection<T> entities, BatchPolicy policy, WriteProbe probe,
            RowsWriter<T, V> writer, CollectionsWriter<T> collections, Applied<T, V> applied) throws SQLException {
        Objects.requireNonNull(policy, "policy: pass BatchPolicy.SILENT or BatchPolicy.ABORT_ALL");
        List<T> list = new ArrayList<>(Objects.requireNonNull(entities, "entities"));
        // A missing entity, or a row named twice, is refused here, before anything is written: a row's
        // second write would conflict with its first, and a rolled-back version would show in the report.
        BatchOutcome<T, V> outcome = rows.begin(list);
        Connection connection = lease.connection();
        List<RecordModifiedException> conflicts;
        try (BatchTransaction transaction = BatchTransaction.begin(lease, policy)) {
            try {
                writer.write(connection, context.database(), list, outcome, transaction.start());
                conflicts = conflicts(connection, list, outcome);
                probe.ran(outcome.statements());
                if (!rows.collections().isEmpty()) {
                    collections.changed(connection, written(list, outcome));
                }
                end(transaction, policy, conflicts);
            } catch (SQLException e) {
                return refused(list, policy, e, transaction.undo(e));
            }
        }
        try {
            InDoubtFailure.complete(lease);
        } catch (SQLException e) {
            return refused(list, policy, e, true);
        }
        // An immutable list made here is the one the result keeps: it copies any other.
        Object[] written = new Object[list.size() - conflicts.size()];
        int k = 0;
        for (int i = 0; i < list.size(); i++) {
            if (outcome.isWritten(i)) {
                written[k++] = applied.of(list.get(i), outcome.version(i));
            }
        }
        return new BatchResult<>(immutable(written), conflicts);
    }

    @SuppressWarnings("unchecked") // every element is a T, put there above
    private static <T> List<T> immutable(Object[] entities) {
        return (List<T>) List.of(entities);
    }

    /** The entities of {@code list} whose rows the batch wrote. */
    private static <T> List<T> written(List<T> list, BatchOutcome<T, ?> outcome) {
        List<T> written = new ArrayList<>();
        for (int i = 0; i < list.size(); i++) {
            if (outcome.isWritten(i)) {
                written.add(list.get(i));
            }
        }
        return written;
    }

    /**
     * The checked rows as the database sends them best, those whose versions the database decides
     * included; the unchecked rows one statement each.
     */
    private void updateRows(Connection connection, DialectSupport database, List<T> list, BatchOutcome<T, V> outcome,
            BatchStart start) throws SQLException {
        int[] checkedIndexes = outcome.indexes(true);
        if (checkedIndexes.length > 0 && rows.readsBackCheckedUpdates()) {
            rows.warnIfTriggerMissing(connection);
            database.updateCheckedReadingBack(connection, rows, list, checkedIndexes, outcome, start);
        } else if (checkedIndexes.length > 0) {
            database.updateChecked(connection, rows, list, checkedIndexes, outcome, start);
        }
        for (int i : outcome.indexes(false)) {
            V version = rows.update(connection, list.get(i), false, outcome.expected(i));
            outcome.ran(1);
            if (version != null) {
                outcome.written(i, version);
            }
        }
    }

    private void deleteRows(Connection connection, DialectSupport database, List<T> list, BatchOutcome<T, V> outcome,
            BatchStart start) throws SQLException {
        int[] checkedIndexes = outcome.indexes(true);
        if (checkedIndexes.length > 0) {
            database.deleteChecked(connection, rows, list, checkedIndexes, outcome, start);
        }
        int[] unchecked = outcome.indexes(false);
        if (unchecked.length > 0) {
            JdbcBatch.delete(connection, rows, list, unchecked, false, outcome);
        }
    }

    /**
     * The answer to a batch the database refused because another transaction wrote its rows at the same
     * time: nothing of it was written, and which rows collided is not known, so every row is a
     * {@link org.optilock.runtime.ConcurrentWriteException}. {@code SILENT} reports them all;
     * {@code ABORT_ALL} throws them, and so does {@code SILENT} when the batch could not be undone on its
     * own ({@code undone} false: the database ended the caller's whole transaction, which the caller must
     * then retry). Any other failure is thrown as it is.
     */
    private BatchResult<T> refused(List<T> list, BatchPolicy policy, SQLException failure, boolean undone)
            throws SQLException {
        if (SqlFailure.of(failure) != SqlFailure.CONCURRENT_WRITE) {
            throw failure;
        }
        List<RecordModifiedException> conflicts = new ArrayList<>(list.size());
        for (T entity : list) {
            conflicts.add(context.conflict(SqlFailure.concurrentWrite(rows, entity, null, false, failure)));
        }
        if (policy == BatchPolicy.ABORT_ALL || !undone) {
            throw new BatchConflictException(conflicts);
        }
        return new BatchResult<>(List.of(), conflicts);
    }

    /**
     * Inserts {@code entities} in one transaction or savepoint, completes {@code lease}, and only then
     * gives them their keys and versions: all are inserted, or none and nothing changes. Entities that
     * come with their key are one batch, those whose key the database generates another.
     */
    List<T> insert(ConnectionSource.Lease lease, Collection<T> entities, WriteProbe probe) throws SQLException {
        List<T> list = nonNull(entities);
        Connection connection = lease.connection();
        List<V> versions = new ArrayList<>(Collections.nCopies(list.size(), null));
        List<Object> keys = new ArrayList<>(Collections.nCopies(list.size(), null));
        boolean[] generates = new boolean[list.size()];
        for (int i = 0; i < generates.length; i++) {
            generates[i] = rows.generatesKey(list.get(i));
        }
        int[] withKey = indexes(generates, false);
        int[] generating = indexes(generates, true);
        int statements = 0;
        try (BatchTransaction transaction = BatchTransaction.beginAllOrNothing(lease, "insertAll")) {
            if (withKey.length > 0) {
                statements += context.database().insertWithKeys(connection, rows, list, withKey, versions);
            }
            if (generating.length > 0) {
                statements += context.database().insertGeneratingKeys(connection, rows, list, generating, versions, keys);
            }
            // An entity with element collections comes with its key (the processor requires it).
            rows.collections().written(connection, list, false);
            transaction.commit();
        }
        probe.ran(statements);
        InDoubtFailure.complete(lease);
        List<T> inserted = new ArrayList<>(list.size());
        for (int i = 0; i < list.size(); i++) {
            inserted.add(rows.inserted(list.get(i), keys.get(i), versions.get(i)));
        }
        return inserted;
    }

    /** The entities of a batch as a list, refused before anything is written when one is missing. */
    private static <T> List<T> nonNull(Collection<T> entities) {
        List<T> list = new ArrayList<>(Objects.requireNonNull(entities, "entities"));
        for (int i = 0; i < list.size(); i++) {
            if (list.get(i) == null) {
                throw EntityRows.missingEntity(i);
            }
        }
        return list;
    }

    /** The positions, in order, whose {@code flags} are {@code which}. */
    private static int[] indexes(boolean[] flags, boolean which) {
        int[] indexes = new int[flags.length];
        int count = 0;
        for (int i = 0; i < flags.length; i++) {
            if (flags[i] == which) {
                indexes[count++] = i;
            }
        }
        return count == indexes.length ? indexes : Arrays.copyOf(indexes, count);
    }

    /** The conflicts of every row not written, each with its current row. */
    private List<RecordModifiedException> conflicts(Connection connection, List<T> entities, BatchOutcome<T, V> outcome)
            throws SQLException {
        if (outcome.allWritten()) {
            return List.of();
        }
        List<RecordModifiedException> conflicts = new ArrayList<>();
        for (int i = 0; i < entities.size(); i++) {
            if (!outcome.isWritten(i)) {
                T entity = entities.get(i);
                if (!outcome.hasCurrent(i)) {
                    outcome.current(i, rows.current(connection, entity));
                    outcome.ran(1);
                }
                T current = outcome.current(i);
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
}
