package org.optilock.runtime;

import java.sql.Connection;
import java.sql.SQLException;

/**
 * A handle from a data source whose transactions a container owns: never committed, rolled back or
 * switched out of auto-commit here; only the handle is closed, which gives it back to the container.
 */
record ManagedLease(Connection connection) implements ConnectionSource.Lease {

    @Override
    public boolean mayControlTransactions() {
        return false;
    }

    @Override
    public void complete() {
        // the container commits
    }

    @Override
    public void close() throws SQLException {
        connection.close();
    }
}
