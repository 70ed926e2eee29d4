package org.optilock.processor.validation;

import static org.optilock.processor.validation.RepositoryTypes.ITERABLE;
import static org.optilock.processor.validation.RepositoryTypes.LIST;

import com.palantir.javapoet.MethodSpec;
import java.util.List;
import java.util.Optional;
import javax.lang.model.element.AnnotationMirror;
import javax.lang.model.element.ExecutableElement;
import javax.lang.model.element.TypeElement;
import javax.lang.model.element.VariableElement;
import javax.lang.model.type.ExecutableType;
import javax.lang.model.type.TypeKind;
import javax.lang.model.type.TypeMirror;
import javax.lang.model.util.Elements;
import org.optilock.processor.model.EntityModel;
import org.optilock.processor.model.PropertyModel;
import org.optilock.processor.model.RepositoryMethod;
import org.optilock.processor.model.RepositoryMethod.Binding;
import org.optilock.processor.model.RepositoryMethod.Form;
import org.optilock.processor.model.RepositoryMethod.Many;
import org.optilock.processor.model.RepositoryMethod.Operation;
import org.optilock.processor.model.RepositoryMethod.OrderKey;
import org.optilock.processor.model.RepositoryMethod.Restriction;
import org.optilock.processor.model.RepositoryMethod.Result;
import org.optilock.processor.model.RepositoryMethod.SortKind;
import org.optilock.processor.model.RepositoryMethod.SortParameter;
import org.optilock.processor.query.MethodNameQuery;
import org.optilock.processor.query.RestrictionWriter;

/**
 * Reads the methods of one repository over one entity, for {@link RepositoryValidator}: each abstract
 * method, its own or inherited from {@code BasicRepository} and {@code CrudRepository}, as the
 * specification defines it, every misuse reported on the method or parameter it concerns.
 */
final class RepositoryMethodReader {

    private static final String PACKAGE = RepositoryValidator.PACKAGE;
    private static final String BY = PACKAGE + "By";
    private static final String QUERY = PACKAGE + "Query";
    private static final List<String> BUILT_IN = List.of(PACKAGE + "BasicRepository", PACKAGE + "CrudRepository");

    private final RepositoryTypes repositoryTypes;

    private final TypeElement repository;
    private final TypeElement entityType;
    private final ValidationReport report;
    private final String entityName;
    private final QueryMethods queries;
    private final MethodNameReader methodNames;
    private final JdqlReader jdql;

    RepositoryMethodReader(RepositoryTypes repositoryTypes, Elements elements, TypeElement repository,
            TypeElement entityType, EntityModel entity, ValidationReport report) {
        this.repositoryTypes = repositoryTypes;
        this.repository = repository;
        this.entityType = entityType;
        this.report = report;
        this.entityName = entityType.getSimpleName().toString();
        this.queries = new QueryMethods(repositoryTypes, repository, entityType, entity, report);
        this.methodNames = new MethodNameReader(queries, entity, report);
        this.jdql = new JdqlReader(queries, entity, elements, report);
    }

    Optional<RepositoryMethod> read(ExecutableElement method, ExecutableType type, MethodSpec signature) {
        TypeElement owner = (TypeElement) method.getEnclosingElement();
        if (BUILT_IN.contains(owner.getQualifiedName().toString())) {
            return Optional.of(builtIn(method, type, signature));
        }
        Optional<Operation> operation = RepositoryValidator.lifecycleOf(method);
        if (operation.isPresent()) {
            if (operation.get() == Operation.DELETE && !takesEntities(method, type)) {
                return deleteWhere(method, type, signature);
            }
            return lifecycle(method, type, signature, operation.get());
        }
        if (AnnotationMirrors.has(method, RepositoryValidator.FIND)) {
            return find(method, type, signature);
        }
        Optional<AnnotationMirror> query = AnnotationMirrors.find(method, QUERY);
        if (query.isPresent()) {
            return jdql.read(method, type, signature, query.get());
        }
        if (MethodNameQuery.isQuery(method.getSimpleName().toString())) {
            return methodNames.read(method, type, signature);
        }
        report.error(Message.NO_REPOSITORY_ANNOTATION, method, queries.describe(method));
        return Optional.empty();
    }

