package org.optilock.it.support;

import java.sql.PreparedStatement;
import java.util.Arrays;
import javax.sql.DataSource;

/**
 * Wraps a real {@link DataSource} so that every {@code executeBatch} answers one fixed code per row,
 * such as {@code Statement.SUCCESS_NO_INFO}, as some drivers do: after running the batch for real,
 * or after dropping it, for a driver whose answer would be a lie if taken as success. Test code only.
 */
public final class BatchAnswerDataSource {

    private BatchAnswerDataSource() {}

    /** {@code target}, with every batch run, then answered by {@code answer} for each row. */
    public static DataSource answering(DataSource target, int answer) {
        return wrap(target, answer, true);
    }

    /** {@code target}, with every batch dropped unrun, and answered by {@code answer} for each row. */
    public static DataSource droppingBatches(DataSource target, int answer) {
        return wrap(target, answer, false);
    }

    private static DataSource wrap(DataSource target, int answer, boolean execute) {
        return JdbcProxy.wrappingStatements(target, (sql, statement) -> statement(statement, answer, execute));
    }

    private static PreparedStatement statement(PreparedStatement statement, int answer, boolean execute) {
        int[] added = {0};
        return JdbcProxy.of(PreparedStatement.class, (method, args) -> {
            switch (method.getName()) {
                case "addBatch" -> added[0]++;
                case "executeBatch" -> {
                    int rows = added[0];
                    added[0] = 0;
                    if (execute) {
                        statement.executeBatch();
                    } else {
                        statement.clearBatch();
                    }
                    int[] answers = new int[rows];
                    Arrays.fill(answers, answer);
                    return answers;
                }
                default -> { }
            }
            return JdbcProxy.invoke(statement, method, args);
        });
    }
}
