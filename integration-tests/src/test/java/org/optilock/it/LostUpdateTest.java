package org.optilock.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.LockSupport;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.EnumSource;
import org.optilock.it.support.DatabaseKind;
import org.optilock.it.support.TestDatabase;
import org.optilock.runtime.Concurrency;
import org.optilock.runtime.RecordModifiedException;

/**
 * 8 threads each add one to the same row 200 times, reading, pausing and writing back. With checks
 * every increment lands (after retries); with checks disabled the same loop loses updates, which
 * proves the test can fail.
 */
@ParameterizedClass(name = "{0}")
@EnumSource(DatabaseKind.class)
class LostUpdateTest {

    private static final int THREADS = 8;
    private static final int INCREMENTS = 200;

    private final TestDatabase database;
    private final MeterDao meters;

    LostUpdateTest(DatabaseKind kind) {
        this.database = TestDatabase.create(kind);
        this.meters = new MeterDao(database.dataSource());
    }

    @AfterEach
    void closeDatabase() throws SQLException {
        database.close();
    }

    @Test
    void checkedIncrementsNeverLoseAnUpdate() throws Exception {
        meters.insert(new Meter("shared", 0));

        AtomicInteger conflicts = new AtomicInteger();
        runConcurrently(() -> incrementWithRetry(conflicts));

        assertEquals(THREADS * INCREMENTS, meters.findById("shared").orElseThrow().reading);
        assertTrue(conflicts.get() > 0, "the threads really did race");
    }

    @Test
    void theSameLoopWithChecksDisabledLosesUpdates() throws Exception {
        meters.insert(new Meter("shared", 0));

        AtomicInteger conflicts = new AtomicInteger();
        runConcurrently(() -> Concurrency.disabled(() -> incrementWithRetry(conflicts)));

        int reading = meters.findById("shared").orElseThrow().reading;
        assertEquals(0, conflicts.get());
        assertTrue(reading < THREADS * INCREMENTS, "expected lost updates, but the counter reached " + reading);
    }

    private void incrementWithRetry(AtomicInteger conflicts) {
        for (int i = 0; i < INCREMENTS; i++) {
            while (true) {
                Meter meter = meters.findById("shared").orElseThrow();
                LockSupport.parkNanos(50_000); // widen the window between read and write
                meter.reading++;
                try {
                    meters.update(meter);
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
