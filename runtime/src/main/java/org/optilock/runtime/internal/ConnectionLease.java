package org.optilock.runtime.internal;

import java.sql.Connection;
import java.sql.SQLException;

/**
 * A connection held for one DAO call. A connection the DAO borrowed from a {@code DataSource} is
 * committed when the call {@linkplain #complete() completes} (if it is not in auto-commit mode),
 * rolled back otherwise, and closed. The caller's own connection is never committed, rolled back
 * or closed: its transaction is the caller's.
 */
public final class ConnectionLease implements AutoCloseable {

    private final Connection connection;
    private final boolean owned;
    private boolean completed;

    private ConnectionLease(Connection connection, boolean owned) {
        this.connection = connection;
        this.owned = owned;
    }

    static ConnectionLease owned(Connection connection) {
        return new ConnectionLease(connection, true);
    }

    static ConnectionLease borrowed(Connection connection) {
        return new ConnectionLease(connection, false);
    }

    /** The connection. */
    public Connection connection() {
        return connection;
    }

    /** Marks the call successful; commits a connection the DAO owns and that is not in auto-commit. */
    public void complete() throws SQLException {
        if (owned && !connection.getAutoCommit()) {
            connection.commit();
        }
        completed = true;
    }

    /** Rolls back an owned connection's uncompleted work and closes it; leaves the caller's alone. */
    @Override
    public void close() throws SQLException {
        if (!owned) {
            return;
        }
        try (connection) {
            if (!completed && !connection.getAutoCommit()) {
                connection.rollback();
            }
        }
    }
}
