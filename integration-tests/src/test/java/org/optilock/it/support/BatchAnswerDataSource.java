package org.optilock.it.support;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.util.Arrays;
import javax.sql.DataSource;

/**
 * Wraps a real {@link DataSource} so that every {@code executeBatch} runs for real but answers one
 * fixed code per row, such as {@code Statement.SUCCESS_NO_INFO}, as some drivers do. Test code only.
 */
public final class BatchAnswerDataSource {

    private BatchAnswerDataSource() {}

    /** {@code target}, with every batch answered by {@code answer} for each row. */
    public static DataSource answering(DataSource target, int answer) {
        return proxy(DataSource.class, target, (method, result) ->
                method.equals("getConnection") ? connection((Connection) result, answer) : result);
    }

    private static Connection connection(Connection connection, int answer) {
        return proxy(Connection.class, connection, (method, result) -> method.equals("prepareStatement")
                ? proxy(PreparedStatement.class, result, (m, r) -> {
                    if (m.equals("executeBatch")) {
                        int[] answers = new int[((int[]) r).length];
                        Arrays.fill(answers, answer);
                        return answers;
                    }
                    return r;
                })
                : result);
    }

    private interface AfterCall {
        Object apply(String method, Object result);
    }

    private static <T> T proxy(Class<T> type, Object target, AfterCall after) {
        return type.cast(Proxy.newProxyInstance(BatchAnswerDataSource.class.getClassLoader(), new Class<?>[] {type},
                (proxy, method, args) -> {
                    Object result;
                    try {
                        result = method.invoke(target, args);
                    } catch (InvocationTargetException e) {
                        throw e.getCause();
                    }
                    return after.apply(method.getName(), result);
                }));
    }
}
