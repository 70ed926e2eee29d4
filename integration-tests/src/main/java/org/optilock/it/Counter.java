package org.optilock.it;

import jakarta.persistence.Id;
import jakarta.persistence.Version;

/** A plain counter version with an {@code int} to increment. */
public class Counter {
    @Id
    String name;

    int total;

    @Version
    int version;

    public Counter() {}

    public Counter(String name) {
        this.name = name;
    }
}
