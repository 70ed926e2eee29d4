package org.optilock.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.LockSupport;
import javax.sql.DataSource;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.optilock.it.support.DatabaseKind;
import org.optilock.it.support.TestDatabase;
import org.optilock.runtime.BatchConflictException;
import org.optilock.runtime.BatchPolicy;
import org.optilock.runtime.Concurrency;
import org.optilock.runtime.RecordModifiedException;
import org.optilock.runtime.Triggers;

/**
 * 8 threads each add one to the same row 200 times, reading, pausing and writing back, with every
 * version strategy, and to two rows at once through a batch. With checks every increment lands (after retries); with checks disabled the
 * same loop loses updates, which proves the test can fail.
 */
@ParameterizedClass(name = "{0}")
@EnumSource(DatabaseKind.class)
class LostUpdateTest {

    private static final int THREADS = 8;
    private static final int INCREMENTS = 200;

    /** One read-modify-write of a shared row, for each strategy. */
    enum SharedRow {
        COUNTER {
            @Override
            void create(DataSource dataSource) {
                new CounterDao(dataSource).insert(new Counter("shared"));
            }

            @Override
            void increment(DataSource dataSource) {
                CounterDao counters = new CounterDao(dataSource);
                Counter counter = counters.findById("shared").orElseThrow();
                pause();
                counter.total++;
                counters.update(counter);
            }

            @Override
            int value(DataSource dataSource) {
                return new CounterDao(dataSource).findById("shared").orElseThrow().total;
            }
        },
        TIMESTAMP {
            @Override
            void create(DataSource dataSource) {
                new MeterDao(dataSource).insert(new Meter("shared", 0));
            }

            @Override
            void increment(DataSource dataSource) {
                MeterDao meters = new MeterDao(dataSource);
                Meter meter = meters.findById("shared").orElseThrow();
                pause();
                meter.reading++;
                meters.update(meter);
            }

            @Override
            int value(DataSource dataSource) {
                return new MeterDao(dataSource).findById("shared").orElseThrow().reading;
            }
        },
        TRIGGER {
            @Override
            void create(DataSource dataSource) {
                Triggers.create(dataSource, Ticket.class);
                Ticket ticket = new Ticket("shared");
                ticket.id = 1L;
                new TicketDao(dataSource).insert(ticket);
            }

            @Override
            void increment(DataSource dataSource) {
                TicketDao tickets = new TicketDao(dataSource);
                Ticket ticket = tickets.findAll().get(0);
                pause();
                ticket.hits++;
                tickets.update(ticket);
            }

            @Override
            int value(DataSource dataSource) {
                return new TicketDao(dataSource).findAll().get(0).hits;
            }
        },
        CONDITIONAL {
            @Override
            void create(DataSource dataSource) {
                new ProfileDao(dataSource).insert(new Profile("shared", "Shared", null));
            }

            @Override
            void increment(DataSource dataSource) {
                ProfileDao profiles = new ProfileDao(dataSource);
                Profile profile = profiles.findById("shared").orElseThrow();
                pause();
                profile.logins++;
                profiles.update(profile);
            }

            @Override
            int value(DataSource dataSource) {
                return new ProfileDao(dataSource).findById("shared").orElseThrow().logins;
            }
        },

        /**
         * Two counters moved together by one {@code updateAll}: the batch's own statement (over
         * arrays, joined, a {@code MERGE}, a JDBC batch) under the same race. A conflict of the batch
         * is retried as a single update's is.
         */
        COUNTER_BATCH {
            @Override
            void create(DataSource dataSource) {
                new CounterDao(dataSource).insertAll(List.of(new Counter("shared"), new Counter("shared too")));
            }

            @Override
            void increment(DataSource dataSource) {
                CounterDao counters = new CounterDao(dataSource);
                List<Counter> pair = counters.findAll();
                pause();
                pair.forEach(counter -> counter.total++);
                try {
                    counters.updateAll(pair, BatchPolicy.ABORT_ALL);
                } catch (BatchConflictException e) {
                    throw e.conflicts().get(0);
                }
            }

            /** The lower of the two: a lost update of either shows. */
            @Override
            int value(DataSource dataSource) {
                return new CounterDao(dataSource).findAll().stream().mapToInt(counter -> counter.total).min().orElseThrow();
            }
        };

        abstract void create(DataSource dataSource);

        abstract void increment(DataSource dataSource);

        abstract int value(DataSource dataSource);

        /** Widens the window between read and write, so that threads really overlap. */
        static void pause() {
            LockSupport.parkNanos(50_000);
        }
    }

    private final TestDatabase database;

    LostUpdateTest(DatabaseKind kind) {
        this.database = TestDatabase.create(kind);
    }

    @AfterEach
    void closeDatabase() {
        database.close();
    }

    @ParameterizedTest
    @EnumSource(SharedRow.class)
    void checkedIncrementsNeverLoseAnUpdate(SharedRow row) throws Exception {
        row.create(database.dataSource());

        AtomicInteger conflicts = new AtomicInteger();
        runConcurrently(() -> incrementWithRetry(row, conflicts));

        assertEquals(THREADS * INCREMENTS, row.value(database.dataSource()));
        assertTrue(conflicts.get() > 0, "the threads really did race");
    }

    @ParameterizedTest
    @EnumSource(SharedRow.class)
    void theSameLoopWithChecksDisabledLosesUpdates(SharedRow row) throws Exception {
        row.create(database.dataSource());

        AtomicInteger conflicts = new AtomicInteger();
        runConcurrently(() -> Concurrency.disabled(() -> incrementWithRetry(row, conflicts)));

        int value = row.value(database.dataSource());
        assertEquals(0, conflicts.get());
        assertTrue(value < THREADS * INCREMENTS, "expected lost updates, but the counter reached " + value);
    }

    private void incrementWithRetry(SharedRow row, AtomicInteger conflicts) {
        for (int i = 0; i < INCREMENTS; i++) {
            while (true) {
                try {
                    row.increment(database.dataSource());
                    break;
                } catch (RecordModifiedException e) {
                    conflicts.incrementAndGet();
                }
            }
        }
    }

    private static void runConcurrently(Runnable work) throws Exception {
        ExecutorService executor = Executors.newFixedThreadPool(THREADS);
        try {
            List<Future<?>> futures = new ArrayList<>();
            for (int t = 0; t < THREADS; t++) {
                futures.add(executor.submit(work));
            }
            for (Future<?> future : futures) {
                future.get(5, TimeUnit.MINUTES);
            }
        } finally {
            executor.shutdownNow();
        }
    }
}
