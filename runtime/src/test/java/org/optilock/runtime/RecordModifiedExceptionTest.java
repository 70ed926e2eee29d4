package org.optilock.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Optional;
import org.junit.jupiter.api.Test;

class RecordModifiedExceptionTest {

    @Test
    void messageSaysWhatHappenedAndWhatToDo() {
        RecordModifiedException modified = new RecordModifiedException("mine", String.class, 7L, 1L, "theirs", 2L);
        assertEquals("String with id 7 was modified by another writer: expected version 1, found 2. "
                + "Nothing was written; reload it (see current()), reapply your change and save again.",
                modified.getMessage());
        assertFalse(modified.isDeleted());
        assertEquals("theirs", modified.current(String.class).orElseThrow());
        Optional<String> typedByTheCaller = modified.current();
        assertEquals("theirs", typedByTheCaller.orElseThrow());
        assertThrows(ClassCastException.class, () -> modified.current(Integer.class));

        RecordModifiedException deleted = new RecordModifiedException("mine", String.class, 7L, 1L, null, null);
        assertTrue(deleted.isDeleted());
        assertTrue(deleted.getMessage().contains("(deleted, or never inserted"), deleted.getMessage());
        assertEquals("mine", deleted.getEntity());
    }
}
