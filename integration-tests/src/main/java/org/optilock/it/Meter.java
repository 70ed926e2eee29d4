package org.optilock.it;

import jakarta.persistence.Id;
import org.optilock.Strategy;
import org.optilock.VersionField;

/** A {@code long} timestamp version: microseconds since the epoch. A string key. */
public class Meter {
    @Id
    String code;

    int reading;

    @VersionField(strategy = Strategy.TIMESTAMP)
    long version;

    public Meter() {}

    public Meter(String code, int reading) {
        this.code = code;
        this.reading = reading;
    }
}
