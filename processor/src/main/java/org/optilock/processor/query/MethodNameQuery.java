package org.optilock.processor.query;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A query by method name, as the Jakarta Data addendum defines it ({@code findFirst3ByPriceLessThanOrderByNameAsc},
 * {@code countByStatus}, {@code existsByEmailIgnoreCase}, {@code deleteByNameLike}), read against the
 * entity's attributes. An attribute is the longest name that lets the rest of the method name parse,
 * so an attribute whose name holds {@code Or} or {@code In} is never split.
 *
 * @param action what the method does with the rows
 * @param first how many rows at most ({@code First}, {@code FirstN}); 0 for no limit
 * @param conditions the conditions, in the order of the method's parameters
 * @param orderBy the order of {@code OrderBy}
 */
public record MethodNameQuery(Action action, int first, List<Condition> conditions, List<OrderItem> orderBy) {

    /** What a query by method name does. */
    public enum Action { FIND, COUNT, EXISTS, DELETE }

    /**
     * One condition: {@code attribute}, compared by {@code operator}, ignoring case, negated, and joined
     * to the one before by {@code Or} (else {@code And}, which binds tighter).
     */
    public record Condition(String attribute, boolean ignoreCase, boolean not, QueryOperator operator, boolean or) {}

    /** One key of {@code OrderBy}. */
    public record OrderItem(String attribute, boolean descending) {}

    /**
     * Why a method name does not parse: {@code problem}, at character {@code position} of the name;
     * {@code unknown} is the attribute it seems to name where no attribute has that name.
     */
    public record Failure(String problem, int position, Optional<String> unknown) {}

    private static final Pattern PREFIX = Pattern.compile("^(find|count|exists|delete)(?=[A-Z]|$)");
    private static final Pattern FIRST = Pattern.compile("^First([0-9]*)(?![a-z])");
    /** The words that end an attribute's name in a condition. */
    private static final Pattern KEYWORD = Pattern.compile(
            "And|Or|OrderBy|Not|IgnoreCase|LessThan|GreaterThan|Between|Contains|StartsWith|EndsWith|Like|In(?![a-z])"
                    + "|Null|True|False|Asc|Desc");

    /** Whether {@code name} asks for a query by method name: it starts with one of its verbs. */
    public static boolean isQuery(String name) {
        return PREFIX.matcher(name).find();
    }

    /** The query {@code name} asks for, over an entity with {@code attributes}, or why it has none. */
    public static Result parse(String name, List<String> attributes) {
        return new Parser(name, attributes).parse();
    }

    /** The query, or why there is none. */
    public record Result(Optional<MethodNameQuery> query, Optional<Failure> failure) {}

    private static final class Parser {
        private final String name;
        private final List<String> attributes;
        /** The furthest position where an attribute was expected and none matched. */
        private int furthest = -1;
        /** The furthest position after an attribute where nothing that may follow one did. */
        private int unexpected = -1;

        Parser(String name, List<String> attributes) {
            this.name = name;
            this.attributes = attributes.stream().sorted(Comparator.comparingInt(String::length).reversed()).toList();
        }

        Result parse() {
            Matcher prefix = PREFIX.matcher(name);
            if (!prefix.find()) {
                return failure("it starts with none of find, count, exists and delete", 0);
            }
            Action action = Action.valueOf(prefix.group(1).toUpperCase(Locale.ROOT));
            int at = prefix.end();
            int first = 0;
            Matcher limit = FIRST.matcher(name.substring(at));
            if (action == Action.FIND && limit.find()) {
                first = limit.group(1).isEmpty() ? 1 : Integer.parseInt(limit.group(1));
                if (first == 0) {
                    return failure("First0 asks for no rows; write First, or FirstN with N at least 1", at);
                }
                at += limit.end();
            }
            int by = restrictionStart(at);
            int orderBy = name.indexOf("OrderBy", at);
            List<Condition> conditions = new ArrayList<>();
            List<OrderItem> order = new ArrayList<>();
            if (by >= 0) {
                if (!conditions(by + 2, false, conditions, order)) {
                    return failureAtFurthest(by + 2);
                }
            } else if (orderBy >= 0) {
                if (action != Action.FIND) {
                    return failure("only a find method orders its rows", orderBy);
                }
                if (!order(orderBy + "OrderBy".length(), order)) {
                    return failureAtFurthest(orderBy + "OrderBy".length());
                }
            }
            if (action != Action.FIND && !order.isEmpty()) {
                return failure("only a find method orders its rows", name.indexOf("OrderBy"));
            }
            return new Result(Optional.of(new MethodNameQuery(action, first, conditions, order)), Optional.empty());
        }

