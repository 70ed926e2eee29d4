package org.optilock.it.support;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicBoolean;
import javax.sql.DataSource;

/**
 * A data source whose connection dies for real just before it runs a chosen statement: the server ends
 * the session from another connection ({@code pg_terminate_backend} on PostgreSQL, {@code KILL
 * CONNECTION} on MariaDB, {@code ABORT_SESSION} on H2), and on SQLite, which has no server, the
 * connection is closed under the DAO. Only the first matching statement is hit. Test code only.
 */
public final class KillingDataSource {

    private static final Duration DEATH_WAIT = Duration.ofSeconds(10);

    private final TestDatabase database;
    private final String prefix;
    private final AtomicBoolean killed = new AtomicBoolean();

    private KillingDataSource(TestDatabase database, String prefix) {
        this.database = database;
        this.prefix = prefix;
    }

    /**
     * {@code database}'s data source, whose connection is killed just before it first executes SQL that
     * starts with {@code prefix} (a prepared statement's or a plain statement's).
     */
    public static KillingDataSource before(TestDatabase database, String prefix) {
        return new KillingDataSource(database, prefix);
    }

    /** Whether a connection has been killed. */
    public boolean killed() {
        return killed.get();
    }

    /** The data source to hand the code under test. */
    public DataSource dataSource() {
        DataSource target = database.dataSource();
        return JdbcProxy.of(DataSource.class, (method, args) -> {
            Object result = JdbcProxy.invoke(target, method, args);
            return method.getName().equals("getConnection") ? connection((Connection) result) : result;
        });
    }

    private Connection connection(Connection connection) throws SQLException {
        Object session = session(connection);
        return JdbcProxy.of(Connection.class, (method, args) -> {
            Object result = JdbcProxy.invoke(connection, method, args);
            if (method.getName().equals("prepareStatement")) {
                String sql = (String) args[0];
                return JdbcProxy.of(PreparedStatement.class, (call, callArgs) -> {
                    if (call.getName().startsWith("execute")) {
                        killIfDue(sql, connection, session);
                    }
                    return JdbcProxy.invoke(result, call, callArgs);
                });
            }
            if (method.getName().equals("createStatement")) {
                return JdbcProxy.of(Statement.class, (call, callArgs) -> {
                    if (call.getName().startsWith("execute") && callArgs != null && callArgs[0] instanceof String sql) {
                        killIfDue(sql, connection, session);
                    }
                    return JdbcProxy.invoke(result, call, callArgs);
                });
            }
            return result;
        });
    }

    private void killIfDue(String sql, Connection connection, Object session) throws SQLException {
        if (sql.startsWith(prefix) && killed.compareAndSet(false, true)) {
            kill(connection, session);
        }
    }

    /** The server's id of {@code connection}'s session; {@code null} on SQLite. */
    private Object session(Connection connection) throws SQLException {
        String sql = switch (database.kind()) {
            case POSTGRESQL -> "SELECT pg_backend_pid()";
            case MARIADB -> "SELECT CONNECTION_ID()";
            case H2 -> "SELECT SESSION_ID()";
            case SQLITE -> null;
        };
        if (sql == null) {
            return null;
        }
        try (Statement statement = connection.createStatement(); ResultSet resultSet = statement.executeQuery(sql)) {
            resultSet.next();
            return resultSet.getLong(1);
        }
    }

    private void kill(Connection connection, Object session) throws SQLException {
        if (database.kind() == DatabaseKind.SQLITE) {
            connection.close();
            return;
        }
        String kill = switch (database.kind()) {
            case POSTGRESQL -> "SELECT pg_terminate_backend(" + session + ")";
            case MARIADB -> "KILL CONNECTION " + session;
            case H2 -> "CALL ABORT_SESSION(" + session + ")";
            case SQLITE -> throw new AssertionError();
        };
        String alive = switch (database.kind()) {
            case POSTGRESQL -> "SELECT COUNT(*) FROM pg_stat_activity WHERE pid = " + session;
            case MARIADB -> "SELECT COUNT(*) FROM information_schema.PROCESSLIST WHERE ID = " + session;
            case H2 -> "SELECT COUNT(*) FROM INFORMATION_SCHEMA.SESSIONS WHERE SESSION_ID = " + session;
            case SQLITE -> throw new AssertionError();
        };
        try (Connection admin = database.dataSource().getConnection(); Statement statement = admin.createStatement()) {
            statement.execute(kill);
            long deadline = System.nanoTime() + DEATH_WAIT.toNanos();
            while (System.nanoTime() < deadline) {
                try (ResultSet resultSet = statement.executeQuery(alive)) {
                    resultSet.next();
                    if (resultSet.getLong(1) == 0) {
                        return;
                    }
                }
                Thread.onSpinWait();
            }
        }
        throw new IllegalStateException("session " + session + " still alive " + DEATH_WAIT + " after " + kill);
    }
}
