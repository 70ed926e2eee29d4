package org.optilock.benchmarks;

import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.function.ToLongFunction;
import javax.sql.DataSource;

/**
 * The best set-based statements a careful programmer writes on MariaDB for documents whose new version
 * the database decides: the table joined to a derived table of 500 rows ({@code UPDATE ... JOIN
 * (SELECT ... UNION ALL ...)}), every statement checked by its row count, then the new versions read
 * back by key, in one transaction. A trigger's rows take one statement a chunk, the trigger moving
 * each version. A conditional version's take two: the versions, compared with the row's title and
 * body while it still holds them, then the columns, by key; one statement would depend on the order
 * of a joined UPDATE's assignments, which MySQL does not define. Only {@code updateAll}: these rows
 * are deleted and inserted as a counter's are.
 *
 * @param <E> the rows written
 */
final class HandJoinedReadBack<E> implements BatchContender<E> {

    private static final int CHUNK = 500;

    /** Binds one row's title, body, counter, key and version, from parameter {@code at} on. */
    interface RowBinder<E> {
        void bind(PreparedStatement statement, int at, E row) throws SQLException;
    }

    private final DataSource dataSource;
    private final String table;
    private final List<String> statements;
    private final RowBinder<E> binder;
    private final ToLongFunction<E> id;
    private final HandArrayRows.VersionSetter<E> version;

    private HandJoinedReadBack(DataSource dataSource, String table, List<String> statements, RowBinder<E> binder,
            ToLongFunction<E> id, HandArrayRows.VersionSetter<E> version) {
        this.dataSource = dataSource;
        this.table = table;
        this.statements = statements;
        this.binder = binder;
        this.id = id;
        this.version = version;
    }

    /** Documents whose version a trigger moves: the UPDATE does not name the version. */
    static HandJoinedReadBack<TriggeredDocument> triggered(DataSource dataSource) {
        return new HandJoinedReadBack<>(dataSource, "bench_triggered", List.of(
                "UPDATE bench_triggered JOIN (%s) AS v ON bench_triggered.id = v.id AND bench_triggered.version = v.version"
                        + " SET bench_triggered.title = v.title, bench_triggered.body = v.body,"
                        + " bench_triggered.counter = v.counter"),
                columns(d -> d.title, d -> d.body, d -> d.counter, d -> d.id, d -> d.version), d -> d.id,
                (d, v) -> d.version = v);
    }

    /** Documents whose version moves only when the title or the body changes. */
    static HandJoinedReadBack<ConditionalDocument> conditional(DataSource dataSource) {
        return new HandJoinedReadBack<>(dataSource, "bench_conditional", List.of(
                "UPDATE bench_conditional JOIN (%s) AS v ON bench_conditional.id = v.id"
                        + " AND bench_conditional.version = v.version SET bench_conditional.version ="
                        + " CASE WHEN NOT (bench_conditional.title <=> v.title) OR NOT (bench_conditional.body <=> v.body)"
                        + " THEN bench_conditional.version + 1 ELSE bench_conditional.version END",
                "UPDATE bench_conditional JOIN (%s) AS v ON bench_conditional.id = v.id"
                        + " SET bench_conditional.title = v.title, bench_conditional.body = v.body,"
                        + " bench_conditional.counter = v.counter"),
                columns(d -> d.title, d -> d.body, d -> d.counter, d -> d.id, d -> d.version), d -> d.id,
                (d, v) -> d.version = v);
    }

    /** The binder of a document's columns, each read by the function given for it. */
    private static <E> RowBinder<E> columns(Function<E, String> title, Function<E, String> body,
            ToLongFunction<E> counter, ToLongFunction<E> id, ToLongFunction<E> version) {
        return (statement, at, row) -> {
            statement.setString(at, title.apply(row));
            statement.setString(at + 1, body.apply(row));
            statement.setLong(at + 2, counter.applyAsLong(row));
            statement.setLong(at + 3, id.applyAsLong(row));
            statement.setLong(at + 4, version.applyAsLong(row));
        };
    }

    @Override
    public void updateAll(List<E> rows) {
        Map<Long, E> byKey = HandReadBackUpdates.byKey(rows, id);
        HandJdbcBatches.inOneTransaction(dataSource, connection -> {
            for (int from = 0; from < rows.size(); from += CHUNK) {
                List<E> chunk = rows.subList(from, Math.min(rows.size(), from + CHUNK));
                String derived = HandJoinedDocuments.derived(chunk.size(), "title", "body", "counter", "id", "version");
                for (String statement : statements) {
                    try (PreparedStatement update = connection.prepareStatement(statement.formatted(derived))) {
                        bind(update, chunk);
                        if (update.executeUpdate() != chunk.size()) {
                            return false;
                        }
                    }
                }
                if (HandReadBackUpdates.readVersions(connection, table, chunk, byKey, id, version) != chunk.size()) {
                    return false;
                }
            }
            return true;
        });
    }

    private void bind(PreparedStatement update, List<E> chunk) throws SQLException {
        int at = 1;
        for (E row : chunk) {
            binder.bind(update, at, row);
            at += 5;
        }
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
