package org.optilock.runtime.internal;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Savepoint;

/**
 * The unit a batch commits or rolls back. On a connection in auto-commit mode it is a transaction of
 * its own; inside a transaction already open (the caller's) it is a savepoint, so a rollback undoes
 * the batch and keeps the caller's earlier work.
 */
final class BatchTransaction implements AutoCloseable {

    private final Connection connection;
    private final Savepoint savepoint;
    private boolean finished;

    private BatchTransaction(Connection connection, Savepoint savepoint) {
        this.connection = connection;
        this.savepoint = savepoint;
    }

    static BatchTransaction begin(Connection connection) throws SQLException {
        if (connection.getAutoCommit()) {
            connection.setAutoCommit(false);
            return new BatchTransaction(connection, null);
        }
        return new BatchTransaction(connection, connection.setSavepoint());
    }

    void commit() throws SQLException {
        if (savepoint == null) {
            connection.commit();
        } else {
            connection.releaseSavepoint(savepoint);
        }
        finished = true;
    }

    void rollback() throws SQLException {
        if (savepoint == null) {
            connection.rollback();
        } else {
            connection.rollback(savepoint);
        }
        finished = true;
    }

    @Override
    public void close() throws SQLException {
        try {
            if (!finished) {
                rollback();
            }
        } finally {
            if (savepoint == null) {
                connection.setAutoCommit(true);
            }
        }
    }
}
