package org.optilock.processor.query.jdql;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.optilock.processor.query.jdql.Jdql.Condition;
import org.optilock.processor.query.jdql.Jdql.Expression;

/**
 * A recursive-descent parser of JDQL, one method per rule of the specification's grammar: SELECT,
 * UPDATE and DELETE statements, every clause of a SELECT optional; conditions with {@code AND}
 * binding tighter than {@code OR}; scalar expressions with {@code *} and {@code /} tighter than
 * {@code +}, {@code -} and {@code ||}. Written by hand rather than generated: the grammar is small,
 * and a hand-written parser says what it expected in the user's terms and adds nothing to the
 * processor's jar.
 */
public final class JdqlParser {

    private static final Set<String> COMPARISONS = Set.of("=", "<>", "!=", "<", "<=", ">", ">=");
    private static final Set<String> FUNCTIONS = Set.of("ABS", "LENGTH", "LOWER", "UPPER", "LEFT", "RIGHT", "CONCAT");

    private final List<Token> tokens;
    private int next;

    private JdqlParser(List<Token> tokens) {
        this.tokens = tokens;
    }

    /** The statement {@code query} says. */
    public static Jdql.Statement parse(String query) throws JdqlSyntaxException {
        JdqlParser parser = new JdqlParser(JdqlLexer.tokens(query));
        Jdql.Statement statement = parser.statement();
        if (parser.peek().kind() != Token.Kind.END) {
            throw parser.expected("the end of the query, or a clause that may follow here");
        }
        return statement;
    }

    private Jdql.Statement statement() throws JdqlSyntaxException {
        if (peek().is("UPDATE")) {
            next++;
            Jdql.Name entity = name("the entity to update");
            keyword("SET");
            List<Jdql.Assignment> set = new ArrayList<>();
            do {
                Jdql.Name attribute = name("an attribute to set");
                symbol("=");
                if (peek().is("NULL")) {
                    next++;
                    set.add(new Jdql.Assignment(attribute, Optional.empty()));
                } else {
                    set.add(new Jdql.Assignment(attribute, Optional.of(scalar())));
                }
            } while (accept(","));
            return new Jdql.Update(entity, set, where());
        }
        if (peek().is("DELETE")) {
            next++;
            keyword("FROM");
            return new Jdql.Delete(name("the entity to delete from"), where());
        }
        Optional<Jdql.SelectItem> select = Optional.empty();
        if (peek().is("SELECT")) {
            next++;
            select = Optional.of(selectItem());
        }
        Optional<Jdql.Name> from = Optional.empty();
        if (peek().is("FROM")) {
            next++;
            from = Optional.of(name("an entity name"));
        }
        Optional<Condition> where = where();
        List<Jdql.OrderItem> orderBy = new ArrayList<>();
        if (peek().is("ORDER")) {
            next++;
            keyword("BY");
            do {
                Jdql.Name attribute = name("an attribute to order by");
                boolean descending = peek().is("DESC");
                if (descending || peek().is("ASC")) {
                    next++;
                }
                orderBy.add(new Jdql.OrderItem(attribute, descending));
            } while (accept(","));
        }
        return new Jdql.Select(select, from, where, orderBy);
    }

    private Jdql.SelectItem selectItem() throws JdqlSyntaxException {
        Token token = peek();
        if (token.is("COUNT")) {
            next++;
            symbol("(");
            keyword("THIS");
            symbol(")");
            return new Jdql.CountThis(token.position());
        }
        return new Jdql.Selected(scalar());
    }

    private Optional<Condition> where() throws JdqlSyntaxException {
        if (!peek().is("WHERE")) {
            return Optional.empty();
        }
        next++;
        return Optional.of(condition());
    }

    // ---- conditions: OR, then AND, then NOT, then a primary -------------------------------------------

    private Condition condition() throws JdqlSyntaxException {
        Condition left = term();
        while (peek().is("OR")) {
            next++;
            left = new Jdql.Or(left, term());
        }
        return left;
    }