        /** Where {@code By} starts the conditions, after text the addendum ignores; -1 when there are none. */
        private int restrictionStart(int from) {
            int by = name.indexOf("By", from);
            return by < 0 || by >= 5 && name.startsWith("OrderBy", by - 5) ? -1 : by;
        }

        /** Parses conditions from {@code at} to the end, or to {@code OrderBy} and its keys. */
        private boolean conditions(int at, boolean or, List<Condition> conditions, List<OrderItem> order) {
            for (String attribute : attributes) {
                String word = capitalized(attribute);
                if (!name.startsWith(word, at)) {
                    continue;
                }
                int end = at + word.length();
                for (boolean ignoreCase : options(end, "IgnoreCase")) {
                    int afterCase = end + (ignoreCase ? "IgnoreCase".length() : 0);
                    for (boolean not : options(afterCase, "Not")) {
                        int afterNot = afterCase + (not ? "Not".length() : 0);
                        if (condition(attribute, ignoreCase, not, afterNot, or, conditions, order)) {
                            return true;
                        }
                    }
                }
            }
            furthest = Math.max(furthest, at);
            return false;
        }

        /** Whether {@code word} at {@code at} is there to take: both readings when it is, else only without it. */
        private boolean[] options(int at, String word) {
            return name.startsWith(word, at) ? new boolean[] {true, false} : new boolean[] {false};
        }

        /** One condition's operator from {@code at}, then the rest of the name. */
        private boolean condition(String attribute, boolean ignoreCase, boolean not, int at, boolean or,
                List<Condition> conditions, List<OrderItem> order) {
            for (QueryOperator operator : QueryOperator.values()) {
                if (!name.startsWith(operator.keyword(), at)) {
                    continue;
                }
                int after = at + operator.keyword().length();
                for (boolean trailingIgnoreCase : ignoreCase ? new boolean[] {false} : options(after, "IgnoreCase")) {
                    int end = after + (trailingIgnoreCase ? "IgnoreCase".length() : 0);
                    int size = conditions.size();
                    conditions.add(new Condition(attribute, ignoreCase || trailingIgnoreCase, not, operator, or));
                    if (rest(end, conditions, order)) {
                        return true;
                    }
                    conditions.subList(size, conditions.size()).clear();
                    order.clear();
                }
            }
            unexpected = Math.max(unexpected, at);
            return false;
        }

        /** After a condition: the end, {@code And} or {@code Or} and another condition, or {@code OrderBy}. */
        private boolean rest(int at, List<Condition> conditions, List<OrderItem> order) {
            if (at == name.length()) {
                return true;
            }
            if (name.startsWith("OrderBy", at) && order(at + "OrderBy".length(), order)) {
                return true;
            }
            if (name.startsWith("And", at) && conditions(at + 3, false, conditions, order)) {
                return true;
            }
            return name.startsWith("Or", at) && !name.startsWith("OrderBy", at) && conditions(at + 2, true, conditions, order);
        }

        /** Parses the keys of {@code OrderBy}, from {@code at} to the end. */
        private boolean order(int at, List<OrderItem> order) {
            for (String attribute : attributes) {
                String word = capitalized(attribute);
                if (!name.startsWith(word, at)) {
                    continue;
                }
                int end = at + word.length();
                boolean descending = name.startsWith("Desc", end);
                if (descending) {
                    end += 4;
                } else if (name.startsWith("Asc", end)) {
                    end += 3;
                }
                order.add(new OrderItem(attribute, descending));
                if (end == name.length() || order(end, order)) {
                    return true;
                }
                order.remove(order.size() - 1);
            }
            furthest = Math.max(furthest, at);
            return false;
        }

        private Result failureAtFurthest(int start) {
            if (unexpected > furthest) {
                return failure("'" + name.substring(unexpected) + "' follows an attribute, where an operator ("
                        + "LessThan, GreaterThanEqual, Between, In, Like, StartsWith, Null, True...), IgnoreCase, Not,"
                        + " And, Or or OrderBy may", unexpected);
            }
            int at = Math.max(furthest, start);
            if (at >= name.length()) {
                return failure("it ends where an attribute should follow", name.length());
            }
            Matcher keyword = KEYWORD.matcher(name);
            int end = keyword.find(at + 1) ? keyword.start() : name.length();
            String word = name.substring(at, end);
            String attribute = Character.toLowerCase(word.charAt(0)) + word.substring(1);
            return new Result(Optional.empty(), Optional.of(new Failure("'" + word + "' names no attribute", at,
                    Optional.of(attribute))));
        }

        private Result failure(String problem, int position) {
            return new Result(Optional.empty(), Optional.of(new Failure(problem, position, Optional.empty())));
        }

        private static String capitalized(String attribute) {
            return Character.toUpperCase(attribute.charAt(0)) + attribute.substring(1);
        }
    }
}
