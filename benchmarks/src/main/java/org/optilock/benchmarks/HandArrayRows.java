package org.optilock.benchmarks;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.function.Function;
import javax.sql.DataSource;

/**
 * The best set-based statements a careful programmer writes on PostgreSQL: one statement over typed
 * arrays per thousand rows, in one transaction, every row checked by what the statement returns. A
 * thousand rows a statement, because one statement of 10,000 rows with a 2 KB text spills to disk
 * (see {@code ArrayChunks} in the runtime); the same rule Optilock follows, so the two are compared on
 * the statement, not the chunking. Numbers travel as {@code Long} arrays, everything else as text
 * that the statement's casts parse, as a programmer without a driver type for each column sends it.
 *
 * @param <E> the rows written
 */
final class HandArrayRows<E> implements BatchContender<E> {

    private static final int CHUNK = 1_000;

    /** One statement and the columns it takes as arrays, in order. */
    private record ArrayStatement<E>(String sql, List<Function<E, Object>> columns) {}

    private final DataSource dataSource;
    private final ArrayStatement<E> update;
    private final ArrayStatement<E> delete;
    private final ArrayStatement<E> insert;
    private final VersionSetter<E> version;

    /** Sets a row's version once the statement wrote it. */
    interface VersionSetter<E> {
        void set(E row, long version);
    }

    private HandArrayRows(DataSource dataSource, ArrayStatement<E> update, ArrayStatement<E> delete,
            ArrayStatement<E> insert, VersionSetter<E> version) {
        this.dataSource = dataSource;
        this.update = update;
        this.delete = delete;
        this.insert = insert;
        this.version = version;
    }

    /** The statements over arrays of {@code bench_document}. */
    static HandArrayRows<Document> documents(DataSource dataSource) {
        return new HandArrayRows<>(dataSource,
                new ArrayStatement<>("UPDATE bench_document AS t SET title = v.title, body = v.body,"
                        + " counter = v.counter, version = v.version + 1"
                        + " FROM unnest(?::varchar[], ?::varchar[], ?::bigint[], ?::bigint[], ?::bigint[])"
                        + " AS v(title, body, counter, id, version)"
                        + " WHERE t.id = v.id AND t.version = v.version RETURNING t.id",
                        List.of(d -> d.title, d -> d.body, d -> d.counter, d -> d.id, d -> d.version)),
                new ArrayStatement<>("DELETE FROM bench_document AS t USING unnest(?::bigint[], ?::bigint[])"
                        + " AS v(id, version) WHERE t.id = v.id AND t.version = v.version RETURNING t.id",
                        List.of(d -> d.id, d -> d.version)),
                new ArrayStatement<>("INSERT INTO bench_document (id, title, body, counter, version)"
                        + " SELECT id, title, body, counter, 1 FROM unnest(?::bigint[], ?::varchar[], ?::varchar[],"
                        + " ?::bigint[]) AS v(id, title, body, counter)",
                        List.of(d -> d.id, d -> d.title, d -> d.body, d -> d.counter)),
                (d, version) -> d.version = version);
    }

    /** The statements over arrays of {@code bench_entry}: timestamps and decimals as text, cast by the statement. */
    static HandArrayRows<Entry> entries(DataSource dataSource) {
        return new HandArrayRows<>(dataSource,
                new ArrayStatement<>("UPDATE bench_entry AS t SET booked_at = v.booked_at, amount = v.amount,"
                        + " note = v.note, counter = v.counter, version = v.version + 1"
                        + " FROM unnest(?::timestamp[], ?::numeric[], ?::varchar[], ?::bigint[], ?::bigint[], ?::bigint[])"
                        + " AS v(booked_at, amount, note, counter, id, version)"
                        + " WHERE t.id = v.id AND t.version = v.version RETURNING t.id",
                        List.of(e -> e.bookedAt, e -> e.amount, e -> e.note, e -> e.counter, e -> e.id, e -> e.version)),
                new ArrayStatement<>("DELETE FROM bench_entry AS t USING unnest(?::bigint[], ?::bigint[])"
                        + " AS v(id, version) WHERE t.id = v.id AND t.version = v.version RETURNING t.id",
                        List.of(e -> e.id, e -> e.version)),
                new ArrayStatement<>("INSERT INTO bench_entry (id, booked_at, amount, note, counter, version)"
                        + " SELECT id, booked_at, amount, note, counter, 1 FROM unnest(?::bigint[], ?::timestamp[],"
                        + " ?::numeric[], ?::varchar[], ?::bigint[]) AS v(id, booked_at, amount, note, counter)",
                        List.of(e -> e.id, e -> e.bookedAt, e -> e.amount, e -> e.note, e -> e.counter)),
                (e, version) -> e.version = version);
    }

    @Override
    public void updateAll(List<E> rows) {
        run(update, rows, true);
        rows.forEach(row -> version.set(row, versionOf(row) + 1));
    }

    @Override
    public void deleteAll(List<E> rows) {
        run(delete, rows, true);
    }

    @Override
    public void insertAll(List<E> rows) {
        run(insert, rows, false);
        rows.forEach(row -> version.set(row, 1));
    }

    /** The version a row holds: the last column of the UPDATE's arrays. */
    private long versionOf(E row) {
        List<Function<E, Object>> columns = update.columns();
        return (Long) columns.get(columns.size() - 1).apply(row);
    }

    /** Runs {@code statement} a chunk at a time; {@code returnsRows}: each row written is returned, all must be. */
    private void run(ArrayStatement<E> statement, List<E> rows, boolean returnsRows) {
        HandJdbcBatches.inOneTransaction(dataSource, connection -> {
            try (PreparedStatement prepared = connection.prepareStatement(statement.sql())) {
                for (int from = 0; from < rows.size(); from += CHUNK) {
                    List<E> chunk = rows.subList(from, Math.min(rows.size(), from + CHUNK));
                    for (int c = 0; c < statement.columns().size(); c++) {
                        Object[] values = values(chunk, statement.columns().get(c));
                        prepared.setArray(c + 1, connection.createArrayOf(values instanceof Long[] ? "int8" : "varchar", values));
                    }
                    if (written(prepared, returnsRows) != chunk.size()) {
                        return false;
                    }
                }
                return true;
            }
        });
    }

    private static int written(PreparedStatement statement, boolean returnsRows) throws SQLException {
        if (!returnsRows) {
            return statement.executeUpdate();
        }
        int written = 0;
        try (ResultSet rows = statement.executeQuery()) {
            while (rows.next()) {
                written++;
            }
        }
        return written;
    }

    /** A chunk's column: {@code Long}s as they are, anything else as its text, a missing value as null. */
    private static <E> Object[] values(List<E> chunk, Function<E, Object> column) {
        boolean numbers = column.apply(chunk.get(0)) instanceof Long;
        Object[] values = numbers ? new Long[chunk.size()] : new String[chunk.size()];
        for (int i = 0; i < chunk.size(); i++) {
            Object value = column.apply(chunk.get(i));
            values[i] = numbers || value == null ? value : value.toString();
        }
        return values;
    }
}
