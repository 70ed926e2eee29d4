package org.optilock.it.support;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import javax.sql.DataSource;
import org.h2.jdbcx.JdbcDataSource;
import org.mariadb.jdbc.MariaDbDataSource;
import org.postgresql.ds.PGSimpleDataSource;
import org.sqlite.SQLiteConfig;
import org.sqlite.SQLiteDataSource;

/**
 * A fresh, empty database of one kind with the test schema: an H2 database in memory, an SQLite
 * file in a temporary folder, a schema of its own on the embedded PostgreSQL server, or a database
 * of its own on the embedded MariaDB server.
 */
public final class TestDatabase implements AutoCloseable {

    private static final AtomicInteger COUNT = new AtomicInteger();

    private final DatabaseKind kind;
    private final DataSource dataSource;
    private final String jdbcUrl;
    private final Runnable cleanUp;

    private TestDatabase(DatabaseKind kind, DataSource dataSource, String jdbcUrl, Runnable cleanUp) {
        this.kind = kind;
        this.dataSource = dataSource;
        this.jdbcUrl = jdbcUrl;
        this.cleanUp = cleanUp;
    }

    /** A new database of {@code kind}, with every test table. */
    public static TestDatabase create(DatabaseKind kind) {
        TestDatabase database = createEmpty(kind);
        database.runScript("/schema.sql");
        return database;
    }

    /** The test schema in the empty database of {@code dataSource}, on a server started elsewhere. */
    static TestDatabase withSchema(DatabaseKind kind, DataSource dataSource, String jdbcUrl, Runnable cleanUp) {
        TestDatabase database = new TestDatabase(kind, dataSource, jdbcUrl, cleanUp);
        database.runScript("/schema.sql");
        return database;
    }

    /** A new database of {@code kind} without any table. */
    public static TestDatabase createEmpty(DatabaseKind kind) {
        String name = "optilock" + COUNT.incrementAndGet();
        return switch (kind) {
            case H2 -> h2(name);
            case SQLITE -> sqlite(name);
            case POSTGRESQL -> postgresql(name);
            case MARIADB -> mariadb(name);
        };
    }

    /** A new H2 database in memory. */
    public static TestDatabase h2() {
        return create(DatabaseKind.H2);
    }

    private static TestDatabase h2(String name) {
        JdbcDataSource dataSource = new JdbcDataSource();
        dataSource.setURL("jdbc:h2:mem:" + name + ";DB_CLOSE_DELAY=-1");
        return new TestDatabase(DatabaseKind.H2, dataSource, dataSource.getURL(), () -> run(dataSource, "SHUTDOWN"));
    }

