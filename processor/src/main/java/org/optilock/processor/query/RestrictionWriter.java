package org.optilock.processor.query;

import java.util.ArrayList;
import java.util.List;
import org.optilock.processor.model.RepositoryMethod.Binding;
import org.optilock.processor.model.RepositoryMethod.Restriction;
import org.optilock.processor.model.SqlText;

/**
 * Writes the condition of a query from its conditions in order, each joined to the one before by
 * {@code AND} or {@code OR} (which SQL, like the addendum, binds looser), with the values they bind.
 */
public final class RestrictionWriter {

    /** The conditions joined by {@code OR}, each the conditions joined by {@code AND}. */
    private final List<List<String>> alternatives = new ArrayList<>();
    private final List<Binding> bindings = new ArrayList<>();

    /** Adds {@code sql}, a condition that binds {@code values} in order, after the others by {@code OR} or {@code AND}. */
    public RestrictionWriter add(boolean or, String sql, List<Binding> values) {
        if (or || alternatives.isEmpty()) {
            alternatives.add(new ArrayList<>());
        }
        alternatives.get(alternatives.size() - 1).add(sql);
        bindings.addAll(values);
        return this;
    }

    /** The condition, each alternative of several conditions in parentheses where there are alternatives, so it reads as it binds. */
    public Restriction write() {
        List<String> written = alternatives.stream()
                .map(all -> alternatives.size() > 1 && all.size() > 1 ? "(" + String.join(" AND ", all) + ")"
                        : String.join(" AND ", all))
                .toList();
        return new Restriction(SqlText.of(String.join(" OR ", written)), bindings);
    }
}
