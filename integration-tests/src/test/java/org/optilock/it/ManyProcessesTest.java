package org.optilock.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.optilock.it.support.DatabaseKind;
import org.optilock.it.support.IncrementHistory;
import org.optilock.it.support.TestDatabase;

/**
 * Separate JVMs, as separate service instances are, increment the same row: with the version check
 * and a retry nothing is lost, and with the check off the same run loses updates, so this test can
 * fail. On the servers the processes can reach: PostgreSQL and MariaDB.
 */
@ParameterizedClass(name = "{0}")
@EnumSource(value = DatabaseKind.class, names = {"POSTGRESQL", "MARIADB"})
class ManyProcessesTest {

    private static final int PROCESSES = 4;
    private static final int INCREMENTS = 500;

    private final TestDatabase database;

    ManyProcessesTest(DatabaseKind kind) {
        this.database = TestDatabase.create(kind);
    }

    @AfterEach
    void closeDatabase() {
        database.close();
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"COUNTER", "TIMESTAMP", "TRIGGER"})
    void fourProcessesRetryingEveryConflictLoseNothing(String strategy) throws Exception {
        prepare(strategy);
        IncrementHistory.Check check = run(strategy, "checked");
        assertTrue(check.holds(), check::toString);
        assertEquals(PROCESSES * INCREMENTS, check.acknowledged(), strategy);
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"COUNTER", "TRIGGER"})
    void withTheCheckOffTheSameProcessesLoseUpdates(String strategy) throws Exception {
        prepare(strategy);
        IncrementHistory.Check check = run(strategy, "unchecked");
        assertTrue(check.lost() > 0, strategy + ": " + check);
    }

    private void prepare(String strategy) {
        SharedRow.valueOf(strategy).create(database);
    }

    /**
     * Starts the processes, waits for them, reports their figures, and returns their merged history
     * checked against the row's number.
     */
    private IncrementHistory.Check run(String strategy, String checks) throws IOException, InterruptedException {
        Path java = Path.of(System.getProperty("java.home"), "bin", "java");
        List<Process> processes = new ArrayList<>();
        for (int i = 0; i < PROCESSES; i++) {
            processes.add(new ProcessBuilder(java.toString(), "-cp", System.getProperty("java.class.path"),
                    IncrementWorker.class.getName(), database.jdbcUrl(), strategy, Integer.toString(INCREMENTS), checks)
                    .redirectErrorStream(true).start());
        }
        long conflicts = 0;
        long slowest = 0;
        IncrementHistory history = new IncrementHistory();
        for (Process process : processes) {
            assertTrue(process.waitFor(3, TimeUnit.MINUTES), "a worker did not finish");
            String output = new String(process.getInputStream().readAllBytes()).strip();
            assertEquals(0, process.exitValue(), output);
            history.add(IncrementHistory.parse(output));
            String last = output.substring(output.lastIndexOf('\n') + 1);
            conflicts += Long.parseLong(last.replaceAll(".*conflicts=(\\d+).*", "$1"));
            slowest = Math.max(slowest, Long.parseLong(last.replaceAll(".*millis=(\\d+).*", "$1")));
        }
        long total = SharedRow.valueOf(strategy).total(database);
        IncrementHistory.Check check = history.check(Map.of(IncrementWorker.SHARED, total));
        System.out.printf("%s %s %s: %d processes × %d increments in %d ms, %.0f increments/s, %d conflicts (%.0f/s),"
                        + " %d kept; %s%n", database.kind(), strategy, checks, PROCESSES, INCREMENTS, slowest,
                PROCESSES * INCREMENTS * 1000.0 / slowest, conflicts, conflicts * 1000.0 / slowest, total, check);
        return check;
    }
}
