package org.optilock.runtime.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.BatchUpdateException;
import java.sql.SQLException;
import java.sql.SQLNonTransientConnectionException;
import java.sql.SQLTimeoutException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.optilock.runtime.DataAccessException;
import org.optilock.runtime.StatementTimeoutException;

/**
 * Each database's codes, as its driver reports them, classified: the SQLStates and vendor codes
 * below are the ones the integration tests meet on the real databases.
 */
class SqlFailureTest {

    @ParameterizedTest(name = "{0}: state {1}, code {2}, \"{3}\" is {4}")
    @CsvSource(nullValues = "-", value = {
            "standard,   40001, 0,    -,                                          CONCURRENT_WRITE",
            "PostgreSQL, 40P01, 0,    deadlock detected,                          CONCURRENT_WRITE",
            "MariaDB,    40001, 1213, Deadlock found,                             CONCURRENT_WRITE",
            "Galera,     -,     1213, WSREP detected deadlock/conflict,           CONCURRENT_WRITE",
            "SQLite,     -,     517,  [SQLITE_BUSY_SNAPSHOT] snapshot is stale,  CONCURRENT_WRITE",
            "PostgreSQL, 55P03, 0,    could not obtain lock,                      TIMEOUT",
            "PostgreSQL, 57014, 0,    canceling statement due to lock timeout,    TIMEOUT",
            "H2,         HYT00, 50200, Timeout trying to lock table,              TIMEOUT",
            "MariaDB,    HY000, 1205, Lock wait timeout exceeded,                 TIMEOUT",
            "MariaDB,    70100, 1969, Query execution was interrupted,            TIMEOUT",
            "MySQL,      HY000, 3024, maximum statement execution time exceeded,  TIMEOUT",
            "SQLite,     -,     5,    [SQLITE_BUSY] The database file is locked,  TIMEOUT",
            "standard,   08006, 0,    An I/O error occurred,                      CONNECTION_LOST",
            "PostgreSQL, 57P01, 0,    terminating connection,                     CONNECTION_LOST",
            "Galera,     HY000, 1180, 'Error while appending streaming replication fragment(provider status: Not connected to Primary Component)', CLUSTER_LOST",
            "Galera,     08S01, 1047, WSREP has not yet prepared node for application use, OUTSIDE_THE_CLUSTER",
            "MariaDB,    HY000, 1180, Got error 1 during COMMIT,                  OTHER",
            "standard,   23505, 0,    duplicate key,                              DUPLICATE_KEY",
            "MariaDB,    23000, 1062, Duplicate entry '1' for key 'PRIMARY',      DUPLICATE_KEY",
            "SQLite,     -,     1555, [SQLITE_CONSTRAINT_PRIMARYKEY] failed,      DUPLICATE_KEY",
            "SQLite,     -,     2067, [SQLITE_CONSTRAINT_UNIQUE] failed,          DUPLICATE_KEY",
            "SQLite,     -,     19,   [SQLITE_CONSTRAINT] UNIQUE failed,          OTHER",
            "H2,         42S02, 42102, Table not found,                           OTHER",
    })
    void eachDatabasesCodesAreClassified(String database, String state, int code, String message, SqlFailure kind) {
        assertEquals(kind, SqlFailure.of(new SQLException(message, state, code)), database);
    }

    @Test
    void aSqliteLookingMessageWithAStateIsNotSqlites() {
        assertEquals(SqlFailure.OTHER, SqlFailure.of(new SQLException("[SQLITE_BUSY] from elsewhere", "42000")));
    }

    @Test
    void theJdbcTypesSayItWhereTheCodesDoNot() {
        assertEquals(SqlFailure.TIMEOUT, SqlFailure.of(new SQLTimeoutException("query timeout")));
        assertEquals(SqlFailure.CONNECTION_LOST, SqlFailure.of(new SQLNonTransientConnectionException("closed")));
    }

    @Test
    void aFailedBatchIsClassifiedByTheExceptionsItChains() {
        BatchUpdateException batch = new BatchUpdateException("Batch entry 3 was aborted", "25P02", 0, new int[0], null);
        batch.setNextException(new SQLException("could not serialize access", "40001"));
        assertEquals(SqlFailure.CONCURRENT_WRITE, SqlFailure.of(batch));
    }

    @Test
    void aCauseIsClassifiedToo() {
        SQLException wrapper = new SQLException("commit failed", "XX000", new SQLException("deadlock", "40P01"));
        assertEquals(SqlFailure.CONCURRENT_WRITE, SqlFailure.of(wrapper));
    }

    @Test
    void theExceptionATimeoutBecomes() {
        DataAccessException e = SqlFailure.exception("update Note", new SQLException("lock", "55P03"));
        assertInstanceOf(StatementTimeoutException.class, e);
        assertTrue(e.getMessage().startsWith("Could not update Note: lock (SQLState 55P03)"), e.getMessage());
    }

    @Test
    void aLostConnectionSaysWhatItMeans() {
        DataAccessException e = SqlFailure.exception("find Note by id", new SQLException("gone", "08006"));
        assertEquals(DataAccessException.class, e.getClass());
        assertTrue(e.getMessage().contains("The connection was lost"), e.getMessage());
    }

    @Test
    void anyOtherFailureIsReportedAsTheDatabaseSaidIt() {
        DataAccessException e = SqlFailure.exception("insert Note", new SQLException("duplicate key", "23505"));
        assertEquals("Could not insert Note: duplicate key (SQLState 23505)", e.getMessage());
        assertNull(e.getCause().getNextException());
    }

    /** A database's own codes mean nothing on another: each is classified by one database alone. */
    @Test
    void noDatabaseClaimsAnothersCodes() {
        SQLException[] owned = {
                new SQLException("deadlock", "40P01"), new SQLException("x", "HYT00"),
                new SQLException("x", "HY000", 1213), new SQLException("[SQLITE_BUSY] x")};
        for (SQLException failure : owned) {
            long claims = DialectSupport.all().stream().filter(d -> d.classify(failure) != SqlFailure.OTHER).count();
            assertEquals(1, claims, failure.getMessage() + " " + failure.getSQLState());
        }
    }
}
