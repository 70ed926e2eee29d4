package org.optilock.processor.query.jdql;

import com.palantir.javapoet.TypeName;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import org.optilock.processor.model.ColumnType;
import org.optilock.processor.model.PropertyModel;
import org.optilock.processor.model.RepositoryMethod.Binding;
import org.optilock.processor.model.RepositoryMethod.Form;
import org.optilock.processor.model.SqlText;
import org.optilock.processor.model.SqlDialect;
import org.optilock.processor.query.jdql.Jdql.Condition;
import org.optilock.processor.query.jdql.Jdql.Expression;

/**
 * Translates a JDQL condition or expression to one database's SQL: each attribute its column, each
 * parameter a {@code ?} bound as the attribute it is compared with (else as its own type), each
 * function as the database spells it, an enum constant as the entity stores it. What names no
 * attribute, no parameter or no constant, and a parameter of another type than its attribute, is a
 * {@link JdqlSemanticException} at its place in the query.
 */
public final class JdqlTranslator {

    /** A parameter of the method, as a query may bind it. */
    public record MethodParameter(String name, TypeName type, Optional<ColumnType> columnType) {}

    /** What the translator asks of the method and the entity. */
    public interface Scope {

        Optional<PropertyModel> attribute(String name);

        /** The method parameter {@code :name} or {@code ?n} names. */
        Optional<MethodParameter> parameter(Jdql.Parameter parameter);

        /** The constants of the enum of {@code property}, in order. */
        List<String> constants(PropertyModel property);
    }

    private final Scope scope;
    private final SqlDialect dialect;
    private final List<Binding> bindings = new ArrayList<>();

    private JdqlTranslator(Scope scope, SqlDialect dialect) {
        this.scope = scope;
        this.dialect = dialect;
    }

    /**
     * SQL on every database, and the values it binds in order, the same on each: a database spells
     * a function its own way, never its parameters.
     */
    public record Sql(SqlText text, List<Binding> bindings) {}

    /** One translation on one database. */
    @FunctionalInterface
    private interface Translation {
        String on(JdqlTranslator translator) throws JdqlSemanticException;
    }

    /** {@code translation} made on every database, H2's bindings kept. */
    private static Sql everywhere(Scope scope, Translation translation) throws JdqlSemanticException {
        Map<SqlDialect, String> texts = new EnumMap<>(SqlDialect.class);
        List<Binding> bindings = List.of();
        for (SqlDialect dialect : SqlDialect.values()) {
            JdqlTranslator translator = new JdqlTranslator(scope, dialect);
            texts.put(dialect, translation.on(translator));
            if (dialect == SqlDialect.H2) {
                bindings = translator.bindings;
            }
        }
        return new Sql(SqlText.spelt(texts::get), bindings);
    }

    /** {@code condition} in SQL. */
    public static Sql condition(Condition condition, Scope scope) throws JdqlSemanticException {
        return everywhere(scope, translator -> translator.sql(condition));
    }

    /** The assignments of an UPDATE, {@code column = value, ...}, each value bound as its attribute. */
    public static Sql assignments(List<Jdql.Assignment> set, Scope scope) throws JdqlSemanticException {
        return everywhere(scope, translator -> {
            List<String> assignments = new ArrayList<>();
            for (Jdql.Assignment assignment : set) {
                PropertyModel property = translator.attribute(assignment.attribute().text(),
                        assignment.attribute().position());
                assignments.add(property.column() + " = " + (assignment.value().isEmpty() ? "NULL"
                        : translator.sql(assignment.value().get(), Optional.of(property))));
            }
            return String.join(", ", assignments);
        });
    }

    /** The attribute {@code name} names, where the query says it. */
    PropertyModel attribute(String name, int position) throws JdqlSemanticException {
        return scope.attribute(name).orElseThrow(() -> JdqlSemanticException.unknownAttribute(name, position));
    }

    // ---- conditions ----------------------------------------------------------------------------------

