package org.optilock.benchmarks;

import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import org.optilock.VersionField;

/**
 * A {@link Document} whose version moves only when its title or body changes, not its counter: the
 * database decides, in the UPDATE, and the new version is read back.
 */
@Entity
@Table(name = "bench_conditional")
public class ConditionalDocument {
    @Id
    Long id;

    String title;

    String body;

    long counter;

    @VersionField(checkFields = {"title", "body"})
    long version;

    public ConditionalDocument() {}

    ConditionalDocument(long id, String title, String body) {
        this.id = id;
        this.title = title;
        this.body = body;
    }
}
