package org.optilock.runtime;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.Objects;
import javax.sql.DataSource;

/**
 * Where a DAO gets the connection of each call, and what happens to that connection afterwards: who
 * commits, who rolls back, who closes. Every generated DAO takes one
 * ({@code new ArticleDao(ConnectionSource.managed(dataSource))}); its {@code DataSource} and
 * {@code Connection} constructors are shorthands for {@link #perCall} and {@link #of}.
 *
 * <p>Frameworks implement it to let DAOs take part in the transactions they manage, as
 * {@code org.optilock.spring.SpringConnectionSource} does for Spring.
 */
public interface ConnectionSource {

    /** The connection for one DAO call, held until the lease is closed. */
    Lease lease() throws SQLException;

    /**
     * One call's hold on a connection. The DAO calls {@link #complete()} when its work succeeded, then
     * {@link #close()} in every case.
     */
    interface Lease extends AutoCloseable {

        /** The connection of the call. */
        Connection connection();

        /**
         * Whether the DAO may run a batch in a transaction of its own when the connection is in
         * auto-commit mode (switching auto-commit off for the batch and back after). False where a
         * container owns the connection's transactions.
         */
        boolean mayControlTransactions();

        /** The call's work succeeded: commit what this lease owns. */
        void complete() throws SQLException;

        /** Ends the call: roll back what this lease owns and did not complete, and give the connection back. */
        @Override
        void close() throws SQLException;
    }

    /**
     * One connection from {@code dataSource} per call: committed when the call succeeds if it is not
     * in auto-commit mode, rolled back when it fails, and closed.
     */
    static ConnectionSource perCall(DataSource dataSource) {
        Objects.requireNonNull(dataSource, "dataSource");
        return () -> OwnedLease.of(dataSource.getConnection());
    }

    /** The caller's {@code connection} for every call: never committed, rolled back or closed here. */
    static ConnectionSource of(Connection connection) {
        Objects.requireNonNull(connection, "connection");
        return () -> new BorrowedLease(connection);
    }

    /**
     * A connection from {@code dataSource} whose transactions a container or framework owns (JTA, a
     * transaction-aware proxy): the DAO never commits, rolls back or changes auto-commit, and only
     * closes the handle it obtained. A batch inside such a transaction undoes itself through a
     * savepoint; outside one, {@code ABORT_ALL} is refused, since nothing could make it atomic.
     */
    static ConnectionSource managed(DataSource dataSource) {
        Objects.requireNonNull(dataSource, "dataSource");
        return () -> new ManagedLease(dataSource.getConnection());
    }
}
