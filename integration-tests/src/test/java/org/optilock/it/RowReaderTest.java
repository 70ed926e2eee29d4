package org.optilock.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.EnumSource;
import org.optilock.it.support.DatabaseKind;
import org.optilock.it.support.TestDatabase;
import org.optilock.runtime.RecordModifiedException;

/** A DAO reads the rows of the caller's own SQL by column label, and what it reads updates with its version checked. */
@ParameterizedClass(name = "{0}")
@EnumSource(DatabaseKind.class)
class RowReaderTest {

    private final TestDatabase database;
    private final ArticleDao articles;

    RowReaderTest(DatabaseKind kind) {
        this.database = TestDatabase.create(kind);
        this.articles = new ArticleDao(database.dataSource());
    }

    @AfterEach
    void closeDatabase() {
        database.close();
    }

    @Test
    void columnsInAnotherOrderAndExtraColumnsAreReadByLabel() throws SQLException {
        Article saved = articles.insert(new Article("Title", "Body"));
        List<Article> read = query("SELECT body, 42 AS extra, version, title, id FROM article");
        assertEquals(1, read.size());
        assertEquals("Title", read.get(0).title, "a positional reader would have swapped title and body");
        assertEquals("Body", read.get(0).body);
        assertEquals(saved.id, read.get(0).id);

        Article mine = read.get(0);
        mine.title = "Mine";
        articles.update(mine);
        assertEquals(2, mine.version);
        Article stale = query("SELECT * FROM article").get(0);
        stale.version = 1;
        assertThrows(RecordModifiedException.class, () -> articles.update(stale),
                "what the reader read is checked against its version");
    }

    @Test
    void aMissingColumnIsNamed() {
        articles.insert(new Article("Title", "Body"));
        SQLException failure = assertThrows(SQLException.class, () -> query("SELECT id, title, version FROM article"));
        assertTrue(failure.getMessage().contains("no column body"), failure.getMessage());
        assertEquals("42S22", failure.getSQLState());
    }

    private List<Article> query(String sql) throws SQLException {
        List<Article> found = new ArrayList<>();
        try (Connection connection = database.connection();
                PreparedStatement statement = connection.prepareStatement(sql);
                ResultSet rows = statement.executeQuery()) {
            while (rows.next()) {
                found.add(articles.mapRow(rows, rows.getRow()));
            }
        }
        return found;
    }
}
