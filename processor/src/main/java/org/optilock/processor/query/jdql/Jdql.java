package org.optilock.processor.query.jdql;

import java.util.List;
import java.util.Optional;

/**
 * The syntax tree of a JDQL query, as the Jakarta Data specification's grammar has it: a statement,
 * its conditions and its scalar expressions. Every node knows where it starts in the query, so that
 * an error names the place.
 */
public final class Jdql {

    private Jdql() {}

    /** A whole query. */
    public sealed interface Statement permits Select, Update, Delete {}

    /**
     * {@code [SELECT item] [FROM entity] [WHERE condition] [ORDER BY ...]}, every clause optional.
     *
     * @param select what each row gives: empty for the entity
     */
    public record Select(Optional<SelectItem> select, Optional<Name> from, Optional<Condition> where,
            List<OrderItem> orderBy) implements Statement {}

    /** {@code UPDATE entity SET ... [WHERE condition]}. */
    public record Update(Name entity, List<Assignment> set, Optional<Condition> where) implements Statement {}

    /** {@code DELETE FROM entity [WHERE condition]}. */
    public record Delete(Name entity, Optional<Condition> where) implements Statement {}

    /** A name as written, and where. */
    public record Name(String text, int position) {}

    /** What a SELECT gives: {@code COUNT(THIS)}, or one expression. */
    public sealed interface SelectItem permits CountThis, Selected {}

    public record CountThis(int position) implements SelectItem {}

    public record Selected(Expression expression) implements SelectItem {}

    /** {@code attribute [ASC|DESC]}. */
    public record OrderItem(Name attribute, boolean descending) {}

    /** {@code attribute = value} of an UPDATE; {@code value} empty for NULL. */
    public record Assignment(Name attribute, Optional<Expression> value) {}

    // ---- conditions ----------------------------------------------------------------------------------

    public sealed interface Condition permits Comparison, Between, Like, In, IsNull, Not, And, Or, Group {}

    /** {@code left op right}, op one of {@code = <> < <= > >=}. */
    public record Comparison(Expression left, String operator, Expression right) implements Condition {}

    public record Between(Expression value, boolean not, Expression low, Expression high) implements Condition {}

    public record Like(Expression value, boolean not, Expression pattern) implements Condition {}

    public record In(Expression value, boolean not, List<Expression> items) implements Condition {}

    public record IsNull(Expression value, boolean not) implements Condition {}

    public record Not(Condition condition) implements Condition {}

    public record And(Condition left, Condition right) implements Condition {}

    public record Or(Condition left, Condition right) implements Condition {}

    /** A condition in parentheses, kept so that the SQL reads as the query. */
    public record Group(Condition condition) implements Condition {}

    // ---- scalar expressions --------------------------------------------------------------------------

    public sealed interface Expression permits Path, Literal, Parameter, Negated, Arithmetic, Function, Current,
            Parenthesized {

        /** Where it starts in the query. */
        int position();
    }

    /** An attribute, or a dotted name (an enum constant such as {@code com.acme.Kind.TOOL}). */
    public record Path(String name, int position) implements Expression {}

    /** A literal: text, a number, or {@code TRUE}/{@code FALSE}. */
    public record Literal(LiteralKind kind, String value, int position) implements Expression {}

    public enum LiteralKind { STRING, INTEGER, DECIMAL, BOOLEAN }

    /** {@code :name} or {@code ?n}. */
    public record Parameter(String name, boolean named, int position) implements Expression {

        /** As written in the query. */
        public String written() {
            return named ? ":" + name : "?" + name;
        }
    }

    public record Negated(Expression value, int position) implements Expression {}

    /** {@code left op right}, op one of {@code + - * / ||}. */
    public record Arithmetic(Expression left, String operator, Expression right) implements Expression {

        @Override
        public int position() {
            return left.position();
        }
    }

    /** A function of JDQL: {@code ABS}, {@code LENGTH}, {@code LOWER}, {@code UPPER}, {@code LEFT}, {@code RIGHT}, {@code CONCAT}. */
    public record Function(String name, List<Expression> arguments, int position) implements Expression {}

    /** {@code LOCAL DATE}, {@code LOCAL DATETIME} or {@code LOCAL TIME}. */
    public record Current(String what, int position) implements Expression {}

    public record Parenthesized(Expression value, int position) implements Expression {}
}
