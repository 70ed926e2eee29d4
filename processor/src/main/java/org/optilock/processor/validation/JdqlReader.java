package org.optilock.processor.validation;

import com.palantir.javapoet.MethodSpec;
import com.palantir.javapoet.TypeName;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import javax.lang.model.element.AnnotationMirror;
import javax.lang.model.element.AnnotationValue;
import javax.lang.model.element.ElementKind;
import javax.lang.model.element.ExecutableElement;
import javax.lang.model.element.TypeElement;
import javax.lang.model.element.VariableElement;
import javax.lang.model.type.ExecutableType;
import javax.lang.model.type.TypeMirror;
import javax.lang.model.util.Elements;
import org.optilock.processor.model.EntityModel;
import org.optilock.processor.model.PropertyModel;
import org.optilock.processor.model.RepositoryMethod;
import org.optilock.processor.model.RepositoryMethod.Binding;
import org.optilock.processor.model.RepositoryMethod.OrderKey;
import org.optilock.processor.model.RepositoryMethod.Projection;
import org.optilock.processor.model.RepositoryMethod.Restriction;
import org.optilock.processor.model.RepositoryMethod.Result;
import org.optilock.processor.model.SqlText;
import org.optilock.processor.query.jdql.Jdql;
import org.optilock.processor.query.jdql.JdqlParser;
import org.optilock.processor.query.jdql.JdqlSemanticException;
import org.optilock.processor.query.jdql.JdqlSyntaxException;
import org.optilock.processor.query.jdql.JdqlTranslator;
import org.optilock.processor.query.jdql.JdqlTranslator.MethodParameter;
import org.optilock.processor.model.SqlDialect;

/**
 * Reads the JDQL of a {@code @Query} method at compile time: parses it, checks every attribute
 * against the entity and every parameter against the method, and translates it to each database's
 * SQL. A query that does not parse, an unknown attribute (with the closest name), a parameter the
 * method lacks or does not use, and a parameter of another type than its attribute are each a compile
 * error on the annotation's value, saying where in the query.
 */
final class JdqlReader {

    private static final String PARAM = RepositoryValidator.PACKAGE + "Param";

    private final QueryMethods queries;
    private final EntityModel entity;
    private final Elements elements;
    private final ValidationReport report;
    private final String entityName;

    JdqlReader(QueryMethods queries, EntityModel entity, Elements elements, ValidationReport report) {
        this.queries = queries;
        this.entity = entity;
        this.elements = elements;
        this.report = report;
        this.entityName = queries.entityName;
    }

    Optional<RepositoryMethod> read(ExecutableElement method, ExecutableType type, MethodSpec signature,
            AnnotationMirror annotation) {
        AnnotationValue value = AnnotationMirrors.explicitValue(annotation, "value").orElseThrow();
        String query = (String) value.getValue();
        Place place = new Place(method, annotation, value, query);
        Jdql.Statement statement;
        try {
            statement = JdqlParser.parse(query);
        } catch (JdqlSyntaxException e) {
            report.error(Message.QUERY_SYNTAX, method, annotation, value, queries.describe(method), e.getMessage(),
                    e.position() + 1, query, " ".repeat(e.position()));
            return Optional.empty();
        }
        QueryMethods.Parameters parameters = queries.parameters(method, type);
        Scope scope = new Scope(method, type, parameters.values());
        try {
            Optional<RepositoryMethod> read = statement instanceof Jdql.Select select
                    ? select(method, type, signature, parameters, select, scope)
                    : statement instanceof Jdql.Update update
                    ? update(method, type, signature, update, scope)
                    : delete(method, type, signature, (Jdql.Delete) statement, scope);
            for (int position : parameters.values()) {
                VariableElement parameter = method.getParameters().get(position);
                if (!scope.used.contains(parameter.getSimpleName().toString())) {
                    report.error(Message.QUERY_PARAMETER, parameter, queries.describe(method), "does not use parameter '"
                            + parameter.getSimpleName() + "'. Use it, as :" + scope.nameOf(parameter) + " or ?"
                            + (position + 1) + ", or remove it.");
                    return Optional.empty();
                }
            }
            return read;
        } catch (JdqlSemanticException e) {
            place.report(e);
            return Optional.empty();
        }
    }

