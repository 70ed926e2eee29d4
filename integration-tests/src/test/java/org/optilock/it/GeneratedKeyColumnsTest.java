package org.optilock.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.EnumSource;
import org.optilock.it.support.DatabaseKind;
import org.optilock.it.support.TestDatabase;

/**
 * {@code insertAll} gives every entity the key its own row got, whatever makes the key: an identity
 * column that refuses a given key unless told to take it (PostgreSQL's {@code GENERATED ALWAYS}), or
 * a default that is not the column's own sequence, which PostgreSQL's batch cannot take keys from
 * beforehand. Enough rows for several statements.
 */
@ParameterizedClass(name = "{0}")
@EnumSource(DatabaseKind.class)
class GeneratedKeyColumnsTest {

    private static final int ROWS = 2_500;

    private final TestDatabase database;
    private final ArticleDao articles;

    GeneratedKeyColumnsTest(DatabaseKind kind) {
        this.database = TestDatabase.create(kind);
        this.articles = new ArticleDao(database.dataSource());
    }

    @AfterEach
    void closeDatabase() {
        database.close();
    }

    private void articleTableWithKey(String key) {
        articleTableWithKey(database, key);
    }

    private static void articleTableWithKey(TestDatabase database, String key) {
        database.execute("DROP TABLE article");
        database.execute("CREATE TABLE article (id " + key + ", title VARCHAR(200), body VARCHAR(2000), version BIGINT NOT NULL)");
    }

    /** The key column every database generates itself, the table's own counter behind it. */
    private String identityKey() {
        return switch (database.kind()) {
            case H2, POSTGRESQL -> "BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY";
            case MARIADB -> "BIGINT AUTO_INCREMENT PRIMARY KEY"; // no ALWAYS: takes a given key like any other
            case SQLITE -> "INTEGER PRIMARY KEY AUTOINCREMENT";
        };
    }

    /** Moves the key counter of {@code database}'s article table on to {@code next}. */
    private static void restartKeysAt(TestDatabase database, long next) {
        switch (database.kind()) {
            case H2, POSTGRESQL -> database.execute("ALTER TABLE article ALTER COLUMN id RESTART WITH " + next);
            case MARIADB -> database.execute("ALTER TABLE article AUTO_INCREMENT = " + next);
            case SQLITE -> database.execute("INSERT INTO sqlite_sequence (name, seq) VALUES ('article', " + (next - 1) + ")");
        }
    }

    /** {@code count} new articles inserted as one batch by {@code dao}: their keys. */
    private static List<Long> insertedKeys(ArticleDao dao, int count) {
        List<Article> fresh = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            fresh.add(new Article("Article " + i, "x"));
        }
        return dao.insertAll(fresh).stream().map(article -> article.id).toList();
    }

    /** Inserts {@link #ROWS} articles and checks that each got the key of the row holding its title. */
    private List<Article> insertAndCheckEveryKey() {
        List<Article> fresh = new ArrayList<>();
        for (int i = 0; i < ROWS; i++) {
            fresh.add(new Article("Article " + i, "body of " + i));
        }
        List<Article> inserted = articles.insertAll(fresh);

        Map<Long, Article> stored = articles.findAll().stream().collect(Collectors.toMap(a -> a.id, Function.identity()));
        assertEquals(ROWS, stored.size());
        assertEquals(ROWS, new HashSet<>(inserted.stream().map(a -> a.id).toList()).size(), "every key differs");
        for (Article article : inserted) {
            assertEquals(article.title, stored.get(article.id).title, "the row of key " + article.id);
            assertEquals(1, article.version);
        }
        return inserted;
    }

    @Test
    void anIdentityColumnThatRefusesGivenKeys() {
        articleTableWithKey(identityKey());

        insertAndCheckEveryKey();
    }

    /**
     * Two tables of one name, in two schemas of one server on PostgreSQL (the connections' search
     * path chooses), in two databases elsewhere: each batch takes its keys from its own table's
     * counter, however the batches alternate. A counter remembered by table name would hand the second
     * table's batch the first one's keys, and its next plain insert would then collide with them.
     */
    @Test
    void twoTablesOfOneNameTakeKeysEachFromItsOwnCounter() {
        try (TestDatabase other = TestDatabase.create(database.kind())) {
            articleTableWithKey(identityKey());
            articleTableWithKey(other, identityKey());
            restartKeysAt(other, 1_000_000);
            ArticleDao otherArticles = new ArticleDao(other.dataSource());

            List<Long> first = insertedKeys(otherArticles, 1_500);
            List<Long> second = insertedKeys(articles, 1_500);
            List<Long> third = insertedKeys(otherArticles, 1_500);

            long firstMost = first.stream().mapToLong(Long::longValue).max().orElseThrow();
            assertTrue(first.stream().allMatch(id -> id >= 1_000_000), "the other table's own keys: " + first.get(0));
            assertTrue(second.stream().allMatch(id -> id < 1_000_000), "this table's own keys: " + second.get(0));
            assertTrue(third.stream().allMatch(id -> id > firstMost), "the other table's again: " + third.get(0));
            // Each counter moved past its own batch's keys: the next plain insert of each takes a fresh one.
            database.execute("INSERT INTO article (title, body, version) VALUES ('plain', 'x', 1)");
            other.execute("INSERT INTO article (title, body, version) VALUES ('plain', 'x', 1)");
            assertEquals(1_501L, database.queryLong("SELECT COUNT(*) FROM article"));
            assertEquals(3_001L, other.queryLong("SELECT COUNT(*) FROM article"));
        }
    }

    @Test
    void aDefaultThatIsNotTheColumnsOwnSequence() {
        switch (database.kind()) {
            case H2 -> {
                database.execute("CREATE SEQUENCE article_keys START WITH 1000000");
                articleTableWithKey("BIGINT DEFAULT NEXT VALUE FOR article_keys PRIMARY KEY");
            }
            case POSTGRESQL -> {
                database.execute("CREATE SEQUENCE article_keys START WITH 1000000");
                articleTableWithKey("BIGINT DEFAULT nextval('article_keys') PRIMARY KEY");
            }
            case MARIADB -> {
                // Its driver reports AUTO_INCREMENT keys only, so the counter starts high instead.
                articleTableWithKey("BIGINT AUTO_INCREMENT PRIMARY KEY");
                database.execute("ALTER TABLE article AUTO_INCREMENT = 1000000");
            }
            case SQLITE -> {
                articleTableWithKey("INTEGER PRIMARY KEY AUTOINCREMENT");
                database.execute("INSERT INTO sqlite_sequence (name, seq) VALUES ('article', 999999)");
            }
        }

        List<Article> inserted = insertAndCheckEveryKey();

        assertTrue(inserted.stream().allMatch(a -> a.id >= 1_000_000), "the keys come from the default");
    }
}
