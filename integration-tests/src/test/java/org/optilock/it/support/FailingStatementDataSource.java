package org.optilock.it.support;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import javax.sql.DataSource;

/** A data source whose statements fail, unrun, every SQL text that starts with a given prefix. */
public final class FailingStatementDataSource {

    private FailingStatementDataSource() {}

    /** {@code target}, refusing {@code Statement.execute} of any SQL that starts with {@code prefix}. */
    public static DataSource failing(DataSource target, String prefix) {
        return proxy(DataSource.class, target, (method, args, result) ->
                method.getName().equals("getConnection") ? connection((Connection) result, prefix) : result);
    }

    private static Connection connection(Connection connection, String prefix) {
        return proxy(Connection.class, connection, (method, args, result) ->
                method.getName().equals("createStatement") ? statement((Statement) result, prefix) : result);
    }

    private static Statement statement(Statement statement, String prefix) {
        return (Statement) Proxy.newProxyInstance(FailingStatementDataSource.class.getClassLoader(),
                new Class<?>[] {Statement.class}, (proxy, method, args) -> {
                    if (method.getName().equals("execute") && args != null && args[0] instanceof String sql
                            && sql.startsWith(prefix)) {
                        throw new SQLException("refused by the test: " + sql);
                    }
                    return invoke(statement, method, args);
                });
    }

    private interface After {
        Object wrap(Method method, Object[] args, Object result);
    }

    private static <T> T proxy(Class<T> type, T target, After after) {
        return type.cast(Proxy.newProxyInstance(FailingStatementDataSource.class.getClassLoader(), new Class<?>[] {type},
                (proxy, method, args) -> after.wrap(method, args, invoke(target, method, args))));
    }

    private static Object invoke(Object target, Method method, Object[] args) throws Throwable {
        try {
            return method.invoke(target, args);
        } catch (InvocationTargetException e) {
            throw e.getCause();
        }
    }
}
