package org.optilock.spring.boot;

import java.beans.Introspector;
import java.io.IOException;
import java.util.List;
import org.optilock.runtime.ConnectionSource;
import org.optilock.runtime.OptilockSettings;
import org.optilock.runtime.VersionedDao;
import org.optilock.spring.actuate.EntityBeans;
import org.springframework.beans.factory.BeanFactory;
import org.springframework.beans.factory.BeanFactoryAware;
import org.springframework.beans.factory.config.BeanDefinition;
import org.springframework.beans.factory.config.RuntimeBeanReference;
import org.springframework.beans.factory.support.BeanDefinitionRegistry;
import org.springframework.beans.factory.support.RootBeanDefinition;
import org.springframework.boot.autoconfigure.AutoConfigurationPackages;
import org.springframework.context.EnvironmentAware;
import org.springframework.context.ResourceLoaderAware;
import org.springframework.context.annotation.ClassPathScanningCandidateComponentProvider;
import org.springframework.context.annotation.ImportBeanDefinitionRegistrar;
import org.springframework.core.env.Environment;
import org.springframework.core.io.ResourceLoader;
import org.springframework.core.type.AnnotationMetadata;
import org.springframework.core.type.classreading.MetadataReader;
import org.springframework.core.type.classreading.MetadataReaderFactory;
import org.springframework.core.type.filter.AssignableTypeFilter;
import org.springframework.util.ClassUtils;

/**
 * Makes every generated DAO and Jakarta Data repository in the application's packages a bean, the way
 * Spring Data finds repositories: it scans the auto-configuration packages (those of the
 * {@code @SpringBootApplication}) for classes that implement {@link VersionedDao}, or an interface
 * annotated {@code @jakarta.data.repository.Repository}, and have the {@code (ConnectionSource,
 * OptilockSettings)} constructor every generated DAO and repository has, and builds each on the
 * context's {@code ConnectionSource} and {@code OptilockSettings} beans. A DAO is named after its
 * class ({@code documentDao}), a repository after its interface ({@code documents}); a bean the
 * application defines under the same name stays.
 */
final class VersionedDaoRegistrar
        implements ImportBeanDefinitionRegistrar, BeanFactoryAware, EnvironmentAware, ResourceLoaderAware {

    private static final String REPOSITORY = "jakarta.data.repository.Repository";

    private BeanFactory beanFactory;
    private Environment environment;
    private ResourceLoader resourceLoader;

    @Override
    public void setBeanFactory(BeanFactory beanFactory) {
        this.beanFactory = beanFactory;
    }

    @Override
    public void setEnvironment(Environment environment) {
        this.environment = environment;
    }

    @Override
    public void setResourceLoader(ResourceLoader resourceLoader) {
        this.resourceLoader = resourceLoader;
    }

    @Override
    public void registerBeanDefinitions(AnnotationMetadata importingClass, BeanDefinitionRegistry registry) {
        if (!AutoConfigurationPackages.has(beanFactory)) {
            return;
        }
        ClassPathScanningCandidateComponentProvider scanner = new ClassPathScanningCandidateComponentProvider(false, environment);
        scanner.setResourceLoader(resourceLoader);
        scanner.addIncludeFilter(new AssignableTypeFilter(VersionedDao.class));
        scanner.addIncludeFilter(VersionedDaoRegistrar::implementsRepository);
        List<String> packages = AutoConfigurationPackages.get(beanFactory);
        for (String basePackage : packages) {
            for (BeanDefinition candidate : scanner.findCandidateComponents(basePackage)) {
                Class<?> type = ClassUtils.resolveClassName(candidate.getBeanClassName(), resourceLoader.getClassLoader());
                String name = Introspector.decapitalize(EntityBeans.repositoryOf(type).orElse(type).getSimpleName());
                if (isGeneratedDao(type) && !registry.containsBeanDefinition(name)) {
                    registry.registerBeanDefinition(name, daoBean(type));
                }
            }
        }
    }

    /** Whether the scanned class implements an interface annotated {@code @Repository}, read without loading it. */
    private static boolean implementsRepository(MetadataReader reader, MetadataReaderFactory factory)
            throws IOException {
        for (String name : reader.getClassMetadata().getInterfaceNames()) {
            if (factory.getMetadataReader(name).getAnnotationMetadata().hasAnnotation(REPOSITORY)) {
                return true;
            }
        }
        return false;
    }

    private static boolean isGeneratedDao(Class<?> type) {
        return ClassUtils.hasConstructor(type, ConnectionSource.class, OptilockSettings.class);
    }

    private static RootBeanDefinition daoBean(Class<?> type) {
        RootBeanDefinition bean = new RootBeanDefinition(type);
        bean.getConstructorArgumentValues().addIndexedArgumentValue(0, new RuntimeBeanReference(ConnectionSource.class));
        bean.getConstructorArgumentValues().addIndexedArgumentValue(1, new RuntimeBeanReference(OptilockSettings.class));
        return bean;
    }
}
