package org.optilock.processor.validation;

import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.optilock.processor.model.PropertyModel;

/**
 * The columns of one table, each named once. SQLite and MySQL/MariaDB ignore the case of column
 * names, quoted or not, so two names that differ only in case or quotes are one column there.
 */
final class DistinctColumns {

    private final Map<String, PropertyModel> byColumn = new HashMap<>();

    /** Adds {@code property}'s column; the property that named that column already, if one did. */
    Optional<PropertyModel> clash(PropertyModel property) {
        String key = property.column().replace("\"", "").toUpperCase(Locale.ROOT);
        return Optional.ofNullable(byColumn.putIfAbsent(key, property));
    }
}
