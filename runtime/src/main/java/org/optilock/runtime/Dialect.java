package org.optilock.runtime;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.Locale;

/**
 * The databases Optilock generates SQL for. A DAO detects its database from the connection's
 * metadata once, on its first call, and picks the statements generated for it.
 */
public enum Dialect {
    /** H2 2.x: reads values back through {@code FINAL TABLE}. */
    H2,
    /** PostgreSQL: reads values back through {@code RETURNING}. */
    POSTGRESQL,
    /** SQLite 3.35 or later: reads values back through {@code RETURNING}. */
    SQLITE,
    /** MySQL 8 and MariaDB: read values back through a session variable, one statement more. */
    MYSQL;

    /**
     * The dialect of the database behind {@code connection}.
     *
     * @throws SQLException if the metadata cannot be read or names a database Optilock does not know
     */
    public static Dialect of(Connection connection) throws SQLException {
        String product = connection.getMetaData().getDatabaseProductName();
        return fromProductName(product);
    }

    /**
     * The dialect of a JDBC {@code DatabaseMetaData.getDatabaseProductName()}.
     *
     * @throws SQLException for a database Optilock does not know
     */
    public static Dialect fromProductName(String product) throws SQLException {
        String name = product == null ? "" : product.toLowerCase(Locale.ROOT);
        if (name.startsWith("h2")) {
            return H2;
        }
        if (name.contains("postgresql")) {
            return POSTGRESQL;
        }
        if (name.contains("sqlite")) {
            return SQLITE;
        }
        if (name.contains("mysql") || name.contains("mariadb")) {
            return MYSQL;
        }
        throw new SQLException("Optilock does not support the database '" + product
                + "'; it supports H2, PostgreSQL, SQLite, MySQL and MariaDB.");
    }
}
