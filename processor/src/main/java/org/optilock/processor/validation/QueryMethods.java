package org.optilock.processor.validation;

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
import javax.lang.model.element.Element;
import javax.lang.model.element.ExecutableElement;
import javax.lang.model.element.TypeElement;
import javax.lang.model.element.VariableElement;
import javax.lang.model.type.ArrayType;
import javax.lang.model.type.ExecutableType;
import javax.lang.model.type.TypeKind;
import javax.lang.model.type.TypeMirror;
import org.optilock.processor.model.ColumnType;
import org.optilock.processor.model.EntityModel;
import org.optilock.processor.model.PropertyModel;
import org.optilock.processor.model.RepositoryMethod;
import org.optilock.processor.model.RepositoryMethod.Binding;
import org.optilock.processor.model.RepositoryMethod.Form;
import org.optilock.processor.model.RepositoryMethod.OrderKey;
import org.optilock.processor.model.RepositoryMethod.Projection;
import org.optilock.processor.model.RepositoryMethod.Restriction;
import org.optilock.processor.model.RepositoryMethod.Result;
import org.optilock.processor.model.RepositoryMethod.SortKind;
import org.optilock.processor.model.RepositoryMethod.SortParameter;
import org.optilock.processor.model.SqlText;

/**
 * What every kind of query method shares, whether {@code @Find}, a method name or JDQL says which
 * rows: its special parameters ({@code Limit}, {@code Sort}, {@code Order}, {@code PageRequest}), its
 * {@code @OrderBy}, what it returns and the checks between them, and how a parameter's value is bound
 * to an attribute's column. Every misuse is reported on the method or parameter it concerns.
 */
final class QueryMethods {

    private static final String PACKAGE = RepositoryValidator.PACKAGE;
    private static final String ORDER_BY = PACKAGE + "OrderBy";
    private static final String ORDER_BY_LIST = PACKAGE + "OrderBy.List";
    /** {@code By.ID}: the entity's key, whatever its attribute is named. */
    static final String BY_ID = "id(this)";
    private static final String COLLECTION = "java.util.Collection";
    private static final String SET = "java.util.Set";

    private final RepositoryTypes repositoryTypes;
    private final TypeElement repository;
    private final TypeElement entityType;
    private final EntityModel entity;
    private final ValidationReport report;
    final String entityName;

    QueryMethods(RepositoryTypes repositoryTypes, TypeElement repository, TypeElement entityType, EntityModel entity,
            ValidationReport report) {
        this.repositoryTypes = repositoryTypes;
        this.repository = repository;
        this.entityType = entityType;
        this.entity = entity;
        this.report = report;
        this.entityName = entityType.getSimpleName().toString();
    }

    /**
     * The special parameters of a query method, and the others, which give the values of its
     * conditions, by their positions.
     */
    record Parameters(Optional<VariableElement> limit, Optional<VariableElement> pageRequest,
            List<SortParameter> sorts, List<Integer> values) {}

    Parameters parameters(ExecutableElement method, ExecutableType type) {
        Optional<VariableElement> limit = Optional.empty();
        Optional<VariableElement> pageRequest = Optional.empty();
        List<SortParameter> sorts = new ArrayList<>();
        List<Integer> values = new ArrayList<>();
        for (int i = 0; i < method.getParameters().size(); i++) {
            VariableElement parameter = method.getParameters().get(i);
            TypeMirror parameterType = type.getParameterTypes().get(i);
            String name = parameter.getSimpleName().toString();
            if (RepositoryTypes.is(parameterType, LIMIT)) {
                limit = Optional.of(parameter);
            } else if (RepositoryTypes.is(parameterType, PAGE_REQUEST)) {
                pageRequest = Optional.of(parameter);
            } else if (RepositoryTypes.is(parameterType, SORT)) {
                sorts.add(new SortParameter(name, SortKind.SORT));
            } else if (parameterType instanceof ArrayType array && RepositoryTypes.is(array.getComponentType(), SORT)) {
                sorts.add(new SortParameter(name, SortKind.SORTS));
            } else if (RepositoryTypes.is(parameterType, ORDER)) {
                sorts.add(new SortParameter(name, SortKind.ORDER));
            } else {
                values.add(i);
            }
        }
        return new Parameters(limit, pageRequest, sorts, values);
    }

