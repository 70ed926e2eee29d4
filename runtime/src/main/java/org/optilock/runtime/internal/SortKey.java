package org.optilock.runtime.internal;

import java.util.Objects;

/**
 * One key of an ORDER BY, by attribute: what {@code @OrderBy} says at compile time, and what a
 * {@code jakarta.data.Sort} says at run time, once checked against the entity.
 *
 * @param attribute the entity's attribute
 * @param descending whether larger values come first
 * @param ignoreCase whether text is compared in lower case
 */
public record SortKey(String attribute, boolean descending, boolean ignoreCase) {

    public SortKey {
        Objects.requireNonNull(attribute, "attribute");
    }

    /** An ascending key on {@code attribute}. */
    public static SortKey asc(String attribute) {
        return new SortKey(attribute, false, false);
    }

    /** A descending key on {@code attribute}. */
    public static SortKey desc(String attribute) {
        return new SortKey(attribute, true, false);
    }

    /** This key, compared in lower case. */
    public SortKey ignoringCase() {
        return new SortKey(attribute, descending, true);
    }
}