    private Optional<RepositoryMethod> select(ExecutableElement method, ExecutableType type, MethodSpec signature,
            QueryMethods.Parameters parameters, Jdql.Select select, Scope scope)
            throws JdqlSemanticException {
        if (select.from().isPresent()) {
            checkEntity(select.from().get());
        }
        Optional<Jdql.Condition> where = select.where();
        Restriction restriction = where.isEmpty() ? Restriction.NONE : restriction(where.get(), scope);
        List<OrderKey> orderBy = new ArrayList<>();
        for (Jdql.OrderItem item : select.orderBy()) {
            PropertyModel property = attribute(item.attribute());
            orderBy.add(new OrderKey(property.name(), item.descending(), false));
        }
        orderBy.addAll(0, queries.orderBy(method));
        if (select.select().orElse(null) instanceof Jdql.CountThis) {
            String returns = TypeName.get(type.getReturnType()).box().toString();
            if (!returns.equals("java.lang.Long") && !returns.equals("java.lang.Integer")) {
                report.error(Message.UNSUPPORTED_RETURN_TYPE, method, queries.describe(method), type.getReturnType(),
                        "SELECT COUNT(THIS) returns how many rows match, as long or int.");
                return Optional.empty();
            }
            return Optional.of(new RepositoryMethod.Count(signature, restriction,
                    returns.equals("java.lang.Long") ? Result.LONG : Result.INT));
        }
        Optional<Projection> projection = Optional.empty();
        if (select.select().orElse(null) instanceof Jdql.Selected selected) {
            if (!(selected.expression() instanceof Jdql.Path path)) {
                throw new JdqlSemanticException("SELECT takes an attribute or COUNT(THIS); select the attribute and"
                        + " compute the rest in Java", selected.expression().position());
            }
            PropertyModel property = attribute(new Jdql.Name(path.name(), path.position()));
            projection = Optional.of(new Projection(SqlText.of(property.column()), property.columnType(),
                    property.type()));
        }
        return queries.find(method, type, signature, parameters, restriction, projection, orderBy, 0);
    }

    private Optional<RepositoryMethod> update(ExecutableElement method, ExecutableType type, MethodSpec signature,
            Jdql.Update update, Scope scope) throws JdqlSemanticException {
        checkEntity(update.entity());
        Map<SqlDialect, String> texts = new EnumMap<>(SqlDialect.class);
        List<Binding> bindings = null;
        for (SqlDialect dialect : SqlDialect.values()) {
            JdqlTranslator.Sql set = JdqlTranslator.assignments(update.set(), scope, dialect);
            Optional<JdqlTranslator.Sql> where = update.where().isEmpty() ? Optional.empty()
                    : Optional.of(JdqlTranslator.condition(update.where().get(), scope, dialect));
            texts.put(dialect, "UPDATE " + entity.table() + " SET " + set.text()
                    + where.map(w -> " WHERE " + w.text()).orElse(""));
            if (bindings == null) {
                bindings = bindingsOf(set, where.orElse(null));
            }
        }
        return change(method, type, signature, SqlText.spelt(texts::get), bindings);
    }

    private static List<Binding> bindingsOf(JdqlTranslator.Sql first, JdqlTranslator.Sql then) {
        List<Binding> bindings = new ArrayList<>(first.bindings());
        if (then != null) {
            bindings.addAll(then.bindings());
        }
        return bindings;
    }

    private Optional<RepositoryMethod> delete(ExecutableElement method, ExecutableType type, MethodSpec signature,
            Jdql.Delete delete, Scope scope) throws JdqlSemanticException {
        checkEntity(delete.entity());
        Restriction restriction = delete.where().isEmpty() ? Restriction.NONE : restriction(delete.where().get(), scope);
        SqlText text = SqlText.spelt(dialect -> "DELETE FROM " + entity.table()
                + (restriction.condition().isEmpty() ? "" : " WHERE " + restriction.condition().in(dialect)));
        return change(method, type, signature, text, restriction.bindings());
    }

    private Optional<RepositoryMethod> change(ExecutableElement method, ExecutableType type, MethodSpec signature,
            SqlText statement, List<Binding> bindings) {
        TypeMirror returns = type.getReturnType();
        Optional<Result> result = RepositoryMethodReader.changeResult(returns);
        if (result.isEmpty()) {
            report.error(Message.UNSUPPORTED_RETURN_TYPE, method, queries.describe(method), returns,
                    "An UPDATE or DELETE returns void, how many rows it changed as int or long, or whether it changed"
                            + " any as boolean.");
            return Optional.empty();
        }
        return Optional.of(new RepositoryMethod.Change(signature, statement, bindings, result.get()));
    }

