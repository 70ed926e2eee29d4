package com.acme;

import jakarta.persistence.Id;
import org.optilock.Strategy;
import org.optilock.VersionField;

public class Meter {
    @Id
    String code;

    int reading;

    @VersionField(strategy = Strategy.TIMESTAMP)
    long version;
}
