package org.optilock.spring.boot;

import javax.sql.DataSource;
import org.optilock.runtime.ConnectionSource;
import org.optilock.runtime.OptilockSettings;
import org.optilock.runtime.WriteObserver;
import org.optilock.spring.SpringConnectionSource;
import org.springframework.beans.factory.ListableBeanFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.SmartInitializingSingleton;
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
 * application's own {@code ConnectionSource} or {@code OptilockSettings} bean wins. At start-up the
 * entities are compared with the live tables ({@code optilock.schema-check}).
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

    /**
     * The settings of every DAO bean, from the {@code optilock.*} properties, told of every write by
     * the context's {@link WriteObserver} where it has one (the metrics, with Actuator).
     */
    @Bean
    @ConditionalOnMissingBean
    public OptilockSettings optilockSettings(OptilockProperties properties, ObjectProvider<WriteObserver> observer) {
        return OptilockSettings.builder()
                .enabled(properties.isEnabled())
                .versionFieldRequired(properties.isVersionFieldRequired())
                .writeObserver(observer.getIfUnique(() -> WriteObserver.NONE))
                .build();
    }

    /** The entities of the DAO and repository beans, compared with the live tables once all beans are made. */
    @Bean
    public SmartInitializingSingleton optilockSchemaCheck(DataSource dataSource, ListableBeanFactory beans,
            OptilockProperties properties) {
        return new SchemaCheck(dataSource, beans, properties.getSchemaCheck());
    }
}
