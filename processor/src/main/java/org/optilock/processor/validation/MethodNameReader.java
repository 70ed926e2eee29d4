package org.optilock.processor.validation;

import com.palantir.javapoet.MethodSpec;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import javax.lang.model.element.ExecutableElement;
import javax.lang.model.element.VariableElement;
import javax.lang.model.type.ExecutableType;
import org.optilock.processor.model.ColumnType;
import org.optilock.processor.model.EntityModel;
import org.optilock.processor.model.PropertyModel;
import org.optilock.processor.model.RepositoryMethod;
import org.optilock.processor.model.RepositoryMethod.Binding;
import org.optilock.processor.model.RepositoryMethod.Form;
import org.optilock.processor.model.RepositoryMethod.OrderKey;
import org.optilock.processor.model.RepositoryMethod.Restriction;
import org.optilock.processor.model.RepositoryMethod.Result;
import org.optilock.processor.query.MethodNameQuery;
import org.optilock.processor.query.MethodNameQuery.Action;
import org.optilock.processor.query.MethodNameQuery.Condition;
import org.optilock.processor.query.QueryOperator;
import org.optilock.processor.query.RestrictionWriter;

/**
 * Reads a query by method name ({@code findByPriceLessThanEqualOrderByNameAsc}, {@code countByStatus},
 * {@code existsByEmailIgnoreCase}, {@code deleteByNameLike}) against the entity: each condition's
 * attribute and operator, and the parameters that give their values, in order and of the attribute's
 * type. A name that does not read, a misspelt attribute (with the closest name), an operator that does
 * not fit its attribute and a parameter too many or too few are each a compile error on the method.
 */
final class MethodNameReader {

    private final QueryMethods queries;
    private final EntityModel entity;
    private final ValidationReport report;

    MethodNameReader(QueryMethods queries, EntityModel entity, ValidationReport report) {
        this.queries = queries;
        this.entity = entity;
        this.report = report;
    }

    Optional<RepositoryMethod> read(ExecutableElement method, ExecutableType type, MethodSpec signature) {
        String name = method.getSimpleName().toString();
        MethodNameQuery.Result parsed = MethodNameQuery.parse(name, queries.attributeNames());
        if (parsed.failure().isPresent()) {
            MethodNameQuery.Failure failure = parsed.failure().get();
            Optional<String> unknown = failure.unknown().filter(attribute -> queries.attribute(attribute).isEmpty());
            if (unknown.isPresent()) {
                report.error(Message.UNKNOWN_ATTRIBUTE, method, queries.unknownAttribute(unknown.get()));
            } else {
                report.error(Message.UNREADABLE_METHOD_NAME, method, queries.describe(method), failure.problem(),
                        name.substring(failure.position()));
            }
            return Optional.empty();
        }
        MethodNameQuery query = parsed.query().orElseThrow();
        QueryMethods.Parameters parameters = queries.parameters(method, type);
        Optional<Restriction> restriction = restriction(method, type, query.conditions(), parameters.values());
        if (restriction.isEmpty()) {
            return Optional.empty();
        }
        if (query.action() == Action.FIND) {
            List<OrderKey> orderBy = new ArrayList<>();
            query.orderBy().forEach(item -> orderBy.add(new OrderKey(item.attribute(), item.descending(), false)));
            orderBy.addAll(queries.orderBy(method));
            return queries.find(method, type, signature, parameters, restriction.get(), Optional.empty(), orderBy,
                    query.first());
        }
        if (!parameters.sorts().isEmpty() || parameters.limit().isPresent() || parameters.pageRequest().isPresent()) {
            VariableElement special = parameters.limit().or(parameters::pageRequest).orElseGet(() ->
                    method.getParameters().stream().filter(p -> parameters.sorts().stream()
                            .anyMatch(sort -> sort.name().equals(p.getSimpleName().toString()))).findFirst().orElseThrow());
            report.error(Message.MISPLACED_SPECIAL_PARAMETER, special, special.getSimpleName(), special.asType(),
                    queries.describe(method), "only a find method limits, sorts or pages its rows.");
            return Optional.empty();
        }
        return switch (query.action()) {
            case COUNT -> queries.count(method, type, signature, restriction.get(), false, "A count method");
            case EXISTS -> queries.count(method, type, signature, restriction.get(), true, "An exists method");
            default -> queries.delete(method, type, signature, restriction.get(), "A delete method");
        };
    }

