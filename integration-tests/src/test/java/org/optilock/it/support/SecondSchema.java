package org.optilock.it.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import javax.sql.DataSource;

/**
 * A schema beside a test database's own, named {@code app}, for entities with
 * {@code @Table(schema = "app")}: a schema on H2 and PostgreSQL, a database on MariaDB, an attached
 * database file on SQLite (attached to every connection of {@link #dataSource()}).
 */
public final class SecondSchema implements AutoCloseable {

    public static final String NAME = "app";

    private final TestDatabase database;
    private final DataSource dataSource;

    private SecondSchema(TestDatabase database, DataSource dataSource) {
        this.database = database;
        this.dataSource = dataSource;
    }

    /** Creates the schema for {@code database}, with {@code ddl} run in it (table names qualified). */
    public static SecondSchema create(TestDatabase database, String... ddl) {
        DataSource dataSource = database.dataSource();
        switch (database.kind()) {
            case H2, POSTGRESQL -> database.execute("CREATE SCHEMA " + NAME);
            case MARIADB -> database.execute("CREATE DATABASE " + NAME);
            case SQLITE -> dataSource = attaching(dataSource);
        }
        SecondSchema schema = new SecondSchema(database, dataSource);
        for (String sql : ddl) {
            schema.execute(sql);
        }
        return schema;
    }

    /** Connections that see the schema. */
    public DataSource dataSource() {
        return dataSource;
    }

    /** Runs one statement on a connection that sees the schema; returns the rows it changed. */
    public int execute(String sql) {
        try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement()) {
            return statement.executeUpdate(sql);
        } catch (SQLException e) {
            throw new IllegalStateException(sql, e);
        }
    }

    private static DataSource attaching(DataSource target) {
        Path file;
        try {
            file = Files.createTempFile("optilock-" + NAME, ".db");
            file.toFile().deleteOnExit();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return JdbcProxy.of(DataSource.class, (method, args) -> {
            Object result = JdbcProxy.invoke(target, method, args);
            if (method.getName().equals("getConnection")) {
                try (Statement statement = ((Connection) result).createStatement()) {
                    statement.execute("ATTACH DATABASE '" + file + "' AS " + NAME);
                }
            }
            return result;
        });
    }

    @Override
    public void close() {
        switch (database.kind()) {
            case POSTGRESQL -> database.execute("DROP SCHEMA " + NAME + " CASCADE");
            case MARIADB -> database.execute("DROP DATABASE " + NAME);
            case H2, SQLITE -> { } // gone with the database
        }
    }
}
