package org.optilock.examples.spring;

import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Version;

/** A note two people may edit at once. */
@Entity
public class Note {
    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    public String title;

    public String body;

    @Version
    public long version;

    public Note() {}

    public Note(String title, String body) {
        this.title = title;
        this.body = body;
    }
}
