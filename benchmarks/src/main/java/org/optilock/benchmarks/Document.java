package org.optilock.benchmarks;

import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

/** A row with text a user would write: a title, a body of some hundred characters, a counter. */
@Entity
@Table(name = "bench_document")
public class Document {
    @Id
    Long id;

    String title;

    String body;

    long counter;

    @Version
    long version;

    public Document() {}

    Document(long id, String title, String body) {
        this.id = id;
        this.title = title;
        this.body = body;
    }
}
