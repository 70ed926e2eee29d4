package org.optilock.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.EnumSource;
import org.optilock.it.support.DatabaseKind;
import org.optilock.it.support.RecordingObserver;
import org.optilock.it.support.TestDatabase;
import org.optilock.runtime.BatchConflictException;
import org.optilock.runtime.BatchPolicy;
import org.optilock.runtime.BatchResult;
import org.optilock.runtime.OptilockSettings;
import org.optilock.runtime.RecordModifiedException;

/**
 * A batch too big for one statement: thousands of rows with long text, which the set-based paths
 * split into several statements (over arrays on PostgreSQL, joined to the rows on MariaDB, merged on
 * H2, and on SQLite the deletes 25 rows a statement). Conflicts in any of them are named exactly,
 * the policies hold across them, and every text lands as it was sent.
 */
@ParameterizedClass(name = "{0}")
@EnumSource(DatabaseKind.class)
class LargeBatchTest {

    private static final int ROWS = 2_400;

    /** The positions another writer changes: the first row, rows inside and the last row. */
    private static final List<Integer> STALE = List.of(0, 777, 1_999, ROWS - 1);

    private final TestDatabase database;
    private final RecordingObserver observer = new RecordingObserver();
    private final ArticleDao articles;

    LargeBatchTest(DatabaseKind kind) {
        this.database = TestDatabase.create(kind);
        this.articles = new ArticleDao(database.dataSource(), OptilockSettings.builder().writeObserver(observer).build());
    }

    @AfterEach
    void closeDatabase() {
        database.close();
    }

    /** A body of 1,900 characters, different for every row and round. */
    private static String body(int row, String round) {
        String head = round + " body of row " + row + ": ";
        return head + "é, \"{x}\" \\ ".repeat(200).substring(0, 1_900 - head.length());
    }

    /** {@link #ROWS} articles as read; then another writer changes those at {@link #STALE}. */
    private List<Article> copiesSomeStale() {
        List<Article> fresh = new ArrayList<>();
        for (int i = 0; i < ROWS; i++) {
            fresh.add(new Article("Article " + i, body(i, "first")));
        }
        List<Article> copies = articles.insertAll(fresh);
        for (int i : STALE) {
            Article theirs = articles.findById(copies.get(i).id).orElseThrow();
            theirs.title = "Theirs " + i;
            articles.update(theirs);
        }
        observer.takeWrites();
        for (int i = 0; i < ROWS; i++) {
            copies.get(i).body = body(i, "second");
        }
        return copies;
    }

    private Map<Long, Article> stored() {
        return articles.findAll().stream().collect(Collectors.toMap(a -> a.id, Function.identity()));
    }

    private List<Long> staleIds(List<Article> copies) {
        return STALE.stream().map(i -> copies.get(i).id).toList();
    }

    @Test
    void silentWritesEveryCurrentRowAndNamesTheStaleOnesAcrossStatements() {
        List<Article> copies = copiesSomeStale();

        BatchResult<Article> result = articles.updateAll(copies, BatchPolicy.SILENT);

        assertEquals(staleIds(copies), result.conflicts().stream().map(RecordModifiedException::id).toList());
        assertEquals(ROWS - STALE.size(), result.applied().size());
        Map<Long, Article> stored = stored();
        for (int i = 0; i < ROWS; i++) {
            Article row = stored.get(copies.get(i).id);
            if (STALE.contains(i)) {
                assertEquals("Theirs " + i, row.title);
                assertEquals(body(i, "first"), row.body);
            } else {
                assertEquals(body(i, "second"), row.body, "body of row " + i);
                assertEquals(2, row.version);
            }
        }
        int sent = observer.onlyWrite().result().statements() - STALE.size();
        switch (database.kind()) {
            // About 4 MB of text: more than one statement's share, far fewer statements than rows.
            case POSTGRESQL -> assertTrue(sent > 1 && sent < 20, () -> "statements over arrays: " + sent);
            // Five joined statements (on H2 MERGEs) of 500 rows (under a megabyte each); the four that
            // hold a stale row came short, and were sent again as JDBC batches to name it.
            case MARIADB, H2 -> assertEquals(5 + 500 + 500 + 500 + 400, sent, "joined statements, then JDBC batches");
            default -> assertEquals(ROWS, sent, "a JDBC batch counts a statement a row");
        }
    }

    /** The statements {@code updateAll} sends for {@code copies}, none of them stale. */
    private int statementsOfACleanUpdate(List<Article> copies) {
        observer.takeWrites();
        assertTrue(articles.updateAll(copies, BatchPolicy.SILENT).isClean());
        return observer.onlyWrite().result().statements();
    }

    @Test
    void shortRowsGoHundredsAStatement() {
        List<Article> fresh = new ArrayList<>();
        for (int i = 0; i < 2_500; i++) {
            fresh.add(new Article("Article " + i, "short"));
        }
        List<Article> copies = articles.insertAll(fresh);
        int sent = statementsOfACleanUpdate(copies);
        // Far under the bytes a statement may carry, so the rows alone end each chunk: 1,000 a
        // statement over arrays, 500 a joined one or a MERGE.
        assertEquals(switch (database.kind()) {
            case POSTGRESQL -> 3;
            case MARIADB, H2 -> 5;
            case SQLITE -> 2_500;
        }, sent);

        observer.takeWrites();
        assertTrue(articles.deleteAll(copies, BatchPolicy.ABORT_ALL).isClean());
        assertEquals(0, stored().size());
        // SQLite deletes 25 rows a statement.
        assertEquals(switch (database.kind()) {
            case POSTGRESQL -> 3;
            case MARIADB, H2 -> 5;
            case SQLITE -> 100;
        }, observer.onlyWrite().result().statements());
    }

