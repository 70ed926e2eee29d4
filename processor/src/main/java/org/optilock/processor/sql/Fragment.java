package org.optilock.processor.sql;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collector;

/**
 * A piece of SQL with the parameters of its placeholders, so text and parameters are always joined
 * together and can never drift apart.
 */
record Fragment(String sql, List<Parameter> parameters) {

    Fragment {
        parameters = List.copyOf(parameters);
    }

    /** Text with no placeholder. */
    static Fragment text(String sql) {
        return new Fragment(sql, List.of());
    }

    /** Text whose placeholders bind {@code parameters}, in order. */
    static Fragment of(String sql, Parameter... parameters) {
        return new Fragment(sql, List.of(parameters));
    }

    /** This fragment followed by {@code next}. */
    Fragment then(Fragment next) {
        List<Parameter> joined = new ArrayList<>(parameters);
        joined.addAll(next.parameters);
        return new Fragment(sql + next.sql, joined);
    }

    /** This fragment followed by plain text. */
    Fragment then(String next) {
        return then(text(next));
    }

    /** Joins fragments with {@code delimiter} between them. */
    static Collector<Fragment, ?, Fragment> joining(String delimiter) {
        return Collector.of(
                () -> new ArrayList<Fragment>(),
                List::add,
                (a, b) -> {
                    a.addAll(b);
                    return a;
                },
                fragments -> {
                    Fragment joined = text("");
                    for (int i = 0; i < fragments.size(); i++) {
                        joined = joined.then(i == 0 ? fragments.get(i) : text(delimiter).then(fragments.get(i)));
                    }
                    return joined;
                });
    }

    /** The whole statement. */
    SqlStatement statement() {
        return new SqlStatement(sql, parameters);
    }
}
