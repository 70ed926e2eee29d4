package org.optilock.it.support;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import javax.sql.DataSource;

/** A data source whose statements fail, unrun, every SQL text that starts with a given prefix. */
public final class FailingStatementDataSource {

    private FailingStatementDataSource() {}

    /** {@code target}, refusing {@code Statement.execute} of any SQL that starts with {@code prefix}. */
    public static DataSource failing(DataSource target, String prefix) {
        return JdbcProxy.of(DataSource.class, (method, args) -> {
            Object result = JdbcProxy.invoke(target, method, args);
            return method.getName().equals("getConnection") ? connection((Connection) result, prefix) : result;
        });
    }

    private static Connection connection(Connection connection, String prefix) {
        return JdbcProxy.of(Connection.class, (method, args) -> {
            Object result = JdbcProxy.invoke(connection, method, args);
            return method.getName().equals("createStatement") ? statement((Statement) result, prefix) : result;
        });
    }

    private static Statement statement(Statement statement, String prefix) {
        return JdbcProxy.of(Statement.class, (method, args) -> {
            if (method.getName().equals("execute") && args != null && args[0] instanceof String sql
                    && sql.startsWith(prefix)) {
                throw new SQLException("refused by the test: " + sql);
            }
            return JdbcProxy.invoke(statement, method, args);
        });
    }
}
