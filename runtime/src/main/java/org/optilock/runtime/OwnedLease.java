package org.optilock.runtime;

import java.sql.Connection;
import java.sql.SQLException;

/**
 * A connection the DAO took from a {@code DataSource} for one call: committed when the call completes
 * (if it is not in auto-commit mode), rolled back otherwise, and closed.
 */
final class OwnedLease implements ConnectionSource.Lease {

    private final Connection connection;
    private boolean completed;

    private OwnedLease(Connection connection) {
        this.connection = connection;
    }

    static OwnedLease of(Connection connection) {
        return new OwnedLease(connection);
    }

    @Override
    public Connection connection() {
        return connection;
    }

    @Override
    public boolean mayControlTransactions() {
        return true;
    }

    @Override
    public void complete() throws SQLException {
        if (!connection.getAutoCommit()) {
            connection.commit();
        }
        completed = true;
    }

    @Override
    public void close() throws SQLException {
        try (connection) {
            if (!completed && !connection.getAutoCommit()) {
                connection.rollback();
            }
        }
    }
}
