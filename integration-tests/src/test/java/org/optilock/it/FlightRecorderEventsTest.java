package org.optilock.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import jdk.jfr.Recording;
import jdk.jfr.consumer.RecordedEvent;
import jdk.jfr.consumer.RecordingFile;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.EnumSource;
import org.optilock.it.support.DatabaseKind;
import org.optilock.it.support.FailingCommitDataSource;
import org.optilock.it.support.TestDatabase;
import org.optilock.runtime.BatchPolicy;
import org.optilock.runtime.ConcurrentWriteException;
import org.optilock.runtime.RecordModifiedException;
import org.optilock.runtime.Retry;

/**
 * Optilock's JFR events, recorded from real writes on every database and read back from the recording
 * file as JDK Mission Control reads them. The DAO has no observer: the events need none.
 */
@ParameterizedClass(name = "{0}")
@EnumSource(DatabaseKind.class)
class FlightRecorderEventsTest {

    private static final Retry.Pause NO_PAUSE = next -> { };
    private static final String COUNTER = Counter.class.getName();

    private final TestDatabase database;
    private final CounterDao counters;

    FlightRecorderEventsTest(DatabaseKind kind) {
        this.database = TestDatabase.create(kind);
        this.counters = new CounterDao(database.dataSource());
    }

    @AfterEach
    void closeDatabase() {
        database.close();
    }

    @Test
    void writesConflictsBatchesAndRetriesAreRecorded() throws Exception {
        List<RecordedEvent> events = recording(() -> {
            counters.insertAll(List.of(new Counter("a"), new Counter("b")));
            Counter stale = counters.findById("a").orElseThrow();
            counters.update(counters.findById("a").orElseThrow());
            assertThrows(RecordModifiedException.class, () -> counters.update(stale));
            counters.updateAll(List.of(stale, counters.findById("b").orElseThrow()), BatchPolicy.SILENT);
            AtomicInteger tries = new AtomicInteger();
            Retry.onConflict(3, NO_PAUSE, () -> {
                Counter counter = counters.findById("b").orElseThrow();
                if (tries.incrementAndGet() == 1) {
                    counters.update(counters.findById("b").orElseThrow());
                }
                return counters.update(counter);
            });
        });

        List<RecordedEvent> writes = named(events, "org.optilock.Write");
        assertEquals(List.of("update success 1", "update conflict 2", "update success 1", "update conflict 2",
                "update success 1"), writes.stream().map(event -> event.getString("operation") + " "
                + event.getString("outcome") + " " + event.getInt("statements")).toList());
        assertTrue(writes.stream().allMatch(event -> event.getClass("entity").getName().equals(COUNTER)));
        assertTrue(writes.stream().noneMatch(event -> event.getDuration().isNegative()));

        List<RecordedEvent> batches = named(events, "org.optilock.Batch");
        assertEquals(List.of("insertAll success 2/0", "updateAll conflict 2/1"), batches.stream()
                .map(event -> event.getString("operation") + " " + event.getString("outcome") + " "
                        + event.getInt("rows") + "/" + event.getInt("conflicts")).toList());
        // One statement over arrays on PostgreSQL; on MariaDB the joined statement (on H2 the MERGE),
        // undone when it came short, then a JDBC batch of both rows; a JDBC batch on SQLite.
        int sent = switch (database.kind()) {
            case POSTGRESQL -> 1;
            case MARIADB, H2 -> 1 + 2;
            case SQLITE -> 2;
        };
        assertEquals(sent + 1, batches.get(1).getInt("statements"), "the rows sent, and the conflict read once");

        List<RecordedEvent> conflicts = named(events, "org.optilock.Conflict");
        assertEquals(List.of("update a 1->2", "updateAll a 1->2", "update b 2->3"), conflicts.stream()
                .map(event -> event.getString("operation") + " " + event.getString("id") + " "
                        + event.getString("expectedVersion") + "->" + event.getString("currentVersion")).toList());
        assertTrue(conflicts.stream().noneMatch(event -> event.getBoolean("deleted") || event.getBoolean("concurrentWrite")));
        assertTrue(conflicts.get(0).getStackTrace() != null, "a conflict keeps the stack of the write that met it");

        List<RecordedEvent> retries = named(events, "org.optilock.Retry");
        assertEquals(1, retries.size());
        assertEquals("retried", retries.get(0).getString("outcome"));
        assertEquals(2, retries.get(0).getInt("attempts"));
        assertEquals(COUNTER, retries.get(0).getClass("entity").getName());
    }

    @Test
    void anExhaustedRetryAndAGoneRowAreRecorded() throws Exception {
        counters.insert(new Counter("a"));
        List<RecordedEvent> events = recording(() -> {
            Counter stale = counters.findById("a").orElseThrow();
            counters.delete(counters.findById("a").orElseThrow());
            assertThrows(RecordModifiedException.class, () -> Retry.onConflict(2, NO_PAUSE, () -> counters.update(stale)));
        });
        List<RecordedEvent> conflicts = named(events, "org.optilock.Conflict");
        assertEquals(2, conflicts.size());
        assertTrue(conflicts.stream().allMatch(event -> event.getBoolean("deleted")
                && event.getString("currentVersion").isEmpty()));
        RecordedEvent retry = named(events, "org.optilock.Retry").get(0);
        assertEquals("exhausted", retry.getString("outcome"));
        assertEquals(2, retry.getInt("attempts"));
    }

    @Test
    void aWriteTheDatabaseRefusedIsAConcurrentWriteConflict() throws Exception {
        counters.insert(new Counter("a"));
        CounterDao certifying = new CounterDao(FailingCommitDataSource.failingCommits(database.dataSource(), "40001"));
        List<RecordedEvent> events = recording(() -> assertThrows(ConcurrentWriteException.class,
                () -> certifying.update(counters.findById("a").orElseThrow())));
        RecordedEvent conflict = named(events, "org.optilock.Conflict").get(0);
        assertTrue(conflict.getBoolean("concurrentWrite"));
        assertEquals("concurrent-write", named(events, "org.optilock.Write").get(0).getString("outcome"));
    }

    /** The events of Optilock that {@code work} made on this thread, in order, with every threshold at zero. */
    private static List<RecordedEvent> recording(Runnable work) throws Exception {
        Path file = Files.createTempFile("optilock", ".jfr");
        try (Recording recording = new Recording()) {
            for (String event : List.of("org.optilock.Write", "org.optilock.Batch", "org.optilock.Conflict",
                    "org.optilock.Retry")) {
                recording.enable(event).withThreshold(Duration.ZERO).withStackTrace();
            }
            recording.start();
            work.run();
            recording.stop();
            recording.dump(file);
            long thread = Thread.currentThread().getId();
            return RecordingFile.readAllEvents(file).stream()
                    .filter(event -> event.getThread() != null && event.getThread().getJavaThreadId() == thread)
                    .sorted((a, b) -> a.getStartTime().compareTo(b.getStartTime()))
                    .toList();
        } finally {
            Files.deleteIfExists(file);
        }
    }

    private static List<RecordedEvent> named(List<RecordedEvent> events, String name) {
        return events.stream().filter(event -> event.getEventType().getName().equals(name)).toList();
    }
}
