package org.optilock.runtime;

/**
 * An entity of a class you cannot edit ({@code @VersionedTable}) together with the version it was
 * read with. The DAO returns it from every read and write and takes it back on writes; a write
 * returns a new {@code Versioned} with the new version.
 *
 * @param value the entity
 * @param version the version it was read with; {@code null} before its first insert
 * @param <T> the entity type
 */
public record Versioned<T>(T value, Long version) {

    /** A new entity, to insert. */
    public static <T> Versioned<T> unversioned(T value) {
        return new Versioned<>(value, null);
    }

    /** The same entity with another version. */
    public Versioned<T> withVersion(Long newVersion) {
        return new Versioned<>(value, newVersion);
    }
}
