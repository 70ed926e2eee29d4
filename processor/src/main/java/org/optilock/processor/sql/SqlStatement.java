package org.optilock.processor.sql;

import java.util.List;

/**
 * One statement as data: its SQL text and the parameters of its placeholders, in order.
 *
 * @param sql the text, every value a {@code ?}
 * @param parameters what each {@code ?} binds, in the order they appear
 */
public record SqlStatement(String sql, List<Parameter> parameters) {

    public SqlStatement {
        parameters = List.copyOf(parameters);
        long placeholders = sql.chars().filter(c -> c == '?').count();
        if (placeholders != parameters.size()) {
            throw new IllegalArgumentException(
                    placeholders + " placeholders but " + parameters.size() + " parameters in: " + sql);
        }
    }
}