    private static TestDatabase sqlite(String name) {
        try {
            Path folder = Files.createTempDirectory("optilock-sqlite");
            SQLiteConfig config = new SQLiteConfig();
            config.setBusyTimeout(30_000); // writers wait for each other instead of failing at once
            SQLiteDataSource dataSource = new SQLiteDataSource(config);
            dataSource.setUrl("jdbc:sqlite:" + folder.resolve(name + ".db"));
            // Set once: WAL lasts with the file, and setting it on every connection takes a lock.
            run(dataSource, "PRAGMA journal_mode=WAL");
            return new TestDatabase(DatabaseKind.SQLITE, dataSource, dataSource.getUrl(), () -> delete(folder));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static TestDatabase postgresql(String name) {
        PGSimpleDataSource admin = postgresDataSource(EmbeddedPostgresServer.port());
        run(admin, "CREATE SCHEMA " + name);
        PGSimpleDataSource target = postgresDataSource(EmbeddedPostgresServer.port());
        target.setCurrentSchema(name);
        HikariConfig pool = new HikariConfig();
        pool.setDataSource(target);
        pool.setMaximumPoolSize(10);
        pool.setPoolName(name);
        HikariDataSource dataSource = new HikariDataSource(pool);
        String url = "jdbc:postgresql://localhost:" + EmbeddedPostgresServer.port() + "/postgres?user=postgres&currentSchema=" + name;
        return new TestDatabase(DatabaseKind.POSTGRESQL, dataSource, url, () -> {
            dataSource.close();
            run(admin, "DROP SCHEMA " + name + " CASCADE");
        });
    }

    private static TestDatabase mariadb(String name) {
        String server = "jdbc:mariadb://localhost:" + EmbeddedMariaDbServer.port() + "/";
        MariaDbDataSource admin = new MariaDbDataSource();
        try {
            admin.setUrl(server + "?user=root");
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
        run(admin, "CREATE DATABASE " + name + " CHARACTER SET utf8mb4 COLLATE utf8mb4_bin");
        String url = server + name + "?user=root";
        HikariConfig pool = new HikariConfig();
        pool.setJdbcUrl(url);
        pool.setMaximumPoolSize(10);
        pool.setPoolName(name);
        HikariDataSource dataSource = new HikariDataSource(pool);
        return new TestDatabase(DatabaseKind.MARIADB, dataSource, url, () -> {
            dataSource.close();
            run(admin, "DROP DATABASE " + name);
        });
    }

    private static PGSimpleDataSource postgresDataSource(int port) {
        PGSimpleDataSource dataSource = new PGSimpleDataSource();
        dataSource.setServerNames(new String[] {"localhost"});
        dataSource.setPortNumbers(new int[] {port});
        dataSource.setDatabaseName("postgres");
        dataSource.setUser("postgres");
        return dataSource;
    }

    public DatabaseKind kind() {
        return kind;
    }

    /**
     * Statements of an update that reads its new version back: one where the database returns
     * values from an update, two on MariaDB (the update, then the session variable it assigned).
     */
    public int statementsOfAReadBackUpdate() {
        return kind == DatabaseKind.MARIADB ? 2 : 1;
    }

    /** A JDBC URL of this database, user included, as a command line would take it. */
    public String jdbcUrl() {
        return jdbcUrl;
    }

    public DataSource dataSource() {
        return dataSource;
    }

    /**
     * This database's data source, with a lock wait of about half a second set on every connection it
     * hands out (a second on MariaDB, its least), as a service that prefers failing to waiting would set
     * it: PostgreSQL's {@code lock_timeout}, MariaDB's {@code innodb_lock_wait_timeout}, H2's
     * {@code LOCK_TIMEOUT}, SQLite's busy timeout.
     */
    public DataSource withShortLockWait() {
        String setting = switch (kind) {
            case POSTGRESQL -> "SET lock_timeout = '500ms'";
            case MARIADB -> "SET SESSION innodb_lock_wait_timeout = 1";
            case H2 -> "SET LOCK_TIMEOUT 500";
            case SQLITE -> "PRAGMA busy_timeout = 500";
        };
        return preparingConnections(connection -> {
            try (Statement statement = connection.createStatement()) {
                statement.execute(setting);
            }
        });
    }

    /**
     * This database's data source, with every connection it hands out in {@code isolation} and out of
     * auto-commit, so that the DAO commits each call itself. A pool puts both back when it takes the
     * connection back.
     */
    public DataSource withIsolation(int isolation) {
        return preparingConnections(connection -> {
            connection.setAutoCommit(false);
            connection.setTransactionIsolation(isolation);
        });
    }

    private interface ConnectionSetting {
        void apply(Connection connection) throws SQLException;
    }

    private DataSource preparingConnections(ConnectionSetting setting) {
        return JdbcProxy.of(DataSource.class, (method, args) -> {
            Object result = JdbcProxy.invoke(dataSource, method, args);
            if (method.getName().equals("getConnection")) {
                setting.apply((Connection) result);
            }
            return result;
        });
    }

    public Connection connection() throws SQLException {
        return dataSource.getConnection();
    }

    /** Runs one SQL statement outside any DAO, as another program would, and returns the rows it changed. */
    public int execute(String sql) {
        try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement()) {
            return statement.executeUpdate(sql);
        } catch (SQLException e) {
            throw new IllegalStateException(sql, e);
        }
    }

    /** Reads one whole number with plain JDBC; {@code null} when there is no row or the value is NULL. */
    public Long queryLong(String sql) {
        return query(sql, resultSet -> {
            long value = resultSet.getLong(1);
            return resultSet.wasNull() ? null : value;
        });
    }

    /** Reads one text value with plain JDBC. */
    public String queryString(String sql) {
        return query(sql, resultSet -> resultSet.getString(1));
    }

    private interface ColumnReader<T> {
        T read(ResultSet resultSet) throws SQLException;
    }

    private <T> T query(String sql, ColumnReader<T> reader) {
        try (Connection connection = dataSource.getConnection();
                Statement statement = connection.createStatement();
                ResultSet resultSet = statement.executeQuery(sql)) {
            return resultSet.next() ? reader.read(resultSet) : null;
        } catch (SQLException e) {
            throw new IllegalStateException(sql, e);
        }
    }

    private void runScript(String resource) {
        String script;
        try (InputStream in = TestDatabase.class.getResourceAsStream(resource)) {
            script = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        Matcher placeholders = Pattern.compile("\\{(\\w+)}").matcher(script);
        script = placeholders.replaceAll(match -> kind.columnType(match.group(1)));
        for (String ddl : script.split(";")) {
            if (!ddl.isBlank()) {
                run(dataSource, ddl);
            }
        }
    }

    static void run(DataSource dataSource, String sql) {
        try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement()) {
            statement.execute(sql);
        } catch (SQLException e) {
            throw new IllegalStateException(sql, e);
        }
    }

    private static void delete(Path folder) {
        try (var files = Files.walk(folder)) {
            files.sorted(java.util.Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void close() {
        cleanUp.run();
    }

    @Override
    public String toString() {
        return kind.name();
    }
}
