package org.optilock.processor.validation;

import static org.optilock.processor.validation.RepositoryTypes.CURSORED_PAGE;
import static org.optilock.processor.validation.RepositoryTypes.DATA_REPOSITORY;
import static org.optilock.processor.validation.RepositoryTypes.LIST;
import static org.optilock.processor.validation.RepositoryTypes.OPTIONAL;
import static org.optilock.processor.validation.RepositoryTypes.PAGE;
import static org.optilock.processor.validation.RepositoryTypes.STREAM;

import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.MethodSpec;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import javax.lang.model.element.ElementKind;
import javax.lang.model.element.ExecutableElement;
import javax.lang.model.element.Modifier;
import javax.lang.model.element.TypeElement;
import javax.lang.model.element.VariableElement;
import javax.lang.model.type.ArrayType;
import javax.lang.model.type.DeclaredType;
import javax.lang.model.type.ExecutableType;
import javax.lang.model.type.TypeMirror;
import javax.lang.model.util.ElementFilter;
import javax.lang.model.util.Elements;
import javax.lang.model.util.Types;
import org.optilock.processor.model.EntityModel;
import org.optilock.processor.model.RepositoryMethod;
import org.optilock.processor.model.RepositoryMethod.Operation;
import org.optilock.processor.model.RepositoryModel;

/**
 * Reads a {@code @jakarta.data.repository.Repository} interface into a {@link RepositoryModel}: finds
 * its entity, and checks each abstract method, its own or inherited from {@code BasicRepository} and
 * {@code CrudRepository}, against the specification and the entity, reporting every misuse on the
 * method or parameter it concerns.
 */
public final class RepositoryValidator {

    /** The annotation that marks a repository. */
    public static final String REPOSITORY = "jakarta.data.repository.Repository";

    static final String PACKAGE = "jakarta.data.repository.";
    static final String FIND = PACKAGE + "Find";

    private final Elements elements;
    private final Types types;
    private final RepositoryTypes repositoryTypes;

    public RepositoryValidator(Elements elements, Types types) {
        this.elements = elements;
        this.types = types;
        this.repositoryTypes = new RepositoryTypes(types);
    }

    /**
     * The model of {@code repository}, or empty when it has errors, all of them in {@code report}.
     * {@code entities} gives the model of an entity class, empty when Optilock writes no DAO for it.
     */
    public Optional<RepositoryModel> validate(TypeElement repository,
            Function<TypeElement, Optional<EntityModel>> entities, ValidationReport report) {
        if (repository.getKind() != ElementKind.INTERFACE) {
            report.error(Message.REPOSITORY_NOT_INTERFACE, repository, repository.getSimpleName(),
                    "a " + repository.getKind().toString().toLowerCase().replace('_', ' '));
            return Optional.empty();
        }
        Optional<TypeElement> entityType = entityOf(repository);
        if (entityType.isEmpty()) {
            report.error(Message.REPOSITORY_WITHOUT_ENTITY, repository, repository.getSimpleName());
            return Optional.empty();
        }
        Optional<EntityModel> entity = entities.apply(entityType.get());
        if (entity.isEmpty()) {
            report.error(Message.REPOSITORY_ENTITY_NOT_MAPPED, repository, entityType.get().getSimpleName(),
                    repository.getSimpleName(), "fix the errors reported on it");
            return Optional.empty();
        }
        DeclaredType declared = (DeclaredType) repository.asType();
        RepositoryMethodReader reader =
                new RepositoryMethodReader(repositoryTypes, elements, repository, entityType.get(), entity.get(), report);
        List<RepositoryMethod> methods = new ArrayList<>();
        for (ExecutableElement method : ElementFilter.methodsIn(elements.getAllMembers(repository))) {
            if (!method.getModifiers().contains(Modifier.ABSTRACT)
                    || method.getEnclosingElement().getKind() != ElementKind.INTERFACE) {
                continue;
            }
            MethodSpec signature = MethodSpec.overriding(method, declared, types).build();
            ExecutableType type = (ExecutableType) types.asMemberOf(declared, method);
            reader.read(method, type, signature).ifPresent(methods::add);
        }
        if (!report.isClean()) {
            return Optional.empty();
        }
        ClassName name = ClassName.get(repository);
        return Optional.of(new RepositoryModel(name, RepositoryModel.implementationOf(name), entity.get(), methods));
    }

    /**
     * The entity of {@code repository}: the first type argument of the {@code DataRepository} it
     * extends, else the entity its first lifecycle method takes or its first query returns.
     */
    private Optional<TypeElement> entityOf(TypeElement repository) {
        Optional<TypeElement> declared = dataRepositoryEntity(repository.asType());
        if (declared.isPresent()) {
            return declared;
        }
        for (ExecutableElement method : ElementFilter.methodsIn(repository.getEnclosedElements())) {
            for (VariableElement parameter : method.getParameters()) {
                if (lifecycleOf(method).isPresent()) {
                    TypeMirror type = parameter.asType();
                    return RepositoryTypes.classOf(RepositoryTypes.elementsOf(type).orElse(type));
                }
            }
            if (AnnotationMirrors.has(method, FIND)) {
                return RepositoryTypes.classOf(queried(method.getReturnType()).orElse(method.getReturnType()));
            }
        }
        return Optional.empty();
    }

    private Optional<TypeElement> dataRepositoryEntity(TypeMirror type) {
        for (TypeMirror supertype : types.directSupertypes(type)) {
            Optional<TypeMirror> entity = RepositoryTypes.is(supertype, DATA_REPOSITORY)
                    ? ((DeclaredType) supertype).getTypeArguments().stream().<TypeMirror>map(t -> t).findFirst()
                    : Optional.empty();
            if (entity.isPresent()) {
                return RepositoryTypes.classOf(entity.get());
            }
            Optional<TypeElement> inherited = dataRepositoryEntity(supertype);
            if (inherited.isPresent()) {
                return inherited;
            }
        }
        return Optional.empty();
    }

    /** The element type of a query's result: {@code Optional<X>}, {@code List<X>}, {@code X[]}, a page of X... */
    static Optional<TypeMirror> queried(TypeMirror result) {
        if (result instanceof ArrayType array) {
            return Optional.of(array.getComponentType());
        }
        for (String container : List.of(OPTIONAL, LIST, STREAM, PAGE, CURSORED_PAGE)) {
            Optional<TypeMirror> element = RepositoryTypes.argumentOf(result, container);
            if (element.isPresent()) {
                return element;
            }
        }
        return Optional.empty();
    }

    /** The operation a lifecycle annotation on {@code method} asks for; empty when it has none. */
    static Optional<Operation> lifecycleOf(ExecutableElement method) {
        for (Operation operation : Operation.values()) {
            if (AnnotationMirrors.has(method, PACKAGE + operation.annotation())) {
                return Optional.of(operation);
            }
        }
        return Optional.empty();
    }
}
