package org.optilock.benchmarks;

import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.Collections;
import java.util.List;
import java.util.function.ToLongFunction;
import javax.sql.DataSource;

/**
 * The best set-based UPDATE a careful programmer writes on H2, which has no joined UPDATE: a {@code
 * MERGE} from a {@code VALUES} list of 500 rows a statement, each value cast to its column's type as
 * the table declares it, in one transaction, every chunk checked by its row count. 500 rows a
 * statement, as Optilock's own path sends them, so the two are compared on the statement, not the
 * chunking; unlike Optilock it takes no savepoint, so it has no answer to a conflict but to give up
 * the whole batch. Only {@code updateAll}: on H2 a JDBC batch deletes fastest, and a multi-row
 * INSERT is the same statement on both sides.
 *
 * @param <E> the rows written
 */
final class HandMergedRows<E> implements BatchContender<E> {

    private static final int CHUNK = 500;

    private final DataSource dataSource;
    private final String table;
    private final String[] columns;
    private final String[] types;
    private final RowBinder<E> binder;
    private final ToLongFunction<E> version;
    private final HandArrayRows.VersionSetter<E> newVersion;

    /** Binds one row's values, in the order of the columns, from parameter {@code at} on. */
    interface RowBinder<E> {
        void bind(PreparedStatement statement, int at, E row) throws SQLException;
    }

    private HandMergedRows(DataSource dataSource, String table, String[] columns, String[] types, RowBinder<E> binder,
            ToLongFunction<E> version, HandArrayRows.VersionSetter<E> newVersion) {
        this.dataSource = dataSource;
        this.table = table;
        this.columns = columns;
        this.types = types;
        this.binder = binder;
        this.version = version;
        this.newVersion = newVersion;
    }

    /** The MERGE of {@code bench_document}. */
    static HandMergedRows<Document> documents(DataSource dataSource) {
        return new HandMergedRows<>(dataSource, "bench_document", new String[] {"title", "body", "counter"},
                new String[] {"VARCHAR(200)", "VARCHAR(4000)", "BIGINT"}, (statement, at, d) -> {
                    statement.setString(at, d.title);
                    statement.setString(at + 1, d.body);
                    statement.setLong(at + 2, d.counter);
                    statement.setLong(at + 3, d.id);
                    statement.setLong(at + 4, d.version);
                }, d -> d.version, (d, v) -> d.version = v);
    }

    /** The MERGE of {@code bench_entry}: timestamps and decimals bound as such, cast to their columns' types. */
    static HandMergedRows<Entry> entries(DataSource dataSource) {
        return new HandMergedRows<>(dataSource, "bench_entry", new String[] {"booked_at", "amount", "note", "counter"},
                new String[] {"TIMESTAMP", "DECIMAL(19, 4)", "VARCHAR(200)", "BIGINT"}, (statement, at, e) -> {
                    statement.setObject(at, e.bookedAt);
                    statement.setBigDecimal(at + 1, e.amount);
                    statement.setString(at + 2, e.note);
                    statement.setLong(at + 3, e.counter);
                    statement.setLong(at + 4, e.id);
                    statement.setLong(at + 5, e.version);
                }, e -> e.version, (e, v) -> e.version = v);
    }

    @Override
    public boolean does(BatchMatrix.Operation operation) {
        return operation == BatchMatrix.Operation.UPDATE_ALL;
    }

    @Override
    public void updateAll(List<E> rows) {
        HandJdbcBatches.inOneTransaction(dataSource, connection -> {
            for (int from = 0; from < rows.size(); from += CHUNK) {
                List<E> chunk = rows.subList(from, Math.min(rows.size(), from + CHUNK));
                try (PreparedStatement statement = connection.prepareStatement(merge(chunk.size()))) {
                    for (int r = 0; r < chunk.size(); r++) {
                        binder.bind(statement, 1 + r * (columns.length + 2), chunk.get(r));
                    }
                    if (statement.executeUpdate() != chunk.size()) {
                        return false;
                    }
                }
            }
            return true;
        });
        rows.forEach(row -> newVersion.set(row, version.applyAsLong(row) + 1));
    }

    /** The MERGE of {@code rows} rows: each row's columns, then its key and the version it holds. */
    private String merge(int rows) {
        StringBuilder row = new StringBuilder("(");
        for (String type : types) {
            row.append("CAST(? AS ").append(type).append("), ");
        }
        row.append("CAST(? AS BIGINT), CAST(? AS BIGINT))");
        StringBuilder set = new StringBuilder();
        for (String column : columns) {
            set.append(column).append(" = v.").append(column).append(", ");
        }
        return "MERGE INTO " + table + " AS t USING (VALUES " + String.join(", ", Collections.nCopies(rows, row))
                + ") AS v(" + String.join(", ", columns) + ", id, version) ON t.id = v.id AND t.version = v.version"
                + " WHEN MATCHED THEN UPDATE SET " + set + "version = v.version + 1";
    }

    @Override
    public void deleteAll(List<E> rows) {
        throw new UnsupportedOperationException("a JDBC batch deletes fastest on H2");
    }

    @Override
    public void insertAll(List<E> rows) {
        throw new UnsupportedOperationException("a multi-row INSERT is the same statement on both sides");
    }
}
