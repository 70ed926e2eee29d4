package org.optilock.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.EnumSource;
import org.optilock.it.support.DatabaseKind;
import org.optilock.it.support.TestDatabase;
import org.optilock.runtime.Concurrency;
import org.optilock.runtime.RecordModifiedException;
import org.optilock.runtime.Retry;

/** {@link Retry#onConflict} as the read-modify-write loop of real writers racing on one row. */
@ParameterizedClass(name = "{0}")
@EnumSource(DatabaseKind.class)
class RetryOnConflictTest {

    private static final int THREADS = 8;
    private static final int INCREMENTS = 200;

    private final TestDatabase database;
    private final CounterDao counters;

    RetryOnConflictTest(DatabaseKind kind) {
        this.database = TestDatabase.create(kind);
        this.counters = new CounterDao(database.dataSource());
    }

    @AfterEach
    void closeDatabase() {
        database.close();
    }

    @Test
    void eightWritersRetryingEveryConflictLoseNothing() throws Exception {
        counters.insert(new Counter("shared"));
        AtomicInteger tries = new AtomicInteger();
        ExecutorService executor = Executors.newFixedThreadPool(THREADS);
        try {
            List<Future<?>> writers = new ArrayList<>();
            for (int t = 0; t < THREADS; t++) {
                writers.add(executor.submit(() -> {
                    for (int i = 0; i < INCREMENTS; i++) {
                        Retry.onConflict(10_000, () -> {
                            tries.incrementAndGet();
                            Counter counter = counters.findById("shared").orElseThrow();
                            counter.total++;
                            return counters.update(counter);
                        });
                    }
                }));
            }
            for (Future<?> writer : writers) {
                writer.get(5, TimeUnit.MINUTES);
            }
        } finally {
            executor.shutdownNow();
        }

        assertEquals(THREADS * INCREMENTS, counters.findById("shared").orElseThrow().total);
        System.out.printf("%s: %d increments took %d tries%n", database.kind(), THREADS * INCREMENTS, tries.get());
    }

    @Test
    void withTheCheckOffTheSameInterleavingLosesAnIncrementAndWithItTheRetryKeepsIt() {
        counters.insert(new Counter("shared"));
        Counter first = counters.findById("shared").orElseThrow();
        Counter second = counters.findById("shared").orElseThrow();
        first.total++;
        counters.update(first);
        second.total++;
        Concurrency.disabled((Runnable) () -> counters.update(second));
        assertEquals(1, counters.findById("shared").orElseThrow().total, "checks off: one of two increments is lost");

        Counter stale = counters.findById("shared").orElseThrow();
        Counter fresh = counters.findById("shared").orElseThrow();
        fresh.total++;
        counters.update(fresh);
        AtomicInteger tries = new AtomicInteger();
        Retry.onConflict(3, () -> {
            // The first try writes the stale copy, as the losing thread of a race would.
            Counter counter = tries.getAndIncrement() == 0 ? stale : counters.findById("shared").orElseThrow();
            counter.total++;
            return counters.update(counter);
        });
        assertEquals(2, tries.get());
        assertEquals(3, counters.findById("shared").orElseThrow().total, "checks on: the retry re-read and kept both");
    }

    @Test
    void workThatDoesNotReReadGivesUpAfterExactlyTheAttempts() {
        Counter counter = counters.insert(new Counter("shared"));
        Counter stale = counters.findById("shared").orElseThrow();
        counters.update(counter);
        AtomicInteger calls = new AtomicInteger();

        RecordModifiedException last = assertThrows(RecordModifiedException.class, () -> Retry.onConflict(3, () -> {
            calls.incrementAndGet();
            counters.update(stale);
        }));

        assertEquals(3, calls.get());
        assertEquals(2, last.getSuppressed().length);
    }
}
