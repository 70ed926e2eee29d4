package org.optilock.it;

import jakarta.persistence.Id;
import jakarta.persistence.Version;

/** A record: an assigned key and an {@code Integer} counter; writes return new instances. */
public record Note(@Id long id, String text, @Version Integer version) {

    public Note withText(String newText) {
        return new Note(id, newText, version);
    }
}
