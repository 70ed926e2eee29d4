package org.optilock.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.Statement;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import javax.sql.DataSource;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.optilock.it.support.BatchAnswerDataSource;
import org.optilock.it.support.CountingDataSource;
import org.optilock.it.support.DatabaseKind;
import org.optilock.it.support.TestDatabase;
import org.optilock.runtime.BatchConflictException;
import org.optilock.runtime.BatchPolicy;
import org.optilock.runtime.BatchResult;
import org.optilock.runtime.Concurrency;
import org.optilock.runtime.DataAccessException;
import org.optilock.runtime.RecordModifiedException;
import org.optilock.runtime.Triggers;

/**
 * Batches of rows whose versions the database decides, a trigger's ({@link Ticket}) or a conditional
 * one ({@link Profile}, {@link Page}): each written row gets the version the database gave it, the
 * stale ones are named, and the batch costs one statement over arrays on PostgreSQL, one JDBC batch
 * and a query of the written rows on SQLite, on MariaDB one UPDATE joined to the rows (two for a
 * conditional version, the versions and then the columns) and a query, one prepared statement run
 * for each row on H2.
 */
@ParameterizedClass(name = "{0}")
@EnumSource(DatabaseKind.class)
class ReadBackBatchTest {

    private final TestDatabase database;
    private final CountingDataSource counter;
    private final TicketDao tickets;
    private final ProfileDao profiles;

    ReadBackBatchTest(DatabaseKind kind) {
        this.database = TestDatabase.create(kind);
        this.counter = new CountingDataSource(database.dataSource());
        this.tickets = new TicketDao(counter.dataSource());
        this.profiles = new ProfileDao(counter.dataSource());
    }

    @AfterEach
    void closeDatabase() {
        database.close();
    }

