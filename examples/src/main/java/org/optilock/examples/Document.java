package org.optilock.examples;

import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Version;

/** A document people edit: a plain class with a counter version. */
@Entity
public class Document {
    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    Long id;

    String title;
    String body;

    @Version
    long version;

    public Document() {}

    public Document(String title, String body) {
        this.title = title;
        this.body = body;
    }

    @Override
    public String toString() {
        return "#" + id + " \"" + title + "\" (version " + version + ")";
    }
}
