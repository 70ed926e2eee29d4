package org.optilock.spring.actuate;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.optilock.runtime.VersionedDao;
import org.springframework.beans.factory.ListableBeanFactory;
import org.springframework.core.ResolvableType;
import org.springframework.util.ClassUtils;

/**
 * The generated DAOs and Jakarta Data repositories of an application context, each with its entity:
 * what the schema check, the health indicator and the Actuator endpoint look at. Read from the bean
 * definitions' types, so no bean is created for it.
 */
public final class EntityBeans {

    private static final String REPOSITORY = "jakarta.data.repository.Repository";
    private static final String DATA_REPOSITORY = "jakarta.data.repository.DataRepository";

    /** One bean: its name, whether it is a DAO or a repository, and its entity where it has one. */
    public record EntityBean(String name, Kind kind, Class<?> beanType, Optional<Class<?>> entityType) {}

    /** What a bean is. */
    public enum Kind { DAO, REPOSITORY }

    private final ListableBeanFactory beans;

    public EntityBeans(ListableBeanFactory beans) {
        this.beans = beans;
    }

    /** Every DAO bean, then every repository bean, by name. */
    public List<EntityBean> all() {
        List<EntityBean> found = new ArrayList<>();
        for (String name : beans.getBeanNamesForType(VersionedDao.class, true, false)) {
            Class<?> type = beans.getType(name, false);
            Class<?> entity = ResolvableType.forClass(type).as(VersionedDao.class).resolveGeneric(0);
            found.add(new EntityBean(name, Kind.DAO, type, Optional.ofNullable(entity)));
        }
        for (String name : beans.getBeanDefinitionNames()) {
            Class<?> type = beans.getType(name, false);
            if (type != null && isRepository(type)) {
                found.add(new EntityBean(name, Kind.REPOSITORY, type, primaryEntity(type)));
            }
        }
        return found;
    }

    /** The entities of every bean, each once, in order: what the schema check compares. */
    public Class<?>[] entityTypes() {
        Set<Class<?>> entities = new LinkedHashSet<>();
        for (EntityBean bean : all()) {
            bean.entityType().ifPresent(entities::add);
        }
        return entities.toArray(Class<?>[]::new);
    }

    private static boolean isRepository(Class<?> type) {
        return !type.isInterface() && repositoryOf(type).isPresent();
    }

    /** The {@code @Repository} interface {@code type} implements, if it is a generated repository. */
    public static Optional<Class<?>> repositoryOf(Class<?> type) {
        return Arrays.stream(type.getInterfaces())
                .filter(candidate -> Arrays.stream(candidate.getAnnotations())
                        .anyMatch(annotation -> annotation.annotationType().getName().equals(REPOSITORY)))
                .findFirst();
    }

    /** The entity of a repository that extends a built-in repository; none for one whose methods name several. */
    private static Optional<Class<?>> primaryEntity(Class<?> type) {
        ClassLoader loader = type.getClassLoader();
        if (!ClassUtils.isPresent(DATA_REPOSITORY, loader)) {
            return Optional.empty();
        }
        Class<?> dataRepository = ClassUtils.resolveClassName(DATA_REPOSITORY, loader);
        return Optional.ofNullable(ResolvableType.forClass(type).as(dataRepository).resolveGeneric(0));
    }
}
