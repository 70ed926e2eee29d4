package org.optilock.benchmarks;

import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.Statement;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import javax.sql.DataSource;

/**
 * A data source that counts the statements executed through it (a JDBC batch counts once: it is one
 * round trip), to show what one operation of each contender costs. Used outside the timed runs only:
 * the proxy would cost time of its own.
 */
final class StatementCounter {

    private static final Set<String> EXECUTIONS =
            Set.of("execute", "executeQuery", "executeUpdate", "executeLargeUpdate", "executeBatch", "executeLargeBatch");

    private final DataSource dataSource;
    private final AtomicInteger count = new AtomicInteger();

    StatementCounter(DataSource target) {
        this.dataSource = proxy(DataSource.class, target);
    }

    DataSource dataSource() {
        return dataSource;
    }

    /** The statements executed since the last call, and starts counting again. */
    int take() {
        return count.getAndSet(0);
    }

    private <T> T proxy(Class<T> type, T target) {
        InvocationHandler handler = (self, method, arguments) -> {
            Object result;
            try {
                result = method.invoke(target, arguments);
            } catch (InvocationTargetException e) {
                throw e.getCause();
            }
            if (result instanceof Connection connection && !(result instanceof Proxy)) {
                return proxy(Connection.class, connection);
            }
            if (result instanceof Statement statement && method.getReturnType().isInterface()) {
                return proxy(statementType(method.getReturnType()), statement);
            }
            if (target instanceof Statement && EXECUTIONS.contains(method.getName())) {
                count.incrementAndGet();
            }
            return result;
        };
        return type.cast(Proxy.newProxyInstance(type.getClassLoader(), new Class<?>[] {type}, handler));
    }

    @SuppressWarnings("unchecked")
    private static <S extends Statement> Class<S> statementType(Class<?> declared) {
        return (Class<S>) declared;
    }
}
