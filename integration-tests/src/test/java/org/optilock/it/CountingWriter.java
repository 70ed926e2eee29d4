package org.optilock.it;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.SQLException;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.BooleanSupplier;
import javax.sql.DataSource;
import org.optilock.it.support.IncrementHistory;
import org.optilock.runtime.Concurrency;
import org.optilock.runtime.Retry;

/**
 * A writer of the cluster runs, as a service instance would be one: it increments counter rows in
 * turn, read-modify-write through the DAO with {@link Retry#onConflict}, until told to stop, and
 * records every operation in an {@link IncrementHistory}. A failure (the primary is gone, the node is
 * outside the cluster) makes it pause a little and go on, with the next operation. It runs as a thread
 * of a test, or as a process of its own ({@link #main}).
 */
final class CountingWriter implements Runnable {

    /** How long a writer waits after a failure before its next operation. */
    private static final Duration PAUSE_AFTER_FAILURE = Duration.ofMillis(50);

    private final CounterDao counters;
    private final List<String> rows;
    private final IncrementHistory history;
    private final BooleanSupplier stop;
    private final boolean checked;
    /** The first message of each kind of failure, for the figures: what a user of the DAO sees. */
    private final Map<String, String> failures = new ConcurrentHashMap<>();

    CountingWriter(DataSource dataSource, List<String> rows, IncrementHistory history, BooleanSupplier stop,
            boolean checked) {
        this.counters = new CounterDao(dataSource);
        this.rows = rows;
        this.history = history;
        this.stop = stop;
        this.checked = checked;
    }

    @Override
    public void run() {
        for (int i = 0; !stop.getAsBoolean(); i++) {
            String row = rows.get(i % rows.size());
            try {
                history.increment(row, () -> {
                    if (checked) {
                        Retry.onConflict(100_000, () -> once(row));
                    } else {
                        Concurrency.disabled(() -> once(row));
                    }
                    return row;
                });
            } catch (RuntimeException e) {
                failures.putIfAbsent(kind(e), String.valueOf(e.getMessage()));
                pause();
            }
        }
    }

    /** The exception's simple name, with the database's own error code where it has one. */
    private static String kind(RuntimeException failure) {
        return failure.getCause() instanceof SQLException sql && sql.getErrorCode() != 0
                ? failure.getClass().getSimpleName() + " (error " + sql.getErrorCode() + ")"
                : failure.getClass().getSimpleName();
    }

    private void once(String row) {
        Counter counter = counters.findById(row).orElseThrow();
        counter.total++;
        counters.update(counter);
    }

    /** The first message of each kind of exception this writer met, by the exception's simple name. */
    Map<String, String> failures() {
        return new TreeMap<>(failures);
    }

    private static void pause() {
        try {
            Thread.sleep(PAUSE_AFTER_FAILURE.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /**
     * A writer in a process of its own. Arguments: the JDBC URL, a file whose appearance tells it to
     * stop, the rows (comma-separated), and {@code checked} or {@code unchecked}. Prints the failures it
     * met, then its history's line.
     */
    public static void main(String[] args) {
        Path stopFile = Path.of(args[1]);
        HikariConfig config = new HikariConfig();
        config.setJdbcUrl(args[0]);
        config.setMaximumPoolSize(2);
        config.setConnectionTimeout(2_000);
        config.setInitializationFailTimeout(-1); // a process started during a failover waits for the primary
        IncrementHistory history = new IncrementHistory();
        try (HikariDataSource dataSource = new HikariDataSource(config)) {
            CountingWriter writer = new CountingWriter(dataSource, Arrays.asList(args[2].split(",")), history,
                    () -> Files.exists(stopFile), args[3].equals("checked"));
            writer.run();
            writer.failures().forEach((kind, message) -> System.out.println("failure " + kind + ": " + message));
        }
        System.out.println(history.toLine());
    }
}
