package org.optilock.spring.boot;

import javax.sql.DataSource;
import org.optilock.runtime.ConnectionSource;
import org.optilock.runtime.OptilockSettings;
import org.optilock.spring.SpringConnectionSource;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnSingleCandidate;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.datasource.DataSourceUtils;

/**
 * Optilock in a Spring Boot application: every generated DAO in the application's packages becomes a
 * bean on a {@link SpringConnectionSource} over the application's {@code DataSource}, so it takes
 * part in {@code @Transactional}; {@code optilock.*} properties set the {@link OptilockSettings}. An
 * application's own {@code ConnectionSource} or {@code OptilockSettings} bean wins.
 */
// Named, not referenced: Boot 4 moved the DataSource auto-configuration to another package.
@AutoConfiguration(afterName = {
    "org.springframework.boot.autoconfigure.jdbc.DataSourceAutoConfiguration",
    "org.springframework.boot.jdbc.autoconfigure.DataSourceAutoConfiguration"})
@ConditionalOnClass({DataSourceUtils.class, ConnectionSource.class})
@ConditionalOnSingleCandidate(DataSource.class)
@EnableConfigurationProperties(OptilockProperties.class)
@Import(VersionedDaoRegistrar.class)
public class OptilockAutoConfiguration {

    /** The connections of every DAO bean: the Spring transaction's, or one per call outside one. */
    @Bean
    @ConditionalOnMissingBean
    public ConnectionSource optilockConnectionSource(DataSource dataSource) {
        return SpringConnectionSource.of(dataSource);
    }

    /** The settings of every DAO bean, from the {@code optilock.*} properties. */
    @Bean
    @ConditionalOnMissingBean
    public OptilockSettings optilockSettings(OptilockProperties properties) {
        return OptilockSettings.builder()
                .enabled(properties.isEnabled())
                .versionFieldRequired(properties.isVersionFieldRequired())
                .build();
    }
}
