package org.optilock.it;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import java.util.concurrent.atomic.AtomicInteger;
import org.optilock.runtime.Concurrency;
import org.optilock.runtime.Retry;

/**
 * One of the processes of {@link ManyProcessesTest}: increments one row's number, read-modify-write
 * with retry, as many times as it is told, and prints how many conflicts it met and how long it took.
 *
 * <p>Arguments: JDBC URL, strategy ({@code COUNTER}, {@code TIMESTAMP} or {@code TRIGGER}),
 * increments, and {@code checked} or {@code unchecked}.
 */
public final class IncrementWorker {

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
            Runnable increment = switch (strategy) {
                case "COUNTER" -> {
                    CounterDao counters = new CounterDao(dataSource);
                    yield () -> {
                        tries.incrementAndGet();
                        Counter counter = counters.findById("shared").orElseThrow();
                        counter.total++;
                        counters.update(counter);
                    };
                }
                case "TIMESTAMP" -> {
                    LedgerDao ledgers = new LedgerDao(dataSource);
                    yield () -> {
                        tries.incrementAndGet();
                        Ledger ledger = ledgers.findById(1L).orElseThrow();
                        ledger.balance++;
                        ledgers.update(ledger);
                    };
                }
                case "TRIGGER" -> {
                    TicketDao tickets = new TicketDao(dataSource);
                    yield () -> {
                        tries.incrementAndGet();
                        Ticket ticket = tickets.findById(1L).orElseThrow();
                        ticket.hits++;
                        tickets.update(ticket);
                    };
                }
                default -> throw new IllegalArgumentException("no strategy " + strategy);
            };
            long start = System.nanoTime();
            for (int i = 0; i < increments; i++) {
                if (checked) {
                    Retry.onConflict(100_000, increment);
                } else {
                    Concurrency.disabled(increment);
                }
            }
            long millis = (System.nanoTime() - start) / 1_000_000;
            System.out.println("conflicts=" + (tries.get() - increments) + " millis=" + millis);
        }
    }
}
