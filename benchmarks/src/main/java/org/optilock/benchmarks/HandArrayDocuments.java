package org.optilock.benchmarks;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import javax.sql.DataSource;

/**
 * The best set-based statements a careful programmer writes for documents on PostgreSQL: one
 * statement over typed arrays per thousand rows, in one transaction, every row checked by what the
 * statement returns. A thousand rows a statement, because one statement of 10,000 rows with a 2 KB
 * text spills to disk (see {@code ArrayChunks} in the runtime); the same rule Optilock follows, so the
 * two are compared on the statement, not the chunking.
 */
final class HandArrayDocuments implements BatchContender<Document> {

    private static final int CHUNK = 1_000;

    private static final String UPDATE = "UPDATE bench_document AS t SET title = v.title, body = v.body,"
            + " counter = v.counter, version = v.version + 1"
            + " FROM unnest(?::varchar[], ?::varchar[], ?::bigint[], ?::bigint[], ?::bigint[])"
            + " AS v(title, body, counter, id, version)"
            + " WHERE t.id = v.id AND t.version = v.version RETURNING t.id";
    private static final String DELETE = "DELETE FROM bench_document AS t USING unnest(?::bigint[], ?::bigint[])"
            + " AS v(id, version) WHERE t.id = v.id AND t.version = v.version RETURNING t.id";
    private static final String INSERT = "INSERT INTO bench_document (id, title, body, counter, version)"
            + " SELECT id, title, body, counter, 1 FROM unnest(?::bigint[], ?::varchar[], ?::varchar[], ?::bigint[])"
            + " AS v(id, title, body, counter)";

    private final DataSource dataSource;

    HandArrayDocuments(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    /** One column of a chunk, as an array. */
    private interface Column {
        Object value(Document document);
    }

    @Override
    public void updateAll(List<Document> documents) {
        run(UPDATE, documents, true, d -> d.title, d -> d.body, d -> d.counter, d -> d.id, d -> d.version);
        documents.forEach(document -> document.version++);
    }

    @Override
    public void deleteAll(List<Document> documents) {
        run(DELETE, documents, true, d -> d.id, d -> d.version);
    }

    @Override
    public void insertAll(List<Document> documents) {
        run(INSERT, documents, false, d -> d.id, d -> d.title, d -> d.body, d -> d.counter);
        documents.forEach(document -> document.version = 1);
    }

    /** Runs {@code sql} a chunk at a time; {@code returnsRows}: each row written is returned, all must be. */
    private void run(String sql, List<Document> documents, boolean returnsRows, Column... columns) {
        HandJdbcBatches.inOneTransaction(dataSource, connection -> {
            try (PreparedStatement statement = connection.prepareStatement(sql)) {
                for (int from = 0; from < documents.size(); from += CHUNK) {
                    List<Document> chunk = documents.subList(from, Math.min(documents.size(), from + CHUNK));
                    for (int c = 0; c < columns.length; c++) {
                        Object[] values = values(chunk, columns[c]);
                        statement.setArray(c + 1, connection.createArrayOf(values instanceof String[] ? "varchar" : "int8", values));
                    }
                    if (written(statement, returnsRows) != chunk.size()) {
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

    private static Object[] values(List<Document> chunk, Column column) {
        Object first = column.value(chunk.get(0));
        Object[] values = first instanceof String ? new String[chunk.size()] : new Long[chunk.size()];
        for (int i = 0; i < chunk.size(); i++) {
            values[i] = column.value(chunk.get(i));
        }
        return values;
    }
}
