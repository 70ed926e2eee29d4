package org.optilock.runtime.internal;

import java.sql.SQLException;
import java.sql.SQLNonTransientConnectionException;
import java.sql.SQLRecoverableException;
import java.sql.SQLTimeoutException;
import java.sql.SQLTransientConnectionException;
import java.util.Set;
import org.optilock.runtime.DataAccessException;
import org.optilock.runtime.StatementTimeoutException;

/**
 * What kind of failure a driver's exception reports, as far as a DAO's caller must act on it
 * differently: another writer won, a wait ran out, the connection is gone, or anything else.
 * Read from the SQLState first, the standard's and each database's own, and from the vendor code only
 * where a driver gives no SQLState.
 */
public enum SqlFailure {

    /**
     * Another transaction wrote the same rows at the same time, and the database refused this one:
     * a serialization failure (40001, PostgreSQL {@code SERIALIZABLE}), a deadlock (40P01, MySQL and
     * MariaDB 1213), or a cluster's certification failure (Galera reports it as 1213 / 40001).
     * Running the read-modify-write again succeeds.
     */
    CONCURRENT_WRITE,

    /**
     * A wait ran out: the statement's query timeout, PostgreSQL's {@code lock_timeout} or
     * {@code statement_timeout}, MySQL's and MariaDB's lock wait timeout, H2's lock timeout, SQLite's
     * busy timeout. Usually another transaction held the row for longer than the wait.
     */
    TIMEOUT,

    /** The connection broke or was closed (SQLState class 08, a server shutting the session down). */
    CONNECTION_LOST,

    /** Anything else: a constraint, a missing table, a syntax error. */
    OTHER;

    /** PostgreSQL's codes for a session the server ended: administrator command, crash, start-up. */
    private static final Set<String> SESSION_ENDED = Set.of("57P01", "57P02", "57P03");

    /** Query cancelled (57014), PostgreSQL lock not available (55P03), H2 lock timeout (HYT00), MariaDB (70100). */
    private static final Set<String> TIMED_OUT = Set.of("57014", "55P03", "HYT00", "HYT01", "70100");

    /** MySQL and MariaDB: a deadlock, or a Galera certification failure. */
    private static final int MYSQL_DEADLOCK = 1213;

    /** MySQL and MariaDB: lock wait timeout exceeded, statement time exceeded (MySQL, MariaDB). */
    private static final Set<Integer> MYSQL_TIMED_OUT = Set.of(1205, 3024, 1969);

    /**
     * What a call that was doing {@code operation} throws for {@code failure}: a
     * {@link StatementTimeoutException} when a wait ran out, else a {@link DataAccessException}.
     * (A concurrent write becomes a conflict only where the caller knows the entity; see
     * {@code DaoContext.writeFailure}.)
     */
    public static DataAccessException exception(String operation, SQLException failure) {
        return of(failure) == TIMEOUT
                ? new StatementTimeoutException(operation, failure)
                : new DataAccessException(operation, failure);
    }

    /**
     * The kind of {@code failure}: the first kind other than {@link #OTHER} found on it, the exceptions
     * it chains ({@link SQLException#getNextException()}, as in a failed batch) or its causes.
     */
    public static SqlFailure of(SQLException failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof SQLException sql) {
                for (SQLException next = sql; next != null; next = next.getNextException()) {
                    SqlFailure kind = ofOne(next);
                    if (kind != OTHER) {
                        return kind;
                    }
                }
            }
            if (cause.getCause() == cause) {
                break;
            }
        }
        return OTHER;
    }

    private static SqlFailure ofOne(SQLException failure) {
        String state = failure.getSQLState() == null ? "" : failure.getSQLState();
        int code = failure.getErrorCode();
        if ("40001".equals(state) || "40P01".equals(state) || code == MYSQL_DEADLOCK || isSqlite(failure, "BUSY_SNAPSHOT")) {
            return CONCURRENT_WRITE;
        }
        if (failure instanceof SQLTimeoutException || TIMED_OUT.contains(state) || MYSQL_TIMED_OUT.contains(code)
                || isSqlite(failure, "BUSY")) {
            return TIMEOUT;
        }
        if (state.startsWith("08") || SESSION_ENDED.contains(state)
                || failure instanceof SQLNonTransientConnectionException || failure instanceof SQLRecoverableException
                || failure instanceof SQLTransientConnectionException) {
            return CONNECTION_LOST;
        }
        return OTHER;
    }

    /**
     * Whether {@code failure} is SQLite's {@code result}. The SQLite driver gives no SQLState, and its
     * vendor codes (small numbers) would clash with other databases', so its message, which always
     * starts with the result's name in brackets, says it.
     */
    private static boolean isSqlite(SQLException failure, String result) {
        String message = failure.getMessage();
        return failure.getSQLState() == null && message != null && message.startsWith("[SQLITE_" + result + "]");
    }
}
