package org.optilock.processor.query.jdql;

import java.util.Locale;

/**
 * One token of a JDQL query: its kind, its text as written, and where it starts.
 *
 * @param kind what the token is
 * @param text the text as written: a string literal without its quotes and with {@code ''} made one quote
 * @param position where it starts in the query, from 0
 */
record Token(Kind kind, String text, int position) {

    enum Kind { WORD, STRING, NUMBER, NAMED_PARAMETER, POSITIONAL_PARAMETER, SYMBOL, END }

    /** Whether this is the keyword {@code keyword}, in any case. */
    boolean is(String keyword) {
        return kind == Kind.WORD && text.equalsIgnoreCase(keyword);
    }

    /** Whether this is the symbol {@code symbol}. */
    boolean isSymbol(String symbol) {
        return kind == Kind.SYMBOL && text.equals(symbol);
    }

    String upper() {
        return text.toUpperCase(Locale.ROOT);
    }

    String describe() {
        return kind == Kind.END ? "the end of the query" : "'" + text + "'";
    }
}
