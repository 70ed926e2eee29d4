package org.optilock.benchmarks;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.math.BigDecimal;
import java.time.LocalDateTime;

/**
 * A row of the kinds of columns a ledger has: a timestamp, a decimal amount, a note that is missing
 * on every other row, a counter. The batch matrix writes it beside {@link Document}, whose columns
 * are text and numbers only.
 */
@Entity
@Table(name = "bench_entry")
public class Entry {
    @Id
    Long id;

    @Column(name = "booked_at")
    LocalDateTime bookedAt;

    BigDecimal amount;

    String note;

    long counter;

    @Version
    long version;

    public Entry() {}

    Entry(long id, LocalDateTime bookedAt, BigDecimal amount, String note) {
        this.id = id;
        this.bookedAt = bookedAt;
        this.amount = amount;
        this.note = note;
    }
}
