package org.optilock.benchmarks;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import javax.sql.DataSource;

/** The databases the benchmarks run on, each started by the benchmark itself. */
public enum Database {
    /** H2 in memory, in the benchmark's own process. */
    H2,
    /** A real PostgreSQL server, started from a Maven dependency once per JVM. */
    POSTGRESQL;

    /**
     * The system property naming a PostgreSQL server already running, by JDBC URL: the full run starts
     * one and hands it to every forked benchmark JVM, which would otherwise each start their own.
     */
    public static final String SHARED_POSTGRES = "optilock.bench.postgres";

    private static final AtomicInteger NAMES = new AtomicInteger();
    private static EmbeddedPostgres postgres;

    /** A pool over a fresh, empty {@code bench_item} table: the pool every contender borrows from. */
    public HikariDataSource open() {
        HikariDataSource pool = pool();
        createTable(pool);
        return pool;
    }

    /** A pool over this database, its tables as they are. */
    HikariDataSource pool() {
        HikariConfig config = new HikariConfig();
        config.setMaximumPoolSize(4);
        if (this == H2) {
            config.setJdbcUrl("jdbc:h2:mem:bench" + NAMES.incrementAndGet() + ";DB_CLOSE_DELAY=-1");
        } else {
            String shared = System.getProperty(SHARED_POSTGRES);
            config.setJdbcUrl(shared != null ? shared : postgres().getJdbcUrl("postgres", "postgres"));
        }
        return new HikariDataSource(config);
    }

    /** A new, empty {@code bench_item} table in place of the one there was. */
    void createTable(HikariDataSource pool) {
        try (Connection connection = pool.getConnection(); Statement statement = connection.createStatement()) {
            statement.execute("DROP TABLE IF EXISTS bench_item");
            statement.execute("CREATE TABLE bench_item (id BIGINT PRIMARY KEY, name VARCHAR(100), "
                    + "amount BIGINT NOT NULL, version BIGINT NOT NULL)");
        } catch (SQLException e) {
            pool.close();
            throw new IllegalStateException("could not create the benchmark table on " + this, e);
        }
    }

    /** Items 1 to {@code count}, inserted with version 1, and returned as a client's copies. */
    public static List<Item> seed(DataSource dataSource, int count) {
        List<Item> items = new ArrayList<>(count);
        try (Connection connection = dataSource.getConnection()) {
            connection.setAutoCommit(false);
            try (Statement statement = connection.createStatement();
                    PreparedStatement insert = connection.prepareStatement(
                            "INSERT INTO bench_item (id, name, amount, version) VALUES (?, ?, ?, 1)")) {
                statement.execute("DELETE FROM bench_item");
                for (long id = 1; id <= count; id++) {
                    Item item = new Item(id, "item " + id, id);
                    item.version = 1;
                    insert.setLong(1, id);
                    insert.setString(2, item.name);
                    insert.setLong(3, item.amount);
                    insert.addBatch();
                    items.add(item);
                }
                insert.executeBatch();
            }
            connection.commit();
            connection.setAutoCommit(true);
        } catch (SQLException e) {
            throw new IllegalStateException("could not seed the benchmark table", e);
        }
        return items;
    }

    /** The JDBC URL of this JVM's embedded PostgreSQL, started if it is not running yet. */
    public static String startPostgres() {
        return postgres().getJdbcUrl("postgres", "postgres");
    }

    private static synchronized EmbeddedPostgres postgres() {
        if (postgres == null) {
            try {
                // Commits do not wait for the disk: the benchmarks measure the work of the statements,
                // not the latency of a virtual machine's disk, which would drown it in noise.
                // Autovacuum looks every second, not every minute: a trial rewrites its table thousands of
                // times in a few seconds, and with the default nap it would measure a table no live server
                // keeps, never analyzed and holding a million dead rows.
                postgres = EmbeddedPostgres.builder()
                        .setServerConfig("synchronous_commit", "off")
                        .setServerConfig("autovacuum_naptime", "1")
                        .start();
            } catch (IOException e) {
                throw new UncheckedIOException("could not start the embedded PostgreSQL", e);
            }
            Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                try {
                    postgres.close();
                } catch (IOException e) {
                    // The JVM is going away; the server's files go with the temporary directory.
                }
            }));
        }
        return postgres;
    }
}
