package org.optilock.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.Connection;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.optilock.it.support.DatabaseKind;
import org.optilock.it.support.TestDatabase;
import org.optilock.runtime.Concurrency;
import org.optilock.runtime.ConcurrentWriteException;
import org.optilock.runtime.OptilockSettings;
import org.optilock.runtime.Retry;

/**
 * The lost-update race with every DAO connection in PostgreSQL's {@code SERIALIZABLE} isolation, the
 * DAO committing: the server refuses many writes with serialization failures, each reaches the writers
 * as a {@link ConcurrentWriteException} that {@link Retry#onConflict} retries, and the total is exact.
 */
class SerializableIsolationTest {

    private static final int WRITERS = 6;
    private static final int INCREMENTS = 100;

    private final TestDatabase database = TestDatabase.create(DatabaseKind.POSTGRESQL);

    @AfterEach
    void closeDatabase() {
        database.close();
    }

    @Test
    void serializationFailuresAreConflictsAndNothingIsLost() throws Exception {
        AtomicInteger serializationFailures = new AtomicInteger();
        OptilockSettings counting = OptilockSettings.builder()
                .conflictListener(conflict -> {
                    if (conflict instanceof ConcurrentWriteException) {
                        serializationFailures.incrementAndGet();
                    }
                })
                .build();
        CounterDao counters = new CounterDao(database.withIsolation(Connection.TRANSACTION_SERIALIZABLE), counting);
        counters.insert(new Counter("shared"));

        long started = System.nanoTime();
        race(() -> Retry.onConflict(10_000, () -> {
            Counter counter = counters.findById("shared").orElseThrow();
            counter.total++;
            return counters.update(counter);
        }));
        double seconds = (System.nanoTime() - started) / 1e9;

        long total = counters.findById("shared").orElseThrow().total;
        System.out.printf("SERIALIZABLE, %d writers: %d increments in %.1f s (%.0f/s), %d serialization failures%n",
                WRITERS, total, seconds, total / seconds, serializationFailures.get());
        assertEquals(WRITERS * INCREMENTS, total);
        assertTrue(serializationFailures.get() > 0, "the race did reach the server's serialization check");
    }

    /** The control: the same race with the version check off loses increments, isolation or not. */
    @Test
    void withoutTheVersionCheckSerializableAloneLosesIncrements() throws Exception {
        CounterDao counters = new CounterDao(database.withIsolation(Connection.TRANSACTION_SERIALIZABLE));
        counters.insert(new Counter("shared"));

        race(() -> Retry.onConflict(10_000, () -> {
            Concurrency.disabled(() -> {
                Counter counter = counters.findById("shared").orElseThrow();
                counter.total++;
                counters.update(counter);
            });
            return null;
        }));

        long total = counters.findById("shared").orElseThrow().total;
        assertTrue(total < WRITERS * INCREMENTS, "kept " + total + " of " + WRITERS * INCREMENTS);
    }

    private static void race(Runnable increment) throws Exception {
        ExecutorService executor = Executors.newFixedThreadPool(WRITERS);
        try {
            List<Future<?>> writers = new ArrayList<>();
            for (int w = 0; w < WRITERS; w++) {
                writers.add(executor.submit(() -> {
                    for (int i = 0; i < INCREMENTS; i++) {
                        increment.run();
                    }
                }));
            }
            for (Future<?> writer : writers) {
                writer.get(5, TimeUnit.MINUTES);
            }
        } finally {
            executor.shutdownNow();
        }
    }
}