    private Condition term() throws JdqlSyntaxException {
        Condition left = factor();
        while (peek().is("AND")) {
            next++;
            left = new Jdql.And(left, factor());
        }
        return left;
    }

    private Condition factor() throws JdqlSyntaxException {
        if (peek().is("NOT")) {
            next++;
            return new Jdql.Not(factor());
        }
        if (peek().isSymbol("(")) {
            // A parenthesis opens a condition, or a scalar expression compared after it: try the first.
            int start = next;
            try {
                next++;
                Condition grouped = condition();
                symbol(")");
                if (!continuesScalar(peek())) {
                    return new Jdql.Group(grouped);
                }
            } catch (JdqlSyntaxException notACondition) {
                // read it again as a scalar expression
            }
            next = start;
        }
        return simpleCondition();
    }

    private static boolean continuesScalar(Token token) {
        return token.kind() == Token.Kind.SYMBOL && (COMPARISONS.contains(token.text()) || "+-*/||".contains(token.text()))
                || token.is("BETWEEN") || token.is("LIKE") || token.is("IN") || token.is("IS")
                || token.is("NOT");
    }

    private Condition simpleCondition() throws JdqlSyntaxException {
        Expression left = scalar();
        Token token = peek();
        if (token.is("IS")) {
            next++;
            boolean not = accept("NOT");
            keyword("NULL");
            return new Jdql.IsNull(left, not);
        }
        boolean not = accept("NOT");
        if (peek().is("BETWEEN")) {
            next++;
            Expression low = scalar();
            keyword("AND");
            return new Jdql.Between(left, not, low, scalar());
        }
        if (peek().is("LIKE")) {
            next++;
            return new Jdql.Like(left, not, scalar());
        }
        if (peek().is("IN")) {
            next++;
            symbol("(");
            List<Expression> items = new ArrayList<>();
            do {
                items.add(scalar());
            } while (accept(","));
            symbol(")");
            return new Jdql.In(left, not, items);
        }
        if (not) {
            throw expected("BETWEEN, LIKE or IN after NOT");
        }
        if (token.kind() == Token.Kind.SYMBOL && COMPARISONS.contains(token.text())) {
            next++;
            String operator = token.text().equals("!=") ? "<>" : token.text();
            return new Jdql.Comparison(left, operator, scalar());
        }
        throw expected("a comparison (=, <>, <, <=, >, >=), BETWEEN, LIKE, IN or IS [NOT] NULL");
    }

    // ---- scalar expressions: + - ||, then * /, then a sign, then a primary -----------------------------

    private Expression scalar() throws JdqlSyntaxException {
        Expression left = product();
        while (peek().isSymbol("+") || peek().isSymbol("-") || peek().isSymbol("||")) {
            String operator = tokens.get(next++).text();
            left = new Jdql.Arithmetic(left, operator, product());
        }
        return left;
    }

    private Expression product() throws JdqlSyntaxException {
        Expression left = signed();
        while (peek().isSymbol("*") || peek().isSymbol("/")) {
            String operator = tokens.get(next++).text();
            left = new Jdql.Arithmetic(left, operator, signed());
        }
        return left;
    }

    private Expression signed() throws JdqlSyntaxException {
        Token token = peek();
        if (token.isSymbol("-")) {
            next++;
            return new Jdql.Negated(signed(), token.position());
        }
        if (token.isSymbol("+")) {
            next++;
            return signed();
        }
        return primary();
    }

