package org.optilock.processor.model;

import java.util.EnumMap;
import java.util.Map;
import java.util.function.Function;

/**
 * SQL a repository states once: one text, and a variant for each database that spells it otherwise
 * (a JDQL function such as {@code LENGTH}, which is {@code CHAR_LENGTH} on MySQL). The generated code
 * holds it as the runtime's {@code SqlText}.
 *
 * @param standard the text on H2, and on every database without a variant
 * @param variants the text on the databases that differ from {@code standard}
 */
public record SqlText(String standard, Map<SqlDialect, String> variants) {

    public SqlText {
        variants = Map.copyOf(variants);
    }

    /** {@code text} on every database. */
    public static SqlText of(String text) {
        return new SqlText(text, Map.of());
    }

    /** The text {@code spelling} gives on each database: H2's the standard, the others variants where they differ. */
    public static SqlText spelt(Function<SqlDialect, String> spelling) {
        String standard = spelling.apply(SqlDialect.H2);
        Map<SqlDialect, String> variants = new EnumMap<>(SqlDialect.class);
        for (SqlDialect dialect : SqlDialect.values()) {
            String text = spelling.apply(dialect);
            if (!text.equals(standard)) {
                variants.put(dialect, text);
            }
        }
        return new SqlText(standard, variants);
    }

    /** The text on {@code dialect}. */
    public String in(SqlDialect dialect) {
        return variants.getOrDefault(dialect, standard);
    }

    public boolean isEmpty() {
        return standard.isEmpty();
    }
}
