package org.optilock.spring.actuate;

import org.springframework.boot.actuate.health.Health;
import org.springframework.boot.actuate.health.HealthIndicator;

/** {@link OptilockHealth} as Spring Boot 3's health indicator {@code optilock}. */
public final class OptilockHealthIndicator implements HealthIndicator {

    private final OptilockHealth health;

    public OptilockHealthIndicator(OptilockHealth health) {
        this.health = health;
    }

    @Override
    public Health health() {
        OptilockHealth.Report report = health.check();
        return (report.up() ? Health.up() : Health.down()).withDetails(report.details()).build();
    }
}