    private Expression primary() throws JdqlSyntaxException {
        Token token = peek();
        switch (token.kind()) {
            case STRING -> {
                next++;
                return new Jdql.Literal(Jdql.LiteralKind.STRING, token.text(), token.position());
            }
            case NUMBER -> {
                next++;
                return number(token);
            }
            case NAMED_PARAMETER, POSITIONAL_PARAMETER -> {
                next++;
                return new Jdql.Parameter(token.text(), token.kind() == Token.Kind.NAMED_PARAMETER, token.position());
            }
            case SYMBOL -> {
                if (token.isSymbol("(")) {
                    next++;
                    Expression value = scalar();
                    symbol(")");
                    return new Jdql.Parenthesized(value, token.position());
                }
                throw expected("a value: an attribute, a literal, a parameter or a function");
            }
            case WORD -> {
                return word(token);
            }
            default -> throw expected("a value: an attribute, a literal, a parameter or a function");
        }
    }

    private Expression word(Token token) throws JdqlSyntaxException {
        next++;
        if (token.is("TRUE") || token.is("FALSE")) {
            return new Jdql.Literal(Jdql.LiteralKind.BOOLEAN, token.upper(), token.position());
        }
        if (token.is("LOCAL")) {
            Token what = peek();
            if (what.is("DATE") || what.is("DATETIME") || what.is("TIME")) {
                next++;
                return new Jdql.Current(what.upper(), token.position());
            }
            throw expected("DATE, DATETIME or TIME after LOCAL");
        }
        if (FUNCTIONS.contains(token.upper()) && peek().isSymbol("(")) {
            next++;
            List<Expression> arguments = new ArrayList<>();
            do {
                arguments.add(scalar());
            } while (accept(","));
            symbol(")");
            return new Jdql.Function(token.upper(), arguments, token.position());
        }
        StringBuilder path = new StringBuilder(token.text());
        while (peek().isSymbol(".") && tokens.get(next + 1).kind() == Token.Kind.WORD) {
            path.append('.').append(tokens.get(next + 1).text());
            next += 2;
        }
        return new Jdql.Path(path.toString(), token.position());
    }

    private Expression number(Token token) throws JdqlSyntaxException {
        String text = token.text();
        char suffix = Character.toUpperCase(text.charAt(text.length() - 1));
        String digits = Character.isLetter(suffix) ? text.substring(0, text.length() - 1) : text;
        boolean decimal = digits.contains(".") || suffix == 'D' || suffix == 'F';
        if (!digits.matches(decimal ? "[0-9]+(\\.[0-9]*)?" : "[0-9]+") || Character.isLetter(suffix)
                && "LDF".indexOf(suffix) < 0) {
            throw new JdqlSyntaxException("'" + text + "' is no number", token.position());
        }
        return new Jdql.Literal(decimal ? Jdql.LiteralKind.DECIMAL : Jdql.LiteralKind.INTEGER, digits, token.position());
    }

    // ---- tokens ----------------------------------------------------------------------------------------

    private Token peek() {
        return tokens.get(next);
    }

    private boolean accept(String keywordOrSymbol) {
        Token token = peek();
        if (token.is(keywordOrSymbol) || token.isSymbol(keywordOrSymbol)) {
            next++;
            return true;
        }
        return false;
    }

    private void keyword(String keyword) throws JdqlSyntaxException {
        if (!accept(keyword)) {
            throw expected(keyword);
        }
    }

    private void symbol(String symbol) throws JdqlSyntaxException {
        if (!accept(symbol)) {
            throw expected("'" + symbol + "'");
        }
    }

    private Jdql.Name name(String what) throws JdqlSyntaxException {
        Token token = peek();
        if (token.kind() != Token.Kind.WORD) {
            throw expected(what);
        }
        next++;
        StringBuilder name = new StringBuilder(token.text());
        while (peek().isSymbol(".") && tokens.get(next + 1).kind() == Token.Kind.WORD) {
            name.append('.').append(tokens.get(next + 1).text());
            next += 2;
        }
        return new Jdql.Name(name.toString(), token.position());
    }

    private JdqlSyntaxException expected(String what) {
        Token token = peek();
        return new JdqlSyntaxException("expected " + what + " but found " + token.describe(), token.position());
    }
}