    /**
     * The query method that reads the rows of {@code restriction}, each the entity or what
     * {@code projection} selects, checked against what it returns and its special parameters.
     */
    Optional<RepositoryMethod> find(ExecutableElement method, ExecutableType type, MethodSpec signature,
            Parameters parameters, Restriction restriction, Optional<Projection> projection, List<OrderKey> orderBy,
            int first) {
        TypeMirror returns = type.getReturnType();
        Optional<Result> result = findResult(returns, projection);
        if (result.isEmpty()) {
            String element = projection.map(p -> p.javaType().box().toString()).orElse(entityName);
            report.error(Message.UNSUPPORTED_RETURN_TYPE, method, describe(method), returns, "This query returns "
                    + element + ", Optional<" + element + ">, List<" + element + ">, " + element + "[], Stream<"
                    + element + ">, Page<" + element + ">" + (projection.isEmpty() ? " or CursoredPage<" + element + ">."
                            : "."));
            return Optional.empty();
        }
        boolean paged = result.get() == Result.PAGE || result.get() == Result.CURSORED_PAGE;
        if (paged && parameters.pageRequest().isEmpty()) {
            report.error(Message.PAGE_WITHOUT_REQUEST, method, describe(method),
                    result.get() == Result.PAGE ? "a Page" : "a CursoredPage");
        }
        parameters.pageRequest().filter(request -> !paged).ifPresent(request ->
                report.error(Message.MISPLACED_SPECIAL_PARAMETER, request, request.getSimpleName(), "PageRequest",
                        describe(method), "a PageRequest asks for one page, so the method returns Page<" + entityName
                                + "> or CursoredPage<" + entityName + ">. Return a page, or take a Limit instead."));
        parameters.limit().filter(limit -> paged).ifPresent(limit ->
                report.error(Message.MISPLACED_SPECIAL_PARAMETER, limit, limit.getSimpleName(), "Limit",
                        describe(method), "the PageRequest already says how many rows. Remove the Limit."));
        parameters.limit().filter(limit -> first > 0).ifPresent(limit ->
                report.error(Message.MISPLACED_SPECIAL_PARAMETER, limit, limit.getSimpleName(), "Limit",
                        describe(method), "its name already says how many rows (First" + first + "). Remove one."));
        if (result.get() == Result.CURSORED_PAGE && orderBy.isEmpty() && parameters.sorts().isEmpty()) {
            report.error(Message.CURSOR_WITHOUT_ORDER, method, describe(method), entityName, entityName);
        }
        return Optional.of(new RepositoryMethod.Find(signature, projection, restriction, orderBy, parameters.sorts(),
                parameters.limit().map(limit -> limit.getSimpleName().toString()), first,
                parameters.pageRequest().map(request -> request.getSimpleName().toString()), result.get()));
    }

    private Optional<Result> findResult(TypeMirror returns, Optional<Projection> projection) {
        if (matches(returns, projection)) {
            return Optional.of(Result.ONE);
        }
        Optional<TypeMirror> element = RepositoryValidator.queried(returns);
        if (element.isEmpty() || !matches(element.get(), projection)) {
            return Optional.empty();
        }
        if (returns.getKind() == TypeKind.ARRAY) {
            return Optional.of(Result.ARRAY);
        }
        Result result = RepositoryTypes.is(returns, OPTIONAL) ? Result.OPTIONAL
                : RepositoryTypes.is(returns, LIST) ? Result.LIST
                : RepositoryTypes.is(returns, STREAM) ? Result.STREAM
                : RepositoryTypes.is(returns, PAGE) ? Result.PAGE
                : Result.CURSORED_PAGE;
        return result == Result.CURSORED_PAGE && projection.isPresent() ? Optional.empty() : Optional.of(result);
    }

    /** Whether {@code type} is what one row gives: the entity, or the projection's type (boxed or not). */
    private boolean matches(TypeMirror type, Optional<Projection> projection) {
        if (projection.isEmpty()) {
            return repositoryTypes.isEntity(type, entityType);
        }
        return type.getKind() != TypeKind.ARRAY && type.getKind() != TypeKind.VOID
                && TypeName.get(type).box().equals(projection.get().javaType().box());
    }

