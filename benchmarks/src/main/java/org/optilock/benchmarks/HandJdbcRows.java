package org.optilock.benchmarks;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import javax.sql.DataSource;

/**
 * What a careful programmer writes by hand: the same conditional UPDATE and SELECT as Optilock's.
 * {@code perCall} borrows a connection from the pool for each call, as a service does; otherwise one
 * connection and its prepared statements are held for the whole run, the floor no library can beat.
 */
final class HandJdbcRows implements RowContender {

    static final String UPDATE = "UPDATE bench_item SET name = ?, amount = ?, version = ? WHERE id = ? AND version = ?";
    static final String SELECT = "SELECT id, name, amount, version FROM bench_item WHERE id = ?";

    private final DataSource dataSource;
    private final Connection held;
    private final PreparedStatement heldUpdate;
    private final PreparedStatement heldSelect;

    private HandJdbcRows(DataSource dataSource, Connection held) throws SQLException {
        this.dataSource = dataSource;
        this.held = held;
        this.heldUpdate = held == null ? null : held.prepareStatement(UPDATE);
        this.heldSelect = held == null ? null : held.prepareStatement(SELECT);
    }

    static HandJdbcRows perCall(DataSource dataSource) {
        try {
            return new HandJdbcRows(dataSource, null);
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    static HandJdbcRows held(DataSource dataSource) {
        try {
            return new HandJdbcRows(dataSource, dataSource.getConnection());
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    public void update(Item item) {
        try {
            if (!write(item)) {
                throw new IllegalStateException("item " + item.id + " was changed meanwhile");
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    public Item find(long id) {
        try {
            if (held != null) {
                return read(heldSelect, id);
            }
            try (Connection connection = dataSource.getConnection();
                    PreparedStatement select = connection.prepareStatement(SELECT)) {
                return read(select, id);
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    public void conflict(Item stale) {
        try {
            if (write(stale)) {
                throw new IllegalStateException("a stale copy was written");
            }
            find(stale.id);
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    private boolean write(Item item) throws SQLException {
        if (held != null) {
            return write(heldUpdate, item);
        }
        try (Connection connection = dataSource.getConnection();
                PreparedStatement update = connection.prepareStatement(UPDATE)) {
            return write(update, item);
        }
    }

    private static boolean write(PreparedStatement update, Item item) throws SQLException {
        long next = item.version + 1;
        update.setString(1, item.name);
        update.setLong(2, item.amount);
        update.setLong(3, next);
        update.setLong(4, item.id);
        update.setLong(5, item.version);
        if (update.executeUpdate() == 0) {
            return false;
        }
        item.version = next;
        return true;
    }

    private static Item read(PreparedStatement select, long id) throws SQLException {
        select.setLong(1, id);
        try (ResultSet row = select.executeQuery()) {
            if (!row.next()) {
                throw new IllegalStateException("no item " + id);
            }
            Item item = new Item(row.getLong(1), row.getString(2), row.getLong(3));
            item.version = row.getLong(4);
            return item;
        }
    }

    @Override
    public void close() {
        if (held != null) {
            try {
                held.close();
            } catch (SQLException e) {
                throw new IllegalStateException(e);
            }
        }
    }
}
