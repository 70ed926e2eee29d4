package org.optilock.it.support;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
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
        return (DataSource) Proxy.newProxyInstance(FailingCommitDataSource.class.getClassLoader(),
                new Class<?>[] {DataSource.class}, (proxy, method, args) -> {
                    Object result = invoke(target, method, args);
                    if (method.getName().equals("getConnection")) {
                        Connection connection = (Connection) result;
                        connection.setAutoCommit(false);
                        return failingCommit(connection);
                    }
                    return result;
                });
    }

    private static Connection failingCommit(Connection connection) {
        return (Connection) Proxy.newProxyInstance(FailingCommitDataSource.class.getClassLoader(),
                new Class<?>[] {Connection.class}, (proxy, method, args) -> {
                    if (method.getName().equals("commit")) {
                        connection.rollback();
                        throw new SQLException("commit failed (a test's injected failure)", "08006");
                    }
                    if (method.getName().equals("close")) {
                        // A pooled connection goes back in auto-commit, as the pool hands it out.
                        connection.rollback();
                        connection.setAutoCommit(true);
                    }
                    return invoke(connection, method, args);
                });
    }

    private static Object invoke(Object target, Method method, Object[] args) throws Throwable {
        try {
            return method.invoke(target, args);
        } catch (InvocationTargetException e) {
            throw e.getCause();
        }
    }
}
