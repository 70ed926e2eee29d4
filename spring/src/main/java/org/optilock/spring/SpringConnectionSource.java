package org.optilock.spring;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.Objects;
import javax.sql.DataSource;
import org.optilock.runtime.ConnectionSource;
import org.springframework.jdbc.datasource.DataSourceUtils;

/**
 * A {@link ConnectionSource} that takes part in the Spring-managed transaction of the current thread
 * ({@code @Transactional}, {@code TransactionTemplate}), sharing its connection with
 * {@code JdbcTemplate}: what the DAO writes commits or rolls back with everything else in the
 * transaction, and the DAO never commits, rolls back or closes a connection Spring owns. Outside a
 * transaction each call gets a connection of its own and behaves as {@link ConnectionSource#perCall}.
 *
 * <pre>{@code
 * ArticleDao articles = new ArticleDao(SpringConnectionSource.of(dataSource));
 * }</pre>
 */
public final class SpringConnectionSource implements ConnectionSource {

    private final DataSource dataSource;

    private SpringConnectionSource(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    /** Connections of {@code dataSource}, the one the transaction manager manages. */
    public static SpringConnectionSource of(DataSource dataSource) {
        return new SpringConnectionSource(Objects.requireNonNull(dataSource, "dataSource"));
    }

    @Override
    public Lease lease() throws SQLException {
        Connection connection = DataSourceUtils.doGetConnection(dataSource);
        return new SpringLease(connection, DataSourceUtils.isConnectionTransactional(connection, dataSource));
    }

    /** One call's connection: Spring's transaction's, or, outside one, the call's own. */
    private final class SpringLease implements Lease {

        private final Connection connection;
        private final boolean inSpringTransaction;
        private boolean completed;

        SpringLease(Connection connection, boolean inSpringTransaction) {
            this.connection = connection;
            this.inSpringTransaction = inSpringTransaction;
        }

        @Override
        public Connection connection() {
            return connection;
        }

        @Override
        public boolean mayControlTransactions() {
            return !inSpringTransaction;
        }

        @Override
        public void complete() throws SQLException {
            if (!inSpringTransaction && !connection.getAutoCommit()) {
                connection.commit();
            }
            completed = true;
        }

        @Override
        public void close() throws SQLException {
            try {
                if (!inSpringTransaction && !completed && !connection.getAutoCommit()) {
                    connection.rollback();
                }
            } finally {
                DataSourceUtils.doReleaseConnection(connection, dataSource);
            }
        }
    }
}
