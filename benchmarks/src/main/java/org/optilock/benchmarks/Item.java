package org.optilock.benchmarks;

import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

/** The row every contender reads and writes: one class for Optilock and Hibernate alike. */
@Entity
@Table(name = "bench_item")
public class Item {
    @Id
    Long id;

    String name;

    long amount;

    @Version
    long version;

    public Item() {}

    Item(long id, String name, long amount) {
        this.id = id;
        this.name = name;
        this.amount = amount;
    }

    /** A detached copy, as a client holds between a read and a write. */
    Item copy() {
        Item copy = new Item(id, name, amount);
        copy.version = version;
        return copy;
    }
}
