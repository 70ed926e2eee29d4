package org.optilock.micrometer;

import io.micrometer.common.KeyValue;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.DistributionSummary;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.micrometer.observation.Observation;
import io.micrometer.observation.ObservationRegistry;
import java.util.Objects;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReferenceArray;
import org.optilock.runtime.ConcurrentWriteException;
import org.optilock.runtime.OptilockSettings;
import org.optilock.runtime.RecordModifiedException;
import org.optilock.runtime.WriteObserver;

/**
 * The writes of the generated DAOs as Micrometer meters, every tag of low cardinality (never an id
 * or a version):
 *
 * <ul>
 *   <li>{@code optilock.writes}, a timer of every write: {@code entity}, {@code operation}
 *       ({@code insert}, {@code update}, {@code delete}, {@code insertAll}, {@code updateAll},
 *       {@code deleteAll}), {@code outcome} ({@code success}, {@code conflict}, {@code concurrent-write},
 *       {@code timeout}, {@code connection-lost}, {@code outcome-unknown}, {@code duplicate-key}, {@code failed});
 *   <li>{@code optilock.conflicts}, a counter of conflicting rows: {@code entity}, {@code operation},
 *       {@code cause} ({@code version}: the row had moved; {@code concurrent-write}: the database or
 *       cluster refused the write, a serialization or certification failure);
 *   <li>{@code optilock.conflict.resolutions}, a counter: {@code entity}, {@code resolution}
 *       ({@code merged}, {@code unmergeable}, {@code retried}, {@code exhausted});
 *   <li>{@code optilock.batch.rows} and {@code optilock.batch.conflicts}, distribution summaries of the
 *       rows of each batch and of those that conflicted: {@code entity}, {@code operation};
 *   <li>{@code optilock.failures}, a counter of writes that failed for another reason than a conflict:
 *       {@code entity}, {@code operation}, {@code kind} (an outcome of {@code optilock.writes}).
 * </ul>
 *
 * With an {@link ObservationRegistry} each write is also an observation, {@code optilock.write}, so an
 * application with tracing on gets a span per write, around the statements it runs.
 *
 * <pre>{@code
 * OptilockMetrics metrics = new OptilockMetrics(meterRegistry);
 * DocumentDao documents = new DocumentDao(dataSource, OptilockSettings.builder().writeObserver(metrics).build());
 * }</pre>
 *
 * Spring Boot binds it with no configuration when Actuator is present. Meters are found once per
 * entity, operation and outcome and kept: a write looks them up without allocating.
 */
public final class OptilockMetrics implements WriteObserver {

    private final MeterRegistry registry;
    private final ObservationRegistry observations;
    private final ClassValue<EntityMeters> meters = new ClassValue<>() {
        @Override
        protected EntityMeters computeValue(Class<?> entityType) {
            return new EntityMeters(entityType.getSimpleName());
        }
    };

    /** Meters in {@code registry}, no observations. */
    public OptilockMetrics(MeterRegistry registry) {
        this(registry, ObservationRegistry.NOOP);
    }

    /** Meters in {@code registry}, and an observation of each write in {@code observations}. */
    public OptilockMetrics(MeterRegistry registry, ObservationRegistry observations) {
        this.registry = Objects.requireNonNull(registry, "registry");
        this.observations = Objects.requireNonNull(observations, "observations");
    }

    /** Settings with this as their observer, the rest as {@code settings} say. */
    public OptilockSettings settings(OptilockSettings settings) {
        return settings.toBuilder().writeObserver(this).build();
    }

    @Override
    public Write started(Class<?> entityType, Operation operation) {
        EntityMeters entity = meters.get(entityType);
        long start = registry.config().clock().monotonicTime();
        if (observations.isNoop()) {
            return result -> entity.ended(operation, result, registry.config().clock().monotonicTime() - start);
        }
        Observation observation = Observation.createNotStarted("optilock.write", observations)
                .contextualName(operation.methodName() + " " + entity.name)
                .lowCardinalityKeyValue("entity", entity.name)
                .lowCardinalityKeyValue("operation", operation.methodName())
                .start();
        Observation.Scope scope = observation.openScope();
        return result -> {
            entity.ended(operation, result, registry.config().clock().monotonicTime() - start);
            observation.lowCardinalityKeyValue(KeyValue.of("outcome", result.outcome().tag()));
            scope.close();
            observation.stop();
        };
    }

