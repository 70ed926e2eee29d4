package org.optilock.runtime.internal;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;

/**
 * How a key of one column is bound to a SELECT by key, and read back where the database generates
 * it: chosen at compile time for the common key types, so that their DAOs need not say it, as
 * {@link VersionType} is for versions. Keys are boxed here, as the DAOs' key type argument is.
 */
public enum KeyType {

    /** A {@code long} or {@code Long} key. */
    LONG,
    /** An {@code int} or {@code Integer} key. */
    INTEGER,
    /** A {@code String} key. */
    STRING,
    /** A {@code UUID} key. */
    UUID,
    /** A key of several columns, or of another type: its DAO binds and reads it itself. */
    OTHER;

    /** Binds {@code key} to parameter {@code index}. */
    void bind(PreparedStatement statement, int index, Object key) throws SQLException {
        switch (this) {
            case LONG -> ColumnValues.setLong(statement, index, (Long) key);
            case INTEGER -> ColumnValues.setInteger(statement, index, (Integer) key);
            case STRING -> statement.setString(index, (String) key);
            case UUID -> ColumnValues.setUuid(statement, index, (java.util.UUID) key);
            case OTHER -> throw new IllegalStateException("A DAO whose key is of several columns or another type binds it itself");
        }
    }

    /** The key in {@code column} of the current row. */
    Object read(ResultSet resultSet, int column) throws SQLException {
        return switch (this) {
            case LONG -> ColumnValues.getLong(resultSet, column);
            case INTEGER -> ColumnValues.getInteger(resultSet, column);
            case STRING -> resultSet.getString(column);
            case UUID -> ColumnValues.getUuid(resultSet, column);
            case OTHER -> throw new IllegalStateException("A DAO whose key is of several columns or another type reads it itself");
        };
    }
}
