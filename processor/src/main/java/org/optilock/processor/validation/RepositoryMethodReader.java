package org.optilock.processor.validation;

import static org.optilock.processor.validation.RepositoryTypes.CURSORED_PAGE;
import static org.optilock.processor.validation.RepositoryTypes.ITERABLE;
import static org.optilock.processor.validation.RepositoryTypes.LIMIT;
import static org.optilock.processor.validation.RepositoryTypes.LIST;
import static org.optilock.processor.validation.RepositoryTypes.OPTIONAL;
import static org.optilock.processor.validation.RepositoryTypes.ORDER;
import static org.optilock.processor.validation.RepositoryTypes.PAGE;
import static org.optilock.processor.validation.RepositoryTypes.PAGE_REQUEST;
import static org.optilock.processor.validation.RepositoryTypes.SORT;
import static org.optilock.processor.validation.RepositoryTypes.STREAM;

import com.palantir.javapoet.MethodSpec;
import com.palantir.javapoet.TypeName;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import javax.lang.model.element.AnnotationMirror;
import javax.lang.model.element.AnnotationValue;
import javax.lang.model.element.ExecutableElement;
import javax.lang.model.element.TypeElement;
import javax.lang.model.element.VariableElement;
import javax.lang.model.type.ArrayType;
import javax.lang.model.type.ExecutableType;
import javax.lang.model.type.TypeKind;
import javax.lang.model.type.TypeMirror;
import org.optilock.processor.model.EntityModel;
import org.optilock.processor.model.PropertyModel;
import org.optilock.processor.model.RepositoryMethod;
import org.optilock.processor.model.RepositoryMethod.Condition;
import org.optilock.processor.model.RepositoryMethod.Many;
import org.optilock.processor.model.RepositoryMethod.Operation;
import org.optilock.processor.model.RepositoryMethod.OrderKey;
import org.optilock.processor.model.RepositoryMethod.Result;
import org.optilock.processor.model.RepositoryMethod.SortKind;
import org.optilock.processor.model.RepositoryMethod.SortParameter;

/**
 * Reads the methods of one repository over one entity, for {@link RepositoryValidator}: each abstract
 * method, its own or inherited from {@code BasicRepository} and {@code CrudRepository}, as the
 * specification defines it, every misuse reported on the method or parameter it concerns.
 */
final class RepositoryMethodReader {

    private static final String PACKAGE = RepositoryValidator.PACKAGE;
    private static final String BY = PACKAGE + "By";
    private static final String ORDER_BY = PACKAGE + "OrderBy";
    private static final String ORDER_BY_LIST = PACKAGE + "OrderBy.List";
    /** {@code By.ID}: the entity's key, whatever its attribute is named. */
    private static final String BY_ID = "id(this)";
    private static final List<String> BUILT_IN = List.of(PACKAGE + "BasicRepository", PACKAGE + "CrudRepository");

    private final RepositoryTypes repositoryTypes;

    private final TypeElement repository;
    private final TypeElement entityType;
    private final EntityModel entity;
    private final ValidationReport report;
    private final String entityName;

