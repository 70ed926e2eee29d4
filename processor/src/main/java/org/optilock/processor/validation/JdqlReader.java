package org.optilock.processor.validation;

import com.palantir.javapoet.MethodSpec;
import com.palantir.javapoet.TypeName;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
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
import org.optilock.processor.model.SqlText;
import org.optilock.processor.query.jdql.Jdql;
import org.optilock.processor.query.jdql.JdqlParser;
import org.optilock.processor.query.jdql.JdqlSemanticException;
import org.optilock.processor.query.jdql.JdqlSyntaxException;
import org.optilock.processor.query.jdql.JdqlTranslator;
import org.optilock.processor.query.jdql.JdqlTranslator.MethodParameter;

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
        Restriction restriction = restriction(select.where(), scope);
        List<OrderKey> orderBy = new ArrayList<>();
        for (Jdql.OrderItem item : select.orderBy()) {
            PropertyModel property = attribute(item.attribute());
            orderBy.add(new OrderKey(property.name(), item.descending(), false));
        }
        orderBy.addAll(0, queries.orderBy(method));
        if (select.select().orElse(null) instanceof Jdql.CountThis) {
            return queries.count(method, type, signature, restriction, false, "SELECT COUNT(THIS)");
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
        JdqlTranslator.Sql set = JdqlTranslator.assignments(update.set(), scope);
        Restriction where = restriction(update.where(), scope);
        SqlText statement = SqlText.spelt(dialect -> "UPDATE " + entity.table() + " SET " + set.text().in(dialect)
                + (where.condition().isEmpty() ? "" : " WHERE " + where.condition().in(dialect)));
        List<Binding> bindings = new ArrayList<>(set.bindings());
        bindings.addAll(where.bindings());
        return queries.change(method, type, signature, statement, bindings, "A JDQL UPDATE");
    }

    private Optional<RepositoryMethod> delete(ExecutableElement method, ExecutableType type, MethodSpec signature,
            Jdql.Delete delete, Scope scope) throws JdqlSemanticException {
        checkEntity(delete.entity());
        return queries.delete(method, type, signature, restriction(delete.where(), scope), "A JDQL DELETE");
    }

    /** The rows {@code condition} selects (every row where there is none), on every database, with the values it binds. */
    private static Restriction restriction(Optional<Jdql.Condition> condition, Scope scope)
            throws JdqlSemanticException {
        if (condition.isEmpty()) {
            return Restriction.NONE;
        }
        JdqlTranslator.Sql sql = JdqlTranslator.condition(condition.get(), scope);
        return new Restriction(sql.text(), sql.bindings());
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
