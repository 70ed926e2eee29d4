package org.optilock.it;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import javax.sql.DataSource;
import org.optilock.it.support.IncrementHistory;
import org.optilock.it.support.IncrementHistory.Result;

/**
 * Writers incrementing the same counter rows through a cluster while a test disrupts it: threads of
 * this JVM and processes of their own, as the instances of a service are, each a {@link CountingWriter}.
 * Their histories are merged when they stop, for {@link IncrementHistory#check}.
 */
final class WriterFleet implements AutoCloseable {

    private final List<String> rows;
    private final boolean checked;
    private final AtomicBoolean stopping = new AtomicBoolean();
    private final Path stopFile;
    private final IncrementHistory history = new IncrementHistory();
    private final List<CountingWriter> threadWriters = new ArrayList<>();
    private final List<Thread> threads = new ArrayList<>();
    private final List<Process> processes = new ArrayList<>();
    private final Map<String, String> failures = new TreeMap<>();

    /** A fleet of writers of {@code rows}, with the version check on or ({@code checked} false) off. */
    WriterFleet(List<String> rows, boolean checked) {
        this.rows = rows;
        this.checked = checked;
        try {
            Path folder = Files.createTempDirectory("optilock-writers");
            this.stopFile = folder.resolve("stop");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Starts {@code count} writer threads on {@code dataSource}. */
    WriterFleet threads(DataSource dataSource, int count) {
        for (int i = 0; i < count; i++) {
            CountingWriter writer = new CountingWriter(dataSource, rows, history, stopping::get, checked);
            Thread thread = new Thread(writer, "writer-" + threads.size());
            threadWriters.add(writer);
            threads.add(thread);
            thread.start();
        }
        return this;
    }

    /** Starts {@code count} writer processes, each with a pool of its own on {@code jdbcUrl}. */
    WriterFleet processes(String jdbcUrl, int count) {
        Path java = Path.of(System.getProperty("java.home"), "bin", "java");
        for (int i = 0; i < count; i++) {
            try {
                processes.add(new ProcessBuilder(java.toString(), "-cp", System.getProperty("java.class.path"),
                        CountingWriter.class.getName(), jdbcUrl, stopFile.toString(), String.join(",", rows),
                        checked ? "checked" : "unchecked").redirectErrorStream(true).start());
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return this;
    }

    /** The increments the threads of this JVM have had acknowledged so far. */
    long acknowledgedHere() {
        return history.count(Result.ACKNOWLEDGED);
    }

    /**
     * Waits until the threads have had {@code more} increments acknowledged after the call, and returns
     * how long that took: after a disruption, how long the writers were held up.
     */
    Duration awaitProgress(long more, Duration atMost) throws InterruptedException {
        long start = System.nanoTime();
        long target = acknowledgedHere() + more;
        while (acknowledgedHere() < target) {
            if (System.nanoTime() - start > atMost.toNanos()) {
                throw new AssertionError("The writers made no progress in " + atMost + "; they met "
                        + threadWriters.stream().map(CountingWriter::failures).toList());
            }
            Thread.sleep(10);
        }
        return Duration.ofNanos(System.nanoTime() - start);
    }

    /**
     * Stops every writer, waits for them, and returns the merged history of threads and processes.
     * A process that ended badly fails the test with its output.
     */
    IncrementHistory stop() throws InterruptedException, IOException {
        stopping.set(true);
        Files.createFile(stopFile);
        for (Thread thread : threads) {
            thread.join(TimeUnit.MINUTES.toMillis(1));
        }
        threadWriters.forEach(writer -> failures.putAll(writer.failures()));
        IncrementHistory merged = new IncrementHistory();
        merged.add(history);
        for (Process process : processes) {
            CompletableFuture<String> output = CompletableFuture.supplyAsync(() -> read(process));
            if (!process.waitFor(1, TimeUnit.MINUTES)) {
                process.destroyForcibly();
                throw new AssertionError("A writer process did not stop: " + output.getNow(""));
            }
            String text = output.join();
            if (process.exitValue() != 0) {
                throw new AssertionError("A writer process failed:\n" + text);
            }
            text.lines().filter(line -> line.startsWith("failure ")).forEach(line -> {
                String failure = line.substring("failure ".length());
                failures.putIfAbsent(failure.substring(0, failure.indexOf(": ")), failure.substring(failure.indexOf(": ") + 2));
            });
            merged.add(IncrementHistory.parse(text));
        }
        return merged;
    }

    /** The first message of each kind of exception the writers met, by the exception's simple name. */
    Map<String, String> failures() {
        return failures;
    }

    private static String read(Process process) {
        try {
            return new String(process.getInputStream().readAllBytes());
        } catch (IOException e) {
            return e.toString();
        }
    }

    @Override
    public void close() throws IOException {
        stopping.set(true);
        if (!Files.exists(stopFile)) {
            Files.createFile(stopFile);
        }
        processes.forEach(Process::destroyForcibly);
        Files.deleteIfExists(stopFile);
        Files.deleteIfExists(stopFile.getParent());
    }
}
