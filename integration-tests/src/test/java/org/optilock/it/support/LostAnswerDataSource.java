package org.optilock.it.support;

import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.Arrays;
import javax.sql.DataSource;

/**
 * A data source whose statements of a chosen kind reach the database and run, and whose answer is then
 * lost on the way back, as when the network fails just after the server did the work: the driver
 * throws a connection error instead of the result. The connection itself stays usable, so what the
 * DAO does next (roll back) is what decides what is left. Test code only.
 */
public final class LostAnswerDataSource {

    private LostAnswerDataSource() {}

    /** {@code target}, losing the answer of every execution of SQL that starts with one of {@code prefixes}. */
    public static DataSource losingAnswersTo(DataSource target, String... prefixes) {
        return JdbcProxy.wrappingStatements(target, (sql, statement) -> Arrays.stream(prefixes).anyMatch(sql::startsWith)
                ? JdbcProxy.of(PreparedStatement.class, (method, args) -> {
                    Object result = JdbcProxy.invoke(statement, method, args);
                    if (method.getName().startsWith("execute")) {
                        throw new SQLException("the answer to " + method.getName() + " was lost (a test's injected failure)",
                                "08006");
                    }
                    return result;
                })
                : statement);
    }
}
