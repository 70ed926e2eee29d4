package org.optilock.it.support;

import java.util.Map;

/** The databases every integration test runs on, each embedded and started by the tests. */
public enum DatabaseKind {
    H2(Map.of(
            "IDENTITY_BIGINT", "BIGINT AUTO_INCREMENT PRIMARY KEY",
            "IDENTITY_INT", "INTEGER AUTO_INCREMENT PRIMARY KEY",
            "UUID", "UUID",
            "TIMESTAMPTZ", "TIMESTAMP(6) WITH TIME ZONE",
            "TIMESTAMP", "TIMESTAMP(6)",
            "TINYINT", "TINYINT",
            "BINARY", "VARBINARY(1000)")),
    SQLITE(Map.of(
            "IDENTITY_BIGINT", "INTEGER PRIMARY KEY AUTOINCREMENT",
            "IDENTITY_INT", "INTEGER PRIMARY KEY AUTOINCREMENT",
            "UUID", "TEXT",
            "TIMESTAMPTZ", "TEXT",
            "TIMESTAMP", "TEXT",
            "TINYINT", "TINYINT",
            "BINARY", "BLOB")),
    POSTGRESQL(Map.of(
            "IDENTITY_BIGINT", "BIGSERIAL PRIMARY KEY",
            "IDENTITY_INT", "SERIAL PRIMARY KEY",
            "UUID", "UUID",
            "TIMESTAMPTZ", "TIMESTAMP(6) WITH TIME ZONE",
            "TIMESTAMP", "TIMESTAMP(6)",
            "TINYINT", "SMALLINT",
            "BINARY", "BYTEA")),
    MARIADB(Map.of(
            "IDENTITY_BIGINT", "BIGINT AUTO_INCREMENT PRIMARY KEY",
            "IDENTITY_INT", "INTEGER AUTO_INCREMENT PRIMARY KEY",
            "UUID", "CHAR(36)",
            "TIMESTAMPTZ", "DATETIME(6)",
            "TIMESTAMP", "DATETIME(6)",
            "TINYINT", "TINYINT",
            "BINARY", "VARBINARY(1000)"));

    private final Map<String, String> columnTypes;

    DatabaseKind(Map<String, String> columnTypes) {
        this.columnTypes = columnTypes;
    }

    /** How this database spells a column type the test schema names in braces, such as {@code {UUID}}. */
    String columnType(String placeholder) {
        String type = columnTypes.get(placeholder);
        if (type == null) {
            throw new IllegalArgumentException("schema.sql names an unknown column type {" + placeholder + "}");
        }
        return type;
    }
}
