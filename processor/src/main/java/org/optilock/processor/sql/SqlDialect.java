package org.optilock.processor.sql;

/**
 * The databases the processor writes SQL for; the constants match the runtime's
 * {@code org.optilock.runtime.Dialect}, which picks among them at run time.
 */
public enum SqlDialect {
    H2,
    POSTGRESQL,
    SQLITE,
    MYSQL;

    /** {@code column} differs from the bound parameter, NULL counting as a value. */
    String differsFromParameter(String column) {
        return switch (this) {
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
    String readingBack(String update, String column) {
        return switch (this) {
            case H2 -> "SELECT " + column + " FROM FINAL TABLE (" + update + ")";
            case POSTGRESQL, SQLITE -> update + " RETURNING " + column;
            case MYSQL -> update;
        };
    }

    /** The assignment of the new version, on MySQL kept in a session variable for the read back. */
    String assignVersion(String column, String expression) {
        return this == MYSQL
                ? column + " = (" + MYSQL_VARIABLE + " := " + expression + ")"
                : column + " = " + expression;
    }

    /**
     * The session variable of the new version on MySQL, which the runtime's {@code MysqlSupport} reads;
     * {@code SqlDialectTest} checks that the two names agree.
     */
    static final String MYSQL_VARIABLE = "@optilock_version";
}
