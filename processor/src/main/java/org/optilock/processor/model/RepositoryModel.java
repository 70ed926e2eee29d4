package org.optilock.processor.model;

import com.palantir.javapoet.ClassName;
import java.util.List;

/**
 * A Jakarta Data repository to implement, already validated: the interface, and for each entity it
 * reads and writes, the methods that concern that entity. Most repositories have one entity; one
 * without a primary entity type may have several, each method's entity the one it takes, names in
 * its JDQL, or returns. Holds no javac elements.
 *
 * @param repository the interface the user declared
 * @param implementation the class to write: the interface's name with {@code Impl}
 * @param parts the entities, the primary one first, each with its methods
 */
public record RepositoryModel(ClassName repository, ClassName implementation, List<Part> parts) {

    /** One entity of the repository, and every abstract method of the interface that concerns it. */
    public record Part(EntityModel entity, List<RepositoryMethod> methods) {

        public Part {
            methods = List.copyOf(methods);
        }
    }

    public RepositoryModel {
        parts = List.copyOf(parts);
    }

    /** The implementation of {@code repository}: {@code Documents} gets {@code DocumentsImpl}, nested ones joined by underscores. */
    public static ClassName implementationOf(ClassName repository) {
        return ClassName.get(repository.packageName(), String.join("_", repository.simpleNames()) + "Impl");
    }
}
