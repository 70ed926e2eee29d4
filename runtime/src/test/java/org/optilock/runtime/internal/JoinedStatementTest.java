package org.optilock.runtime.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

/** The write of many rows on MySQL and MariaDB, derived from the one-row statement the processor writes. */
class JoinedStatementTest {

    @Test
    void anUpdateJoinsTheRowsAndTakesEachValueFromItsColumn() {
        JoinedStatement joined = JoinedStatement.ofUpdate(
                "UPDATE Ledger SET balance = ?, version = ? WHERE id = ? AND version = ?");
        assertEquals(4, joined.width());
        assertEquals("UPDATE Ledger JOIN (SELECT ? AS optilock_1, ? AS optilock_2, ? AS optilock_3, ? AS optilock_4"
                + " UNION ALL SELECT ?, ?, ?, ? UNION ALL SELECT ?, ?, ?, ?) AS optilock_v"
                + " ON id = optilock_v.optilock_3 AND version = optilock_v.optilock_4"
                + " SET balance = optilock_v.optilock_1, version = optilock_v.optilock_2", joined.sql(3));
    }

    @Test
    void aDeleteNamesItsTableTwiceAsMultiTableDeletesDo() {
        JoinedStatement joined = JoinedStatement.ofDelete(
                "DELETE FROM app.job WHERE id = ? AND (version = ? OR (version IS NULL AND ? = 1))");
        assertEquals("DELETE app.job FROM app.job JOIN (SELECT ? AS optilock_1, ? AS optilock_2, ? AS optilock_3) AS optilock_v"
                + " ON id = optilock_v.optilock_1 AND (version = optilock_v.optilock_2 OR (version IS NULL AND optilock_v.optilock_3 = 1))",
                joined.sql(1));
    }

    @Test
    void quotedNamesAreLeftAsTheyAreWhateverTheyHold() {
        JoinedStatement joined = JoinedStatement.ofUpdate(
                "UPDATE \"order SET\" SET \"where?\" = ?, version = ? WHERE `key` = ? AND version = ?");
        assertEquals("\"order SET\"", joined.table());
        assertEquals("\"where?\" = optilock_v.optilock_1, version = optilock_v.optilock_2", joined.assignments());
        assertEquals("`key` = optilock_v.optilock_3 AND version = optilock_v.optilock_4", joined.condition());
    }

    @Test
    void anotherShapeIsRefusedRatherThanGuessed() {
        assertThrows(IllegalArgumentException.class, () -> JoinedStatement.ofUpdate("SELECT 1"));
        assertThrows(IllegalArgumentException.class, () -> JoinedStatement.ofUpdate("UPDATE t SET a = ?"));
        assertThrows(IllegalArgumentException.class, () -> JoinedStatement.ofDelete("DELETE t WHERE id = ?"));
    }
}
