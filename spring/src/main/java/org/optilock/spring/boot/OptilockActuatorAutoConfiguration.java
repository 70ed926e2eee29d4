package org.optilock.spring.boot;

import io.micrometer.core.instrument.MeterRegistry;
import javax.sql.DataSource;
import org.optilock.spring.actuate.ConflictCounts;
import org.optilock.spring.actuate.MeterConflictCounts;
import org.optilock.spring.actuate.OptilockBoot4HealthIndicator;
import org.optilock.spring.actuate.OptilockEndpoint;
import org.optilock.spring.actuate.OptilockHealth;
import org.optilock.spring.actuate.OptilockHealthIndicator;
import org.springframework.beans.factory.ListableBeanFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnSingleCandidate;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * With Actuator: the {@code optilock} endpoint, listing every DAO and repository bean with its table
 * and conflicts, and the {@code optilock} health indicator, down while a table does not fit its entity
 * or a version trigger is missing. Spring Boot 3 and 4 name the health contract in different packages;
 * each gets its own indicator.
 */
@AutoConfiguration(after = {OptilockAutoConfiguration.class, OptilockMetricsAutoConfiguration.class})
@ConditionalOnClass(name = "org.springframework.boot.actuate.endpoint.annotation.Endpoint")
@ConditionalOnSingleCandidate(DataSource.class)
public class OptilockActuatorAutoConfiguration {

    /** The endpoint, counting conflicts where Micrometer does. */
    @Bean
    @ConditionalOnMissingBean
    public OptilockEndpoint optilockEndpoint(DataSource dataSource, ListableBeanFactory beans,
            ObjectProvider<ConflictCounts> conflicts) {
        return new OptilockEndpoint(dataSource, beans, conflicts.getIfUnique(() -> ConflictCounts.NONE));
    }

    /** What the health indicators check. */
    @Bean
    @ConditionalOnMissingBean
    public OptilockHealth optilockHealth(DataSource dataSource, ListableBeanFactory beans) {
        return new OptilockHealth(dataSource, beans);
    }

    /** The conflicts the meters counted. */
    @Configuration(proxyBeanMethods = false)
    @ConditionalOnClass(MeterRegistry.class)
    @ConditionalOnBean(MeterRegistry.class)
    static class Meters {

        @Bean
        ConflictCounts optilockConflictCounts(MeterRegistry registry) {
            return new MeterConflictCounts(registry);
        }
    }

    /** Spring Boot 3's health contract. */
    @Configuration(proxyBeanMethods = false)
    @ConditionalOnClass(name = "org.springframework.boot.actuate.health.HealthIndicator")
    static class Boot3Health {

        @Bean
        @ConditionalOnMissingBean(name = "optilockHealthIndicator")
        OptilockHealthIndicator optilockHealthIndicator(OptilockHealth health) {
            return new OptilockHealthIndicator(health);
        }
    }

    /** Spring Boot 4's health contract. */
    @Configuration(proxyBeanMethods = false)
    @ConditionalOnClass(name = "org.springframework.boot.health.contributor.HealthIndicator")
    static class Boot4Health {

        @Bean
        @ConditionalOnMissingBean(name = "optilockHealthIndicator")
        OptilockBoot4HealthIndicator optilockHealthIndicator(OptilockHealth health) {
            return new OptilockBoot4HealthIndicator(health);
        }
    }
}
