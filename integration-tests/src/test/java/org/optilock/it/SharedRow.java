package org.optilock.it;

import java.util.concurrent.atomic.AtomicInteger;
import javax.sql.DataSource;
import org.optilock.it.support.TestDatabase;
import org.optilock.runtime.Triggers;

/**
 * The one row that writers race to increment, read-modify-write, for one version strategy: a
 * {@code COUNTER} (the counter table), a {@code TIMESTAMP} (the ledger) or a {@code TRIGGER} (the
 * ticket, whose trigger is created with the row).
 */
enum SharedRow {
    COUNTER, TIMESTAMP, TRIGGER;

    /** Creates the row, at 0, in {@code database}. */
    void create(TestDatabase database) {
        switch (this) {
            case COUNTER -> database.execute("INSERT INTO counter (name, total, version) VALUES ('shared', 0, 1)");
            case TIMESTAMP -> database.execute("INSERT INTO ledger (id, balance, version) VALUES (1, 0, '2026-01-01 00:00:00')");
            case TRIGGER -> {
                Triggers.create(database.dataSource(), Ticket.class);
                database.execute("INSERT INTO ticket (id, title, hits, version) VALUES (1, 'shared', 0, 1)");
            }
        }
    }

    /** The row's number, read with plain SQL. */
    long total(TestDatabase database) {
        return database.queryLong(totalQuery());
    }

    /** The query of the row's number. */
    String totalQuery() {
        return switch (this) {
            case COUNTER -> "SELECT total FROM counter WHERE name = 'shared'";
            case TIMESTAMP -> "SELECT balance FROM ledger WHERE id = 1";
            case TRIGGER -> "SELECT hits FROM ticket WHERE id = 1";
        };
    }

    /** One increment through the DAO on {@code dataSource}, counting each try (a retry is one more). */
    Runnable increment(DataSource dataSource, AtomicInteger tries) {
        return switch (this) {
            case COUNTER -> {
                CounterDao counters = new CounterDao(dataSource);
                yield () -> {
                    tries.incrementAndGet();
                    Counter counter = counters.findById("shared").orElseThrow();
                    counter.total++;
                    counters.update(counter);
                };
            }
            case TIMESTAMP -> {
                LedgerDao ledgers = new LedgerDao(dataSource);
                yield () -> {
                    tries.incrementAndGet();
                    Ledger ledger = ledgers.findById(1L).orElseThrow();
                    ledger.balance++;
                    ledgers.update(ledger);
                };
            }
            case TRIGGER -> {
                TicketDao tickets = new TicketDao(dataSource);
                yield () -> {
                    tries.incrementAndGet();
                    Ticket ticket = tickets.findById(1L).orElseThrow();
                    ticket.hits++;
                    tickets.update(ticket);
                };
            }
        };
    }
}
