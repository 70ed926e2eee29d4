package org.optilock.runtime.internal;

import java.util.Collections;
import java.util.EnumMap;
import java.util.Map;
import java.util.Objects;
import java.util.function.UnaryOperator;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.optilock.runtime.Dialect;

/**
 * A piece of SQL a generated repository states once, the same on every database but where a variant
 * says otherwise: a JDQL function that one database spells its own way ({@code LENGTH} is
 * {@code CHAR_LENGTH} on MySQL, {@code LEFT} is {@code SUBSTR} on SQLite). Immutable; the processor
 * writes every variant, so nothing is translated at run time.
 */
public final class SqlText {

    /** A list of parameters: its element between braces. */
    private static final Pattern LIST = Pattern.compile("\\{([^{}]*)\\}");
    /** An {@code IN} or {@code NOT IN} of a list, from the expression it tests, which holds no space. */
    private static final Pattern IN_LIST = Pattern.compile("\\S+ (NOT )?IN \\(\\{[^{}]*\\}\\)");

    private final String standard;
    private final Map<Dialect, String> variants;

    private SqlText(String standard, Map<Dialect, String> variants) {
        this.standard = Objects.requireNonNull(standard, "standard");
        this.variants = variants;
    }

    /** {@code standard} on every database. */
    public static SqlText of(String standard) {
        return new SqlText(standard, Map.of());
    }

    /** This text, but {@code variant} on {@code dialect}. */
    public SqlText on(Dialect dialect, String variant) {
        Map<Dialect, String> all = new EnumMap<>(Dialect.class);
        all.putAll(variants);
        all.put(Objects.requireNonNull(dialect, "dialect"), Objects.requireNonNull(variant, "variant"));
        return new SqlText(standard, Map.copyOf(all));
    }

    /** The text on {@code dialect}. */
    String in(Dialect dialect) {
        return variants.getOrDefault(dialect, standard);
    }

    /** This text, and each variant, changed by {@code change}. */
    SqlText map(UnaryOperator<String> change) {
        Map<Dialect, String> changed = new EnumMap<>(Dialect.class);
        variants.forEach((dialect, variant) -> changed.put(dialect, change.apply(variant)));
        return new SqlText(change.apply(standard), Map.copyOf(changed));
    }

    /**
     * This text with its lists expanded: the {@code n}th list, {@code {?}} (or {@code {UPPER(?)}}, its
     * element between braces), made {@code sizes[n]} elements. An {@code IN} of an empty list is false,
     * a {@code NOT IN} of one true, as the list's collection would say.
     *
     * @throws IllegalArgumentException when the text holds another number of lists
     */
    public SqlText expanded(int... sizes) {
        if (sizes.length != lists()) {
            throw new IllegalArgumentException("The text holds " + lists() + " lists, not " + sizes.length + ": " + standard);
        }
        return map(text -> expand(text, sizes));
    }

    private static String expand(String text, int... sizes) {
        StringBuilder expanded = new StringBuilder();
        Matcher in = IN_LIST.matcher(text);
        int list = 0;
        int end = 0;
        while (in.find()) {
            expanded.append(text, end, in.start());
            Matcher element = LIST.matcher(in.group());
            element.find();
            int size = sizes[list++];
            expanded.append(size == 0 ? (in.group(1) == null ? "1 = 0" : "1 = 1")
                    : in.group().substring(0, element.start())
                            + String.join(", ", Collections.nCopies(size, element.group(1)))
                            + in.group().substring(element.end()));
            end = in.end();
        }
        return expanded.append(text, end, text.length()).toString();
    }

    /** How many lists the text holds. */
    int lists() {
        return (int) IN_LIST.matcher(standard).results().count();
    }

    boolean isEmpty() {
        return standard.isEmpty();
    }

    /** How many parameters the text binds: its {@code ?}, but those inside a literal or a quoted name. */
    int parameters() {
        int count = 0;
        for (int at = SqlTokens.outsideQuotes(standard, "?", 0); at >= 0; at = SqlTokens.outsideQuotes(standard, "?", at + 1)) {
            count++;
        }
        return count;
    }

    @Override
    public String toString() {
        return standard;
    }
}
