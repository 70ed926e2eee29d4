package org.optilock.runtime.internal;

import java.util.Optional;

/** How one database's catalog is asked which version triggers exist. */
interface TriggerCatalog {

    /**
     * The query counting the triggers named {@code ?} in {@code schema} (the connection's current one
     * when empty); the schema is bound first where {@link #bindsSchema} says so.
     */
    String countQuery(Optional<String> schema);

    /** The query of the names of Optilock's version triggers in {@code schema}. */
    String namesQuery(Optional<String> schema);

    /** Whether the queries take the schema as a parameter (else it is part of their text). */
    default boolean bindsSchema() {
        return true;
    }
}
