package org.optilock.processor.model;

import com.palantir.javapoet.ClassName;
import java.util.List;

/**
 * A Jakarta Data repository to implement, already validated: the interface, its entity and every
 * method the implementation writes. Holds no javac elements.
 *
 * @param repository the interface the user declared
 * @param implementation the class to write: the interface's name with {@code Impl}
 * @param entity the entity the repository reads and writes
 * @param methods every abstract method of the interface, its own and inherited
 */
public record RepositoryModel(ClassName repository, ClassName implementation, EntityModel entity,
        List<RepositoryMethod> methods) {

    public RepositoryModel {
        methods = List.copyOf(methods);
    }

    /** The implementation of {@code repository}: {@code Documents} gets {@code DocumentsImpl}, nested ones joined by underscores. */
    public static ClassName implementationOf(ClassName repository) {
        return ClassName.get(repository.packageName(), String.join("_", repository.simpleNames()) + "Impl");
    }
}
