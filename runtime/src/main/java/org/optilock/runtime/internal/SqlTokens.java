package org.optilock.runtime.internal;

import java.util.ArrayList;
import java.util.List;

/**
 * Finds a token of a SQL text where it means SQL: outside string literals and quoted names, where a
 * {@code ?}, a {@code WHERE} or a {@code SET} is only text.
 */
final class SqlTokens {

    private SqlTokens() {}

    /**
     * Where {@code token} first occurs in {@code sql} from {@code from} on, outside quotes ({@code '},
     * {@code "} and MySQL's {@code `}); -1 when it does not, or when {@code from} is -1. {@code from}
     * must itself stand outside quotes.
     */
    static int outsideQuotes(String sql, String token, int from) {
        if (from < 0) {
            return -1;
        }
        char quote = 0;
        for (int i = from; i < sql.length(); i++) {
            char c = sql.charAt(i);
            if (quote != 0) {
                quote = c == quote ? 0 : quote;
            } else if (c == '"' || c == '`' || c == '\'') {
                quote = c;
            } else if (sql.startsWith(token, i)) {
                return i;
            }
        }
        return -1;
    }

    /** {@code sql} cut at each {@code separator} outside quotes and parentheses. */
    static List<String> parts(String sql, String separator) {
        List<String> parts = new ArrayList<>();
        int depth = 0;
        char quote = 0;
        int from = 0;
        for (int i = 0; i < sql.length(); i++) {
            char c = sql.charAt(i);
            if (quote != 0) {
                quote = c == quote ? 0 : quote;
            } else if (c == '"' || c == '`' || c == '\'') {
                quote = c;
            } else if (c == '(' || c == ')') {
                depth += c == '(' ? 1 : -1;
            } else if (depth == 0 && sql.startsWith(separator, i)) {
                parts.add(sql.substring(from, i));
                from = i + separator.length();
                i = from - 1;
            }
        }
        parts.add(sql.substring(from));
        return parts;
    }
}
