package org.optilock.runtime.internal;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.Collection;
import java.util.List;
import org.optilock.runtime.ConnectionSource;
import org.optilock.runtime.WriteOutcomeUnknownException;

/**
 * A connection lost (or a cluster node cut off from its cluster) at a moment the write may already
 * have been applied: during a commit, or while a statement that commits itself ran. It stands in for
 * the driver's exception on its way back to the DAO, which makes it a {@link WriteOutcomeUnknownException}
 * naming the entity ({@link #ofWrite}); a loss at any other moment rolls the write back, and stays the
 * driver's exception for {@link SqlFailure}.
 */
final class InDoubtFailure extends SQLException {

    private static final long serialVersionUID = 1L;

    private static final System.Logger LOG = System.getLogger("org.optilock");

    static final String DURING_THE_COMMIT = "during the commit";

    private static final String WHILE_IT_COMMITTED_ITSELF = "while its statement ran in auto-commit mode";

    /** A batch on a connection outside any transaction, where no rollback can undo the rows written. */
    static final String WHILE_ROWS_COMMITTED_THEMSELVES = "while the batch's rows were written, each committing itself";

    /** What was lost and when, as the exception's message says it: {@code "the connection was lost during the commit"}. */
    private final String loss;

    private final boolean allOrNone;

    private InDoubtFailure(SQLException lost, String loss, boolean allOrNone) {
        super(lost.getMessage(), lost.getSQLState(), lost.getErrorCode(), lost);
        this.loss = loss;
        this.allOrNone = allOrNone;
    }

    /**
     * {@code failure} marked as in doubt when it lost the connection (or a cluster node lost its
     * cluster), else {@code failure} itself. The
     * doubt is logged too, for the operator of an application that does not look at the exception.
     */
    static SQLException ifLost(SQLException failure, String moment) {
        SqlFailure kind = SqlFailure.of(failure);
        if (!kind.mayHaveLanded()) {
            return failure;
        }
        String loss = (kind == SqlFailure.CLUSTER_LOST ? "the node lost its cluster's primary component "
                : "the connection was lost ") + moment;
        LOG.log(System.Logger.Level.WARNING, "A write was sent and {0} before its answer came back, so the write may"
                + " or may not be in the database (SQLState {1}). The DAO throws WriteOutcomeUnknownException and the"
                + " entity keeps its old version. Re-read the row before writing again: its version says whether the"
                + " write landed.", loss, failure.getSQLState());
        return new InDoubtFailure(failure, loss, moment.equals(DURING_THE_COMMIT));
    }

    /** A statement of a write: the UPDATE, INSERT or DELETE that may be the whole of it. */
    interface WriteStatement<R> {
        R run() throws SQLException;
    }

    /**
     * Runs the one statement of a single write on {@code connection}. In auto-commit mode the statement
     * commits itself, so a connection lost while it ran leaves it in doubt; inside a transaction the
     * database rolls it back, and the failure stays what it is.
     */
    static <R> R sent(Connection connection, WriteStatement<R> statement) throws SQLException {
        boolean commitsItself = connection.getAutoCommit();
        try {
            return statement.run();
        } catch (SQLException e) {
            throw commitsItself ? ifLost(e, WHILE_IT_COMMITTED_ITSELF) : e;
        }
    }

    /** Completes the lease of a write: its commit, where the DAO owns the transaction, is a moment of doubt. */
    static void complete(ConnectionSource.Lease lease) throws SQLException {
        try {
            lease.complete();
        } catch (SQLException e) {
            throw ifLost(e, DURING_THE_COMMIT);
        }
    }

    /**
     * What a single write of {@code entity} throws for {@code failure}: a {@link WriteOutcomeUnknownException}
     * when it is in doubt, with the version its row has if it landed ({@code null} for a delete, or
     * where the database decides it), else what {@link SqlFailure#ofWrite} makes of it.
     */
    static <T> RuntimeException ofWrite(String operation, SQLException failure, DaoContext context,
            EntityRows<T, ?, ?> rows, T entity, Object versionIfWritten) {
        if (failure instanceof InDoubtFailure doubt) {
            return new WriteOutcomeUnknownException(operation, doubt.lost(), doubt.loss, entity, rows.entityType(),
                    rows.key(entity), rows.version(entity), versionIfWritten);
        }
        return SqlFailure.ofWrite(operation, failure, context, rows, entity);
    }

    /** What an insert of {@code entity}, with {@code version}, throws for {@code failure}. */
    static <T> RuntimeException ofInsert(String operation, SQLException failure, EntityRows<T, ?, ?> rows, T entity,
            Object version) {
        if (failure instanceof InDoubtFailure doubt) {
            return new WriteOutcomeUnknownException(operation, doubt.lost(), doubt.loss, entity, rows.entityType(),
                    rows.generatesKey(entity) ? null : rows.key(entity), null, version);
        }
        return SqlFailure.exception(operation, failure);
    }

    /** What a batch of {@code entities} throws for {@code failure}. */
    static RuntimeException ofBatch(String operation, SQLException failure, Collection<?> entities, Class<?> entityType) {
        if (failure instanceof InDoubtFailure doubt) {
            return new WriteOutcomeUnknownException(operation, doubt.lost(), doubt.loss, doubt.allOrNone,
                    List.copyOf(entities), entityType);
        }
        return SqlFailure.exception(operation, failure);
    }

    /** The driver's exception. */
    private SQLException lost() {
        return (SQLException) getCause();
    }
}
