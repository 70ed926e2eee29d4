package org.optilock.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.text.MessageFormat;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.logging.Handler;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.EnumSource;
import org.optilock.it.support.DatabaseKind;
import org.optilock.it.support.FailingCommitDataSource;
import org.optilock.it.support.RecordingObserver;
import org.optilock.it.support.TestDatabase;
import org.optilock.runtime.BatchConflictException;
import org.optilock.runtime.BatchPolicy;
import org.optilock.runtime.BatchResult;
import org.optilock.runtime.ConcurrentWriteException;
import org.optilock.runtime.DataAccessException;
import org.optilock.runtime.OptilockSettings;
import org.optilock.runtime.RecordModifiedException;
import org.optilock.runtime.Retry;
import org.optilock.runtime.WriteObserver.Operation;
import org.optilock.runtime.WriteObserver.Outcome;
import org.optilock.runtime.WriteObserver.Resolution;
import org.optilock.runtime.WriteOutcomeUnknownException;

/** What a {@code WriteObserver} is told of real writes, conflicts, merges and retries, on every database. */
@ParameterizedClass(name = "{0}")
@EnumSource(DatabaseKind.class)
class WriteObservationTest {

    private static final Retry.Pause NO_PAUSE = next -> { };

    private final TestDatabase database;
    private final RecordingObserver observer = new RecordingObserver();
    private final CounterDao counters;

    WriteObservationTest(DatabaseKind kind) {
        this.database = TestDatabase.create(kind);
        this.counters = new CounterDao(database.dataSource(), OptilockSettings.builder().writeObserver(observer).build());
    }

    @AfterEach
    void closeDatabase() {
        database.close();
    }

    @Test
    void eachSingleWriteIsToldHowItEndedAndWhatItRan() {
        counters.insert(new Counter("a"));
        assertWrite(observer.onlyWrite(), Operation.INSERT, Outcome.SUCCESS, 1, 0, 1);

        Counter mine = counters.findById("a").orElseThrow();
        Counter theirs = counters.findById("a").orElseThrow();
        theirs.total = 5;
        counters.update(theirs);
        assertWrite(observer.onlyWrite(), Operation.UPDATE, Outcome.SUCCESS, 1, 0, 1);

        mine.total = 7;
        assertThrows(RecordModifiedException.class, () -> counters.update(mine));
        RecordingObserver.Write conflict = observer.onlyWrite();
        assertWrite(conflict, Operation.UPDATE, Outcome.CONFLICT, 1, 1, 2);
        assertEquals(2, conflict.result().conflicts().get(0).currentVersion());

        counters.delete(counters.findById("a").orElseThrow());
        assertWrite(observer.onlyWrite(), Operation.DELETE, Outcome.SUCCESS, 1, 0, 1);
        assertThrows(RecordModifiedException.class, () -> counters.delete(theirs));
        RecordingObserver.Write gone = observer.onlyWrite();
        assertWrite(gone, Operation.DELETE, Outcome.CONFLICT, 1, 1, 2);
        assertTrue(gone.result().conflicts().get(0).isDeleted());
    }

    @Test
    void aFailureIsToldByItsKind() {
        counters.insert(new Counter("a"));
        observer.takeWrites();
        assertThrows(DataAccessException.class, () -> counters.insert(new Counter("a")));
        assertEquals(Outcome.DUPLICATE_KEY, observer.onlyWrite().result().outcome());
    }

    @Test
    void batchesAreToldTheirRowsConflictsAndStatements() {
        List<Counter> inserted = counters.insertAll(List.of(new Counter("a"), new Counter("b"), new Counter("c")));
        // The rows go in one statement: over arrays on PostgreSQL, a multi-row INSERT on H2; elsewhere
        // as a JDBC batch of three.
        DatabaseKind kind = database.kind();
        int inserts = kind == DatabaseKind.POSTGRESQL || kind == DatabaseKind.H2 ? 1 : 3;
        assertWrite(observer.onlyWrite(), Operation.INSERT_ALL, Outcome.SUCCESS, 3, 0, inserts);
        Counter moved = counters.findById("b").orElseThrow();
        counters.update(moved);
        observer.takeWrites();

        BatchResult<Counter> result = counters.updateAll(inserted, BatchPolicy.SILENT);
        assertEquals(1, result.conflicts().size());
        // A checked batch with a conflict: over arrays on PostgreSQL, one statement that names the
        // conflict; on MariaDB the joined statement (on H2 the MERGE), undone when it came short, then
        // the JDBC batch that names it; on SQLite that JDBC batch alone. Then the conflicting row is
        // read once.
        int updates = switch (kind) {
            case POSTGRESQL -> 1;
            case MARIADB, H2 -> 1 + 3;
            case SQLITE -> 3;
        };
        RecordingObserver.Write batch = observer.onlyWrite();
        assertWrite(batch, Operation.UPDATE_ALL, Outcome.CONFLICT, 3, 1, updates + 1);
        assertEquals("b", batch.result().conflicts().get(0).id());

        List<Counter> stale = counters.findAll();
        counters.update(counters.findById("c").orElseThrow());
        observer.takeWrites();
        assertThrows(BatchConflictException.class, () -> counters.deleteAll(stale, BatchPolicy.ABORT_ALL));
        // The same statements as the updates'.
        assertWrite(observer.onlyWrite(), Operation.DELETE_ALL, Outcome.CONFLICT, 3, 1, updates + 1);
    }

    @Test
    void mergesAreToldWhetherTheyKeptBothEdits() {
        Counter base = new Counter("a");
        Counter mine = new Counter("a");
        mine.total = 1;
        Counter theirs = new Counter("a");
        counters.merge(base, mine, theirs);
        theirs.total = 2;
        counters.merge(base, mine, theirs);
        assertEquals(List.of(new RecordingObserver.Resolved(Counter.class, Resolution.MERGED, 1),
                new RecordingObserver.Resolved(Counter.class, Resolution.UNMERGEABLE, 1)), observer.takeResolutions());
    }

