package org.optilock.it.support;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.concurrent.atomic.AtomicInteger;
import javax.sql.DataSource;
import org.h2.jdbcx.JdbcDataSource;

/** A fresh embedded H2 database with the test schema, gone when closed. */
public final class TestDatabase implements AutoCloseable {

    private static final AtomicInteger COUNT = new AtomicInteger();

    private final JdbcDataSource dataSource = new JdbcDataSource();
    private final Connection keepAlive;

    private TestDatabase() throws SQLException {
        dataSource.setURL("jdbc:h2:mem:optilock" + COUNT.incrementAndGet() + ";DB_CLOSE_DELAY=-1");
        keepAlive = dataSource.getConnection();
        try (Statement statement = keepAlive.createStatement()) {
            for (String ddl : schema().split(";")) {
                if (!ddl.isBlank()) {
                    statement.execute(ddl);
                }
            }
        }
    }

    /** A new H2 database in memory, with every test table. */
    public static TestDatabase h2() {
        try {
            return new TestDatabase();
        } catch (SQLException e) {
            throw new IllegalStateException("Could not start H2", e);
        }
    }

    public DataSource dataSource() {
        return dataSource;
    }

    public Connection connection() throws SQLException {
        return dataSource.getConnection();
    }

    /** Runs one SQL statement outside any DAO, as another program would. */
    public int execute(String sql) {
        try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement()) {
            return statement.executeUpdate(sql);
        } catch (SQLException e) {
            throw new IllegalStateException(sql, e);
        }
    }

    /** Reads one value with plain JDBC. */
    public Object queryValue(String sql) {
        try (Connection connection = dataSource.getConnection();
                Statement statement = connection.createStatement();
                var resultSet = statement.executeQuery(sql)) {
            return resultSet.next() ? resultSet.getObject(1) : null;
        } catch (SQLException e) {
            throw new IllegalStateException(sql, e);
        }
    }

    private static String schema() {
        try (InputStream in = TestDatabase.class.getResourceAsStream("/schema-h2.sql")) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void close() throws SQLException {
        try (Statement statement = keepAlive.createStatement()) {
            statement.execute("SHUTDOWN");
        }
        keepAlive.close();
    }
}