    /** The condition of {@code conditions}, each taking its values from the next parameters at {@code positions}. */
    private Optional<Restriction> restriction(ExecutableElement method, ExecutableType type, List<Condition> conditions,
            List<Integer> positions) {
        int needed = conditions.stream().mapToInt(condition -> condition.operator().parameters()).sum();
        if (needed != positions.size()) {
            List<String> takes = conditions.stream().map(condition -> condition.attribute()
                    + (condition.operator().keyword().isEmpty() ? "" : " " + condition.operator().keyword())
                    + ": " + condition.operator().parameters()).toList();
            report.error(Message.CONDITION_PARAMETERS, method, queries.describe(method), needed,
                    takes.isEmpty() ? "no conditions" : String.join(", ", takes), positions.size());
            return Optional.empty();
        }
        RestrictionWriter where = new RestrictionWriter();
        boolean valid = true;
        int next = 0;
        for (Condition condition : conditions) {
            PropertyModel property = queries.attribute(condition.attribute()).orElseThrow();
            Optional<String> misfit = misfit(condition, property);
            if (misfit.isPresent()) {
                report.error(Message.OPERATOR_MISFITS_ATTRIBUTE, method, queries.describe(method),
                        describe(condition), property.name(), entity.entity(), property.type(), misfit.get());
                valid = false;
                next += condition.operator().parameters();
                continue;
            }
            List<Binding> values = new ArrayList<>();
            for (int i = 0; i < condition.operator().parameters(); i++) {
                int position = positions.get(next++);
                queries.binding(method.getParameters().get(position), type.getParameterTypes().get(position), property,
                        form(condition.operator())).ifPresent(values::add);
            }
            if (values.size() != condition.operator().parameters()) {
                valid = false;
                continue;
            }
            String column = condition.ignoreCase() ? "UPPER(" + property.column() + ")" : property.column();
            String parameter = condition.ignoreCase() ? "UPPER(?)" : "?";
            where.add(condition.or(), condition.operator().sql(column, parameter, condition.not()), values);
        }
        return valid ? Optional.of(where.write()) : Optional.empty();
    }

    /** Why {@code condition} cannot apply to {@code property}, and what to do; empty when it can. */
    private static Optional<String> misfit(Condition condition, PropertyModel property) {
        boolean text = property.columnType() == ColumnType.STRING;
        boolean bool = property.columnType() == ColumnType.BOOLEAN || property.columnType() == ColumnType.BOXED_BOOLEAN;
        QueryOperator operator = condition.operator();
        if ((condition.ignoreCase() || operator.matchesText()) && !text) {
            return Optional.of("Only a String attribute is compared as text (IgnoreCase, Like, Contains, StartsWith,"
                    + " EndsWith). Compare it by value, or store it as a String.");
        }
        if ((operator == QueryOperator.TRUE || operator == QueryOperator.FALSE) && !bool) {
            return Optional.of("True and False test a boolean attribute. Compare it with a parameter instead.");
        }
        if (operator == QueryOperator.NULL && property.columnType().isPrimitive()) {
            return Optional.of("A primitive is never null. Declare the field with its boxed type, or drop the condition.");
        }
        return Optional.empty();
    }

    private static Form form(QueryOperator operator) {
        return switch (operator) {
            case CONTAINS -> Form.CONTAINS;
            case STARTS_WITH -> Form.STARTS_WITH;
            case ENDS_WITH -> Form.ENDS_WITH;
            case IN -> Form.EACH;
            default -> Form.VALUE;
        };
    }

    private static String describe(Condition condition) {
        String operator = condition.operator().keyword().isEmpty() ? "Equal" : condition.operator().keyword();
        return (condition.ignoreCase() ? "IgnoreCase " : "") + (condition.not() ? "Not " : "") + operator;
    }
}
