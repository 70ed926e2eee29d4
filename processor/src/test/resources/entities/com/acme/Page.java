package com.acme;

import jakarta.persistence.Id;
import java.time.Instant;
import org.optilock.Strategy;
import org.optilock.VersionField;

public record Page(@Id long id, String title, long views,
        @VersionField(strategy = Strategy.TIMESTAMP, ignoreFields = "views") Instant version) {}
