package org.optilock.it.support;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import javax.sql.DataSource;

/**
 * A JDBC interface whose calls pass through a handler: how the test wrappers make a real driver fail
 * or answer one call as a chosen driver would, with everything else reaching the real object.
 */
final class JdbcProxy {

    /** Handles one call; {@link #invoke} passes it on to the real object. */
    interface Handler {
        Object handle(Method method, Object[] args) throws Throwable;
    }

    /** Replaces a prepared statement of the given SQL with one of the wrapper's. */
    interface StatementWrapper {
        PreparedStatement wrap(String sql, PreparedStatement statement) throws SQLException;
    }

    private JdbcProxy() {}

    /** {@code target}, whose connections' prepared statements pass through {@code wrapper}. */
    static DataSource wrappingStatements(DataSource target, StatementWrapper wrapper) {
        return of(DataSource.class, (method, args) -> {
            Object result = invoke(target, method, args);
            if (!method.getName().equals("getConnection")) {
                return result;
            }
            Connection connection = (Connection) result;
            return of(Connection.class, (call, callArgs) -> {
                Object made = invoke(connection, call, callArgs);
                return call.getName().equals("prepareStatement")
                        ? wrapper.wrap((String) callArgs[0], (PreparedStatement) made)
                        : made;
            });
        });
    }

    /** An instance of {@code type} whose every call goes to {@code handler}. */
    static <T> T of(Class<T> type, Handler handler) {
        return type.cast(Proxy.newProxyInstance(JdbcProxy.class.getClassLoader(), new Class<?>[] {type},
                (proxy, method, args) -> handler.handle(method, args)));
    }

    /** Calls {@code method} on the real {@code target}, throwing what it throws. */
    static Object invoke(Object target, Method method, Object[] args) throws Throwable {
        try {
            return method.invoke(target, args);
        } catch (InvocationTargetException e) {
            throw e.getCause();
        }
    }
}
