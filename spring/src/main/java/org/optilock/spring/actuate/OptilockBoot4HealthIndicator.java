package org.optilock.spring.actuate;

import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;

/** {@link OptilockHealth} as Spring Boot 4's health indicator {@code optilock}. */
public final class OptilockBoot4HealthIndicator implements HealthIndicator {

    private final OptilockHealth health;

    public OptilockBoot4HealthIndicator(OptilockHealth health) {
        this.health = health;
    }

    @Override
    public Health health() {
        OptilockHealth.Report report = health.check();
        return (report.up() ? Health.up() : Health.down()).withDetails(report.details()).build();
    }
}
