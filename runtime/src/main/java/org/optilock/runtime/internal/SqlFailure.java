package org.optilock.runtime.internal;

import java.sql.SQLException;
import java.sql.SQLNonTransientConnectionException;
import java.sql.SQLRecoverableException;
import java.sql.SQLTimeoutException;
import java.sql.SQLTransientConnectionException;
import org.optilock.runtime.ConcurrentWriteException;
import org.optilock.runtime.ConnectionSource;
import org.optilock.runtime.DataAccessException;
import org.optilock.runtime.StatementTimeoutException;

/**
 * What kind of failure a driver's exception reports, as far as a DAO's caller must act on it
 * differently, and the exception the caller gets for it: the one place where a {@link SQLException}
 * becomes an Optilock exception. Read from the standard's SQLStates first, then from each database's
 * own codes ({@link DialectSupport#classify}).
 */
enum SqlFailure {

    /**
     * Another transaction wrote the same rows at the same time, and the database refused this one: a
     * serialization failure (40001), a deadlock, or a cluster's certification failure. Running the
     * read-modify-write again succeeds.
     */
    CONCURRENT_WRITE,

    /** A wait ran out: the statement's query timeout, or the database's lock or statement timeout. */
    TIMEOUT,

    /** The connection broke or was closed (SQLState class 08, a server ending the session). */
    CONNECTION_LOST,

    /**
     * A cluster node lost the cluster's primary component while it replicated the write (Galera): as
     * with a lost connection, the write may have reached the majority, or not.
     */
    CLUSTER_LOST,

    /**
     * A cluster node outside the primary component (cut off from the majority) refused the statement
     * before doing anything (Galera's "WSREP has not yet prepared node for application use").
     */
    OUTSIDE_THE_CLUSTER,

    /** A row with the same key, or the same value of a unique column, exists already. */
    DUPLICATE_KEY,

    /** Anything else: another constraint, a missing table, a syntax error. */
    OTHER;

    /** The standard's SQLState of a unique or primary key violation (H2, PostgreSQL). */
    private static final String UNIQUE_VIOLATION = "23505";

    private static final String CONNECTION_LOST_ADVICE = "The connection was lost before anything of this call"
            + " could be committed: the database rolls back what it had not committed, so nothing was written, and a"
            + " pool replaces the connection.";

    private static final String OUTSIDE_THE_CLUSTER_ADVICE = "This node is cut off from the majority of its cluster"
            + " (outside the primary component), so it refuses reads and writes; nothing was written. Send the work to"
            + " another node: this one serves again once it has rejoined.";

    /**
     * What a call that was doing {@code operation} throws for {@code failure}: a
     * {@link StatementTimeoutException} when a wait ran out, else a {@link DataAccessException}, which
     * says what a lost connection means. A concurrent write becomes a conflict only where the caller
     * knows the entity: {@link #concurrentWrite}.
     */
    static DataAccessException exception(String operation, SQLException failure) {
        return switch (of(failure)) {
            case TIMEOUT -> new StatementTimeoutException(operation, failure);
            case CONNECTION_LOST, CLUSTER_LOST -> new DataAccessException(operation, failure, CONNECTION_LOST_ADVICE);
            case OUTSIDE_THE_CLUSTER -> new DataAccessException(operation, failure, OUTSIDE_THE_CLUSTER_ADVICE);
            case CONCURRENT_WRITE, DUPLICATE_KEY, OTHER -> new DataAccessException(operation, failure);
        };
    }

    /**
     * What a write of {@code entity} throws for {@code failure}: when another transaction wrote the row
     * at the same time, a {@link ConcurrentWriteException} with the row read again on a connection of
     * its own where that still works, told to the conflict listener; else {@link #exception}. Called
     * once the call's lease is closed, so its transaction is rolled back.
     */
    static <T> RuntimeException ofWrite(String operation, SQLException failure, DaoContext context,
            EntityRows<T, ?, ?> rows, T entity) {
        if (of(failure) != CONCURRENT_WRITE) {
            return exception(operation, failure);
        }
        T current = null;
        boolean known = false;
        SQLException unread = null;
        try (ConnectionSource.Lease lease = context.lease()) {
            current = rows.current(lease.connection(), entity);
            known = true; // a read: nothing to complete, and a lease closed uncompleted only rolls back
        } catch (SQLException e) {
            unread = e; // the caller's transaction may be aborted; the conflict stands without the current row
        }
        ConcurrentWriteException conflict = concurrentWrite(rows, entity, current, known, failure);
        if (unread != null) {
            conflict.addSuppressed(unread);
        }
        return context.conflict(conflict);
    }

    /**
     * The conflict of {@code entity}, whose write the database refused as a concurrent write, with its
     * row as read again after the failure ({@code currentKnown} false when it could not be read).
     */
    static <T> ConcurrentWriteException concurrentWrite(EntityRows<T, ?, ?> rows, T entity, T current,
            boolean currentKnown, SQLException failure) {
        return new ConcurrentWriteException(entity, rows.entityType(), rows.key(entity), rows.version(entity), current,
                current == null ? null : rows.version(current), currentKnown, failure);
    }

    /** Whether a write that failed so, after it was sent, may nonetheless have been applied. */
    boolean mayHaveLanded() {
        return this == CONNECTION_LOST || this == CLUSTER_LOST;
    }

    /**
     * The kind of {@code failure}: the first kind other than {@link #OTHER} found on it, the exceptions
     * it chains ({@link SQLException#getNextException()}, as in a failed batch) or its causes.
     */
    static SqlFailure of(SQLException failure) {
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

    /**
     * A cluster's own word first, then a concurrent write before a timeout before a lost connection,
     * whichever code says so.
     */
    private static SqlFailure ofOne(SQLException failure) {
        String state = failure.getSQLState() == null ? "" : failure.getSQLState();
        SqlFailure own = ownCodes(failure);
        if (own == CLUSTER_LOST || own == OUTSIDE_THE_CLUSTER) {
            return own; // said with a SQLState of a lost connection (08S01), or of none
        }
        if ("40001".equals(state) || own == CONCURRENT_WRITE) {
            return CONCURRENT_WRITE;
        }
        if (failure instanceof SQLTimeoutException || own == TIMEOUT) {
            return TIMEOUT;
        }
        if (state.startsWith("08") || own == CONNECTION_LOST || failure instanceof SQLNonTransientConnectionException
                || failure instanceof SQLRecoverableException || failure instanceof SQLTransientConnectionException) {
            return CONNECTION_LOST;
        }
        return UNIQUE_VIOLATION.equals(state) || own == DUPLICATE_KEY ? DUPLICATE_KEY : OTHER;
    }

    /**
     * What a database's own codes say of {@code failure}. A failure seldom says which database sent it,
     * and no database's own codes mean something else on another, so every database is asked.
     */
    private static SqlFailure ownCodes(SQLException failure) {
        for (DialectSupport database : DialectSupport.all()) {
            SqlFailure kind = database.classify(failure);
            if (kind != OTHER) {
                return kind;
            }
        }
        return OTHER;
    }
}