    @Test
    void wideRowsEndAStatementAtAMegabyteOfValues() {
        List<Article> fresh = new ArrayList<>();
        for (int i = 0; i < 1_000; i++) {
            fresh.add(new Article(("Title " + i + " ").repeat(40).substring(0, 200), body(i, "first") + "x".repeat(100)));
        }
        List<Article> copies = articles.insertAll(fresh);
        int sent = statementsOfACleanUpdate(copies);
        // About 2,200 bytes a row: a megabyte ends each statement at some 470 rows, before any
        // database's count of rows does (1,000 over arrays, 500 joined or merged).
        assertEquals(switch (database.kind()) {
            case POSTGRESQL, MARIADB, H2 -> 3;
            case SQLITE -> 1_000;
        }, sent);
        observer.takeWrites();
        assertTrue(articles.deleteAll(copies, BatchPolicy.ABORT_ALL).isClean());
        assertEquals(0, stored().size());
    }

    @Test
    void silentDeletesEveryCurrentRowAndNamesTheStaleOnesAcrossStatements() {
        List<Article> copies = copiesSomeStale();

        BatchResult<Article> result = articles.deleteAll(copies, BatchPolicy.SILENT);

        assertEquals(staleIds(copies), result.conflicts().stream().map(RecordModifiedException::id).toList());
        assertEquals(ROWS - STALE.size(), result.applied().size());
        assertEquals(staleIds(copies), stored().keySet().stream().sorted().toList(), "only the stale rows are left");
        int sent = observer.onlyWrite().result().statements() - STALE.size();
        assertEquals(switch (database.kind()) {
            // Three statements over arrays, whose rows name each conflict.
            case POSTGRESQL -> 3;
            // Five statements of 500 rows; the four that hold a stale row came short, and were sent again as JDBC batches.
            case MARIADB, H2 -> 5 + 500 + 500 + 500 + 400;
            // The first statement of 25 rows holds a stale row and came short: the batch was undone and sent again as
            // a JDBC batch.
            case SQLITE -> 1 + ROWS;
        }, sent);
    }

    /** {@code rows} short articles as read; then another writer changes the one at {@code stale}. */
    private List<Article> shortCopiesOneStale(int rows, int stale) {
        List<Article> fresh = new ArrayList<>();
        for (int i = 0; i < rows; i++) {
            fresh.add(new Article("Article " + i, "short"));
        }
        List<Article> copies = articles.insertAll(fresh);
        Article theirs = articles.findById(copies.get(stale).id).orElseThrow();
        theirs.title = "Theirs";
        articles.update(theirs);
        return copies;
    }

    @Test
    void aStaleRowLeftOverAfterTheLastWholeStatementIsNamedWithoutUndoingTheOthers() {
        List<Article> copies = shortCopiesOneStale(1_010, 1_005);
        Article stale = copies.get(1_005);
        observer.takeWrites();

        BatchResult<Article> result = articles.deleteAll(copies, BatchPolicy.SILENT);

        assertEquals(List.of(stale.id), result.conflicts().stream().map(RecordModifiedException::id).toList());
        assertEquals(List.of(stale.id), List.copyOf(stored().keySet()));
        int sent = observer.onlyWrite().result().statements() - 1;
        assertEquals(switch (database.kind()) {
            case POSTGRESQL -> 2;
            // Two statements of 500 rows and one of ten, which came short and was sent again as a JDBC batch.
            case MARIADB, H2 -> 3 + 10;
            // Forty statements of 25 rows, all whole; the ten rows left over as a JDBC batch, which names the stale one.
            case SQLITE -> 40 + 10;
        }, sent);
    }

    @Test
    void aStaleRowInALaterStatementUndoesOnlyTheBatchNotTheCallersWork() throws SQLException {
        List<Article> copies = shortCopiesOneStale(1_200, 1_100);
        Article stale = copies.get(1_100);
        BatchResult<Article> result;
        Article earlier;
        try (Connection connection = database.connection()) {
            connection.setAutoCommit(false);
            ArticleDao inTransaction = new ArticleDao(connection);
            earlier = inTransaction.insert(new Article("Earlier work", "in the caller's transaction"));

            result = inTransaction.deleteAll(copies, BatchPolicy.SILENT);

            connection.commit();
        }
        assertEquals(List.of(stale.id, earlier.id), stored().keySet().stream().sorted().toList());
        assertEquals(List.of(stale.id), result.conflicts().stream().map(RecordModifiedException::id).toList());
        assertEquals(1_199, result.applied().size());
    }

    @Test
    void abortAllWritesNoRowOfAnyStatementAndDeletesWhenNothingIsStale() {
        List<Article> copies = copiesSomeStale();

        BatchConflictException aborted = assertThrows(BatchConflictException.class,
                () -> articles.deleteAll(copies, BatchPolicy.ABORT_ALL));

        assertEquals(staleIds(copies), aborted.conflicts().stream().map(RecordModifiedException::id).toList());
        assertEquals(ROWS, stored().size(), "no row of any statement was deleted");

        BatchResult<Article> updated = articles.updateAll(copies, BatchPolicy.SILENT);
        assertEquals(STALE.size(), updated.conflicts().size());
        List<Article> current = new ArrayList<>(stored().values());
        articles.deleteAll(current, BatchPolicy.ABORT_ALL);
        assertEquals(0, stored().size());
    }
}
