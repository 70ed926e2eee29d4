package org.optilock.runtime.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.math.BigDecimal;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.optilock.runtime.Merge;

class FieldMergeTest {

    @Test
    void takesMineOnlyWhereOnlyMineChangedAndNotesWhatBothChangedDifferently() {
        FieldMerge fields = new FieldMerge();

        assertEquals("mine", fields.field("onlyMine", "base", "mine", "base"));
        assertEquals("theirs", fields.field("onlyTheirs", "base", "base", "theirs"));
        assertEquals("same", fields.field("bothSame", "base", "same", "same"));
        assertEquals("theirs", fields.field("bothDifferent", "base", "mine", "theirs"));
        assertEquals("set", fields.field("fromNull", null, "set", null));
        assertNull(fields.field("toNull", "base", null, "base"));
        assertEquals(new BigDecimal("10.00"), fields.field("scale", new BigDecimal("10.0"), new BigDecimal("10.00"),
                new BigDecimal("10.00")), "10.0 and 10.00 are one value: nobody changed it");

        Merge<String> merge = fields.result("merged");
        assertEquals("merged", merge.merged());
        assertEquals(List.of("bothDifferent"), merge.conflictingFields());
    }
}
