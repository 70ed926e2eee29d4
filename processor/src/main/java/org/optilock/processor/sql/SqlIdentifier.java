package org.optilock.processor.sql;

import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Decides whether a table, column or trigger name may be written into SQL as it is. Only plain
 * identifiers ({@code [A-Za-z_][A-Za-z0-9_]*}, at most 63 characters, not a reserved word) and
 * double-quoted plain identifiers pass, so no name can carry SQL of its own.
 */
public final class SqlIdentifier {

    /** PostgreSQL cuts longer names silently; the other databases allow at least this many. */
    public static final int MAX_LENGTH = 63;

    private static final Pattern PLAIN = Pattern.compile("[A-Za-z_][A-Za-z0-9_]*");
    private static final Pattern QUOTED = Pattern.compile("\"[A-Za-z_][A-Za-z0-9_]*\"");

    /**
     * Words that H2, PostgreSQL, MySQL or SQLite refuse as plain identifiers, where they would
     * otherwise be common table or column names.
     */
    private static final Set<String> RESERVED = Set.of(
            "ALL", "AND", "ANY", "ARRAY", "AS", "ASC", "ASYMMETRIC", "AUTHORIZATION", "BETWEEN", "BOTH",
            "BY", "CASE", "CAST", "CHECK", "COLLATE", "COLUMN", "CONSTRAINT", "CREATE", "CROSS",
            "CURRENT_CATALOG", "CURRENT_DATE", "CURRENT_PATH", "CURRENT_ROLE", "CURRENT_SCHEMA",
            "CURRENT_TIME", "CURRENT_TIMESTAMP", "CURRENT_USER", "DAY", "DEFAULT", "DELETE", "DESC",
            "DISTINCT", "DROP", "ELSE", "END", "EXCEPT", "EXISTS", "FALSE", "FETCH", "FOR", "FOREIGN",
            "FROM", "FULL", "GRANT", "GROUP", "GROUPS", "HAVING", "HOUR", "IF", "ILIKE", "IN", "INDEX",
            "INNER", "INSERT", "INTERSECT", "INTERVAL", "INTO", "IS", "JOIN", "KEY", "LEADING", "LEFT",
            "LIKE", "LIMIT", "LOCALTIME", "LOCALTIMESTAMP", "MINUS", "MINUTE", "MONTH", "NATURAL", "NOT",
            "NULL", "OFFSET", "ON", "OR", "ORDER", "OVER", "PARTITION", "PRIMARY", "QUALIFY", "RANGE",
            "REFERENCES", "REGEXP", "RIGHT", "ROW", "ROWNUM", "ROWS", "SECOND", "SELECT", "SESSION_USER",
            "SET", "SOME", "SYMMETRIC", "SYSTEM_USER", "TABLE", "THEN", "TO", "TOP", "TRAILING", "TRUE",
            "UESCAPE", "UNION", "UNIQUE", "UNKNOWN", "UPDATE", "USER", "USING", "VALUE", "VALUES", "WHEN",
            "WHERE", "WINDOW", "WITH", "YEAR", "_ROWID_");

    private SqlIdentifier() {}

    /**
     * Why {@code name} cannot be used as one identifier, or empty when it can. The reason completes
     * a sentence that starts with the name, such as {@code "is a reserved SQL word"}.
     */
    public static Optional<String> problem(String name) {
        if (name.isEmpty()) {
            return Optional.of("is empty");
        }
        if (QUOTED.matcher(name).matches()) {
            return name.length() - 2 > MAX_LENGTH ? Optional.of(tooLong(name.length() - 2)) : Optional.empty();
        }
        if (!PLAIN.matcher(name).matches()) {
            return Optional.of("has characters other than letters, digits and underscores, or starts with a digit");
        }
        if (name.length() > MAX_LENGTH) {
            return Optional.of(tooLong(name.length()));
        }
        if (RESERVED.contains(name.toUpperCase(Locale.ROOT))) {
            return Optional.of("is a reserved SQL word; choose another name, or quote it as \"" + name + "\"");
        }
        return Optional.empty();
    }

    /** As {@link #problem(String)}, for a name that may be qualified by a schema ({@code schema.table}). */
    public static Optional<String> qualifiedProblem(String name) {
        int dot = name.indexOf('.');
        if (dot < 0) {
            return problem(name);
        }
        Optional<String> schema = problem(name.substring(0, dot));
        return schema.isPresent() ? schema.map(reason -> "has a schema part that " + reason) : problem(name.substring(dot + 1));
    }

    private static String tooLong(int length) {
        return "is " + length + " characters long, more than the " + MAX_LENGTH + " every database accepts";
    }
}
