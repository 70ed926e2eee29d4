package org.optilock.runtime;

import java.util.List;
import java.util.stream.Collectors;

/**
 * Thrown by {@link Schema#requireValid} when live tables differ from what their entities' DAOs need:
 * the message names every mismatch and its fix, so one start-up shows all of them.
 */
public class SchemaMismatchException extends IllegalStateException {

    private static final long serialVersionUID = 1L;

    private final transient List<SchemaMismatch> mismatches;

    /** The exception for {@code mismatches}, at least one. */
    public SchemaMismatchException(List<SchemaMismatch> mismatches) {
        super(describe(mismatches));
        this.mismatches = List.copyOf(mismatches);
    }

    private static String describe(List<SchemaMismatch> mismatches) {
        if (mismatches.isEmpty()) {
            throw new IllegalArgumentException("a SchemaMismatchException needs at least one mismatch");
        }
        return "The database schema does not match " + mismatches.size()
                + (mismatches.size() == 1 ? " time" : " times") + "; fix each before the application writes:"
                + mismatches.stream().map(mismatch -> "\n  - " + mismatch).collect(Collectors.joining());
    }

    /** Every mismatch, in the order of the entities and their columns. */
    public List<SchemaMismatch> mismatches() {
        return mismatches;
    }
}
