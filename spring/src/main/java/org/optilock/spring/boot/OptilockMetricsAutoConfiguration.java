package org.optilock.spring.boot;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.observation.ObservationRegistry;
import org.optilock.micrometer.OptilockMetrics;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;

/**
 * Optilock's meters in the application's {@code MeterRegistry}, with no configuration, wherever
 * Actuator (or Micrometer alone) made one, and a span per write where the application has an
 * {@code ObservationRegistry}: the {@link OptilockMetrics} bean, which {@link OptilockAutoConfiguration}
 * gives every DAO and repository bean as its observer.
 */
// Named, not referenced: Boot 4 moved the registries' auto-configuration to other packages.
@AutoConfiguration(afterName = {
    "org.springframework.boot.actuate.autoconfigure.metrics.CompositeMeterRegistryAutoConfiguration",
    "org.springframework.boot.actuate.autoconfigure.observation.ObservationAutoConfiguration",
    "org.springframework.boot.micrometer.metrics.autoconfigure.CompositeMeterRegistryAutoConfiguration",
    "org.springframework.boot.micrometer.observation.autoconfigure.ObservationAutoConfiguration"})
@ConditionalOnClass({MeterRegistry.class, OptilockMetrics.class})
@ConditionalOnBean(MeterRegistry.class)
public class OptilockMetricsAutoConfiguration {

    /** The meters of every DAO and repository bean, and their observations. */
    @Bean
    @ConditionalOnMissingBean
    public OptilockMetrics optilockMetrics(MeterRegistry registry, ObjectProvider<ObservationRegistry> observations) {
        return new OptilockMetrics(registry, observations.getIfUnique(() -> ObservationRegistry.NOOP));
    }
}
