package org.optilock.processor.query.jdql;

import java.util.ArrayList;
import java.util.List;

/** Splits a JDQL query into {@link Token}s. */
final class JdqlLexer {

    private static final String TWO_CHARACTER_SYMBOLS = "<> <= >= != ||";
    private static final String SYMBOLS = "=<>+-*/(),.";

    private JdqlLexer() {}

    static List<Token> tokens(String query) throws JdqlSyntaxException {
        List<Token> tokens = new ArrayList<>();
        int i = 0;
        while (i < query.length()) {
            char c = query.charAt(i);
            if (Character.isWhitespace(c)) {
                i++;
            } else if (c == '\'') {
                StringBuilder text = new StringBuilder();
                int start = i++;
                while (true) {
                    if (i >= query.length()) {
                        throw new JdqlSyntaxException("a string literal is not closed", start);
                    }
                    if (query.charAt(i) == '\'') {
                        if (i + 1 < query.length() && query.charAt(i + 1) == '\'') {
                            text.append('\'');
                            i += 2;
                            continue;
                        }
                        i++;
                        break;
                    }
                    text.append(query.charAt(i++));
                }
                tokens.add(new Token(Token.Kind.STRING, text.toString(), start));
            } else if (Character.isDigit(c)) {
                int start = i;
                while (i < query.length() && (Character.isLetterOrDigit(query.charAt(i)) || query.charAt(i) == '.')) {
                    i++;
                }
                tokens.add(new Token(Token.Kind.NUMBER, query.substring(start, i), start));
            } else if (Character.isJavaIdentifierStart(c)) {
                int start = i;
                while (i < query.length() && Character.isJavaIdentifierPart(query.charAt(i))) {
                    i++;
                }
                tokens.add(new Token(Token.Kind.WORD, query.substring(start, i), start));
            } else if (c == ':' && i + 1 < query.length() && Character.isJavaIdentifierStart(query.charAt(i + 1))) {
                int start = i++;
                while (i < query.length() && Character.isJavaIdentifierPart(query.charAt(i))) {
                    i++;
                }
                tokens.add(new Token(Token.Kind.NAMED_PARAMETER, query.substring(start + 1, i), start));
            } else if (c == '?') {
                int start = i++;
                while (i < query.length() && Character.isDigit(query.charAt(i))) {
                    i++;
                }
                if (i == start + 1) {
                    throw new JdqlSyntaxException("a positional parameter is ?1, ?2...: a ? needs its number", start);
                }
                tokens.add(new Token(Token.Kind.POSITIONAL_PARAMETER, query.substring(start + 1, i), start));
            } else if (i + 1 < query.length() && TWO_CHARACTER_SYMBOLS.contains(query.substring(i, i + 2))
                    && !query.substring(i, i + 2).contains(" ")) {
                tokens.add(new Token(Token.Kind.SYMBOL, query.substring(i, i + 2), i));
                i += 2;
            } else if (SYMBOLS.indexOf(c) >= 0) {
                tokens.add(new Token(Token.Kind.SYMBOL, String.valueOf(c), i));
                i++;
            } else {
                throw new JdqlSyntaxException("'" + c + "' is no part of JDQL", i);
            }
        }
        tokens.add(new Token(Token.Kind.END, "", query.length()));
        return tokens;
    }
}
