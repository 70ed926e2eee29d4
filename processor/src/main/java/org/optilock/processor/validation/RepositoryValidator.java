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
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import javax.lang.model.element.ElementKind;
import javax.lang.model.element.ExecutableElement;
import javax.lang.model.element.Modifier;
import javax.lang.model.element.TypeElement;
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
    private static final String ENTITY = "jakarta.persistence.Entity";
    private static final String TABLE = "jakarta.persistence.Table";

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
        DeclaredType declared = (DeclaredType) repository.asType();
        List<ExecutableElement> abstractMethods = ElementFilter.methodsIn(elements.getAllMembers(repository)).stream()
                .filter(method -> method.getModifiers().contains(Modifier.ABSTRACT)
                        && method.getEnclosingElement().getKind() == ElementKind.INTERFACE)
                .toList();
        Optional<TypeElement> primary = primaryEntity(repository, abstractMethods);
        Map<String, TypeElement> named = new LinkedHashMap<>();
        primary.ifPresent(type -> named.put(type.getSimpleName().toString(), type));
        for (ExecutableElement method : abstractMethods) {
            lifecycleEntity(method).or(() -> returnedEntity(method)).ifPresent(type ->
                    named.putIfAbsent(type.getSimpleName().toString(), type));
        }
        Map<TypeElement, Optional<RepositoryMethodReader>> readers = new LinkedHashMap<>();
        Map<TypeElement, EntityModel> models = new LinkedHashMap<>();
        Function<TypeElement, Optional<RepositoryMethodReader>> readerOf = entityType ->
                readers.computeIfAbsent(entityType, type -> {
                    Optional<EntityModel> entity = entities.apply(type);
                    if (entity.isEmpty()) {
                        report.error(Message.REPOSITORY_ENTITY_NOT_MAPPED, repository, type.getSimpleName(),
                                repository.getSimpleName(), "fix the errors reported on it");
                    }
                    entity.ifPresent(model -> models.put(type, model));
                    return entity.map(model -> new RepositoryMethodReader(repositoryTypes, elements, repository, type,
                            model, report));
                });
        Map<TypeElement, List<RepositoryMethod>> methods = new LinkedHashMap<>();
        primary.ifPresent(type -> {
            readerOf.apply(type);
            methods.put(type, new ArrayList<>());
        });
        boolean entityless = false;
        for (ExecutableElement method : abstractMethods) {
            Optional<TypeElement> entityType = lifecycleEntity(method)
                    .or(() -> queryEntity(method, named))
                    .or(() -> returnedEntity(method))
                    .or(() -> primary);
            if (entityType.isEmpty()) {
                entityless = true;
                continue;
            }
            Optional<RepositoryMethodReader> reader = readerOf.apply(entityType.get());
            if (reader.isPresent()) {
                MethodSpec signature = MethodSpec.overriding(method, declared, types).build();
                ExecutableType type = (ExecutableType) types.asMemberOf(declared, method);
                reader.get().read(method, type, signature)
                        .ifPresent(read -> methods.computeIfAbsent(entityType.get(), t -> new ArrayList<>()).add(read));
            }
        }
        if (entityless || methods.isEmpty()) {
            report.error(Message.REPOSITORY_WITHOUT_ENTITY, repository, repository.getSimpleName());
        }
        if (!report.isClean()) {
            return Optional.empty();
        }
        List<RepositoryModel.Part> parts = new ArrayList<>();
        methods.forEach((type, read) -> parts.add(new RepositoryModel.Part(models.get(type), read)));
        ClassName name = ClassName.get(repository);
        return Optional.of(new RepositoryModel(name, RepositoryModel.implementationOf(name), parts));
    }

    /**
     * The primary entity of {@code repository}: the first type argument of the {@code DataRepository}
     * it extends, else the one class every lifecycle method takes, else the one entity its queries return.
     */
    private Optional<TypeElement> primaryEntity(TypeElement repository, List<ExecutableElement> methods) {
        Optional<TypeElement> declared = dataRepositoryEntity(repository.asType());
        if (declared.isPresent()) {
            return declared;
        }
        Set<TypeElement> lifecycle = new LinkedHashSet<>();
        Set<TypeElement> returned = new LinkedHashSet<>();
        for (ExecutableElement method : methods) {
            lifecycleEntity(method).ifPresent(lifecycle::add);
            returnedEntity(method).ifPresent(returned::add);
        }
        Set<TypeElement> candidates = lifecycle.isEmpty() ? returned : lifecycle;
        return candidates.size() == 1 ? candidates.stream().findFirst() : Optional.empty();
    }

    /** The entity class a lifecycle method takes, one or several. */
    private static Optional<TypeElement> lifecycleEntity(ExecutableElement method) {
        if (lifecycleOf(method).isEmpty() || method.getParameters().size() != 1) {
            return Optional.empty();
        }
        TypeMirror type = method.getParameters().get(0).asType();
        return RepositoryTypes.classOf(RepositoryTypes.elementsOf(type).orElse(type)).filter(RepositoryValidator::isEntity);
    }

    /** The entity class a query returns, one or in a container, when it is an entity. */
    private static Optional<TypeElement> returnedEntity(ExecutableElement method) {
        TypeMirror returns = method.getReturnType();
        return RepositoryTypes.classOf(queried(returns).orElse(returns)).filter(RepositoryValidator::isEntity);
    }

    /** The entity a JDQL query names in FROM, UPDATE or DELETE, among those the repository knows by {@code named}. */
    private static Optional<TypeElement> queryEntity(ExecutableElement method, Map<String, TypeElement> named) {
        return AnnotationMirrors.find(method, PACKAGE + "Query")
                .flatMap(query -> AnnotationMirrors.nonEmptyString(query, "value"))
                .flatMap(JdqlEntityName::of)
                .map(name -> name.substring(name.lastIndexOf('.') + 1))
                .map(named::get);
    }

    private static boolean isEntity(TypeElement type) {
        return AnnotationMirrors.has(type, ENTITY) || AnnotationMirrors.has(type, TABLE);
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
