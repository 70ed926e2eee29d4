package org.optilock.it;

import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import org.optilock.Strategy;
import org.optilock.VersionField;

/** A version maintained by a database trigger, so raw SQL updates are detected too. */
public class Ticket {
    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    Long id;

    String title;
    int hits;

    @VersionField(strategy = Strategy.TRIGGER)
    long version;

    public Ticket() {}

    public Ticket(String title) {
        this.title = title;
    }
}
