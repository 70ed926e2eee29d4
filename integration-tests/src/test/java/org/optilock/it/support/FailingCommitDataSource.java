package org.optilock.it.support;

import java.sql.Connection;
import java.sql.SQLException;
import javax.sql.DataSource;

/**
 * A data source whose connections come out of auto-commit, so the DAO commits them itself, and whose
 * commit fails after rolling the work back: what a lost connection or a failed certification does to
 * a commit.
 */
public final class FailingCommitDataSource {

    private FailingCommitDataSource() {}

    /** {@code target}, with every connection's commit rolled back and failed as a lost connection (08006). */
    public static DataSource failingCommits(DataSource target) {
        return failingCommits(target, "08006");
    }

    /**
     * {@code target}, with every connection's commit rolled back and failed with {@code sqlState}: 40001
     * is what a Galera node answers a commit that lost certification to another node's.
     */
    public static DataSource failingCommits(DataSource target, String sqlState) {
        return JdbcProxy.of(DataSource.class, (method, args) -> {
            Object result = JdbcProxy.invoke(target, method, args);
            if (method.getName().equals("getConnection")) {
                Connection connection = (Connection) result;
                connection.setAutoCommit(false);
                return failingCommit(connection, sqlState);
            }
            return result;
        });
    }

    private static Connection failingCommit(Connection connection, String sqlState) {
        return JdbcProxy.of(Connection.class, (method, args) -> {
            if (method.getName().equals("commit")) {
                connection.rollback();
                throw new SQLException("commit failed (a test's injected failure)", sqlState);
            }
            if (method.getName().equals("close")) {
                // A pooled connection goes back in auto-commit, as the pool hands it out.
                connection.rollback();
                connection.setAutoCommit(true);
            }
            return JdbcProxy.invoke(connection, method, args);
        });
    }
}
