package org.optilock.benchmarks;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.List;
import javax.sql.DataSource;

/**
 * The JDBC batch a careful programmer writes: the same conditional statements, one batch, one
 * transaction, every row count checked, rolled back if any row was changed meanwhile.
 */
final class HandJdbcBatches implements BatchContender<Item> {

    private static final String DELETE = "DELETE FROM bench_item WHERE id = ? AND version = ?";
    private static final String INSERT = "INSERT INTO bench_item (id, name, amount, version) VALUES (?, ?, ?, 1)";

    private final DataSource dataSource;

    HandJdbcBatches(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    @Override
    public void updateAll(List<Item> items) {
        run(dataSource, HandJdbcRows.UPDATE, items, (statement, item) -> {
            statement.setString(1, item.name);
            statement.setLong(2, item.amount);
            statement.setLong(3, item.version + 1);
            statement.setLong(4, item.id);
            statement.setLong(5, item.version);
        });
        items.forEach(item -> item.version++);
    }

    @Override
    public void deleteAll(List<Item> items) {
        run(dataSource, DELETE, items, (statement, item) -> {
            statement.setLong(1, item.id);
            statement.setLong(2, item.version);
        });
    }

    @Override
    public void insertAll(List<Item> items) {
        run(dataSource, INSERT, items, (statement, item) -> {
            statement.setLong(1, item.id);
            statement.setString(2, item.name);
            statement.setLong(3, item.amount);
        });
        items.forEach(item -> item.version = 1);
    }

    /** Binds one row. */
    interface Binder<E> {
        void bind(PreparedStatement statement, E row) throws SQLException;
    }

    /**
     * Sends {@code sql} for every row as one JDBC batch in one transaction, and commits only if each
     * row was written.
     */
    static <E> void run(DataSource dataSource, String sql, List<E> rows, Binder<E> binder) {
        inOneTransaction(dataSource, connection -> allWritten(connection, sql, rows, binder));
    }

    /** Sends {@code sql} for every row as one JDBC batch on {@code connection}; whether each row was written. */
    static <E> boolean allWritten(Connection connection, String sql, List<E> rows, Binder<E> binder) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(sql)) {
            for (E row : rows) {
                binder.bind(statement, row);
                statement.addBatch();
            }
            for (int count : statement.executeBatch()) {
                if (count == 0) {
                    return false;
                }
            }
            return true;
        }
    }

    /** Work on one connection that says whether every row was written. */
    interface Writes {
        boolean allWritten(Connection connection) throws SQLException;
    }

    /**
     * Runs {@code writes} in one transaction on a connection of {@code dataSource}: committed when
     * every row was written, rolled back and refused when one was not.
     */
    static void inOneTransaction(DataSource dataSource, Writes writes) {
        try (Connection connection = dataSource.getConnection()) {
            connection.setAutoCommit(false);
            try {
                if (!writes.allWritten(connection)) {
                    connection.rollback();
                    throw new IllegalStateException("a row was changed meanwhile; nothing was written");
                }
                connection.commit();
            } finally {
                connection.setAutoCommit(true);
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }
}
