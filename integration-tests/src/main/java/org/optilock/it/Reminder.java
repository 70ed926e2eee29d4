package org.optilock.it;

import jakarta.persistence.Id;
import jakarta.persistence.Version;
import java.time.Instant;

/** An {@code Instant} version in a plain {@code TIMESTAMP} column, without a time zone. */
public class Reminder {
    @Id
    Long id;

    String note;

    @Version
    Instant version;

    public Reminder() {}

    public Reminder(long id, String note) {
        this.id = id;
        this.note = note;
    }
}