    /** Five tickets, read by us, the first at version 2 and the others at 1. */
    private List<Ticket> fiveTickets() {
        Triggers.create(database.dataSource(), Ticket.class);
        List<Ticket> copies = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            copies.add(tickets.insert(new Ticket("Ticket " + i)));
        }
        // The DAO's first update looks for its trigger once; the batches below are measured without it.
        tickets.update(copies.get(0));
        copies.set(0, tickets.findById(copies.get(0).id).orElseThrow());
        return copies;
    }

    /** {@link #fiveTickets}; then raw SQL, which the trigger versions, changes the second and fourth. */
    private List<Ticket> fiveTicketsTwoOfThemStale() {
        List<Ticket> copies = fiveTickets();
        database.execute("UPDATE ticket SET title = 'raw' WHERE id IN (" + copies.get(1).id + ", " + copies.get(3).id + ")");
        copies.forEach(ticket -> ticket.title += " (ours)");
        return copies;
    }

    private List<String> ticketTitles() {
        return tickets.findAll().stream().map(t -> t.title).toList();
    }

    private List<Long> ticketVersions() {
        return tickets.findAll().stream().map(t -> t.version).toList();
    }

    @Test
    void aTriggerBatchGivesEachWrittenRowItsNewVersionAndNamesTheStaleOnes() {
        List<Ticket> copies = fiveTicketsTwoOfThemStale();
        counter.reset();

        BatchResult<Ticket> result = tickets.updateAll(copies, BatchPolicy.SILENT);
        List<String> statements = counter.statements();
        List<String> prepared = counter.prepared();

        assertEquals(List.of(copies.get(0), copies.get(2), copies.get(4)), result.applied());
        assertEquals(List.of(3L, 2L, 2L), result.applied().stream().map(t -> t.version).toList());
        assertEquals(List.of(copies.get(1).id, copies.get(3).id),
                result.conflicts().stream().map(RecordModifiedException::id).toList());
        assertEquals(List.of(2L, 2L), result.conflicts().stream().map(RecordModifiedException::currentVersion).toList());
        assertEquals(1, copies.get(1).version, "a stale ticket keeps its version");
        assertEquals(List.of("Ticket 0 (ours)", "raw", "Ticket 2 (ours)", "raw", "Ticket 4 (ours)"), ticketTitles());
        assertEquals(List.of(3L, 2L, 2L, 2L, 2L), ticketVersions());
        // One UPDATE over arrays on PostgreSQL, one JDBC batch on SQLite (then a query of the written
        // rows), an UPDATE a row on H2. On MariaDB the joined UPDATE comes short and is undone, and a JDBC
        // batch names the stale rows. One SELECT for each stale row, to name its current version.
        long joined = database.kind() == DatabaseKind.MARIADB ? 1 : 0;
        assertEquals(updatesOf(5) + joined, updates(statements), () -> "statements: " + statements);
        assertEquals(2, statements.stream().filter(sql -> sql.startsWith("SELECT id, title, hits, version FROM Ticket WHERE id = ?"))
                .count(), () -> "statements: " + statements);
        assertEquals(1 + joined, prepared.stream().filter(sql -> sql.startsWith("UPDATE") || sql.contains("(UPDATE")).count(),
                () -> "one prepared UPDATE for the whole batch, and MariaDB's joined one: " + prepared);
    }

    @Test
    void aTriggerBatchWithoutConflictsWritesInOneStatementAndReadsTheVersionsInOneQuery() {
        List<Ticket> copies = fiveTickets();
        copies.forEach(ticket -> ticket.title += " (ours)");
        counter.reset();

        BatchResult<Ticket> result = tickets.updateAll(copies, BatchPolicy.ABORT_ALL);
        List<String> statements = counter.statements();

        assertEquals(copies, result.applied());
        assertEquals(List.of(3L, 2L, 2L, 2L, 2L), copies.stream().map(t -> t.version).toList());
        assertEquals(List.of(3L, 2L, 2L, 2L, 2L), ticketVersions());
        assertEquals(copies.stream().map(t -> t.title).toList(), ticketTitles());
        // MariaDB: one UPDATE joined to the five rows, then one query of their versions by key.
        assertEquals(updatesOf(5), updates(statements), () -> "statements: " + statements);
        long joined = statements.stream().filter(sql -> sql.startsWith("UPDATE Ticket JOIN (")).count();
        assertEquals(database.kind() == DatabaseKind.MARIADB ? 1 : 0, joined, () -> "statements: " + statements);
        long readBack = statements.stream().filter(sql -> sql.startsWith("SELECT id, version FROM Ticket WHERE id IN (")).count();
        assertEquals(database.kind() == DatabaseKind.POSTGRESQL || database.kind() == DatabaseKind.H2 ? 0 : 1, readBack,
                () -> "statements: " + statements);
        // Nothing else, but PostgreSQL's look at the column types, once for the DAO.
        assertEquals(updatesOf(5) + readBack, statements.stream().filter(sql -> !sql.endsWith(" WHERE 1 = 0")).count(),
                () -> "statements: " + statements);
    }

    /**
     * 1,200 tickets, one of them stale in the middle of the batch: on MariaDB the second joined chunk
     * comes short and is rolled back to its savepoint alone, the first and third keep what they wrote.
     */
    @Test
    void aLongTriggerBatchNamesTheOneStaleRowAndGivesEveryOtherItsVersion() {
        Triggers.create(database.dataSource(), Ticket.class);
        List<Ticket> copies = new ArrayList<>();
        for (int i = 0; i < 1_200; i++) {
            copies.add(new Ticket("Ticket " + i));
        }
        tickets.insertAll(copies);
        Ticket stale = copies.get(700);
        database.execute("UPDATE ticket SET title = 'raw' WHERE id = " + stale.id);
        copies.forEach(ticket -> ticket.hits = 7);

        BatchResult<Ticket> result = tickets.updateAll(copies, BatchPolicy.SILENT);

        assertEquals(1_199, result.applied().size());
        assertEquals(List.of(stale.id), result.conflicts().stream().map(RecordModifiedException::id).toList());
        assertEquals(List.of(2L), result.conflicts().stream().map(RecordModifiedException::currentVersion).toList());
        List<Ticket> stored = tickets.findAll();
        for (int i = 0; i < stored.size(); i++) {
            Ticket row = stored.get(i);
            boolean ours = i != 700;
            assertEquals(ours ? 7 : 0, row.hits, "row " + i);
            assertEquals(ours ? "Ticket " + i : "raw", row.title, "row " + i);
            assertEquals(2L, row.version, "row " + i);
            assertEquals(ours ? 2L : 1L, copies.get(i).version, "copy " + i);
        }
    }

    /**
     * A key the database matches in another case, under a collation that ignores case: the row is
     * written and takes the version the database gave it, though the key the versions are read back
     * by is spelled otherwise than the caller's.
     */
    @Test
    void aRowWhoseKeyTheDatabaseMatchesInAnotherCaseTakesItsNewVersion() {
        usernamesIgnoringCase();
        Profile ada = profiles.insert(new Profile("ada", "Ada", "ada@example.org"));
        Profile bob = profiles.insert(new Profile("bob", "Bob", "bob@example.org"));
        Profile shouted = new Profile("ADA", "Ada Lovelace", "ada@example.org");
        shouted.version = ada.version;
        bob.name = "Bob Smith";

        BatchResult<Profile> result = profiles.updateAll(List.of(shouted, bob), BatchPolicy.ABORT_ALL);

        assertEquals(List.of(shouted, bob), result.applied());
        assertEquals(List.of(2, 2), List.of(shouted.version, bob.version));
        Profile stored = profiles.findById("ada").orElseThrow();
        assertEquals("Ada Lovelace", stored.name);
        assertEquals(2, stored.version);
    }

    /** The profile table again, its key compared without regard to case, as each database spells that. */
    private void usernamesIgnoringCase() {
        String username = switch (database.kind()) {
            case H2 -> "VARCHAR_IGNORECASE(50)";
            case SQLITE -> "VARCHAR(50) COLLATE NOCASE";
            case MARIADB -> "VARCHAR(50) CHARACTER SET utf8mb4 COLLATE utf8mb4_general_ci";
            case POSTGRESQL -> "VARCHAR(50) COLLATE optilock_ignoring_case";
        };
        if (database.kind() == DatabaseKind.POSTGRESQL) {
            database.execute("CREATE COLLATION optilock_ignoring_case (provider = icu, locale = 'und-u-ks-level2',"
                    + " deterministic = false)");
        }
        database.execute("DROP TABLE profile");
        database.execute("CREATE TABLE profile (username " + username + " PRIMARY KEY, name VARCHAR(100), email VARCHAR(100),"
                + " logins INTEGER NOT NULL, last_seen DATE, version INTEGER)");
    }

    /** The UPDATE statements a batch of {@code rows} read-back updates runs: on H2 one a row, elsewhere one. */
    private long updatesOf(int rows) {
        return database.kind() == DatabaseKind.H2 ? rows : 1;
    }

    /** The UPDATEs among {@code statements}, H2's inside a query included. */
    private static long updates(List<String> statements) {
        return statements.stream().filter(sql -> sql.contains("UPDATE")).count();
    }

    @Test
    void aTriggerBatchWithAStaleRowUnderAbortAllWritesNothing() {
        List<Ticket> copies = fiveTicketsTwoOfThemStale();

        BatchConflictException refused = assertThrows(BatchConflictException.class,
                () -> tickets.updateAll(copies, BatchPolicy.ABORT_ALL));

        assertEquals(List.of(copies.get(1).id, copies.get(3).id),
                refused.conflicts().stream().map(RecordModifiedException::id).toList());
        assertEquals(List.of("Ticket 0", "raw", "Ticket 2", "raw", "Ticket 4"), ticketTitles());
        assertEquals(List.of(2L, 2L, 1L, 2L, 1L), ticketVersions());
        assertEquals(List.of(2L, 1L, 1L, 1L, 1L), copies.stream().map(t -> t.version).toList(),
                "no ticket takes a version the database rolled back");
    }

    @Test
    void aConditionalBatchMovesOnlyTheVersionsOfRowsWhoseCheckedFieldsChanged() {
        Profile named = profiles.insert(new Profile("ada", "Ada", "ada@example.org"));
        Profile seen = profiles.insert(new Profile("bob", "Bob", "bob@example.org"));
        Profile unmailed = profiles.insert(new Profile("cy", "Cy", "cy@example.org"));
        Profile untouched = profiles.insert(new Profile("di", "Di", null));
        named.name = "Ada L.";
        seen.lastSeen = LocalDate.of(2026, 12, 6);
        unmailed.email = null;
        counter.reset();

        BatchResult<Profile> result = profiles.updateAll(List.of(named, seen, unmailed, untouched), BatchPolicy.ABORT_ALL);
        List<String> statements = counter.statements();

        assertEquals(4, result.applied().size());
        assertEquals(List.of(2, 1, 2, 1), List.of(named.version, seen.version, unmailed.version, untouched.version));
        assertEquals(List.of(2, 1, 2, 1), profiles.findAll().stream().map(p -> p.version).toList());
        assertEquals(LocalDate.of(2026, 12, 6), profiles.findById("bob").orElseThrow().lastSeen);
        // On MariaDB two UPDATEs joined to the rows, the versions and then the columns, and a query.
        long split = database.kind() == DatabaseKind.MARIADB ? 1 : 0;
        assertEquals(updatesOf(4) + split, updates(statements), () -> "statements: " + statements);
        if (database.kind() == DatabaseKind.SQLITE) {
            // A JDBC batch: each value the UPDATE compares and then sets is bound once, by its number.
            assertTrue(statements.contains("UPDATE Profile SET version = CASE WHEN name IS NOT ?1 OR email IS NOT ?2"
                    + " OR logins IS NOT ?3 THEN COALESCE(version, 0) + 1 ELSE version END, name = ?1, email = ?2,"
                    + " logins = ?3, last_seen = ?4 WHERE username = ?5 AND version = ?6"), statements::toString);
        }

        // Without increment a changed name is written and the version stays.
        named.name = "Ada Lovelace";
        Concurrency.withoutIncrement(() -> profiles.updateAll(List.of(named, seen), BatchPolicy.ABORT_ALL));
        assertEquals(2, named.version);
        Profile stored = profiles.findById("ada").orElseThrow();
        assertEquals("Ada Lovelace", stored.name);
        assertEquals(2, stored.version);
    }

    /**
     * 1,200 profiles, one stale in the middle of the batch; the even ones change a checked field, the
     * odd ones only their last visit: on MariaDB the second chunk's versions statement comes short and
     * is rolled back to its savepoint, the others keep both their statements.
     */
    @Test
    void aLongConditionalBatchMovesTheVersionsOfChangedRowsAndNamesTheStaleOne() {
        List<Profile> copies = new ArrayList<>();
        for (int i = 0; i < 1_200; i++) {
            copies.add(new Profile("p" + (10_000 + i), "Name " + i, null));
        }
        profiles.insertAll(copies);
        Profile stale = copies.get(700);
        database.execute("UPDATE profile SET name = 'raw', version = 2 WHERE username = '" + stale.username + "'");
        for (int i = 0; i < copies.size(); i++) {
            if (i % 2 == 0) {
                copies.get(i).logins = i + 1;
            } else {
                copies.get(i).lastSeen = LocalDate.of(2026, 12, 6);
            }
        }

        BatchResult<Profile> result = profiles.updateAll(copies, BatchPolicy.SILENT);

        assertEquals(1_199, result.applied().size());
        assertEquals(List.of(stale.username), result.conflicts().stream().map(RecordModifiedException::id).toList());
        List<Profile> stored = profiles.findAll();
        for (int i = 0; i < stored.size(); i++) {
            Profile row = stored.get(i);
            boolean ours = i != 700;
            int moved = i % 2 == 0 ? 2 : 1;
            assertEquals(ours ? moved : 2, row.version, "row " + i);
            assertEquals(ours ? "Name " + i : "raw", row.name, "row " + i);
            assertEquals(ours && i % 2 == 0 ? i + 1 : 0, row.logins, "row " + i);
            assertEquals(ours && i % 2 == 1 ? LocalDate.of(2026, 12, 6) : null, row.lastSeen, "row " + i);
            assertEquals(ours ? moved : 1, copies.get(i).version, "copy " + i);
        }
    }

    @Test
    void aConditionalBatchNamesTheRowAnotherWriterChanged() {
        Profile ours = profiles.insert(new Profile("ada", "Ada", null));
        Profile stale = profiles.insert(new Profile("bob", "Bob", null));
        Profile theirs = profiles.findById("bob").orElseThrow();
        theirs.name = "Robert";
        profiles.update(theirs);
        ours.logins = 3;
        stale.logins = 4;

        BatchResult<Profile> result = profiles.updateAll(List.of(ours, stale), BatchPolicy.SILENT);

        assertEquals(List.of(ours), result.applied());
        assertEquals(2, ours.version);
        RecordModifiedException conflict = result.conflicts().get(0);
        assertEquals("bob", conflict.id());
        assertEquals(1L, ((Number) conflict.expectedVersion()).longValue());
        assertEquals(2L, ((Number) conflict.currentVersion()).longValue());
        assertEquals(List.of(3, 0), profiles.findAll().stream().map(p -> p.logins).toList());
    }

    @Test
    void aConditionalTimestampBatchGivesEachRecordTheInstantTheDatabaseKept() {
        PageDao pages = new PageDao(database.dataSource());
        Page home = pages.insert(new Page(1, "Home", 0, null));
        Page about = pages.insert(new Page(2, "About", 0, null));

        BatchResult<Page> result = pages.updateAll(List.of(home.withTitle("Welcome"), about.withViews(7)),
                BatchPolicy.ABORT_ALL);

        Page renamed = result.applied().get(0);
        Page viewed = result.applied().get(1);
        assertTrue(renamed.version().isAfter(home.version()), "a new title moves the version");
        assertEquals(about.version(), viewed.version(), "a view count does not");
        assertEquals(List.of(renamed, viewed), pages.findAll());
        assertThrows(BatchConflictException.class,
                () -> pages.updateAll(List.of(home.withTitle("stale")), BatchPolicy.ABORT_ALL));
    }

    @ParameterizedTest
    @ValueSource(ints = {Statement.SUCCESS_NO_INFO, Statement.EXECUTE_FAILED})
    void aTriggerRowWithoutACountIsWrittenOnlyWithProof(int answer) {
        List<Ticket> copies = fiveTicketsTwoOfThemStale();
        DataSource answering = BatchAnswerDataSource.answering(database.dataSource(), answer);

        BatchResult<Ticket> result = new TicketDao(answering).updateAll(copies, BatchPolicy.SILENT);

        assertEquals(List.of(copies.get(0), copies.get(2), copies.get(4)), result.applied());
        assertEquals(List.of(3L, 2L, 2L), result.applied().stream().map(t -> t.version).toList());
        assertEquals(List.of(copies.get(1).id, copies.get(3).id),
                result.conflicts().stream().map(RecordModifiedException::id).toList());
    }

    @Test
    void aTriggerBatchTheDriverDroppedIsNeverReportedAsWritten() {
        List<Ticket> copies = fiveTicketsTwoOfThemStale();
        List<String> before = ticketTitles();
        DataSource dropping = BatchAnswerDataSource.droppingBatches(database.dataSource(), Statement.SUCCESS_NO_INFO);
        if (database.kind() == DatabaseKind.POSTGRESQL || database.kind() == DatabaseKind.H2) {
            // No JDBC batch there: the rows' own statements return what they wrote, which is the proof.
            assertEquals(3, new TicketDao(dropping).updateAll(copies, BatchPolicy.SILENT).applied().size());
            return;
        }

        DataAccessException failure = assertThrows(DataAccessException.class,
                () -> new TicketDao(dropping).updateAll(copies, BatchPolicy.SILENT));

        assertTrue(failure.getMessage().contains("no row count"), failure.getMessage());
        assertEquals(before, ticketTitles());
        assertEquals(List.of(2L, 1L, 1L, 1L, 1L), copies.stream().map(t -> t.version).toList());
    }
}