    /** Every {@code @OrderBy} of {@code method}, in the order written, each attribute checked. */
    List<OrderKey> orderBy(ExecutableElement method) {
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
            Optional<PropertyModel> property = attribute(attribute);
            if (property.isEmpty()) {
                report.errorOnAnnotation(Message.UNKNOWN_ATTRIBUTE, method, annotation, unknownAttribute(attribute));
            } else {
                keys.add(new OrderKey(property.get().name(), descending, ignoreCase));
            }
        }
        return keys;
    }

    /** The attribute named {@code name}; {@code id(this)} (By.ID) names the key, when it is one attribute. */
    Optional<PropertyModel> attribute(String name) {
        if (BY_ID.equals(name)) {
            return Optional.of(entity.key().properties()).filter(key -> key.size() == 1).map(key -> key.get(0));
        }
        return entity.properties().stream().filter(p -> p.name().equals(name)).findFirst();
    }

    /** The names of the entity's attributes. */
    List<String> attributeNames() {
        return entity.properties().stream().map(PropertyModel::name).toList();
    }

    /**
     * How parameter {@code parameter}, of type {@code type}, binds a value of {@code property}, in
     * {@code form}; empty, with the error reported, when its type does not fit.
     */
    Optional<Binding> binding(VariableElement parameter, TypeMirror type, PropertyModel property, Form form) {
        String name = parameter.getSimpleName().toString();
        if (form == Form.EACH) {
            Optional<TypeMirror> element = type instanceof ArrayType array ? Optional.of(array.getComponentType())
                    : RepositoryTypes.argumentOf(type, COLLECTION).or(() -> RepositoryTypes.argumentOf(type, SET))
                            .or(() -> RepositoryTypes.argumentOf(type, LIST));
            if (element.isEmpty() || element.get().getKind().isPrimitive() || !sameType(element.get(), property)) {
                report.error(Message.ATTRIBUTE_TYPE_MISMATCH, parameter, name, type, property.name(), entityName,
                        property.type(), "a Collection, Set, List or array of " + property.type().box());
                return Optional.empty();
            }
            return Optional.of(new Binding(name, columnType(element.get(), property), TypeName.get(element.get()), form));
        }
        boolean text = form != Form.VALUE;
        if (text ? !TypeName.get(type).equals(TypeName.get(String.class)) || property.columnType() != ColumnType.STRING
                : !sameType(type, property)) {
            report.error(Message.ATTRIBUTE_TYPE_MISMATCH, parameter, name, type, property.name(), entityName,
                    property.type(), text ? "String, on a String attribute" : property.type().toString());
            return Optional.empty();
        }
        return Optional.of(new Binding(name, columnType(type, property), TypeName.get(type), form));
    }

    private static boolean sameType(TypeMirror type, PropertyModel property) {
        return TypeName.get(type).box().equals(property.type().box());
    }

    /** The property's column type as the parameter's type holds it: a box may be null, a primitive never is. */
    private static ColumnType columnType(TypeMirror type, PropertyModel property) {
        return type.getKind().isPrimitive() ? property.columnType().unboxed() : property.columnType().boxed();
    }

    /** The arguments of {@link Message#UNKNOWN_ATTRIBUTE} for {@code attribute}, with the closest name. */
    Object[] unknownAttribute(String attribute) {
        List<String> names = attributeNames();
        String hint = ClosestName.to(attribute, names).map(name -> " Did you mean '" + name + "'?").orElse("");
        return new Object[] {entityName, attribute, hint, String.join(", ", names)};
    }

    /**
     * The method that counts the rows of {@code restriction} ({@code long} or {@code int}), or, for
     * {@code exists}, tells whether there is one ({@code boolean}); {@code what} names the method's
     * kind in the error for any other return type.
     */
    Optional<RepositoryMethod> count(ExecutableElement method, ExecutableType type, MethodSpec signature,
            Restriction restriction, boolean exists, String what) {
        TypeName returns = TypeName.get(type.getReturnType()).box();
        Optional<Result> result = exists
                ? Optional.of(Result.BOOLEAN).filter(r -> returns.equals(TypeName.BOOLEAN.box()))
                : returns.equals(TypeName.LONG.box()) ? Optional.of(Result.LONG)
                : returns.equals(TypeName.INT.box()) ? Optional.of(Result.INT)
                : Optional.empty();
        if (result.isEmpty()) {
            report.error(Message.UNSUPPORTED_RETURN_TYPE, method, describe(method), type.getReturnType(), what
                    + (exists ? " returns whether a row matches, as boolean." : " returns how many rows match, as long"
                            + " or int."));
            return Optional.empty();
        }
        return Optional.of(new RepositoryMethod.Count(signature, restriction, result.get()));
    }

    /**
     * The method that runs {@code statement}, which changes rows whatever their versions, returning
     * nothing, how many rows it changed ({@code int}, {@code long}) or whether it changed any
     * ({@code boolean}); {@code what} names the method's kind in the error for any other return type.
     */
    Optional<RepositoryMethod> change(ExecutableElement method, ExecutableType type, MethodSpec signature,
            SqlText statement, List<Binding> bindings, String what) {
        Optional<Result> result = switch (type.getReturnType().getKind()) {
            case VOID -> Optional.of(Result.VOID);
            case INT -> Optional.of(Result.INT);
            case LONG -> Optional.of(Result.LONG);
            case BOOLEAN -> Optional.of(Result.BOOLEAN);
            default -> Optional.empty();
        };
        if (result.isEmpty()) {
            report.error(Message.UNSUPPORTED_RETURN_TYPE, method, describe(method), type.getReturnType(), what
                    + " returns void, how many rows it changed as int or long, or whether it changed any as boolean.");
            return Optional.empty();
        }
        return Optional.of(new RepositoryMethod.Change(signature, statement, bindings, result.get()));
    }

    /** The method that deletes the rows of {@code restriction}, whatever their versions. */
    Optional<RepositoryMethod> delete(ExecutableElement method, ExecutableType type, MethodSpec signature,
            Restriction restriction, String what) {
        SqlText condition = restriction.condition();
        SqlText statement = SqlText.spelt(dialect -> "DELETE FROM " + entity.table()
                + (condition.isEmpty() ? "" : " WHERE " + condition.in(dialect)));
        return change(method, type, signature, statement, restriction.bindings(), what);
    }

    /** {@code Repository.method}, as messages name a method. */
    String describe(Element method) {
        return repository.getSimpleName() + "." + method.getSimpleName();
    }
}