    @Test
    void retriesAreToldTheObserverOfTheDaoThatConflicted() {
        counters.insert(new Counter("a"));
        AtomicInteger tries = new AtomicInteger();
        Retry.onConflict(3, NO_PAUSE, () -> {
            Counter counter = counters.findById("a").orElseThrow();
            if (tries.incrementAndGet() == 1) {
                counters.update(counters.findById("a").orElseThrow()); // another writer comes first, once
            }
            counter.total++;
            return counters.update(counter);
        });
        assertEquals(List.of(new RecordingObserver.Resolved(Counter.class, Resolution.RETRIED, 2)),
                observer.takeResolutions());

        Counter stale = counters.findById("a").orElseThrow();
        counters.update(counters.findById("a").orElseThrow());
        assertThrows(RecordModifiedException.class, () -> Retry.onConflict(2, NO_PAUSE, () -> counters.update(stale)));
        assertEquals(List.of(new RecordingObserver.Resolved(Counter.class, Resolution.EXHAUSTED, 2)),
                observer.takeResolutions());

        Retry.onConflict(2, NO_PAUSE, () -> counters.update(counters.findById("a").orElseThrow()));
        assertEquals(List.of(), observer.takeResolutions(), "a retry that met no conflict resolved none");

        Counter older = counters.findById("a").orElseThrow();
        counters.update(counters.findById("a").orElseThrow());
        Retry.Pause interrupting = next -> {
            throw new InterruptedException("the application is stopping");
        };
        assertThrows(RecordModifiedException.class, () -> Retry.onConflict(3, interrupting, () -> counters.update(older)));
        assertTrue(Thread.interrupted(), "the interrupt is kept on the thread");
        assertEquals(List.of(), observer.takeResolutions(), "a retry the caller stopped was neither won nor exhausted");
    }

    @Test
    void aCommitRefusedAsAConcurrentWriteIsToldApartFromAConflict() {
        counters.insert(new Counter("a"));
        CounterDao certifying = new CounterDao(FailingCommitDataSource.failingCommits(database.dataSource(), "40001"),
                OptilockSettings.builder().writeObserver(observer).build());
        observer.takeWrites();
        assertThrows(ConcurrentWriteException.class, () -> certifying.update(counters.findById("a").orElseThrow()));
        RecordingObserver.Write refused = observer.onlyWrite();
        assertEquals(Outcome.CONCURRENT_WRITE, refused.result().outcome());
        assertEquals(1, refused.result().conflicts().size());
    }

    @Test
    void aLostCommitAndAnExhaustedRetryLogWarningsThatSayWhatToDo() {
        List<String> logged = new ArrayList<>();
        Handler handler = new Handler() {
            @Override
            public void publish(LogRecord record) {
                logged.add(record.getLevel() + " " + MessageFormat.format(record.getMessage(), record.getParameters()));
            }

            @Override
            public void flush() {
            }

            @Override
            public void close() {
            }
        };
        Logger logger = Logger.getLogger("org.optilock");
        logger.addHandler(handler);
        try {
            counters.insert(new Counter("a"));
            CounterDao losing = new CounterDao(FailingCommitDataSource.failingCommits(database.dataSource()),
                    OptilockSettings.builder().writeObserver(observer).build());
            observer.takeWrites();
            assertThrows(WriteOutcomeUnknownException.class, () -> losing.update(counters.findById("a").orElseThrow()));
            assertEquals(Outcome.OUTCOME_UNKNOWN, observer.onlyWrite().result().outcome());
            Counter stale = counters.findById("a").orElseThrow();
            counters.update(counters.findById("a").orElseThrow());
            assertThrows(RecordModifiedException.class, () -> Retry.onConflict(3, NO_PAUSE, () -> counters.update(stale)));
        } finally {
            logger.removeHandler(handler);
        }
        assertEquals(2, logged.size(), logged::toString);
        assertTrue(logged.get(0).startsWith("WARNING A write was sent and the connection was lost during the commit"
                + " before its answer came back, so the write may or may not be in the database (SQLState 08006)"), logged.get(0));
        assertTrue(logged.get(0).contains("Re-read the row before writing again"), logged.get(0));
        assertTrue(logged.get(1).startsWith("WARNING Retry.onConflict gave up on Counter a after 3 tries"), logged.get(1));
    }

    @Test
    void withoutMicrometerOrAnObserverDaosWriteAsBefore() {
        assertThrows(ClassNotFoundException.class, () -> Class.forName("io.micrometer.core.instrument.MeterRegistry"),
                "these tests run without Micrometer, as an application without it does");
        CounterDao plain = new CounterDao(database.dataSource());
        plain.insert(new Counter("a"));
        Counter stale = plain.findById("a").orElseThrow();
        plain.update(plain.findById("a").orElseThrow());
        assertThrows(RecordModifiedException.class, () -> plain.update(stale));
        assertEquals(List.of(), observer.takeWrites(), "a DAO on the default settings tells no observer");
    }

    private static void assertWrite(RecordingObserver.Write write, Operation operation, Outcome outcome, int rows,
            int conflicts, int statements) {
        assertEquals(Counter.class, write.entityType());
        assertEquals(operation, write.operation(), write::toString);
        assertEquals(outcome, write.result().outcome(), write::toString);
        assertEquals(rows, write.result().rows(), write::toString);
        assertEquals(conflicts, write.result().conflicts().size(), write::toString);
        assertEquals(statements, write.result().statements(), write::toString);
    }
}
