package org.optilock.runtime.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.StringJoiner;

/**
 * The order of a query's rows, each key checked against the entity and given its column: the keys the
 * method declares, then those of the call, then the entity's key where they do not already end in it,
 * so that the order is total and pages of it never skip or repeat a row. Writes the ORDER BY, and the
 * condition that starts a page after (or before) the row a cursor holds: keyset pagination, which
 * costs the same on the ten-thousandth page as on the first.
 */
final class RowOrder {

    /**
     * One key: its column, where the SELECT puts it, and its direction; for an enum stored by name, its
     * constants in declared order, which is how Java, and so Jakarta Data, orders enums.
     */
    record Key(String column, int position, boolean descending, boolean ignoreCase, List<String> constants) {

        Key {
            constants = List.copyOf(constants);
        }

        private String expression() {
            if (!constants.isEmpty()) {
                StringJoiner ordinal = new StringJoiner(" ", "CASE " + column + " ", " END");
                for (int i = 0; i < constants.size(); i++) {
                    ordinal.add("WHEN '" + constants.get(i) + "' THEN " + i);
                }
                return ordinal.toString();
            }
            return ignoreCase ? "LOWER(" + column + ")" : column;
        }

        /** A cursor's value of this key, as the key's expression compares it: an enum's position in its type. */
        Object comparable(Object value) {
            if (constants.isEmpty() || value == null) {
                return value;
            }
            String name = value instanceof Enum<?> constant ? constant.name() : value.toString();
            int ordinal = constants.indexOf(name);
            if (ordinal < 0) {
                throw new IllegalArgumentException("The cursor holds " + value + " for " + column + ", which is none of "
                        + constants);
            }
            return ordinal;
        }

        private String parameter() {
            return ignoreCase ? "LOWER(?)" : "?";
        }
    }

    private final List<Key> keys;

    private RowOrder(List<Key> keys) {
        this.keys = List.copyOf(keys);
    }

    /** The order of {@code sorts} over the entity of {@code statements}, ended by its key. */
    static RowOrder of(RepositoryStatements statements, List<SortKey> sorts) {
        List<Key> keys = new ArrayList<>();
        List<String> named = new ArrayList<>();
        for (SortKey sort : sorts) {
            int position = statements.position(sort.attribute());
            if (position == 0) {
                throw new IllegalArgumentException("Cannot sort by '" + sort.attribute() + "': the entity has no such"
                        + " attribute. Sort by one of " + String.join(", ", statements.attributes) + ".");
            }
            if (!named.contains(sort.attribute())) {
                named.add(sort.attribute());
                keys.add(new Key(statements.columns.get(position - 1), position, sort.descending(), sort.ignoreCase(),
                        statements.constants(sort.attribute())));
            }
        }
        for (String attribute : statements.key) {
            if (!named.contains(attribute)) {
                int position = statements.position(attribute);
                keys.add(new Key(statements.columns.get(position - 1), position, false, false,
                        statements.constants(attribute)));
            }
        }
        return new RowOrder(keys);
    }

    List<Key> keys() {
        return keys;
    }

    /** {@code ORDER BY ...}, or reversed for reading a page backwards from a cursor. */
    String orderBy(boolean reversed) {
        StringJoiner clause = new StringJoiner(", ", " ORDER BY ", "");
        for (Key key : keys) {
            clause.add(key.descending() != reversed ? key.expression() + " DESC" : key.expression());
        }
        return clause.toString();
    }

    /**
     * The rows after the cursor in this order ({@code before}: the rows before it), as a condition whose
     * parameters {@link #cursorParameters} lists. Keys that all go one way and compare as stored are one
     * row comparison, {@code (a, b) > (?, ?)}, which an index on them serves from where the page starts;
     * others are spelt out, {@code (a > ?) OR (a = ? AND b < ?)}. Where the database needs it to seek the
     * index ({@code leadingRange}), or for the spelt-out form, a range on the first key comes first,
     * {@code a >= ? AND ...}. A deep page then reads no more rows than the first.
     */
    String after(boolean before, boolean leadingRange) {
        Key first = keys.get(0);
        String range = first.expression() + (first.descending() != before ? " <= " : " >= ") + first.parameter() + " AND ";
        if (isRowComparable()) {
            StringJoiner columns = new StringJoiner(", ", "(", ")");
            StringJoiner values = new StringJoiner(", ", "(", ")");
            for (Key key : keys) {
                columns.add(key.expression());
                values.add("?");
            }
            return (leadingRange ? range : "") + columns + (first.descending() != before ? " < " : " > ") + values;
        }
        StringJoiner any = new StringJoiner(" OR ", "(", ")");
        for (int i = 0; i < keys.size(); i++) {
            StringJoiner all = new StringJoiner(" AND ", "(", ")");
            for (int j = 0; j < i; j++) {
                all.add(keys.get(j).expression() + " = " + keys.get(j).parameter());
            }
            Key key = keys.get(i);
            all.add(key.expression() + (key.descending() != before ? " < " : " > ") + key.parameter());
            any.add(all.toString());
        }
        return range + any;
    }

    /** Whether every key goes the same way and compares as stored, so that one row comparison orders them. */
    private boolean isRowComparable() {
        return keys.stream().noneMatch(Key::ignoreCase)
                && keys.stream().allMatch(key -> key.descending() == keys.get(0).descending());
    }

    /** For each parameter of {@link #after}, which value of the cursor it binds (from 0). */
    int[] cursorParameters(boolean leadingRange) {
        boolean range = leadingRange || !isRowComparable();
        int[] indexes = new int[(range ? 1 : 0) + (isRowComparable() ? keys.size() : keys.size() * (keys.size() + 1) / 2)];
        int next = range ? 1 : 0; // a leading range binds the first key's value, index 0
        for (int i = 0; i < keys.size(); i++) {
            if (isRowComparable()) {
                indexes[next++] = i;
            } else {
                for (int j = 0; j <= i; j++) {
                    indexes[next++] = j;
                }
            }
        }
        return indexes;
    }
}
