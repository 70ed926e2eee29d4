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

    /** {@code target}, with every connection's commit rolled back and failed. */
    public static DataSource failingCommits(DataSource target) {
        return JdbcProxy.of(DataSource.class, (method, args) -> {
            Object result = JdbcProxy.invoke(target, method, args);
            if (method.getName().equals("getConnection")) {
                Connection connection = (Connection) result;
                connection.setAutoCommit(false);
                return failingCommit(connection);
            }
            return result;
        });
    }

    private static Connection failingCommit(Connection connection) {
        return JdbcProxy.of(Connection.class, (method, args) -> {
            if (method.getName().equals("commit")) {
                connection.rollback();
                throw new SQLException("commit failed (a test's injected failure)", "08006");
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
