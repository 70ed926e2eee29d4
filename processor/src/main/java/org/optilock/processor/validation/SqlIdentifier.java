package org.optilock.processor.validation;

import java.util.HashSet;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Decides whether a table, column or trigger name may be written into SQL as it is. Only plain
 * identifiers ({@code [A-Za-z_][A-Za-z0-9_]*}, at most 63 characters, reserved on no supported database) and
 * double-quoted plain identifiers pass, so no name can carry SQL of its own.
 */
public final class SqlIdentifier {

    /** PostgreSQL cuts longer names silently; the other databases allow at least this many. */
    public static final int MAX_LENGTH = 63;

    private static final Pattern PLAIN = Pattern.compile("[A-Za-z_][A-Za-z0-9_]*");
    private static final Pattern QUOTED = Pattern.compile("\"[A-Za-z_][A-Za-z0-9_]*\"");

    /**
     * The words no supported database takes as a plain table or column name: the union of the lists
     * below. A name among them must be quoted. {@code ReservedWordsTest} in the integration tests
     * proves the union complete for every keyword that PostgreSQL ({@code pg_get_keywords()}), MariaDB
     * ({@code information_schema.KEYWORDS}) and the four JDBC drivers ({@code getSQLKeywords()}) list:
     * each one not here works unquoted, as a table and a column, on all four databases.
     */
    private static final Set<String> RESERVED = union(
            // The SQL standard's reserved words that H2 reserves too (h2database.com, "Keywords / Reserved Words").
            Set.of(
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
            "WHERE", "WINDOW", "WITH", "YEAR", "_ROWID_"),
            // PostgreSQL, Appendix C "SQL Key Words": reserved, and reserved "(can be function or type)".
            Set.of(
            "ANALYSE", "ANALYZE", "BINARY", "COLLATION", "CONCURRENTLY", "DEFERRABLE", "DO",
            "FREEZE", "INITIALLY", "ISNULL", "LATERAL", "NOTNULL", "ONLY", "OUTER", "OVERLAPS",
            "PLACING", "RETURNING", "SIMILAR", "TABLESAMPLE", "VARIADIC", "VERBOSE"),
            // SQLite, "SQL As Understood By SQLite: SQL Keywords": those its parser takes as no name.
            Set.of(
            "ALTER", "AUTOINCREMENT", "COMMIT", "DEFERRABLE", "ESCAPE", "ISNULL", "NOTHING",
            "NOTNULL", "RAISE", "RETURNING", "TRANSACTION"),
            // MariaDB, "Reserved Words" (mariadb.com/kb/en/reserved-words).
            Set.of(
            "ACCESSIBLE", "ADD", "ALTER", "ANALYZE", "ASENSITIVE", "BEFORE", "BIGINT", "BINARY",
            "BLOB", "CALL", "CASCADE", "CHANGE", "CHAR", "CHARACTER", "CONDITION", "CONTINUE",
            "CONVERT", "CURSOR", "DATABASES", "DAY_HOUR", "DAY_MICROSECOND", "DAY_MINUTE",
            "DAY_SECOND", "DEC", "DECIMAL", "DECLARE", "DELAYED", "DELETE_DOMAIN_ID", "DESCRIBE",
            "DETERMINISTIC", "DISTINCTROW", "DIV", "DOUBLE", "DO_DOMAIN_IDS", "DUAL", "EACH",
            "ELSEIF", "ENCLOSED", "ESCAPED", "EXIT", "EXPLAIN", "EXTRACT", "FLOAT", "FLOAT4",
            "FLOAT8", "FORCE", "FULLTEXT", "HIGH_PRIORITY", "HOUR_MICROSECOND", "HOUR_MINUTE",
            "HOUR_SECOND", "IGNORE", "IGNORE_DOMAIN_IDS", "INFILE", "INOUT", "INSENSITIVE", "INT",
            "INT1", "INT2", "INT3", "INT4", "INT8", "INTEGER", "ITERATE", "KEYS", "KILL", "LEAVE",
            "LINEAR", "LINES", "LOAD", "LOCK", "LONG", "LONGBLOB", "LONGTEXT", "LOOP",
            "LOW_PRIORITY", "MASTER_DEMOTE_TO_REPLICA", "MASTER_DEMOTE_TO_SLAVE",
            "MASTER_SSL_VERIFY_SERVER_CERT", "MATCH", "MAXVALUE", "MEDIUMBLOB", "MEDIUMINT",
            "MEDIUMTEXT", "MIDDLEINT", "MINUTE_MICROSECOND", "MINUTE_SECOND", "MOD", "MODIFIES",
            "NO_WRITE_TO_BINLOG", "NUMERIC", "OPTIMIZE", "OPTIONALLY", "OUT", "OUTER", "OUTFILE",
            "PAGE_CHECKSUM", "PARSE_VCOL_EXPR", "PORTION", "POSITION", "PRECISION", "PROCEDURE",
            "PURGE", "READ", "READS", "READ_WRITE", "REAL", "RECURSIVE", "REF_SYSTEM_ID",
            "RELEASE", "RENAME", "REPEAT", "REPLACE", "REQUIRE", "RESIGNAL", "RESTRICT", "RETURN",
            "RETURNING", "REVOKE", "RLIKE", "ROW_NUMBER", "SCHEMAS", "SECOND_MICROSECOND",
            "SENSITIVE", "SEPARATOR", "SHOW", "SIGNAL", "SMALLINT", "SPATIAL", "SPECIFIC", "SQL",
            "SQLEXCEPTION", "SQLSTATE", "SQLWARNING", "SQL_AFTER_GTIDS", "SQL_BEFORE_GTIDS",
            "SQL_BIG_RESULT", "SQL_CALC_FOUND_ROWS", "SQL_SMALL_RESULT", "SSL", "STARTING",
            "STATS_AUTO_RECALC", "STATS_PERSISTENT", "STATS_SAMPLE_PAGES", "STRAIGHT_JOIN",
            "SUBSTRING", "TERMINATED", "TINYBLOB", "TINYINT", "TINYTEXT", "TRIGGER", "TRIM",
            "UNDO", "UNLOCK", "UNSIGNED", "USAGE", "USE", "UTC_DATE", "UTC_TIME", "UTC_TIMESTAMP",
            "VARBINARY", "VARCHAR", "VARCHARACTER", "VARYING", "WHILE", "WRITE", "XOR",
            "YEAR_MONTH", "ZEROFILL"),
            // MySQL 8.0 and 8.4, "Keywords and Reserved Words": the words marked (R) that MariaDB does not
            // reserve. No MySQL server runs in the tests; MariaDB stands for the dialect.
            Set.of(
            "ARRAY", "CUBE", "CUME_DIST", "DENSE_RANK", "EMPTY", "EXCEPT", "FIRST_VALUE",
            "GROUPING", "GROUPS", "INTERSECT", "JSON_TABLE", "LAG", "LAST_VALUE", "LATERAL",
            "LEAD", "MANUAL", "NTH_VALUE", "NTILE", "OF", "OVER", "PARALLEL", "PERCENT_RANK",
            "QUALIFY", "RANK", "RECURSIVE", "ROW", "ROW_NUMBER", "SYSTEM", "TABLESAMPLE", "WINDOW"));

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

    @SafeVarargs
    private static Set<String> union(Set<String>... lists) {
        Set<String> union = new HashSet<>();
        for (Set<String> list : lists) {
            union.addAll(list);
        }
        return Set.copyOf(union);
    }

    private static String tooLong(int length) {
        return "is " + length + " characters long, more than the " + MAX_LENGTH + " every database accepts";
    }
}
