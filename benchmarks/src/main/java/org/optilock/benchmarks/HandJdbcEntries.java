package org.optilock.benchmarks;

import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Types;
import java.util.List;
import javax.sql.DataSource;

/** The JDBC batch a careful programmer writes for ledger entries, as {@link HandJdbcDocuments} for documents. */
final class HandJdbcEntries implements BatchContender<Entry> {

    private final DataSource dataSource;

    HandJdbcEntries(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    @Override
    public void updateAll(List<Entry> entries) {
        HandJdbcBatches.run(dataSource, "UPDATE bench_entry SET booked_at = ?, amount = ?, note = ?, counter = ?,"
                + " version = ? WHERE id = ? AND version = ?", entries, (statement, entry) -> {
                    bindValues(statement, 1, entry);
                    statement.setLong(5, entry.version + 1);
                    statement.setLong(6, entry.id);
                    statement.setLong(7, entry.version);
                });
        entries.forEach(entry -> entry.version++);
    }

    @Override
    public void deleteAll(List<Entry> entries) {
        HandJdbcBatches.run(dataSource, "DELETE FROM bench_entry WHERE id = ? AND version = ?", entries,
                (statement, entry) -> {
                    statement.setLong(1, entry.id);
                    statement.setLong(2, entry.version);
                });
    }

    @Override
    public void insertAll(List<Entry> entries) {
        HandJdbcBatches.run(dataSource, "INSERT INTO bench_entry (id, booked_at, amount, note, counter, version)"
                + " VALUES (?, ?, ?, ?, ?, 1)", entries, (statement, entry) -> {
                    statement.setLong(1, entry.id);
                    bindValues(statement, 2, entry);
                });
        entries.forEach(entry -> entry.version = 1);
    }

    /** Binds the timestamp, amount, note and counter from parameter {@code at} on. */
    private static void bindValues(PreparedStatement statement, int at, Entry entry) throws SQLException {
        statement.setObject(at, entry.bookedAt);
        statement.setBigDecimal(at + 1, entry.amount);
        if (entry.note == null) {
            statement.setNull(at + 2, Types.VARCHAR);
        } else {
            statement.setString(at + 2, entry.note);
        }
        statement.setLong(at + 3, entry.counter);
    }
}
