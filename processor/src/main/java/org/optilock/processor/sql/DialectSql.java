package org.optilock.processor.sql;

import org.optilock.processor.model.SqlDialect;

/** What the statements of a DAO spell differently on each database. */
final class DialectSql {

    private DialectSql() {}

    /** {@code column} differs from the bound parameter, NULL counting as a value. */
    static String differsFromParameter(SqlDialect dialect, String column) {
        return switch (dialect) {
            case H2, POSTGRESQL -> column + " IS DISTINCT FROM ?";
            case SQLITE -> column + " IS NOT ?";
            case MYSQL -> "NOT (" + column + " <=> ?)";
        };
    }

    /**
     * {@code update} made to report the new value of {@code column}: as a query through
     * {@code RETURNING} or H2's {@code FINAL TABLE}; on MySQL the statement stays an update, and the
     * runtime reads the value it assigned to {@link #MYSQL_VARIABLE}.
     */
    static String readingBack(SqlDialect dialect, String update, String column) {
        return switch (dialect) {
            case H2 -> "SELECT " + column + " FROM FINAL TABLE (" + update + ")";
            case POSTGRESQL, SQLITE -> update + " RETURNING " + column;
            case MYSQL -> update;
        };
    }

    /** The assignment of the new version, on MySQL kept in a session variable for the read back. */
    static String assignVersion(SqlDialect dialect, String column, String expression) {
        return dialect == SqlDialect.MYSQL
                ? column + " = (" + MYSQL_VARIABLE + " := " + expression + ")"
                : column + " = " + expression;
    }

    /**
     * The session variable of the new version on MySQL, which the runtime's {@code MysqlSupport} reads;
     * {@code SqlDialectTest} checks that the two names agree.
     */
    static final String MYSQL_VARIABLE = "@optilock_version";
}
