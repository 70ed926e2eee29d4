package org.optilock.tck;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import ee.jakarta.tck.data.framework.read.only.AsciiCharacter;
import ee.jakarta.tck.data.framework.read.only.NaturalNumber;
import ee.jakarta.tck.data.standalone.entity.Box;
import ee.jakarta.tck.data.standalone.entity.Coordinate;
import ee.jakarta.tck.data.standalone.persistence.Product;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import javax.sql.DataSource;
import org.h2.jdbcx.JdbcDataSource;
import org.optilock.runtime.Schema;

/**
 * The one database a TCK run uses, chosen by the system property {@code optilock.tck.database}
 * ({@code h2} or {@code postgresql}): started on first use, its tables created from the TCK's entities
 * by {@link Schema}, pooled as an application would pool it, and closed when the JVM exits.
 */
final class TckDatabase {

    /** The entities of the TCK's standalone tests for relational providers. */
    private static final Class<?>[] ENTITIES = {
        AsciiCharacter.class, NaturalNumber.class, Box.class, Coordinate.class, Product.class};

    private static DataSource dataSource;

    private TckDatabase() {}

    static synchronized DataSource dataSource() {
        if (dataSource == null) {
            String kind = System.getProperty("optilock.tck.database", "h2");
            HikariConfig pool = new HikariConfig();
            pool.setPoolName("tck-" + kind);
            pool.setMaximumPoolSize(5);
            switch (kind) {
                case "h2" -> {
                    JdbcDataSource h2 = new JdbcDataSource();
                    h2.setURL("jdbc:h2:mem:tck;DB_CLOSE_DELAY=-1");
                    pool.setDataSource(h2);
                }
                case "postgresql" -> pool.setDataSource(postgresql().getPostgresDatabase());
                default -> throw new IllegalArgumentException("optilock.tck.database is " + kind
                        + "; the TCK runs on h2 or postgresql");
            }
            HikariDataSource pooled = new HikariDataSource(pool);
            Runtime.getRuntime().addShutdownHook(new Thread(pooled::close));
            Schema.create(pooled, ENTITIES);
            dataSource = pooled;
        }
        return dataSource;
    }

    private static EmbeddedPostgres postgresql() {
        try {
            EmbeddedPostgres server = EmbeddedPostgres.builder().start();
            Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                try {
                    server.close();
                } catch (IOException e) {
                    // the JVM is exiting; the temporary data directory goes with it
                }
            }));
            return server;
        } catch (IOException e) {
            throw new UncheckedIOException("Could not start embedded PostgreSQL", e);
        }
    }
}