    private String sql(Condition condition) throws JdqlSemanticException {
        if (condition instanceof Jdql.Or or) {
            return sql(or.left()) + " OR " + sql(or.right());
        }
        if (condition instanceof Jdql.And and) {
            return sql(and.left()) + " AND " + sql(and.right());
        }
        if (condition instanceof Jdql.Not not) {
            return "NOT " + (not.condition() instanceof Jdql.Group ? sql(not.condition()) : "(" + sql(not.condition()) + ")");
        }
        if (condition instanceof Jdql.Group group) {
            return "(" + sql(group.condition()) + ")";
        }
        if (condition instanceof Jdql.Comparison comparison) {
            Optional<PropertyModel> as = compared(comparison.left(), comparison.right());
            return sql(comparison.left(), as) + " " + comparison.operator() + " " + sql(comparison.right(), as);
        }
        if (condition instanceof Jdql.Between between) {
            Optional<PropertyModel> as = compared(between.value(), between.low(), between.high());
            return sql(between.value(), as) + (between.not() ? " NOT" : "") + " BETWEEN " + sql(between.low(), as)
                    + " AND " + sql(between.high(), as);
        }
        if (condition instanceof Jdql.Like like) {
            Optional<PropertyModel> as = compared(like.value(), like.pattern());
            return sql(like.value(), as) + (like.not() ? " NOT" : "") + " LIKE " + sql(like.pattern(), as);
        }
        if (condition instanceof Jdql.In in) {
            List<Expression> all = new ArrayList<>(in.items());
            all.add(0, in.value());
            Optional<PropertyModel> as = compared(all.toArray(Expression[]::new));
            List<String> items = new ArrayList<>();
            for (Expression item : in.items()) {
                items.add(sql(item, as));
            }
            return sql(in.value(), as) + (in.not() ? " NOT" : "") + " IN (" + String.join(", ", items) + ")";
        }
        Jdql.IsNull isNull = (Jdql.IsNull) condition;
        return sql(isNull.value(), Optional.empty()) + (isNull.not() ? " IS NOT NULL" : " IS NULL");
    }

    /** The attribute the first plain attribute among {@code values} names: what the others are compared with. */
    private Optional<PropertyModel> compared(Expression... values) {
        for (Expression value : values) {
            if (value instanceof Jdql.Path path) {
                Optional<PropertyModel> property = scope.attribute(path.name());
                if (property.isPresent()) {
                    return property;
                }
            }
        }
        return Optional.empty();
    }

    // ---- scalar expressions --------------------------------------------------------------------------

    /** {@code expression} in SQL; {@code as} is the attribute it is compared with, which types its parameters. */
    private String sql(Expression expression, Optional<PropertyModel> as) throws JdqlSemanticException {
        if (expression instanceof Jdql.Path path) {
            Optional<PropertyModel> property = scope.attribute(path.name());
            if (property.isPresent()) {
                return property.get().column();
            }
            if (as.isPresent() && isEnum(as.get()) && path.name().contains(".")) {
                return constant(path, as.get());
            }
            throw JdqlSemanticException.unknownAttribute(path.name(), path.position());
        }
        if (expression instanceof Jdql.Literal literal) {
            return literal.kind() == Jdql.LiteralKind.STRING ? "'" + literal.value().replace("'", "''") + "'"
                    : literal.value();
        }
        if (expression instanceof Jdql.Parameter parameter) {
            return bind(parameter, as);
        }
        if (expression instanceof Jdql.Negated negated) {
            return "-" + sql(negated.value(), as);
        }
        if (expression instanceof Jdql.Arithmetic arithmetic) {
            String left = sql(arithmetic.left(), as);
            String right = sql(arithmetic.right(), as);
            return arithmetic.operator().equals("||") && dialect == SqlDialect.MYSQL
                    ? "CONCAT(" + left + ", " + right + ")"
                    : left + " " + arithmetic.operator() + " " + right;
        }
        if (expression instanceof Jdql.Parenthesized parenthesized) {
            return "(" + sql(parenthesized.value(), as) + ")";
        }
        if (expression instanceof Jdql.Current current) {
            return switch (current.what()) {
                case "DATE" -> "CURRENT_DATE";
                case "TIME" -> "CURRENT_TIME";
                default -> "CURRENT_TIMESTAMP";
            };
        }
        Jdql.Function function = (Jdql.Function) expression;
        List<String> arguments = new ArrayList<>();
        for (Expression argument : function.arguments()) {
            // A function's arguments are values of their own: a text, a count of characters.
            arguments.add(sql(argument, function.name().equals("CONCAT") ? as : Optional.empty()));
        }
        return function(function, arguments);
    }

