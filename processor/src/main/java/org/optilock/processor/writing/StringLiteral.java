package org.optilock.processor.writing;

/**
 * A string as a Java literal, escaped once. JavaPoet escapes a {@code $S} argument again in each of
 * its two passes over a file, making a string of every character; the statements and table
 * definitions are a DAO's longest strings and most of its characters, so the DAO writes them with
 * {@code $L} as literals made here. The escapes and line breaks are JavaPoet's, so the file reads the
 * same.
 */
final class StringLiteral {

    private StringLiteral() {}

    /**
     * {@code value} in double quotes, escaped as JavaPoet's {@code $S} escapes it in a file indented by
     * {@code indent}: a line break ends the literal, and the next line goes on as a concatenation.
     */
    static String of(String value, String indent) {
        StringBuilder literal = new StringBuilder(value.length() + 16).append('"');
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            switch (c) {
                case '"' -> literal.append("\\\"");
                case '\\' -> literal.append("\\\\");
                case '\b' -> literal.append("\\b");
                case '\t' -> literal.append("\\t");
                case '\f' -> literal.append("\\f");
                case '\r' -> literal.append("\\r");
                case '\n' -> {
                    literal.append("\\n");
                    if (i + 1 < value.length()) {
                        literal.append("\"\n").append(indent).append(indent).append("+ \"");
                    }
                }
                default -> {
                    if (Character.isISOControl(c)) {
                        literal.append(String.format("\\u%04x", (int) c));
                    } else {
                        literal.append(c);
                    }
                }
            }
        }
        return literal.append('"').toString();
    }
}
