package org.optilock.it;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
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
 * A clean batch is written by one set-based statement where the database has one (over arrays on
 * PostgreSQL, joined to a derived table of the rows on MariaDB, merged from a list of the rows on
 * H2), and it lands exactly as the JDBC
 * batch would: every column type, NULLs in the first row or a later one, timestamp versions that the
 * next write still matches. A batch with a stale row is undone and named row by row, and undoing it
 * never undoes the caller's own work.
 */
@ParameterizedClass(name = "{0}")
@EnumSource(DatabaseKind.class)
class SetBasedBatchTest {

    private final TestDatabase database;
    private final RecordingObserver observer = new RecordingObserver();
    private final OptilockSettings observed = OptilockSettings.builder().writeObserver(observer).build();

    SetBasedBatchTest(DatabaseKind kind) {
        this.database = TestDatabase.create(kind);
    }

    @AfterEach
    void closeDatabase() {
        database.close();
    }

    /** The statements a clean batch of {@code rows} rows sends: one where the database has a set-based one. */
    private int cleanBatchStatements(int rows) {
        return switch (database.kind()) {
            case POSTGRESQL, MARIADB, H2 -> 1;
            case SQLITE -> rows;
        };
    }

    private int statementsOfTheOnlyWrite() {
        return observer.onlyWrite().result().statements();
    }

    @Test
    void everyColumnTypeAndNullLandsThroughOneStatement() {
        SampleDao samples = new SampleDao(database.dataSource(), observed);
        // NULLs first: the derived table's columns take their types from every row, not the first.
        Sample empty = samples.insert(new Sample());
        Sample full = SampleValues.everyColumnSet();
        Sample inserted = samples.insert(new Sample());
        full.id = inserted.id;
        full.version = inserted.version;
        Sample other = samples.insert(new Sample());
        other.text = "it's \"quoted\", {braced} \\ and 😀";
        other.amount = new BigDecimal("-0.01");
        other.payload = new byte[0];
        observer.takeWrites();

        BatchResult<Sample> result = samples.updateAll(List.of(empty, full, other), BatchPolicy.ABORT_ALL);

        assertTrue(result.isClean());
        assertEquals(cleanBatchStatements(3), statementsOfTheOnlyWrite());
        SampleValues.assertHoldsEveryValue(full, samples.findById(full.id).orElseThrow());
        Sample readOther = samples.findById(other.id).orElseThrow();
        assertEquals(other.text, readOther.text);
        assertEquals(0, new BigDecimal("-0.01").compareTo(readOther.amount));
        assertArrayEquals(new byte[0], readOther.payload);
        Sample readEmpty = samples.findById(empty.id).orElseThrow();
        assertEquals(empty.version, readEmpty.version);
        assertNull(readEmpty.text);
        assertNull(readEmpty.boxedNumber);
        assertNull(readEmpty.payload);
        assertNull(readEmpty.instant);

        // The versions the batch wrote are the rows' versions: a second batch of the same copies matches them all.
        observer.takeWrites();
        assertTrue(samples.updateAll(List.of(empty, full, other), BatchPolicy.ABORT_ALL).isClean());
        assertEquals(cleanBatchStatements(3), statementsOfTheOnlyWrite());
        observer.takeWrites();
        assertTrue(samples.deleteAll(List.of(empty, full, other), BatchPolicy.ABORT_ALL).isClean());
        assertEquals(cleanBatchStatements(3), statementsOfTheOnlyWrite());
        assertTrue(samples.findAll().isEmpty());
    }

