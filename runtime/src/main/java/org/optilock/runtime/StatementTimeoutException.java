package org.optilock.runtime;

import java.sql.SQLException;

/**
 * A DAO's statement waited longer than the database or the driver allows: the query timeout,
 * PostgreSQL's {@code lock_timeout} or {@code statement_timeout}, MySQL's and MariaDB's
 * {@code innodb_lock_wait_timeout}, H2's lock timeout, SQLite's busy timeout. Usually another
 * transaction held the row for longer than that. It is not a conflict: no other writer is known to
 * have won, and the caller's object keeps its version. The DAO's own transaction is rolled back;
 * try again later, or find the transaction that holds the row.
 */
public class StatementTimeoutException extends DataAccessException {

    private static final long serialVersionUID = 1L;

    /**
     * @param operation what the DAO was doing, such as {@code "update Article"}
     * @param cause the driver's exception
     */
    public StatementTimeoutException(String operation, SQLException cause) {
        super(operation, cause, "The statement waited too long, most likely for a row another transaction holds."
                + " Nothing of this call was written; try again later, or find the long-running transaction.");
    }
}
