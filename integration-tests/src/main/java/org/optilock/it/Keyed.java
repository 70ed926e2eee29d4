package org.optilock.it;

import jakarta.persistence.Id;
import java.time.Instant;
import org.optilock.Strategy;
import org.optilock.VersionField;

/** A plain generic base class: the key's type comes from the subclass. */
public abstract class Keyed<K> {
    @Id
    K code;

    @VersionField(strategy = Strategy.TIMESTAMP)
    Instant changed;
}
