package org.optilock.spring.actuate;

import java.util.Optional;

/** How many conflicts each entity met since the application started, where something counts them. */
@FunctionalInterface
public interface ConflictCounts {

    /** Counts nothing: an application without Micrometer. */
    ConflictCounts NONE = entityType -> Optional.empty();

    /** The conflicts {@code entityType} met since start, every operation and cause; empty when uncounted. */
    Optional<Double> since(Class<?> entityType);
}
