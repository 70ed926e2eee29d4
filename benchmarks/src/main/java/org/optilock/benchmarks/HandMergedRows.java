package org.optilock.benchmarks;

import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.Collections;
import java.util.List;
import java.util.function.ToLongFunction;
import javax.sql.DataSource;

/**
 * The best set-based statements a careful programmer writes on H2, which has no joined UPDATE or
 * DELETE: a {@code MERGE} from a {@code VALUES} list of 500 rows a statement, each value cast to its
 * column's type as the table declares it, for updates and deletes, and a multi-row {@code VALUES}
 * list of 100 rows a statement for inserts; in one transaction, every statement checked by its row
 * count. The chunks are Optilock's own, so the two are compared on the statements, not the chunking;
 * unlike Optilock it takes no savepoint, so it has no answer to a conflict but to give up the whole
 * batch.
 *
 * @param <E> the rows written
 */
final class HandMergedRows<E> implements BatchContender<E> {

    private static final int MERGED = 500;
    private static final int INSERTED = 100;

    private final DataSource dataSource;
    private final String table;
    private final String[] columns;
    private final String[] types;
    private final ColumnsBinder<E> binder;
    private final ToLongFunction<E> id;
    private final ToLongFunction<E> version;
    private final HandArrayRows.VersionSetter<E> newVersion;

    /** Binds one row's columns, key and version apart, in their order, from parameter {@code at} on. */
    interface ColumnsBinder<E> {
        void bind(PreparedStatement statement, int at, E row) throws SQLException;
    }

    /** Binds one row of a statement, from parameter {@code at} on. */
    private interface RowBinder<E> {
        void bind(PreparedStatement statement, int at, E row) throws SQLException;
    }

    private HandMergedRows(DataSource dataSource, String table, String[] columns, String[] types,
            ColumnsBinder<E> binder, ToLongFunction<E> id, ToLongFunction<E> version,
            HandArrayRows.VersionSetter<E> newVersion) {
        this.dataSource = dataSource;
        this.table = table;
        this.columns = columns;
        this.types = types;
        this.binder = binder;
        this.id = id;
        this.version = version;
        this.newVersion = newVersion;
    }

    /** The statements of {@code bench_document}. */
    static HandMergedRows<Document> documents(DataSource dataSource) {
        return new HandMergedRows<>(dataSource, "bench_document", new String[] {"title", "body", "counter"},
                new String[] {"VARCHAR(200)", "VARCHAR(4000)", "BIGINT"}, (statement, at, d) -> {
                    statement.setString(at, d.title);
                    statement.setString(at + 1, d.body);
                    statement.setLong(at + 2, d.counter);
                }, d -> d.id, d -> d.version, (d, v) -> d.version = v);
    }

    /** The statements of {@code bench_entry}: timestamps and decimals bound as such, cast to their columns' types. */
    static HandMergedRows<Entry> entries(DataSource dataSource) {
        return new HandMergedRows<>(dataSource, "bench_entry", new String[] {"booked_at", "amount", "note", "counter"},
                new String[] {"TIMESTAMP", "DECIMAL(19, 4)", "VARCHAR(200)", "BIGINT"}, (statement, at, e) -> {
                    statement.setObject(at, e.bookedAt);
                    statement.setBigDecimal(at + 1, e.amount);
                    statement.setString(at + 2, e.note);
                    statement.setLong(at + 3, e.counter);
                }, e -> e.id, e -> e.version, (e, v) -> e.version = v);
    }

    @Override
    public void updateAll(List<E> rows) {
        StringBuilder values = new StringBuilder("(");
        StringBuilder set = new StringBuilder();
        for (int c = 0; c < columns.length; c++) {
            values.append("CAST(? AS ").append(types[c]).append("), ");
            set.append(columns[c]).append(" = v.").append(columns[c]).append(", ");
        }
        values.append("CAST(? AS BIGINT), CAST(? AS BIGINT))");
        String into = " AS v(" + String.join(", ", columns) + ", id, version) ON t.id = v.id AND t.version = v.version"
                + " WHEN MATCHED THEN UPDATE SET " + set + "version = v.version + 1";
        int width = columns.length + 2;
        run(rows, MERGED, count -> "MERGE INTO " + table + " AS t USING (VALUES "
                + String.join(", ", Collections.nCopies(count, values)) + ")" + into,
                (statement, at, row) -> {
                    binder.bind(statement, at, row);
                    statement.setLong(at + columns.length, id.applyAsLong(row));
                    statement.setLong(at + columns.length + 1, version.applyAsLong(row));
                }, width);
        rows.forEach(row -> newVersion.set(row, version.applyAsLong(row) + 1));
    }

    @Override
    public void deleteAll(List<E> rows) {
        run(rows, MERGED, count -> "MERGE INTO " + table + " AS t USING (VALUES "
                + String.join(", ", Collections.nCopies(count, "(CAST(? AS BIGINT), CAST(? AS BIGINT))"))
                + ") AS v(id, version) ON t.id = v.id AND t.version = v.version WHEN MATCHED THEN DELETE",
                (statement, at, row) -> {
                    statement.setLong(at, id.applyAsLong(row));
                    statement.setLong(at + 1, version.applyAsLong(row));
                }, 2);
    }

    @Override
    public void insertAll(List<E> rows) {
        String row = "(?, " + "?, ".repeat(columns.length) + "1)";
        run(rows, INSERTED, count -> "INSERT INTO " + table + " (id, " + String.join(", ", columns) + ", version) VALUES "
                + String.join(", ", Collections.nCopies(count, row)),
                (statement, at, r) -> {
                    statement.setLong(at, id.applyAsLong(r));
                    binder.bind(statement, at + 1, r);
                }, columns.length + 1);
        rows.forEach(r -> newVersion.set(r, 1));
    }

    /** The statement of a chunk of {@code rows} rows. */
    private interface Sql {
        String of(int rows);
    }

    /** Runs {@code sql} a chunk of {@code chunkRows} at a time, each row {@code width} parameters; commits only if every chunk wrote all its rows. */
    private void run(List<E> rows, int chunkRows, Sql sql, RowBinder<E> rowBinder, int width) {
        HandJdbcBatches.inOneTransaction(dataSource, connection -> {
            for (int from = 0; from < rows.size(); from += chunkRows) {
                List<E> chunk = rows.subList(from, Math.min(rows.size(), from + chunkRows));
                try (PreparedStatement statement = connection.prepareStatement(sql.of(chunk.size()))) {
                    for (int r = 0; r < chunk.size(); r++) {
                        rowBinder.bind(statement, 1 + r * width, chunk.get(r));
                    }
                    if (statement.executeUpdate() != chunk.size()) {
                        return false;
                    }
                }
            }
            return true;
        });
    }
}
