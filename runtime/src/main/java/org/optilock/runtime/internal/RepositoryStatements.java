package org.optilock.runtime.internal;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * What a generated repository's queries share, as data: the SELECT of every column of its entity
 * (in the order its DAO reads them), the attribute each column holds, and the key's attributes, which
 * end every order so that pages never skip or repeat a row. Built once, in the repository's static
 * initializer; {@link #find} makes each query method's statement from it.
 */
public final class RepositoryStatements {

    final String select;
    final String table;
    final List<String> attributes;
    final List<String> columns;
    final List<String> key;
    /** The constants of each attribute that holds an enum by name, in declared order. */
    private final Map<String, List<String>> enums = new HashMap<>();

    private RepositoryStatements(String table, List<String> attributes, List<String> columns, List<String> key) {
        this.table = Objects.requireNonNull(table, "table");
        this.attributes = List.copyOf(attributes);
        this.columns = List.copyOf(columns);
        this.key = List.copyOf(key);
        if (this.attributes.size() != this.columns.size() || !this.attributes.containsAll(this.key)) {
            throw new IllegalArgumentException("Every attribute needs its column, and the key its attributes");
        }
        this.select = "SELECT " + String.join(", ", columns) + " FROM " + table;
    }

    /**
     * The statements of a repository over {@code table}, whose {@code attributes} are stored in
     * {@code columns} (the same order, the order of the DAO's SELECTs), and whose key is {@code key}.
     */
    public static RepositoryStatements of(String table, List<String> attributes, List<String> columns, List<String> key) {
        return new RepositoryStatements(table, attributes, columns, key);
    }

    /**
     * The query of method {@code method}: every row for which {@code condition} holds (a condition on
     * columns, each value a {@code ?}; empty for every row), ordered first by {@code orderBy}.
     */
    public FindStatement find(String method, String condition, SortKey... orderBy) {
        return find(method, SqlText.of(condition), orderBy);
    }

    /** {@link #find(String, String, SortKey...)} of a condition some database spells its own way. */
    public FindStatement find(String method, SqlText condition, SortKey... orderBy) {
        return new FindStatement(this, method, SqlText.of(select), condition, List.of(orderBy));
    }

    /**
     * The query of method {@code method} that selects {@code expression}, one value of each row for
     * which {@code condition} holds, ordered first by {@code orderBy}.
     */
    public FindStatement select(String method, SqlText expression, SqlText condition, SortKey... orderBy) {
        return new FindStatement(this, method, expression.map(text -> "SELECT " + text + " FROM " + table), condition,
                List.of(orderBy));
    }

    /**
     * These statements, knowing that {@code attribute} holds constants of {@code type} by name, so that
     * its rows sort in the enum's declared order, as Java orders enums, not alphabetically.
     */
    public RepositoryStatements enumerated(String attribute, Class<? extends Enum<?>> type) {
        List<String> names = new ArrayList<>();
        for (Enum<?> constant : type.getEnumConstants()) {
            names.add(constant.name());
        }
        enums.put(attribute, List.copyOf(names));
        return this;
    }

    /** The constants {@code attribute} holds by name, in order; none for any other attribute. */
    List<String> constants(String attribute) {
        return enums.getOrDefault(attribute, List.of());
    }

    /** The position of {@code attribute}'s column in the SELECT, from 1; 0 when there is no such attribute. */
    int position(String attribute) {
        return attributes.indexOf(attribute) + 1;
    }
}
