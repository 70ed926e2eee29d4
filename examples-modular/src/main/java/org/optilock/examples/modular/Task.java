package org.optilock.examples.modular;

import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Version;

/** A task on a shared board: two people may edit it at once. */
@Entity
public class Task {
    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    Long id;

    String title;

    @Version
    long version;

    /** For the DAO. */
    public Task() {}

    public Task(String title) {
        this.title = title;
    }

    public String title() {
        return title;
    }

    public long version() {
        return version;
    }
}