    @Test
    void decimalsWhoseTextHasAnExponentLandAsTheirValues() {
        SampleDao samples = new SampleDao(database.dataSource(), observed);
        // A negative scale: BigDecimal's own text has an exponent ("1.5E+3"), its plain one has not.
        Sample thousands = new Sample();
        thousands.amount = new BigDecimal("1.5E+3");
        Sample negative = new Sample();
        negative.amount = new BigDecimal("-7E+2");
        List<Sample> inserted = samples.insertAll(List.of(thousands, negative));
        assertEquals(0, new BigDecimal("1500").compareTo(samples.findById(inserted.get(0).id).orElseThrow().amount));
        assertEquals(0, new BigDecimal("-700").compareTo(samples.findById(inserted.get(1).id).orElseThrow().amount));

        inserted.get(0).amount = new BigDecimal("4E+5");
        inserted.get(1).amount = new BigDecimal("-2.5E+1");
        observer.takeWrites();
        assertTrue(samples.updateAll(inserted, BatchPolicy.ABORT_ALL).isClean());

        assertEquals(cleanBatchStatements(2), statementsOfTheOnlyWrite());
        assertEquals(0, new BigDecimal("400000").compareTo(samples.findById(inserted.get(0).id).orElseThrow().amount));
        assertEquals(0, new BigDecimal("-25").compareTo(samples.findById(inserted.get(1).id).orElseThrow().amount));
    }

    @Test
    void timestampVersionsWrittenTogetherAreMatchedByTheNextWrite() {
        LedgerDao ledgers = new LedgerDao(database.dataSource(), observed);
        ReminderDao reminders = new ReminderDao(database.dataSource(), observed);
        List<Ledger> books = new ArrayList<>();
        List<Reminder> notes = new ArrayList<>();
        for (long id = 1; id <= 4; id++) {
            Ledger ledger = new Ledger();
            ledger.id = id;
            books.add(ledgers.insert(ledger));
            notes.add(reminders.insert(new Reminder(id, "note " + id)));
        }
        List<Ledger> staleBooks = List.of(ledgers.findById(1L).orElseThrow());
        List<Reminder> staleNotes = List.of(reminders.findById(1L).orElseThrow());
        books.forEach(book -> book.balance += 10);
        notes.forEach(note -> note.note += " again");
        observer.takeWrites();

        assertTrue(ledgers.updateAll(books, BatchPolicy.ABORT_ALL).isClean());
        assertEquals(cleanBatchStatements(4), statementsOfTheOnlyWrite());
        observer.takeWrites();
        assertTrue(reminders.updateAll(notes, BatchPolicy.ABORT_ALL).isClean());
        assertEquals(cleanBatchStatements(4), statementsOfTheOnlyWrite());

        for (Ledger book : books) {
            assertEquals(book.version, ledgers.currentVersion(book.id).orElseThrow());
        }
        assertTrue(ledgers.updateAll(books, BatchPolicy.ABORT_ALL).isClean(), "every version held is the row's");
        assertTrue(reminders.updateAll(notes, BatchPolicy.ABORT_ALL).isClean(), "every version held is the row's");
        assertThrows(BatchConflictException.class, () -> ledgers.updateAll(staleBooks, BatchPolicy.ABORT_ALL));
        assertThrows(BatchConflictException.class, () -> reminders.deleteAll(staleNotes, BatchPolicy.ABORT_ALL));
    }

    @Test
    void aStaleRowInTheFirstStatementUndoesOnlyTheBatchNotTheCallersWork() throws SQLException {
        ArticleDao articles = new ArticleDao(database.dataSource());
        List<Article> copies = StaleCopies.fiveOfWhichTwoStale(articles);
        BatchResult<Article> result;
        try (Connection connection = database.connection()) {
            connection.setAutoCommit(false);
            ArticleDao inTransaction = new ArticleDao(connection);
            inTransaction.insert(new Article("Earlier work", "in the caller's transaction"));

            result = inTransaction.updateAll(copies, BatchPolicy.SILENT);

            connection.commit();
        }
        assertEquals(List.of(copies.get(1).id, copies.get(3).id),
                result.conflicts().stream().map(RecordModifiedException::id).toList());
        assertEquals(List.of("Article 1 (ours)", "Theirs 2", "Article 3 (ours)", "Theirs 4", "Article 5 (ours)", "Earlier work"),
                articles.findAll().stream().map(a -> a.title).toList());
    }
}