    RepositoryMethodReader(RepositoryTypes repositoryTypes, TypeElement repository, TypeElement entityType,
            EntityModel entity, ValidationReport report) {
        this.repositoryTypes = repositoryTypes;
        this.repository = repository;
        this.entityType = entityType;
        this.entity = entity;
        this.report = report;
        this.entityName = entityType.getSimpleName().toString();
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
        report.error(Message.NO_REPOSITORY_ANNOTATION, method, describe(method));
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
                    ? new RepositoryMethod.Find(signature, List.of(), List.of(), List.of(), Optional.empty(),
                            Optional.empty(), Result.STREAM)
                    : new RepositoryMethod.Find(signature, List.of(), List.of(),
                            List.of(new SortParameter(method.getParameters().get(1).getSimpleName().toString(),
                                    SortKind.ORDER)),
                            Optional.empty(), Optional.of(first), Result.PAGE);
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
            report.error(Message.LIFECYCLE_PARAMETERS, method, operation.annotation(), describe(method),
                    method.getParameters().size());
            return Optional.empty();
        }
        VariableElement parameter = method.getParameters().get(0);
        TypeMirror parameterType = type.getParameterTypes().get(0);
        Optional<TypeMirror> elements = RepositoryTypes.elementsOf(parameterType);
        TypeMirror element = elements.orElse(parameterType);
        if (!repositoryTypes.isEntity(element, entityType)) {
            report.error(Message.NOT_THE_ENTITY, parameter, operation.annotation(), describe(method),
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
            report.error(Message.UNSUPPORTED_RETURN_TYPE, method, describe(method), returns,
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
        List<Condition> conditions = new ArrayList<>();
        for (int i = 0; i < method.getParameters().size(); i++) {
            condition(method.getParameters().get(i), type.getParameterTypes().get(i)).ifPresent(conditions::add);
        }
        TypeKind returns = type.getReturnType().getKind();
        Result result = returns == TypeKind.VOID ? Result.VOID
                : returns == TypeKind.INT ? Result.INT
                : returns == TypeKind.LONG ? Result.LONG
                : null;
        if (result == null) {
            report.error(Message.UNSUPPORTED_RETURN_TYPE, method, describe(method), type.getReturnType(),
                    "An @Delete method by attributes returns void, or how many rows it deleted as int or long.");
            return Optional.empty();
        }
        return Optional.of(new RepositoryMethod.DeleteWhere(signature, conditions, result));
    }

    // ---- @Find ----------------------------------------------------------------------------------

    private Optional<RepositoryMethod> find(ExecutableElement method, ExecutableType type, MethodSpec signature) {
        List<Condition> conditions = new ArrayList<>();
        List<SortParameter> sorts = new ArrayList<>();
        Optional<String> limit = Optional.empty();
        Optional<String> pageRequest = Optional.empty();
        Optional<VariableElement> limitParameter = Optional.empty();
        for (int i = 0; i < method.getParameters().size(); i++) {
            VariableElement parameter = method.getParameters().get(i);
            TypeMirror parameterType = type.getParameterTypes().get(i);
            String name = parameter.getSimpleName().toString();
            if (RepositoryTypes.is(parameterType, LIMIT)) {
                limit = Optional.of(name);
                limitParameter = Optional.of(parameter);
            } else if (RepositoryTypes.is(parameterType, PAGE_REQUEST)) {
                pageRequest = Optional.of(name);
            } else if (RepositoryTypes.is(parameterType, SORT)) {
                sorts.add(new SortParameter(name, SortKind.SORT));
            } else if (parameterType instanceof ArrayType array && RepositoryTypes.is(array.getComponentType(), SORT)) {
                sorts.add(new SortParameter(name, SortKind.SORTS));
            } else if (RepositoryTypes.is(parameterType, ORDER)) {
                sorts.add(new SortParameter(name, SortKind.ORDER));
            } else {
                condition(parameter, parameterType).ifPresent(conditions::add);
            }
        }
        List<OrderKey> orderBy = orderBy(method);
        TypeMirror returns = type.getReturnType();
        Optional<Result> result = findResult(returns);
        if (result.isEmpty()) {
            report.error(Message.UNSUPPORTED_RETURN_TYPE, method, describe(method), returns, "A @Find method returns "
                    + entityName + ", Optional<" + entityName + ">, List<" + entityName + ">, " + entityName
                    + "[], Stream<" + entityName + ">, Page<" + entityName + "> or CursoredPage<" + entityName + ">.");
            return Optional.empty();
        }
        boolean paged = result.get() == Result.PAGE || result.get() == Result.CURSORED_PAGE;
        if (paged && pageRequest.isEmpty()) {
            report.error(Message.PAGE_WITHOUT_REQUEST, method, describe(method),
                    result.get() == Result.PAGE ? "a Page" : "a CursoredPage");
        }
        if (!paged && pageRequest.isPresent()) {
            report.error(Message.MISPLACED_SPECIAL_PARAMETER, parameterNamed(method, pageRequest.get()),
                    pageRequest.get(), "PageRequest", describe(method),
                    "a PageRequest asks for one page, so the method returns Page<" + entityName + "> or CursoredPage<"
                            + entityName + ">. Return a page, or take a Limit instead.");
        }
        if (paged && limitParameter.isPresent()) {
            report.error(Message.MISPLACED_SPECIAL_PARAMETER, limitParameter.get(), limit.get(), "Limit",
                    describe(method), "the PageRequest already says how many rows. Remove the Limit.");
        }
        if (result.get() == Result.CURSORED_PAGE && orderBy.isEmpty() && sorts.isEmpty()) {
            report.error(Message.CURSOR_WITHOUT_ORDER, method, describe(method), entityName, entityName);
        }
        return Optional.of(new RepositoryMethod.Find(signature, conditions, orderBy, sorts, limit, pageRequest,
                result.get()));
    }

    private Optional<Result> findResult(TypeMirror returns) {
        if (repositoryTypes.isEntity(returns, entityType)) {
            return Optional.of(Result.ONE);
        }
        Optional<TypeMirror> element = RepositoryValidator.queried(returns);
        if (element.isEmpty() || !repositoryTypes.isEntity(element.get(), entityType)) {
            return Optional.empty();
        }
        if (returns.getKind() == TypeKind.ARRAY) {
            return Optional.of(Result.ARRAY);
        }
        return Optional.of(RepositoryTypes.is(returns, OPTIONAL) ? Result.OPTIONAL
                : RepositoryTypes.is(returns, LIST) ? Result.LIST
                : RepositoryTypes.is(returns, STREAM) ? Result.STREAM
                : RepositoryTypes.is(returns, PAGE) ? Result.PAGE
                : Result.CURSORED_PAGE);
    }

    /** The attribute a parameter names ({@code @By}, else its own name), checked, with its type. */
    private Optional<Condition> condition(VariableElement parameter, TypeMirror parameterType) {
        Optional<AnnotationMirror> by = AnnotationMirrors.find(parameter, BY);
        String attribute = by.flatMap(mirror -> AnnotationMirrors.nonEmptyString(mirror, "value"))
                .orElse(parameter.getSimpleName().toString());
        Optional<PropertyModel> property = BY_ID.equals(attribute)
                ? Optional.of(entity.key().properties()).filter(key -> key.size() == 1).map(key -> key.get(0))
                : attribute(attribute);
        if (property.isEmpty()) {
            unknownAttribute(parameter, by.orElse(null), attribute);
            return Optional.empty();
        }
        TypeName expected = property.get().type().box();
        if (!TypeName.get(parameterType).box().equals(expected)) {
            report.error(Message.ATTRIBUTE_TYPE_MISMATCH, parameter, parameter.getSimpleName(), parameterType,
                    property.get().name(), entityName, property.get().type(), property.get().type());
            return Optional.empty();
        }
        return Optional.of(new Condition(property.get(), parameter.getSimpleName().toString()));
    }

    /** Every {@code @OrderBy} of {@code method}, in the order written, each attribute checked. */
    private List<OrderKey> orderBy(ExecutableElement method) {
        List<AnnotationMirror> annotations = new ArrayList<>();
        AnnotationMirrors.find(method, ORDER_BY).ifPresent(annotations::add);
        AnnotationMirrors.find(method, ORDER_BY_LIST).ifPresent(list -> {
            for (AnnotationValue value : AnnotationMirrors.arrayElements(list, "value")) {
                annotations.add((AnnotationMirror) value.getValue());
            }
        });
        List<OrderKey> keys = new ArrayList<>();
        for (AnnotationMirror annotation : annotations) {
            String attribute = (String) AnnotationMirrors.explicitValue(annotation, "value").orElseThrow().getValue();
            boolean descending = AnnotationMirrors.explicitValue(annotation, "descending")
                    .map(value -> (Boolean) value.getValue()).orElse(false);
            boolean ignoreCase = AnnotationMirrors.explicitValue(annotation, "ignoreCase")
                    .map(value -> (Boolean) value.getValue()).orElse(false);
            Optional<PropertyModel> property = BY_ID.equals(attribute) && entity.key().properties().size() == 1
                    ? Optional.of(entity.key().single())
                    : attribute(attribute);
            if (property.isEmpty()) {
                unknownAttributeOnAnnotation(method, annotation, attribute);
            } else {
                keys.add(new OrderKey(property.get().name(), descending, ignoreCase));
            }
        }
        return keys;
    }

    private Optional<PropertyModel> attribute(String name) {
        return entity.properties().stream().filter(p -> p.name().equals(name)).findFirst();
    }

    private void unknownAttribute(VariableElement parameter, AnnotationMirror by, String attribute) {
        Object[] arguments = unknownAttributeArguments(attribute);
        if (by != null) {
            report.errorOnAnnotation(Message.UNKNOWN_ATTRIBUTE, parameter, by, arguments);
        } else {
            report.error(Message.UNKNOWN_ATTRIBUTE, parameter, arguments);
        }
    }

    private void unknownAttributeOnAnnotation(ExecutableElement method, AnnotationMirror annotation, String attribute) {
        report.errorOnAnnotation(Message.UNKNOWN_ATTRIBUTE, method, annotation, unknownAttributeArguments(attribute));
    }

    private Object[] unknownAttributeArguments(String attribute) {
        List<String> names = entity.properties().stream().map(PropertyModel::name).toList();
        String hint = ClosestName.to(attribute, names).map(name -> " Did you mean '" + name + "'?").orElse("");
        return new Object[] {entityName, attribute, hint, String.join(", ", names)};
    }

    private VariableElement parameterNamed(ExecutableElement method, String name) {
        return method.getParameters().stream().filter(p -> p.getSimpleName().contentEquals(name)).findFirst()
                .orElseThrow();
    }

    private String describe(ExecutableElement method) {
        return repository.getSimpleName() + "." + method.getSimpleName();
    }
}
