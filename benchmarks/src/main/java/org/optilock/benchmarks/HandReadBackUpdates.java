package org.optilock.benchmarks;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.ToLongFunction;
import javax.sql.DataSource;

/**
 * The JDBC batch a careful programmer writes for rows whose new version the database decides, a
 * trigger's or a conditional version's: the UPDATEs as one batch, every row count checked, then the
 * new versions read back by key, 500 rows a query, in the same transaction, whose row locks keep the
 * rows as the batch left them. Only {@code updateAll}: these rows are deleted and inserted as a
 * counter's are.
 *
 * @param <E> the rows written
 */
final class HandReadBackUpdates<E> implements BatchContender<E> {

    private static final int CHUNK = 500;

    private final DataSource dataSource;
    private final String update;
    private final String table;
    private final HandJdbcBatches.Binder<E> binder;
    private final ToLongFunction<E> id;
    private final HandArrayRows.VersionSetter<E> version;

    private HandReadBackUpdates(DataSource dataSource, String table, String update, HandJdbcBatches.Binder<E> binder,
            ToLongFunction<E> id, HandArrayRows.VersionSetter<E> version) {
        this.dataSource = dataSource;
        this.table = table;
        this.update = update;
        this.binder = binder;
        this.id = id;
        this.version = version;
    }

    /** Documents whose version a trigger moves: the UPDATE does not name the version. */
    static HandReadBackUpdates<TriggeredDocument> triggered(DataSource dataSource) {
        return new HandReadBackUpdates<>(dataSource, "bench_triggered",
                "UPDATE bench_triggered SET title = ?, body = ?, counter = ? WHERE id = ? AND version = ?",
                (statement, d) -> {
                    statement.setString(1, d.title);
                    statement.setString(2, d.body);
                    statement.setLong(3, d.counter);
                    statement.setLong(4, d.id);
                    statement.setLong(5, d.version);
                }, d -> d.id, (d, v) -> d.version = v);
    }

    /**
     * Documents whose version moves only when the title or the body changes: the UPDATE compares them
     * with the row, as {@code database} spells "differs, NULL included", before it sets them.
     */
    static HandReadBackUpdates<ConditionalDocument> conditional(DataSource dataSource, Database database) {
        String differs = switch (database) {
            case MARIADB -> "NOT (%1$s <=> ?)";
            case SQLITE -> "%1$s IS NOT ?";
            default -> "%1$s IS DISTINCT FROM ?";
        };
        return new HandReadBackUpdates<>(dataSource, "bench_conditional",
                "UPDATE bench_conditional SET version = CASE WHEN " + differs.formatted("title") + " OR "
                        + differs.formatted("body") + " THEN version + 1 ELSE version END,"
                        + " title = ?, body = ?, counter = ? WHERE id = ? AND version = ?",
                (statement, d) -> {
                    statement.setString(1, d.title);
                    statement.setString(2, d.body);
                    statement.setString(3, d.title);
                    statement.setString(4, d.body);
                    statement.setLong(5, d.counter);
                    statement.setLong(6, d.id);
                    statement.setLong(7, d.version);
                }, d -> d.id, (d, v) -> d.version = v);
    }

    @Override
    public void updateAll(List<E> rows) {
        Map<Long, E> byKey = byKey(rows, id);
        HandJdbcBatches.inOneTransaction(dataSource, connection -> {
            if (!HandJdbcBatches.allWritten(connection, update, rows, binder)) {
                return false;
            }
            int read = 0;
            for (int from = 0; from < rows.size(); from += CHUNK) {
                read += readVersions(connection, table, rows.subList(from, Math.min(rows.size(), from + CHUNK)), byKey, id,
                        version);
            }
            return read == rows.size();
        });
    }

    /** The rows by key, to find each one a query of versions answers for. */
    static <E> Map<Long, E> byKey(List<E> rows, ToLongFunction<E> id) {
        Map<Long, E> byKey = new HashMap<>(rows.size() * 2);
        rows.forEach(row -> byKey.put(id.applyAsLong(row), row));
        return byKey;
    }

    /** Reads the versions of {@code chunk} in one query by key, each into its row; returns how many it read. */
    static <E> int readVersions(Connection connection, String table, List<E> chunk, Map<Long, E> byKey,
            ToLongFunction<E> id, HandArrayRows.VersionSetter<E> version) throws SQLException {
        int read = 0;
        try (PreparedStatement select = connection.prepareStatement("SELECT id, version FROM " + table
                + " WHERE id IN (" + String.join(", ", Collections.nCopies(chunk.size(), "?")) + ")")) {
            for (int i = 0; i < chunk.size(); i++) {
                select.setLong(i + 1, id.applyAsLong(chunk.get(i)));
            }
            try (ResultSet versions = select.executeQuery()) {
                while (versions.next()) {
                    version.set(byKey.get(versions.getLong(1)), versions.getLong(2));
                    read++;
                }
            }
        }
        return read;
    }

    @Override
    public void deleteAll(List<E> rows) {
        throw new UnsupportedOperationException("deleted as a counter's rows are");
    }

    @Override
    public void insertAll(List<E> rows) {
        throw new UnsupportedOperationException("inserted as a counter's rows are");
    }
}
