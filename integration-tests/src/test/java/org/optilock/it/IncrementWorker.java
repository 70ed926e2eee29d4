package org.optilock.it;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import java.util.concurrent.atomic.AtomicInteger;
import org.optilock.it.support.IncrementHistory;
import org.optilock.runtime.Concurrency;
import org.optilock.runtime.Retry;

/**
 * One of the processes of {@link ManyProcessesTest}: increments one row's number, read-modify-write
 * with retry, as many times as it is told, and prints how many conflicts it met and how long it took.
 *
 * <p>Arguments: JDBC URL, strategy ({@code COUNTER}, {@code TIMESTAMP} or {@code TRIGGER}),
 * increments, and {@code checked} or {@code unchecked}. Prints its {@link IncrementHistory} too.
 */
public final class IncrementWorker {

    /** The name the history gives the one row. */
    static final String SHARED = "shared";

    private IncrementWorker() {}

    public static void main(String[] args) {
        String strategy = args[1];
        int increments = Integer.parseInt(args[2]);
        boolean checked = args[3].equals("checked");
        HikariConfig config = new HikariConfig();
        config.setJdbcUrl(args[0]);
        config.setMaximumPoolSize(2);
        try (HikariDataSource dataSource = new HikariDataSource(config)) {
            AtomicInteger tries = new AtomicInteger();
            Runnable increment = SharedRow.valueOf(strategy).increment(dataSource, tries);
            long start = System.nanoTime();
            IncrementHistory history = new IncrementHistory();
            for (int i = 0; i < increments; i++) {
                history.increment(SHARED, () -> {
                    if (checked) {
                        Retry.onConflict(100_000, increment);
                    } else {
                        Concurrency.disabled(increment);
                    }
                    return SHARED;
                });
            }
            long millis = (System.nanoTime() - start) / 1_000_000;
            System.out.println(history.toLine());
            System.out.println("conflicts=" + (tries.get() - increments) + " millis=" + millis);
        }
    }
}