    /** The methods of {@code BasicRepository} and {@code CrudRepository}, as the specification defines them. */
    private RepositoryMethod builtIn(ExecutableElement method, ExecutableType type, MethodSpec signature) {
        String name = method.getSimpleName().toString();
        String first = method.getParameters().isEmpty() ? null : method.getParameters().get(0).getSimpleName().toString();
        return switch (name) {
            case "save" -> new RepositoryMethod.Lifecycle(signature, Operation.SAVE, Many.ONE, first, Result.ONE, true);
            case "saveAll" -> new RepositoryMethod.Lifecycle(signature, Operation.SAVE, Many.LIST, first, Result.LIST, true);
            case "insert" -> new RepositoryMethod.Lifecycle(signature, Operation.INSERT, Many.ONE, first, Result.ONE, true);
            case "insertAll" -> new RepositoryMethod.Lifecycle(signature, Operation.INSERT, Many.LIST, first, Result.LIST, true);
            case "update" -> new RepositoryMethod.Lifecycle(signature, Operation.UPDATE, Many.ONE, first, Result.ONE, true);
            case "updateAll" -> new RepositoryMethod.Lifecycle(signature, Operation.UPDATE, Many.LIST, first, Result.LIST, true);
            case "delete" -> new RepositoryMethod.Lifecycle(signature, Operation.DELETE, Many.ONE, first, Result.VOID, false);
            case "deleteAll" -> new RepositoryMethod.Lifecycle(signature, Operation.DELETE, Many.LIST, first, Result.VOID, false);
            case "findById" -> new RepositoryMethod.ById(signature, false, first);
            case "deleteById" -> new RepositoryMethod.ById(signature, true, first);
            case "findAll" -> method.getParameters().isEmpty()
                    ? new RepositoryMethod.Find(signature, Optional.empty(), Restriction.NONE, List.of(), List.of(),
                            Optional.empty(), 0, Optional.empty(), Result.STREAM)
                    : new RepositoryMethod.Find(signature, Optional.empty(), Restriction.NONE, List.of(),
                            List.of(new SortParameter(method.getParameters().get(1).getSimpleName().toString(),
                                    SortKind.ORDER)),
                            Optional.empty(), 0, Optional.of(first), Result.PAGE);
            default -> throw new IllegalStateException("Unknown method of " + method.getEnclosingElement() + ": " + name);
        };
    }

    // ---- lifecycle methods ----------------------------------------------------------------------

    private boolean takesEntities(ExecutableElement method, ExecutableType type) {
        if (method.getParameters().size() != 1) {
            return false;
        }
        TypeMirror parameter = type.getParameterTypes().get(0);
        return repositoryTypes.isEntity(RepositoryTypes.elementsOf(parameter).orElse(parameter), entityType);
    }

    private Optional<RepositoryMethod> lifecycle(ExecutableElement method, ExecutableType type, MethodSpec signature,
            Operation operation) {
        if (method.getParameters().size() != 1) {
            report.error(Message.LIFECYCLE_PARAMETERS, method, operation.annotation(), queries.describe(method),
                    method.getParameters().size());
            return Optional.empty();
        }
        VariableElement parameter = method.getParameters().get(0);
        TypeMirror parameterType = type.getParameterTypes().get(0);
        Optional<TypeMirror> elements = RepositoryTypes.elementsOf(parameterType);
        TypeMirror element = elements.orElse(parameterType);
        if (!repositoryTypes.isEntity(element, entityType)) {
            report.error(Message.NOT_THE_ENTITY, parameter, operation.annotation(), queries.describe(method),
                    parameterType, repository.getSimpleName(), entityName, entityName);
            return Optional.empty();
        }
        Many many = parameterType.getKind() == TypeKind.ARRAY ? Many.ARRAY
                : RepositoryTypes.is(parameterType, LIST) ? Many.LIST
                : RepositoryTypes.is(parameterType, ITERABLE) ? Many.ITERABLE
                : Many.ONE;
        TypeMirror returns = type.getReturnType();
        Optional<Result> result = lifecycleResult(returns, many, operation);
        if (result.isEmpty()) {
            String allowed = operation == Operation.DELETE ? "void, int or long"
                    : operation == Operation.UPDATE ? "void, int, long, or what it takes"
                    : "void, or what it takes";
            report.error(Message.UNSUPPORTED_RETURN_TYPE, method, queries.describe(method), returns,
                    "An @" + operation.annotation() + " method of " + (many == Many.ONE ? "one entity" : "several entities")
                            + " returns " + allowed + (many == Many.ONE ? " (the " + entityName + ")."
                                    : " (an array or a List of " + entityName + ")."));
            return Optional.empty();
        }
        boolean typeVariable = returns.getKind() == TypeKind.TYPEVAR
                || RepositoryTypes.elementsOf(returns).map(r -> r.getKind() == TypeKind.TYPEVAR).orElse(false);
        return Optional.of(new RepositoryMethod.Lifecycle(signature, operation, many,
                parameter.getSimpleName().toString(), result.get(), typeVariable));
    }

