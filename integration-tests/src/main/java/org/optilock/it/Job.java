package org.optilock.it;

import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import org.optilock.Strategy;
import org.optilock.VersionField;

/** A trigger-versioned entity whose table is in a schema of its own. */
@Entity
@Table(name = "job", schema = "app")
public class Job {
    @Id
    Long id;

    String title;

    @VersionField(strategy = Strategy.TRIGGER)
    long version;

    public Job() {}

    public Job(long id, String title) {
        this.id = id;
        this.title = title;
    }
}
