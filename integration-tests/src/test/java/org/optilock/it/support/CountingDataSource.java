package org.optilock.it.support;

import java.lang.reflect.Method;
import java.sql.Connection;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import javax.sql.DataSource;

/**
 * Wraps a real {@link DataSource} and counts the statements executed through it, so tests can
 * prove how many round trips an operation costs. Test code only.
 */
public final class CountingDataSource {

    private static final Set<String> EXECUTIONS =
            Set.of("execute", "executeQuery", "executeUpdate", "executeLargeUpdate", "executeBatch", "executeLargeBatch");

    private final DataSource target;
    private final List<String> executed = Collections.synchronizedList(new ArrayList<>());
    private final List<String> prepared = Collections.synchronizedList(new ArrayList<>());
    private final AtomicInteger metadataReads = new AtomicInteger();
    private final AtomicInteger open = new AtomicInteger();

    public CountingDataSource(DataSource target) {
        this.target = target;
    }

    /** The counting data source. */
    public DataSource dataSource() {
        return proxy(DataSource.class, target, (method, result, args) -> {
            if (!method.getName().equals("getConnection")) {
                return result;
            }
            open.incrementAndGet();
            return connection((Connection) result);
        });
    }

    /** A counting view of one connection. */
    public Connection connection(Connection connection) {
        return proxy(Connection.class, connection, (method, result, args) -> {
            if (method.getName().equals("getMetaData")) {
                metadataReads.incrementAndGet();
            }
            if (method.getName().equals("close")) {
                open.decrementAndGet();
            }
            if (method.getName().equals("prepareStatement")) {
                String sql = (String) args[0];
                prepared.add(sql);
                return proxy(java.sql.PreparedStatement.class, result, (m, r, a) -> {
                    if (EXECUTIONS.contains(m.getName())) {
                        executed.add(sql);
                    }
                    return r;
                });
            }
            if (method.getName().equals("createStatement")) {
                return proxy(Statement.class, result, (m, r, a) -> {
                    if (EXECUTIONS.contains(m.getName())) {
                        executed.add(a == null ? "?" : String.valueOf(a[0]));
                    }
                    return r;
                });
            }
            return result;
        });
    }

    /** How many connections taken from this data source are not closed yet. */
    public int openConnections() {
        return open.get();
    }

    /** How many statements ran since the last {@link #reset()}. */
    public int count() {
        return executed.size();
    }

    /** The SQL of the statements that ran since the last {@link #reset()}. */
    public List<String> statements() {
        synchronized (executed) {
            return List.copyOf(executed);
        }
    }

    /** The SQL of each statement prepared since the last {@link #reset()}, as often as it was prepared. */
    public List<String> prepared() {
        synchronized (prepared) {
            return List.copyOf(prepared);
        }
    }

    /** How often connection metadata was asked for, in all. */
    public int metadataReads() {
        return metadataReads.get();
    }

    public void reset() {
        executed.clear();
        prepared.clear();
    }

    private interface AfterCall {
        Object apply(Method method, Object result, Object[] args) throws Exception;
    }

    private static <T> T proxy(Class<T> type, Object target, AfterCall after) {
        return JdbcProxy.of(type, (method, args) -> after.apply(method, JdbcProxy.invoke(target, method, args), args));
    }
}
