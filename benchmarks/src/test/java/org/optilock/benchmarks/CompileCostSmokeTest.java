package org.optilock.benchmarks;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@link CompileCost} once, on three entities and one round: each of its six ways of running javac
 * compiles, and the replays write exactly what the processors wrote. Timing belongs to the full run.
 */
class CompileCostSmokeTest {

    @Test
    void everyWayOfCompilingRunsAndTheReplaysWriteWhatTheProcessorsWrote(@TempDir Path docs)
            throws IOException, InterruptedException {
        Files.writeString(docs.resolve("performance.md"), "<!-- compile:start -->\n<!-- compile:end -->\n");
        System.setProperty("optilock.bench.compile.rounds", "1");
        try {
            CompileCost.main(new String[] {docs.toString(), processorJar().toString(), "3"});
        } finally {
            System.clearProperty("optilock.bench.compile.rounds");
        }

        List<String> rows = Files.readAllLines(docs.resolve("performance.md")).stream()
                .filter(line -> line.startsWith("| ") && !line.startsWith("| |"))
                .toList();
        assertEquals(6, rows.size(), String.join("\n", rows));
        // Lines written per entity, the last column: each processor wrote its classes, and a replay
        // writes what its processor wrote.
        assertTrue(Integer.parseInt(lastColumn(rows.get(1))) > 0, "Hibernate's processor wrote its classes");
        assertTrue(Integer.parseInt(lastColumn(rows.get(2))) > 0, "Optilock's processor wrote its DAOs");
        assertEquals(lastColumn(rows.get(1)), lastColumn(rows.get(3)), "Hibernate's output, replayed");
        assertEquals(lastColumn(rows.get(2)), lastColumn(rows.get(4)), "Optilock's output, replayed");
        assertTrue(Integer.parseInt(lastColumn(rows.get(5))) > 0, "the least DAOs are written");
    }

    private static String lastColumn(String row) {
        String[] cells = row.split("\\|");
        return cells[cells.length - 1].trim();
    }

    /** The processor's jar, which the reactor packages before this module's tests. */
    private static Path processorJar() throws IOException {
        try (Stream<Path> files = Files.list(Path.of("..", "processor", "target"))) {
            return files.filter(file -> file.getFileName().toString().matches("optilock-processor-.*\\.jar"))
                    .findFirst()
                    .orElseThrow(() -> new IllegalStateException("the processor is not packaged"));
        }
    }
}