    /** {@code condition} on every database, with the values it binds. */
    private Restriction restriction(Jdql.Condition condition, Scope scope) throws JdqlSemanticException {
        Map<SqlDialect, String> texts = new EnumMap<>(SqlDialect.class);
        List<Binding> bindings = List.of();
        for (SqlDialect dialect : SqlDialect.values()) {
            JdqlTranslator.Sql sql = JdqlTranslator.condition(condition, scope, dialect);
            texts.put(dialect, sql.text());
            bindings = sql.bindings();
        }
        return new Restriction(SqlText.spelt(texts::get), bindings);
    }

    private void checkEntity(Jdql.Name name) throws JdqlSemanticException {
        String simple = entity.entity().simpleName();
        if (!name.text().equals(simple) && !name.text().equals(entity.entity().toString())) {
            throw new JdqlSemanticException("names entity " + name.text() + ", but the entity of this repository is "
                    + simple, name.position());
        }
    }

    private PropertyModel attribute(Jdql.Name name) throws JdqlSemanticException {
        return queries.attribute(name.text()).filter(p -> !name.text().equals(QueryMethods.BY_ID))
                .orElseThrow(() -> JdqlSemanticException.unknownAttribute(name.text(), name.position()));
    }

    /** The method and entity the query is read against; records which parameters it uses. */
    private final class Scope implements JdqlTranslator.Scope {

        private final ExecutableElement method;
        private final ExecutableType type;
        private final List<Integer> values;
        final Set<String> used = new HashSet<>();

        Scope(ExecutableElement method, ExecutableType type, List<Integer> values) {
            this.method = method;
            this.type = type;
            this.values = values;
        }

        @Override
        public Optional<PropertyModel> attribute(String name) {
            return queries.attribute(name);
        }

        @Override
        public Optional<MethodParameter> parameter(Jdql.Parameter parameter) {
            for (int position : values) {
                VariableElement element = method.getParameters().get(position);
                boolean named = parameter.named() ? nameOf(element).equals(parameter.name())
                        : String.valueOf(position + 1).equals(parameter.name());
                if (named) {
                    used.add(element.getSimpleName().toString());
                    TypeMirror parameterType = type.getParameterTypes().get(position);
                    return Optional.of(new MethodParameter(element.getSimpleName().toString(), TypeName.get(parameterType),
                            ColumnTypes.of(parameterType)));
                }
            }
            return Optional.empty();
        }

        /** The name a query gives {@code parameter}: its {@code @Param}, else its own. */
        String nameOf(VariableElement parameter) {
            return AnnotationMirrors.find(parameter, PARAM)
                    .flatMap(param -> AnnotationMirrors.nonEmptyString(param, "value"))
                    .orElse(parameter.getSimpleName().toString());
        }

        @Override
        public List<String> constants(PropertyModel property) {
            TypeElement enumType = elements.getTypeElement(property.type().toString());
            return enumType == null ? List.of() : enumType.getEnclosedElements().stream()
                    .filter(element -> element.getKind() == ElementKind.ENUM_CONSTANT)
                    .map(element -> element.getSimpleName().toString())
                    .toList();
        }
    }

    /** Where the query is: its annotation's value on the method, and the query, for every error about it. */
    private final class Place {
        private final ExecutableElement method;
        private final AnnotationMirror annotation;
        private final AnnotationValue value;
        private final String query;

        Place(ExecutableElement method, AnnotationMirror annotation, AnnotationValue value, String query) {
            this.method = method;
            this.annotation = annotation;
            this.value = value;
            this.query = query;
        }

        void report(JdqlSemanticException e) {
            String pointer = " ".repeat(e.position());
            if (e.unknownAttribute().isPresent()) {
                Object[] unknown = queries.unknownAttribute(e.unknownAttribute().get());
                report.error(Message.UNKNOWN_QUERY_ATTRIBUTE, method, annotation, value, queries.describe(method),
                        e.unknownAttribute().get(), entityName, unknown[2], unknown[3], e.position() + 1, query, pointer);
            } else {
                report.error(Message.QUERY_TYPE, method, annotation, value, queries.describe(method), entityName,
                        e.getMessage(), e.position() + 1, query, pointer);
            }
        }
    }
}
