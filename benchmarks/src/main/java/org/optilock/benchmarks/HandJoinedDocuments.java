package org.optilock.benchmarks;

import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.Collections;
import java.util.List;
import javax.sql.DataSource;

/**
 * The best set-based statements a careful programmer writes for documents on MariaDB: the table joined
 * to a derived table of 500 rows a statement ({@code UPDATE ... JOIN (SELECT ... UNION ALL ...)}),
 * a multi-row {@code VALUES} list for inserts, in one transaction, every chunk checked by its row
 * count. 500 rows a statement, as Optilock's own path sends them, so the two are compared on the
 * statement, not the chunking; unlike Optilock it takes no savepoint, so it has no answer to a
 * conflict but to give up the whole batch.
 */
final class HandJoinedDocuments implements BatchContender<Document> {

    private static final int CHUNK = 500;

    private final DataSource dataSource;

    HandJoinedDocuments(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    @Override
    public void updateAll(List<Document> documents) {
        run(documents, rows -> "UPDATE bench_document JOIN (" + derived(rows, "title", "body", "counter", "id", "version")
                + ") AS v ON bench_document.id = v.id AND bench_document.version = v.version"
                + " SET bench_document.title = v.title, bench_document.body = v.body,"
                + " bench_document.counter = v.counter, bench_document.version = v.version + 1",
                (statement, at, d) -> {
                    statement.setString(at, d.title);
                    statement.setString(at + 1, d.body);
                    statement.setLong(at + 2, d.counter);
                    statement.setLong(at + 3, d.id);
                    statement.setLong(at + 4, d.version);
                    return 5;
                });
        documents.forEach(document -> document.version++);
    }

    @Override
    public void deleteAll(List<Document> documents) {
        run(documents, rows -> "DELETE bench_document FROM bench_document JOIN (" + derived(rows, "id", "version")
                + ") AS v ON bench_document.id = v.id AND bench_document.version = v.version",
                (statement, at, d) -> {
                    statement.setLong(at, d.id);
                    statement.setLong(at + 1, d.version);
                    return 2;
                });
    }

    @Override
    public void insertAll(List<Document> documents) {
        run(documents, rows -> "INSERT INTO bench_document (id, title, body, counter, version) VALUES "
                + String.join(", ", Collections.nCopies(rows, "(?, ?, ?, ?, 1)")),
                (statement, at, d) -> {
                    statement.setLong(at, d.id);
                    statement.setString(at + 1, d.title);
                    statement.setString(at + 2, d.body);
                    statement.setLong(at + 3, d.counter);
                    return 4;
                });
        documents.forEach(document -> document.version = 1);
    }

    /** The statement for a chunk of {@code rows} rows. */
    private interface Sql {
        String of(int rows);
    }

    /** Binds one row from parameter {@code at} on; returns how many it bound. */
    private interface RowBinder {
        int bind(PreparedStatement statement, int at, Document document) throws SQLException;
    }

    /** The derived table of {@code rows} rows of {@code columns}. */
    static String derived(int rows, String... columns) {
        StringBuilder sql = new StringBuilder("SELECT ");
        for (int c = 0; c < columns.length; c++) {
            sql.append(c == 0 ? "" : ", ").append("? AS ").append(columns[c]);
        }
        return sql.append((" UNION ALL SELECT " + String.join(", ", Collections.nCopies(columns.length, "?"))).repeat(rows - 1))
                .toString();
    }

    /** Runs a chunk at a time; commits only if every chunk wrote all its rows. */
    private void run(List<Document> documents, Sql sql, RowBinder binder) {
        HandJdbcBatches.inOneTransaction(dataSource, connection -> {
            for (int from = 0; from < documents.size(); from += CHUNK) {
                List<Document> chunk = documents.subList(from, Math.min(documents.size(), from + CHUNK));
                try (PreparedStatement statement = connection.prepareStatement(sql.of(chunk.size()))) {
                    int at = 1;
                    for (Document document : chunk) {
                        at += binder.bind(statement, at, document);
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
