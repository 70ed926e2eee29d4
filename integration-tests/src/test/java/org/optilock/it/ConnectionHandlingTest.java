package org.optilock.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.logging.Logger;
import javax.sql.DataSource;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.EnumSource;
import org.optilock.it.support.DatabaseKind;
import org.optilock.it.support.TestDatabase;
import org.optilock.runtime.RecordModifiedException;

/** Who owns the connection and the transaction. */
@ParameterizedClass(name = "{0}")
@EnumSource(DatabaseKind.class)
class ConnectionHandlingTest {

    private final TestDatabase database;

    ConnectionHandlingTest(DatabaseKind kind) {
        this.database = TestDatabase.create(kind);
    }

    @AfterEach
    void closeDatabase() throws SQLException {
        database.close();
    }

    @Test
    void daoOnTheCallersConnectionNeverCommitsNorCloses() throws SQLException {
        try (Connection connection = database.connection()) {
            connection.setAutoCommit(false);
            ArticleDao articles = new ArticleDao(connection);

            Article article = articles.insert(new Article("Uncommitted", "x"));
            article.title = "Still uncommitted";
            articles.update(article);
            assertEquals(1, articles.findAll().size(), "the caller's transaction sees its own writes");
            assertEquals(0L, database.queryLong("SELECT COUNT(*) FROM article"), "nothing was committed");

            connection.rollback();
            assertFalse(connection.isClosed());
            assertTrue(articles.findAll().isEmpty());
        }
    }

    @Test
    void aConflictOnTheCallersConnectionLeavesItsEarlierWorkToTheCaller() throws SQLException {
        ArticleDao committed = new ArticleDao(database.dataSource());
        Article shared = committed.insert(new Article("Shared", "x"));
        Article stale = committed.findById(shared.id).orElseThrow();
        committed.update(shared);

        try (Connection connection = database.connection()) {
            connection.setAutoCommit(false);
            ArticleDao articles = new ArticleDao(connection);
            articles.insert(new Article("Earlier work", "x"));
            assertThrows(RecordModifiedException.class, () -> articles.update(stale));
            connection.commit();
        }
        assertEquals(2L, database.queryLong("SELECT COUNT(*) FROM article"));
    }

    @Test
    void connectionsBorrowedOutsideAutoCommitAreCommittedAndReturned() throws SQLException {
        ManualCommitDataSource dataSource = new ManualCommitDataSource(database.dataSource());
        ArticleDao articles = new ArticleDao(dataSource);

        Article article = articles.insert(new Article("Committed by the DAO", "x"));
        article.body = "y";
        articles.update(article);

        assertEquals(2L, database.queryLong("SELECT version FROM article"));
        assertTrue(dataSource.last.isClosed(), "the borrowed connection is returned");
    }

    @Test
    void aFailedWriteOnABorrowedConnectionIsRolledBack() throws SQLException {
        ManualCommitDataSource dataSource = new ManualCommitDataSource(database.dataSource());
        ArticleDao articles = new ArticleDao(dataSource);
        Article article = articles.insert(new Article("x", "y"));
        Article stale = articles.findById(article.id).orElseThrow();
        articles.update(article);

        assertThrows(RecordModifiedException.class, () -> articles.update(stale));
        assertTrue(dataSource.last.isClosed());
        assertEquals(2L, database.queryLong("SELECT version FROM article"));
    }

    /** Hands out connections with auto-commit off, as many pools are configured. */
    private static final class ManualCommitDataSource implements DataSource {
        private final DataSource target;
        Connection last;

        ManualCommitDataSource(DataSource target) {
            this.target = target;
        }

        @Override
        public Connection getConnection() throws SQLException {
            last = target.getConnection();
            last.setAutoCommit(false);
            return last;
        }

        @Override
        public Connection getConnection(String user, String password) throws SQLException {
            return getConnection();
        }

        @Override
        public PrintWriter getLogWriter() {
            return null;
        }

        @Override
        public void setLogWriter(PrintWriter out) {}

        @Override
        public void setLoginTimeout(int seconds) {}

        @Override
        public int getLoginTimeout() {
            return 0;
        }

        @Override
        public Logger getParentLogger() {
            return Logger.getGlobal();
        }

        @Override
        public <T> T unwrap(Class<T> type) throws SQLException {
            throw new SQLException("not a wrapper");
        }

        @Override
        public boolean isWrapperFor(Class<?> type) {
            return false;
        }
    }
}
