package org.optilock.runtime.internal;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * A query of one row by key, made the query of many rows by key: {@code k IN (?, …)}, or for a key of
 * several columns {@code (a, b) IN ((?, ?), …)}, each key's columns in the order the one-row query
 * binds them. The one-row query is taken apart once: taken apart again for every chunk of a batch, it
 * cost a third of the Java side of reading a batch's versions back on SQLite.
 */
final class KeyedQuery {

    /** Everything up to the first key's placeholder: {@code SELECT … WHERE k IN (}. */
    private final String head;
    /** One key's placeholders: {@code ?}, or {@code (?, ?)} for a key of two columns. */
    private final String key;

    /**
     * The query of many rows by key made from {@code select}, a query of one row by key: selecting the
     * key's columns and then {@code selected}, or where that is {@code null} what {@code select} selects.
     *
     * @throws IllegalStateException when a condition of {@code select}'s WHERE is not {@code column = ?}
     */
    KeyedQuery(String select, String selected) {
        int where = select.lastIndexOf(" WHERE ");
        List<String> keys = new ArrayList<>();
        for (String condition : select.substring(where + " WHERE ".length()).split(" AND ")) {
            if (!condition.endsWith(" = ?")) {
                throw new IllegalStateException("Not a condition on a key column: " + condition + " in " + select);
            }
            keys.add(condition.substring(0, condition.length() - " = ?".length()));
        }
        String selecting = selected == null ? select.substring(0, where)
                : "SELECT " + String.join(", ", keys) + ", " + selected + select.substring(select.indexOf(" FROM "), where);
        String columns = keys.size() == 1 ? keys.get(0) : "(" + String.join(", ", keys) + ")";
        this.head = selecting + " WHERE " + columns + " IN (";
        this.key = keys.size() == 1 ? "?" : "(" + String.join(", ", Collections.nCopies(keys.size(), "?")) + ")";
    }

    /** The query of {@code count} rows, at least one. */
    String of(int count) {
        StringBuilder sql = new StringBuilder(head.length() + count * (key.length() + 2)).append(head).append(key);
        for (int k = 1; k < count; k++) {
            sql.append(", ").append(key);
        }
        return sql.append(')').toString();
    }
}
