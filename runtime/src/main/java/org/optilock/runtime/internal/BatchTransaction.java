package org.optilock.runtime.internal;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.SQLFeatureNotSupportedException;
import java.sql.Savepoint;
import org.optilock.runtime.BatchPolicy;
import org.optilock.runtime.ConnectionSource;

/**
 * The unit a batch commits or rolls back. On a connection in auto-commit mode it is a transaction of
 * its own; inside a transaction already open (the caller's, or a container's) it is a savepoint, so a
 * rollback undoes the batch and keeps the caller's earlier work. Where a container owns the
 * connection and no transaction is open, a {@code SILENT} batch writes each row on its own, and an
 * {@code ABORT_ALL} batch is refused: nothing could undo its rows.
 */
final class BatchTransaction implements AutoCloseable {

    /** How the batch is bounded. */
    private enum Kind {
        /** A transaction of its own, on a connection switched out of auto-commit for it. */
        OWN_TRANSACTION,
        /** A savepoint inside the transaction already open. */
        SAVEPOINT,
        /** Nothing: each statement commits itself (a container's connection outside a transaction). */
        NONE
    }

    private final Connection connection;
    private final Kind kind;
    private final Savepoint savepoint;
    private boolean finished;

    private BatchTransaction(Connection connection, Kind kind, Savepoint savepoint) {
        this.connection = connection;
        this.kind = kind;
        this.savepoint = savepoint;
    }

    static BatchTransaction begin(ConnectionSource.Lease lease, BatchPolicy policy) throws SQLException {
        return begin(lease, policy == BatchPolicy.ABORT_ALL, "ABORT_ALL needs a transaction, and the container that owns"
                + " this connection has none open, so the batch could not be undone. Nothing was written. Run the"
                + " batch inside a transaction (@Transactional, UserTransaction), or use BatchPolicy.SILENT.");
    }

    /** A unit for work that must land whole or not at all, such as {@code insertAll}. */
    static BatchTransaction beginAllOrNothing(ConnectionSource.Lease lease, String operation) throws SQLException {
        return begin(lease, true, operation + " needs a transaction, and the container that owns this connection has"
                + " none open, so a failure half-way could not be undone. Nothing was written. Run it inside a"
                + " transaction (@Transactional, UserTransaction).");
    }

    private static BatchTransaction begin(ConnectionSource.Lease lease, boolean allOrNothing, String refusal)
            throws SQLException {
        Connection connection = lease.connection();
        if (!connection.getAutoCommit()) {
            try {
                return new BatchTransaction(connection, Kind.SAVEPOINT, connection.setSavepoint());
            } catch (SQLFeatureNotSupportedException e) {
                if (lease.mayControlTransactions()) {
                    throw e;
                }
                // A container's connection without savepoints (JTA, often): the rows belong to its
                // transaction, which BatchConflictException, a runtime exception, makes it roll back.
                return new BatchTransaction(connection, Kind.NONE, null);
            }
        }
        if (lease.mayControlTransactions()) {
            connection.setAutoCommit(false);
            return new BatchTransaction(connection, Kind.OWN_TRANSACTION, null);
        }
        if (allOrNothing) {
            throw new IllegalStateException(refusal);
        }
        return new BatchTransaction(connection, Kind.NONE, null);
    }

    void commit() throws SQLException {
        switch (kind) {
            case OWN_TRANSACTION -> {
                try {
                    connection.commit();
                } catch (SQLException e) {
                    throw InDoubtFailure.ifLost(e, InDoubtFailure.DURING_THE_COMMIT);
                }
            }
            case SAVEPOINT -> connection.releaseSavepoint(savepoint);
            case NONE -> { }
        }
        finished = true;
    }

    /** The batch's start, for the database's way of writing its rows. */
    BatchStart start() {
        return new BatchStart() {
            @Override
            public boolean canRollBack() {
                return kind != Kind.NONE;
            }

            @Override
            public void rollBack() throws SQLException {
                switch (kind) {
                    case OWN_TRANSACTION -> connection.rollback();
                    case SAVEPOINT -> connection.rollback(savepoint); // the savepoint stays, for the batch's end
                    case NONE -> throw new IllegalStateException("each statement of this batch commits itself");
                }
            }
        };
    }

    void rollback() throws SQLException {
        finished = true; // a rollback that fails is not tried again on close
        switch (kind) {
            case OWN_TRANSACTION -> connection.rollback();
            case SAVEPOINT -> connection.rollback(savepoint);
            case NONE -> { }
        }
    }

    /**
     * Rolls back after {@code failure}; whether that undid exactly the batch. False when the rollback
     * failed (the database had ended the whole transaction, as MariaDB does on a deadlock, so the
     * savepoint is gone), with its exception suppressed on {@code failure}.
     *
     * @throws SQLException {@code failure} itself where nothing can be undone (each statement committed
     *     itself), so that it reaches the caller as it is, marked in doubt where it lost the connection
     */
    boolean undo(SQLException failure) throws SQLException {
        if (kind == Kind.NONE) {
            throw InDoubtFailure.ifLost(failure, InDoubtFailure.WHILE_ROWS_COMMITTED_THEMSELVES);
        }
        try {
            rollback();
            return true;
        } catch (SQLException e) {
            failure.addSuppressed(e);
            return false;
        }
    }

    @Override
    public void close() throws SQLException {
        try {
            if (!finished) {
                rollback();
            }
        } finally {
            if (kind == Kind.OWN_TRANSACTION) {
                connection.setAutoCommit(true);
            }
        }
    }
}
