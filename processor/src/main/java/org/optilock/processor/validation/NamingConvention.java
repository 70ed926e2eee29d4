package org.optilock.processor.validation;

import java.util.Locale;
import java.util.Optional;

/** How implicit table and column names derive from Java names (option {@code optilock.naming}). */
public enum NamingConvention {
    /** The Java name as it is: JPA's rule. */
    AS_IS("as_is"),
    /** {@code firstName} becomes {@code first_name}, {@code HTTPRequest} becomes {@code http_request}. */
    SNAKE_CASE("snake_case");

    /** The processor option that selects the convention. */
    public static final String OPTION = "optilock.naming";

    private final String optionValue;

    NamingConvention(String optionValue) {
        this.optionValue = optionValue;
    }

    /** The convention an option value names; empty for an unknown value. */
    public static Optional<NamingConvention> fromOption(String value) {
        for (NamingConvention convention : values()) {
            if (convention.optionValue.equals(value)) {
                return Optional.of(convention);
            }
        }
        return Optional.empty();
    }

    /** The SQL name for the Java name {@code javaName}. */
    public String apply(String javaName) {
        if (this == AS_IS) {
            return javaName;
        }
        StringBuilder snake = new StringBuilder(javaName.length() + 4);
        for (int i = 0; i < javaName.length(); i++) {
            char c = javaName.charAt(i);
            if (Character.isUpperCase(c) && i > 0 && startsWord(javaName, i)) {
                snake.append('_');
            }
            snake.append(c);
        }
        return snake.toString().toLowerCase(Locale.ROOT);
    }

    /** An upper-case letter starts a word after a lower-case letter or digit, or before a lower-case one. */
    private static boolean startsWord(String name, int i) {
        char previous = name.charAt(i - 1);
        if (previous == '_') {
            return false;
        }
        boolean nextIsLower = i + 1 < name.length() && Character.isLowerCase(name.charAt(i + 1));
        return !Character.isUpperCase(previous) || nextIsLower;
    }
}
