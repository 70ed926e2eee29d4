package org.optilock.processor.query;

/**
 * The operators of a query by method name, as the Jakarta Data addendum names them, each with how
 * many parameters it takes and the SQL it becomes on an expression (the attribute's column, in upper
 * case where the condition ignores case) and its parameters.
 */
public enum QueryOperator {
    EQUAL("", 1),
    LESS_THAN_EQUAL("LessThanEqual", 1),
    LESS_THAN("LessThan", 1),
    GREATER_THAN_EQUAL("GreaterThanEqual", 1),
    GREATER_THAN("GreaterThan", 1),
    BETWEEN("Between", 2),
    CONTAINS("Contains", 1),
    STARTS_WITH("StartsWith", 1),
    ENDS_WITH("EndsWith", 1),
    LIKE("Like", 1),
    IN("In", 1),
    NULL("Null", 0),
    TRUE("True", 0),
    FALSE("False", 0);

    private final String keyword;
    private final int parameters;

    QueryOperator(String keyword, int parameters) {
        this.keyword = keyword;
        this.parameters = parameters;
    }

    /** The word of a method name that asks for it; empty for equality, which needs none. */
    public String keyword() {
        return keyword;
    }

    /** How many of the method's parameters it takes. */
    public int parameters() {
        return parameters;
    }

    /** Whether it compares text with a pattern, so that it needs a text attribute. */
    public boolean matchesText() {
        return this == CONTAINS || this == STARTS_WITH || this == ENDS_WITH || this == LIKE;
    }

    /**
     * The condition on {@code expression} with parameter {@code parameter} ({@code ?}, or
     * {@code UPPER(?)}), negated where {@code not}; a list for {@code In}, which the runtime expands.
     */
    public String sql(String expression, String parameter, boolean not) {
        return switch (this) {
            case EQUAL -> expression + (not ? " <> " : " = ") + parameter;
            case LESS_THAN_EQUAL -> negated(expression + " <= " + parameter, not);
            case LESS_THAN -> negated(expression + " < " + parameter, not);
            case GREATER_THAN_EQUAL -> negated(expression + " >= " + parameter, not);
            case GREATER_THAN -> negated(expression + " > " + parameter, not);
            case BETWEEN -> expression + (not ? " NOT" : "") + " BETWEEN " + parameter + " AND " + parameter;
            case CONTAINS, STARTS_WITH, ENDS_WITH, LIKE -> expression + (not ? " NOT" : "") + " LIKE " + parameter;
            case IN -> expression + (not ? " NOT" : "") + " IN ({" + parameter + "})";
            case NULL -> expression + (not ? " IS NOT NULL" : " IS NULL");
            case TRUE -> expression + (not ? " = FALSE" : " = TRUE");
            case FALSE -> expression + (not ? " = TRUE" : " = FALSE");
        };
    }

    private static String negated(String condition, boolean not) {
        return not ? "NOT (" + condition + ")" : condition;
    }
}
