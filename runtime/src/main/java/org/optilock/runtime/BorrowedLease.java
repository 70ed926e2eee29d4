package org.optilock.runtime;

import java.sql.Connection;

/**
 * The caller's connection, lent to one call: its transaction is the caller's, so it is never committed,
 * rolled back or closed here.
 */
record BorrowedLease(Connection connection) implements ConnectionSource.Lease {

    @Override
    public boolean mayControlTransactions() {
        // A batch on the caller's auto-commit connection runs in a transaction of its own, and hands the
        // connection back in auto-commit mode.
        return true;
    }

    @Override
    public void complete() {
        // the caller commits
    }

    @Override
    public void close() {
        // the caller closes
    }
}