    private String function(Jdql.Function function, List<String> arguments) throws JdqlSemanticException {
        int expected = switch (function.name()) {
            case "LEFT", "RIGHT" -> 2;
            case "CONCAT" -> -1;
            default -> 1;
        };
        if (expected > 0 && arguments.size() != expected || expected < 0 && arguments.size() < 2) {
            throw new JdqlSemanticException(function.name() + " takes " + (expected < 0 ? "two or more" : expected)
                    + " arguments, not " + arguments.size(), function.position());
        }
        String joined = String.join(", ", arguments);
        return switch (function.name()) {
            case "LENGTH" -> (dialect == SqlDialect.MYSQL ? "CHAR_LENGTH(" : "LENGTH(") + joined + ")";
            case "LEFT" -> dialect == SqlDialect.SQLITE ? "SUBSTR(" + arguments.get(0) + ", 1, " + arguments.get(1) + ")"
                    : "LEFT(" + joined + ")";
            case "RIGHT" -> dialect == SqlDialect.SQLITE ? "SUBSTR(" + arguments.get(0) + ", -(" + arguments.get(1) + "))"
                    : "RIGHT(" + joined + ")";
            case "CONCAT" -> dialect == SqlDialect.SQLITE
                    ? "(" + arguments.stream().collect(Collectors.joining(" || ")) + ")"
                    : "CONCAT(" + joined + ")";
            default -> function.name() + "(" + joined + ")";
        };
    }

    private String bind(Jdql.Parameter parameter, Optional<PropertyModel> as) throws JdqlSemanticException {
        MethodParameter bound = scope.parameter(parameter).orElseThrow(() -> new JdqlSemanticException(
                parameter.written() + " names no parameter of the method"
                        + (parameter.named() ? " (name one, or give it that name with @Param)" : ""),
                parameter.position()));
        ColumnType type;
        if (as.isPresent()) {
            PropertyModel property = as.get();
            if (!bound.type().box().equals(property.type().box())) {
                throw new JdqlSemanticException("parameter " + parameter.written() + " (" + bound.name() + ") is "
                        + bound.type() + ", but is compared with attribute '" + property.name() + "', which is "
                        + property.type() + ". Declare the parameter as " + property.type(), parameter.position());
            }
            type = bound.type().isPrimitive() ? property.columnType().unboxed() : property.columnType().boxed();
        } else {
            type = bound.columnType().orElseThrow(() -> new JdqlSemanticException("parameter " + parameter.written()
                    + " is " + bound.type() + ", which no column holds", parameter.position()));
        }
        bindings.add(new Binding(bound.name(), type, bound.type(), Form.VALUE));
        return "?";
    }

    private static boolean isEnum(PropertyModel property) {
        return property.columnType() == ColumnType.ENUM_BY_NAME || property.columnType() == ColumnType.ENUM_BY_ORDINAL;
    }

    /** An enum constant, {@code com.acme.Kind.TOOL}, as {@code property} stores it: its name, or its ordinal. */
    private String constant(Jdql.Path path, PropertyModel property) throws JdqlSemanticException {
        String enumType = property.type().toString();
        int dot = path.name().lastIndexOf('.');
        String type = path.name().substring(0, dot);
        String name = path.name().substring(dot + 1);
        List<String> constants = scope.constants(property);
        if (!(enumType.equals(type) || enumType.endsWith("." + type)) || !constants.contains(name)) {
            throw new JdqlSemanticException("'" + path.name() + "' is no constant of " + enumType + " ("
                    + String.join(", ", constants) + "), the type of attribute '" + property.name() + "'",
                    path.position());
        }
        return property.columnType() == ColumnType.ENUM_BY_ORDINAL
                ? String.valueOf(constants.indexOf(name))
                : "'" + name + "'";
    }
}
