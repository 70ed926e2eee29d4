package org.optilock.runtime.internal;

import java.util.ArrayList;
import java.util.List;
import org.optilock.runtime.Merge;

/**
 * The field-by-field choices of one three-way merge, for the generated {@code merge} methods. Values
 * are compared as the database compares them ({@link StoredValues#sameValue}): {@code BigDecimal} 10.0
 * equals 10.00, arrays by content, {@code OffsetDateTime} by instant.
 */
public final class FieldMerge {

    private final List<String> conflicting = new ArrayList<>();

    /**
     * The merged value of field {@code name}: {@code mine} when only mine changed it from
     * {@code base}, else {@code theirs}; noted as conflicting when both changed it to different values.
     */
    public <V> V field(String name, V base, V mine, V theirs) {
        boolean mineChanged = !StoredValues.sameValue(base, mine);
        boolean theirsChanged = !StoredValues.sameValue(base, theirs);
        if (mineChanged && theirsChanged && !StoredValues.sameValue(mine, theirs)) {
            conflicting.add(name);
        }
        return mineChanged && !theirsChanged ? mine : theirs;
    }

    /** The merge of {@code merged}, with the fields noted as conflicting. */
    public <T> Merge<T> result(T merged) {
        return new Merge<>(merged, conflicting);
    }
}
