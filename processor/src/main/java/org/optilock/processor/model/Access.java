package org.optilock.processor.model;

/**
 * How the DAO reads and writes one property of an entity.
 *
 * @param style field, accessor methods, or record component
 * @param getter the getter's name, for {@link Style#ACCESSORS}; else empty
 * @param setter the setter's name, for {@link Style#ACCESSORS} of a class that is assigned; else empty
 */
public record Access(Style style, String getter, String setter) {

    /** The ways a property is reached. */
    public enum Style {
        /** A non-private field, read and assigned directly. */
        FIELD,
        /** A private field behind a JavaBean getter and setter. */
        ACCESSORS,
        /** A record component: read through its accessor, written by constructing a new record. */
        RECORD_COMPONENT,
        /** The version of a {@code Versioned<T>} wrapper, beside the entity rather than in it. */
        WRAPPER_VERSION
    }

    public static Access field() {
        return new Access(Style.FIELD, "", "");
    }

    public static Access accessors(String getter, String setter) {
        return new Access(Style.ACCESSORS, getter, setter);
    }

    /** A private final field of an immutable class: read through its getter, written by constructing anew. */
    public static Access getter(String getter) {
        return new Access(Style.ACCESSORS, getter, "");
    }

    public static Access wrapperVersion() {
        return new Access(Style.WRAPPER_VERSION, "", "");
    }

    public static Access recordComponent() {
        return new Access(Style.RECORD_COMPONENT, "", "");
    }
}
