package org.optilock.runtime.internal;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.IntFunction;

/**
 * The text of a statement of many rows, kept by its count of rows, for the first {@value #KEPT}
 * counts asked for: a batch asks for two (its full chunks and the rest), a caller could ask for many.
 * On a database in the caller's process, building a statement of some thousand characters anew, and
 * the database hashing the new string to find the statement it had parsed, cost a batch of 10 rows
 * more than its rows did (H2: a sixth of the time of a 10-row {@code MERGE}).
 */
final class TextsByRowCount {

    private static final int KEPT = 16;

    private final Map<Integer, String> texts = new ConcurrentHashMap<>();

    /**
     * The text of the statement of {@code rows} rows, as {@code build} makes it the first time: the
     * same string each time after, while it is kept.
     */
    String of(int rows, IntFunction<String> build) {
        String text = texts.get(rows);
        if (text == null) {
            text = build.apply(rows);
            if (texts.size() < KEPT) {
                texts.put(rows, text);
            }
        }
        return text;
    }
}
