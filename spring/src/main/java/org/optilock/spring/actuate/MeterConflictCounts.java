package org.optilock.spring.actuate;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.Optional;

/** The conflicts the {@code optilock.conflicts} meters counted, summed over operations and causes. */
public final class MeterConflictCounts implements ConflictCounts {

    private final MeterRegistry registry;

    public MeterConflictCounts(MeterRegistry registry) {
        this.registry = registry;
    }

    @Override
    public Optional<Double> since(Class<?> entityType) {
        return Optional.of(registry.find("optilock.conflicts").tag("entity", entityType.getSimpleName()).counters()
                .stream().mapToDouble(Counter::count).sum());
    }
}