    @Override
    public void resolved(Class<?> entityType, Resolution resolution, int attempts) {
        meters.get(entityType).resolution(resolution).increment();
    }

    /**
     * The meters of one entity, each registered on first use and kept in an array by its tags'
     * ordinals, so that a write finds its meters without allocating. Two threads registering the same
     * meter at once get the same one from the registry.
     */
    private final class EntityMeters {

        private static final int OUTCOMES = Outcome.values().length;
        private static final int OPERATIONS = Operation.values().length;

        private final String name;
        private final AtomicReferenceArray<Timer> writes = new AtomicReferenceArray<>(OPERATIONS * OUTCOMES);
        private final AtomicReferenceArray<Counter> failures = new AtomicReferenceArray<>(OPERATIONS * OUTCOMES);
        private final AtomicReferenceArray<Counter> conflicts = new AtomicReferenceArray<>(OPERATIONS * 2);
        private final AtomicReferenceArray<DistributionSummary> batchRows = new AtomicReferenceArray<>(OPERATIONS);
        private final AtomicReferenceArray<DistributionSummary> batchConflicts = new AtomicReferenceArray<>(OPERATIONS);
        private final AtomicReferenceArray<Counter> resolutions = new AtomicReferenceArray<>(Resolution.values().length);

        EntityMeters(String name) {
            this.name = name;
        }

        void ended(Operation operation, Result result, long nanos) {
            Outcome outcome = result.outcome();
            int key = operation.ordinal() * OUTCOMES + outcome.ordinal();
            Timer timer = writes.get(key);
            if (timer == null) {
                timer = Timer.builder("optilock.writes")
                        .description("Writes of the generated DAOs, by how they ended")
                        .tags("entity", name, "operation", operation.methodName(), "outcome", outcome.tag())
                        .register(registry);
                writes.set(key, timer);
            }
            timer.record(nanos, TimeUnit.NANOSECONDS);
            for (RecordModifiedException conflict : result.conflicts()) {
                conflict(operation, conflict instanceof ConcurrentWriteException).increment();
            }
            if (result.conflicts().isEmpty() && outcome != Outcome.SUCCESS) {
                Counter failure = failures.get(key);
                if (failure == null) {
                    failure = Counter.builder("optilock.failures")
                            .description("Writes that failed for another reason than a conflict")
                            .tags("entity", name, "operation", operation.methodName(), "kind", outcome.tag())
                            .register(registry);
                    failures.set(key, failure);
                }
                failure.increment();
            }
            if (operation.isBatch()) {
                summary(batchRows, "optilock.batch.rows", "Rows of each batch", operation).record(result.rows());
                summary(batchConflicts, "optilock.batch.conflicts", "Rows of each batch that conflicted", operation)
                        .record(result.conflicts().size());
            }
        }

        private Counter conflict(Operation operation, boolean concurrent) {
            int key = operation.ordinal() * 2 + (concurrent ? 1 : 0);
            Counter counter = conflicts.get(key);
            if (counter == null) {
                counter = Counter.builder("optilock.conflicts")
                        .description("Rows a write could not write because another writer came first")
                        .tags("entity", name, "operation", operation.methodName(), "cause",
                                concurrent ? "concurrent-write" : "version")
                        .register(registry);
                conflicts.set(key, counter);
            }
            return counter;
        }

        private DistributionSummary summary(AtomicReferenceArray<DistributionSummary> summaries, String meter,
                String description, Operation operation) {
            DistributionSummary summary = summaries.get(operation.ordinal());
            if (summary == null) {
                summary = DistributionSummary.builder(meter).description(description).baseUnit("rows")
                        .tags("entity", name, "operation", operation.methodName()).register(registry);
                summaries.set(operation.ordinal(), summary);
            }
            return summary;
        }

        Counter resolution(Resolution resolution) {
            Counter counter = resolutions.get(resolution.ordinal());
            if (counter == null) {
                counter = Counter.builder("optilock.conflict.resolutions")
                        .description("Conflicts a merge or a retry resolved, or gave up on")
                        .tags("entity", name, "resolution", resolution.tag())
                        .register(registry);
                resolutions.set(resolution.ordinal(), counter);
            }
            return counter;
        }
    }
}
