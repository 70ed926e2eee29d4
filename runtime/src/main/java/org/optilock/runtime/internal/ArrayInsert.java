package org.optilock.runtime.internal;

import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The INSERT of one row made the INSERT of many rows from arrays, on PostgreSQL: {@code INSERT INTO t
 * (a, b) SELECT * FROM unnest(?, ?)}, each parameter the array of one column's values. The processor
 * writes every INSERT as {@code INSERT INTO table (columns) VALUES (?, ...)}, a parameter a column in
 * the columns' order, which is what lets the runtime derive this one instead of every DAO carrying
 * it.
 *
 * @param table the table, as the INSERT names it
 * @param columns the columns, as the INSERT names them, in parameter order
 */
record ArrayInsert(String table, List<String> columns) {

    private static final String HEAD = "INSERT INTO ";
    private static final String VALUES = ") VALUES (";

    /** Derived once per statement, not for every batch: the derivation splits the columns with a regular expression. */
    private static final Map<String, ArrayInsert> DERIVED = new ConcurrentHashMap<>();

    /** The table and columns of {@code insert}, one row's INSERT as the processor writes it. */
    static ArrayInsert of(String insert) {
        return DERIVED.computeIfAbsent(insert, ArrayInsert::parse);
    }

    private static ArrayInsert parse(String insert) {
        int values = insert.lastIndexOf(VALUES);
        int open = insert.lastIndexOf(" (", values);
        if (!insert.startsWith(HEAD) || values < 0 || open < HEAD.length()) {
            throw new IllegalArgumentException("not an INSERT of one row's values: " + insert);
        }
        return new ArrayInsert(insert.substring(HEAD.length(), open),
                List.of(insert.substring(open + 2, values).split(", ")));
    }

    /**
     * The INSERT of every row of the arrays; {@code keysGiven}: with {@code OVERRIDING SYSTEM VALUE},
     * so that keys taken from the key's sequence beforehand go in even where the key column is
     * {@code GENERATED ALWAYS}.
     */
    String sql(boolean keysGiven) {
        return HEAD + table + " (" + String.join(", ", columns) + ")" + (keysGiven ? " OVERRIDING SYSTEM VALUE" : "")
                + " SELECT * FROM unnest(" + String.join(", ", Collections.nCopies(columns.size(), "?")) + ")";
    }

    /** A query of no rows whose columns have the types of the arrays. */
    String typesQuery() {
        return "SELECT " + String.join(", ", columns) + " FROM " + table + " WHERE 1 = 0";
    }
}
