package org.optilock.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.EnumSource;
import org.optilock.it.support.CountingDataSource;
import org.optilock.it.support.DatabaseKind;
import org.optilock.it.support.TestDatabase;
import org.optilock.runtime.Concurrency;
import org.optilock.runtime.RecordModifiedException;
import org.optilock.runtime.Triggers;

/** TRIGGER versions: the database moves them, so updates from outside Optilock are detected. */
@ParameterizedClass(name = "{0}")
@EnumSource(DatabaseKind.class)
class TriggerVersionTest {

    private static final String TRIGGER = "optilock_ticket_version";

    private final TestDatabase database;
    private final TicketDao tickets;

    TriggerVersionTest(DatabaseKind kind) {
        this.database = TestDatabase.create(kind);
        this.tickets = new TicketDao(database.dataSource());
    }

    @AfterEach
    void closeDatabase() {
        database.close();
    }

    private long storedVersion(Ticket ticket) {
        return database.queryLong("SELECT version FROM ticket WHERE id = " + ticket.id);
    }

    @Test
    void rawSqlUpdatesMoveTheVersionAndStaleCopiesAreRefused() {
        assertEquals(List.of(TRIGGER), Triggers.create(database.dataSource(), Ticket.class));
        Ticket ticket = tickets.insert(new Ticket("Printer jammed"));
        assertEquals(1, ticket.version);

        ticket.title = "Printer jammed again";
        tickets.update(ticket);
        assertEquals(2, ticket.version);
        assertEquals(2, storedVersion(ticket), "no double increment: the trigger leaves Optilock's own update alone");

        database.execute("UPDATE ticket SET title = 'Changed by a script' WHERE id = " + ticket.id);
        assertEquals(3, storedVersion(ticket), "the trigger moved the version of the raw update");

        ticket.title = "Overwrites the script?";
        RecordModifiedException conflict = assertThrows(RecordModifiedException.class, () -> tickets.update(ticket));
        assertEquals(2L, conflict.expectedVersion());
        assertEquals(3L, conflict.currentVersion());
        assertEquals("Changed by a script", conflict.current(Ticket.class).orElseThrow().title);

        Ticket reloaded = tickets.findById(ticket.id).orElseThrow();
        reloaded.title = "Merged";
        tickets.update(reloaded);
        assertEquals(4, reloaded.version);
        assertEquals(4, storedVersion(reloaded));
    }

    @Test
    void withoutTheTriggerRawUpdatesGoUnseen() {
        Ticket ticket = tickets.insert(new Ticket("x"));
        database.execute("UPDATE ticket SET title = 'raw' WHERE id = " + ticket.id);
        assertEquals(1, storedVersion(ticket), "this is what the trigger is for");
        tickets.update(ticket);
        assertEquals(2, ticket.version, "Optilock's own updates still move the version");
    }

    @Test
    void createDropAndListAreIdempotent() {
        assertEquals(List.of(), Triggers.list(database.dataSource()));
        assertEquals(List.of(TRIGGER), Triggers.create(database.dataSource(), Ticket.class));
        assertEquals(List.of(), Triggers.create(database.dataSource(), Ticket.class), "never 'already exists'");
        assertEquals(List.of(TRIGGER), Triggers.list(database.dataSource()));

        assertEquals(List.of(TRIGGER), Triggers.drop(database.dataSource(), Ticket.class));
        assertEquals(List.of(), Triggers.drop(database.dataSource(), Ticket.class));
        assertEquals(List.of(), Triggers.list(database.dataSource()));

        Ticket ticket = tickets.insert(new Ticket("x"));
        database.execute("UPDATE ticket SET title = 'raw' WHERE id = " + ticket.id);
        assertEquals(1, storedVersion(ticket), "a dropped trigger moves nothing");
    }

    @Test
    void entitiesWithoutATriggerVersionAreRefused() {
        IllegalArgumentException refused = assertThrows(IllegalArgumentException.class,
                () -> Triggers.create(database.dataSource(), Article.class));
        assertTrue(refused.getMessage().contains("does not use Strategy.TRIGGER"), refused.getMessage());
        IllegalArgumentException noDao = assertThrows(IllegalArgumentException.class,
                () -> Triggers.create(database.dataSource(), String.class));
        assertTrue(noDao.getMessage().contains("has no DAO"), noDao.getMessage());
    }

    @Test
    void aMissingTriggerIsReportedOnceWithAWarning() {
        List<LogRecord> warnings = new ArrayList<>();
        Handler handler = new Handler() {
            @Override
            public void publish(LogRecord record) {
                if (record.getLevel() == Level.WARNING) {
                    warnings.add(record);
                }
            }

            @Override
            public void flush() {}

            @Override
            public void close() {}
        };
        Logger logger = Logger.getLogger("org.optilock");
        logger.addHandler(handler);
        try {
            Ticket ticket = tickets.insert(new Ticket("x"));
            tickets.update(ticket);
            tickets.update(ticket);
            assertEquals(1, warnings.size());
            assertTrue(String.valueOf(warnings.get(0).getParameters()[0]).equals(TRIGGER));

            Triggers.create(database.dataSource(), Ticket.class);
            new TicketDao(database.dataSource()).update(ticket);
            assertEquals(1, warnings.size(), "no warning once the trigger exists");
        } finally {
            logger.removeHandler(handler);
        }
    }

    @Test
    void aSuccessfulUpdateIsOneStatementAndAConflictTwoExceptOnMariaDb() {
        Triggers.create(database.dataSource(), Ticket.class);
        CountingDataSource counter = new CountingDataSource(database.dataSource());
        TicketDao counted = new TicketDao(counter.dataSource());
        Ticket ticket = counted.insert(new Ticket("x"));
        Ticket stale = counted.findById(ticket.id).orElseThrow();
        counted.update(ticket); // the first update also looks for the trigger, once

        counter.reset();
        counted.update(ticket);
        assertEquals(database.statementsOfAReadBackUpdate(), counter.count(), counter.statements()::toString);

        counter.reset();
        assertThrows(RecordModifiedException.class, () -> counted.update(stale));
        assertEquals(2, counter.count(), counter.statements()::toString);
    }

    @Test
    void aDaoBuiltForEachTransactionDoesNotLookForTheTriggerAgain() {
        Triggers.create(database.dataSource(), Ticket.class);
        Ticket ticket = tickets.insert(new Ticket("x"));
        tickets.update(ticket); // the first DAO on this database looks for the trigger

        CountingDataSource counter = new CountingDataSource(database.dataSource());
        new TicketDao(counter.dataSource()).update(ticket);

        assertEquals(database.statementsOfAReadBackUpdate(), counter.count(), counter.statements()::toString);
    }

    @Test
    void disabledChecksStillReadTheRowsOwnVersion() {
        Triggers.create(database.dataSource(), Ticket.class);
        Ticket ticket = tickets.insert(new Ticket("x"));
        database.execute("UPDATE ticket SET title = 'raw' WHERE id = " + ticket.id);

        Concurrency.disabled(() -> {
            tickets.update(ticket);
        });

        assertEquals(3, ticket.version, "read back from the row, not computed from the stale copy");
        assertEquals(3, storedVersion(ticket));
    }
}
