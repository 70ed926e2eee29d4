package org.optilock.it;

import jakarta.persistence.Id;
import jakarta.persistence.Version;

/**
 * A counter with a primitive {@code int} version over a nullable column, as a table gets when a version
 * column is added to it: a row whose version is NULL reads as 0.
 */
public class Tally {
    @Id
    String name;

    int total;

    @Version
    int version;

    public Tally() {}

    public Tally(String name) {
        this.name = name;
    }
}
