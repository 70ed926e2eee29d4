package org.optilock.benchmarks;

import java.util.List;
import java.util.Optional;
import javax.sql.DataSource;
import org.springframework.context.annotation.AnnotationConfigApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.data.jdbc.core.convert.JdbcCustomConversions;
import org.springframework.data.jdbc.core.mapping.JdbcMappingContext;
import org.springframework.data.jdbc.repository.config.AbstractJdbcConfiguration;
import org.springframework.data.jdbc.repository.config.EnableJdbcRepositories;
import org.springframework.data.relational.RelationalManagedTypes;
import org.springframework.data.relational.core.mapping.NamingStrategy;
import org.springframework.data.repository.CrudRepository;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcOperations;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.transaction.PlatformTransactionManager;

/**
 * What a Spring team writes instead: a Spring Data JDBC {@code CrudRepository} of the {@code @Version}
 * document, in a Spring context of its own. {@code saveAll} and {@code deleteAll} run in one
 * transaction, each row its own statement conditional on its version: Spring Data JDBC batches only
 * inserts. A stale row fails the whole call with {@code OptimisticLockingFailureException}. Spring
 * Data JDBC has no SQLite dialect, so it runs on H2, PostgreSQL and MariaDB.
 */
final class SpringDataDocuments implements BatchContender<Document>, AutoCloseable {

    /** The repository Spring Data implements. */
    interface Documents extends CrudRepository<Document, Long> {}

    /** The Spring Data JDBC set-up a Spring team would have, without Spring Boot. */
    @Configuration
    @EnableJdbcRepositories(considerNestedRepositories = true, basePackageClasses = SpringDataDocuments.class)
    static class Setup extends AbstractJdbcConfiguration {

        @Bean
        NamedParameterJdbcOperations jdbcOperations(DataSource dataSource) {
            return new NamedParameterJdbcTemplate(dataSource);
        }

        @Bean
        PlatformTransactionManager transactionManager(DataSource dataSource) {
            return new DataSourceTransactionManager(dataSource);
        }

        /**
         * Names as the table was created, unquoted: Spring Data JDBC quotes them by default, which on H2
         * keeps {@code bench_document} in lower case while the table's name was folded to upper.
         */
        @Override
        public JdbcMappingContext jdbcMappingContext(Optional<NamingStrategy> namingStrategy,
                JdbcCustomConversions customConversions, RelationalManagedTypes jdbcManagedTypes) {
            JdbcMappingContext context = super.jdbcMappingContext(namingStrategy, customConversions, jdbcManagedTypes);
            context.setForceQuote(false);
            return context;
        }
    }

    private final AnnotationConfigApplicationContext context;
    private final Documents documents;

    SpringDataDocuments(DataSource dataSource) {
        context = new AnnotationConfigApplicationContext();
        context.registerBean(DataSource.class, () -> dataSource);
        context.register(Setup.class);
        context.refresh();
        documents = context.getBean(Documents.class);
    }

    @Override
    public void updateAll(List<Document> batch) {
        documents.saveAll(batch);
    }

    @Override
    public void deleteAll(List<Document> batch) {
        documents.deleteAll(batch);
    }

    /** A version of 0 is how Spring Data JDBC tells a new row of a primitive version; it inserts it as 0. */
    @Override
    public void insertAll(List<Document> batch) {
        batch.forEach(document -> document.version = 0);
        documents.saveAll(batch);
    }

    @Override
    public void close() {
        context.close();
    }
}
