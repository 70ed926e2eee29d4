package org.optilock.spring.app;

import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Version;

/** A note of the test application. */
@Entity
public class Memo {
    @Id
    public Long id;

    public String title;

    public String body;

    @Version
    public long version;

    public Memo() {}

    public Memo(long id, String body) {
        this.id = id;
        this.body = body;
    }
}
