package org.optilock.runtime.internal;

/** The entity of the engine's own tests: a generated key, a text, a counter version. */
final class Note {
    Long id;
    String title;
    long version;

    Note() {}

    Note(String title) {
        this.title = title;
    }
}
