package org.optilock.benchmarks;

import java.util.List;
import javax.sql.DataSource;

/** The JDBC batch a careful programmer writes for documents, as {@link HandJdbcBatches} for items. */
final class HandJdbcDocuments implements BatchContender<Document> {

    private final DataSource dataSource;

    HandJdbcDocuments(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    @Override
    public void updateAll(List<Document> documents) {
        HandJdbcBatches.run(dataSource, "UPDATE bench_document SET title = ?, body = ?, counter = ?, version = ?"
                + " WHERE id = ? AND version = ?", documents, (statement, document) -> {
                    statement.setString(1, document.title);
                    statement.setString(2, document.body);
                    statement.setLong(3, document.counter);
                    statement.setLong(4, document.version + 1);
                    statement.setLong(5, document.id);
                    statement.setLong(6, document.version);
                });
        documents.forEach(document -> document.version++);
    }

    @Override
    public void deleteAll(List<Document> documents) {
        HandJdbcBatches.run(dataSource, "DELETE FROM bench_document WHERE id = ? AND version = ?", documents,
                (statement, document) -> {
                    statement.setLong(1, document.id);
                    statement.setLong(2, document.version);
                });
    }

    @Override
    public void insertAll(List<Document> documents) {
        HandJdbcBatches.run(dataSource, "INSERT INTO bench_document (id, title, body, counter, version)"
                + " VALUES (?, ?, ?, ?, 1)", documents, (statement, document) -> {
                    statement.setLong(1, document.id);
                    statement.setString(2, document.title);
                    statement.setString(3, document.body);
                    statement.setLong(4, document.counter);
                });
        documents.forEach(document -> document.version = 1);
    }
}
