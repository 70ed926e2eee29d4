package org.optilock.benchmarks;

import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import org.optilock.Strategy;
import org.optilock.VersionField;

/**
 * A {@link Document} whose version a database trigger moves: an update never writes the version, and
 * the new one is read back.
 */
@Entity
@Table(name = "bench_triggered")
public class TriggeredDocument {
    @Id
    Long id;

    String title;

    String body;

    long counter;

    @VersionField(strategy = Strategy.TRIGGER)
    long version;

    public TriggeredDocument() {}

    TriggeredDocument(long id, String title, String body) {
        this.id = id;
        this.title = title;
        this.body = body;
    }
}
