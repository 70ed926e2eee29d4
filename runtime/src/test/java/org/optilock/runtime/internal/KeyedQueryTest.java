package org.optilock.runtime.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** The query of many rows by key that a batch reads its versions and rows back with. */
class KeyedQueryTest {

    @Test
    void aKeyOfOneColumnIsAListOfPlaceholders() {
        KeyedQuery versions = new KeyedQuery("SELECT version FROM note WHERE id = ?", "version");
        assertEquals("SELECT id, version FROM note WHERE id IN (?)", versions.of(1));
        assertEquals("SELECT id, version FROM note WHERE id IN (?, ?, ?)", versions.of(3));
    }

    @Test
    void aKeyOfSeveralColumnsIsAListOfRowsInTheOrderTheOneRowQueryBindsThem() {
        KeyedQuery rows = new KeyedQuery("SELECT region, code, name, version FROM line WHERE region = ? AND code = ?", null);
        assertEquals("SELECT region, code, name, version FROM line WHERE (region, code) IN ((?, ?), (?, ?))", rows.of(2));
    }

    @Test
    void theSameQueryServesEveryCountAskedFor() {
        KeyedQuery versions = new KeyedQuery("SELECT version FROM note WHERE id = ?", "version");
        String five = versions.of(5);
        assertEquals("SELECT id, version FROM note WHERE id IN (?)", versions.of(1));
        assertEquals(five, versions.of(5));
        assertEquals(500, versions.of(500).chars().filter(c -> c == '?').count());
    }

    @Test
    void aConditionOnAnythingButAKeyColumnIsRefusedByName() {
        IllegalStateException refused = assertThrows(IllegalStateException.class,
                () -> new KeyedQuery("SELECT version FROM note WHERE id > ?", "version"));
        assertTrue(refused.getMessage().contains("id > ?"), refused.getMessage());
    }
}
