package org.optilock.benchmarks;

import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

/**
 * A row with text a user would write: a title, a body of some hundred characters, a counter. The
 * Jakarta Persistence annotations serve Optilock; Spring Data's own, written out in full, serve the
 * Spring Data JDBC contender, so that every contender writes the very same objects.
 */
@Entity
@Table(name = "bench_document")
@org.springframework.data.relational.core.mapping.Table("bench_document")
public class Document {
    @Id
    @org.springframework.data.annotation.Id
    Long id;

    String title;

    String body;

    long counter;

    @Version
    @org.springframework.data.annotation.Version
    long version;

    public Document() {}

    Document(long id, String title, String body) {
        this.id = id;
        this.title = title;
        this.body = body;
    }
}
