package org.optilock.benchmarks;

import java.util.List;
import java.util.function.BiConsumer;
import javax.sql.DataSource;
import org.hibernate.SessionFactory;
import org.hibernate.StatelessSession;
import org.hibernate.Transaction;
import org.hibernate.boot.MetadataSources;
import org.hibernate.boot.registry.StandardServiceRegistry;
import org.hibernate.boot.registry.StandardServiceRegistryBuilder;
import org.hibernate.cfg.AvailableSettings;

/**
 * Hibernate ORM 7's batches without a persistence context: a {@code StatelessSession}'s {@code
 * updateMultiple}, {@code deleteMultiple} and {@code insertMultiple} of the {@code @Version}
 * document, one transaction, the JDBC batch as large as the batch itself, each row checked by
 * Hibernate from its row count. Hibernate has no SQLite dialect in its core, so it runs on H2,
 * PostgreSQL and MariaDB.
 */
final class HibernateStatelessDocuments implements BatchContender<Document>, AutoCloseable {

    private static final int JDBC_BATCH_SIZE = 10_000;

    private final SessionFactory sessions;

    HibernateStatelessDocuments(DataSource dataSource) {
        StandardServiceRegistry registry = new StandardServiceRegistryBuilder()
                .applySetting(AvailableSettings.JAKARTA_NON_JTA_DATASOURCE, dataSource)
                .applySetting(AvailableSettings.SHOW_SQL, false)
                .applySetting(AvailableSettings.STATEMENT_BATCH_SIZE, JDBC_BATCH_SIZE)
                .build();
        sessions = new MetadataSources(registry).addAnnotatedClass(Document.class).buildMetadata().buildSessionFactory();
    }

    @Override
    public void updateAll(List<Document> batch) {
        inOneTransaction(batch, StatelessSession::updateMultiple);
    }

    @Override
    public void deleteAll(List<Document> batch) {
        inOneTransaction(batch, StatelessSession::deleteMultiple);
    }

    @Override
    public void insertAll(List<Document> batch) {
        inOneTransaction(batch, StatelessSession::insertMultiple);
    }

    private void inOneTransaction(List<Document> batch, BiConsumer<StatelessSession, List<Document>> work) {
        try (StatelessSession session = sessions.openStatelessSession()) {
            Transaction transaction = session.beginTransaction();
            work.accept(session, batch);
            transaction.commit();
        }
    }

    @Override
    public void close() {
        sessions.close();
    }
}