    private Optional<Result> lifecycleResult(TypeMirror returns, Many many, Operation operation) {
        if (returns.getKind() == TypeKind.VOID) {
            return Optional.of(Result.VOID);
        }
        boolean counts = operation == Operation.UPDATE || operation == Operation.DELETE;
        if (returns.getKind() == TypeKind.INT && counts) {
            return Optional.of(Result.INT);
        }
        if (returns.getKind() == TypeKind.LONG && counts) {
            return Optional.of(Result.LONG);
        }
        if (operation == Operation.DELETE) {
            return Optional.empty();
        }
        if (many == Many.ONE) {
            return repositoryTypes.isEntity(returns, entityType) ? Optional.of(Result.ONE) : Optional.empty();
        }
        Optional<TypeMirror> element = returns.getKind() == TypeKind.ARRAY
                ? RepositoryTypes.elementsOf(returns)
                : RepositoryTypes.argumentOf(returns, LIST);
        if (element.isEmpty() || !repositoryTypes.isEntity(element.get(), entityType)) {
            return Optional.empty();
        }
        return Optional.of(returns.getKind() == TypeKind.ARRAY ? Result.ARRAY : Result.LIST);
    }

    // ---- @Delete by attributes ------------------------------------------------------------------

    private Optional<RepositoryMethod> deleteWhere(ExecutableElement method, ExecutableType type,
            MethodSpec signature) {
        Optional<Restriction> restriction = equalities(method, type, queries.parameters(method, type).values());
        return restriction.flatMap(where -> queries.delete(method, type, signature, where, "An @Delete method by"
                + " attributes"));
    }

    // ---- @Find ----------------------------------------------------------------------------------

    private Optional<RepositoryMethod> find(ExecutableElement method, ExecutableType type, MethodSpec signature) {
        QueryMethods.Parameters parameters = queries.parameters(method, type);
        Optional<Restriction> restriction = equalities(method, type, parameters.values());
        List<OrderKey> orderBy = queries.orderBy(method);
        Optional<RepositoryMethod> find = queries.find(method, type, signature, parameters,
                restriction.orElse(Restriction.NONE), Optional.empty(), orderBy, 0);
        return restriction.isPresent() ? find : Optional.empty();
    }

    /**
     * The rows whose attributes equal the parameters at {@code positions}: each names its attribute
     * ({@code @By}, else its own name), checked, with its type.
     */
    private Optional<Restriction> equalities(ExecutableElement method, ExecutableType type, List<Integer> positions) {
        RestrictionWriter where = new RestrictionWriter();
        boolean valid = true;
        for (int position : positions) {
            VariableElement parameter = method.getParameters().get(position);
            Optional<AnnotationMirror> by = AnnotationMirrors.find(parameter, BY);
            String attribute = by.flatMap(mirror -> AnnotationMirrors.nonEmptyString(mirror, "value"))
                    .orElse(parameter.getSimpleName().toString());
            Optional<PropertyModel> property = queries.attribute(attribute);
            if (property.isEmpty()) {
                if (by.isPresent()) {
                    report.errorOnAnnotation(Message.UNKNOWN_ATTRIBUTE, parameter, by.get(),
                            queries.unknownAttribute(attribute));
                } else {
                    report.error(Message.UNKNOWN_ATTRIBUTE, parameter, queries.unknownAttribute(attribute));
                }
                valid = false;
                continue;
            }
            Optional<Binding> binding = queries.binding(parameter, type.getParameterTypes().get(position),
                    property.get(), Form.VALUE);
            binding.ifPresent(value -> where.add(false, property.get().column() + " = ?", List.of(value)));
            valid &= binding.isPresent();
        }
        return valid ? Optional.of(where.write()) : Optional.empty();
    }
}
