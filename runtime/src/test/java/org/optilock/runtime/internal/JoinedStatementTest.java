package org.optilock.runtime.internal;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The write of many rows on MySQL, MariaDB and H2, derived from the one-row statement the processor writes. */
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
    void onH2TheUpdateAndTheDeleteAreMergesFromACastListOfTheRows() {
        JoinedStatement joined = JoinedStatement.ofUpdate(
                "UPDATE Ledger SET balance = ?, version = ? WHERE id = ? AND (version = ? OR (version IS NULL AND ? = 1))");
        assertEquals("MERGE INTO Ledger USING (VALUES (CAST(? AS DECFLOAT), CAST(? AS BIGINT), CAST(? AS BIGINT),"
                + " CAST(? AS BIGINT), ?), (CAST(? AS DECFLOAT), CAST(? AS BIGINT), CAST(? AS BIGINT), CAST(? AS BIGINT), ?))"
                + " AS optilock_v(optilock_1, optilock_2, optilock_3, optilock_4, optilock_5)"
                + " ON id = optilock_v.optilock_3 AND (version = optilock_v.optilock_4 OR (version IS NULL AND optilock_v.optilock_5 = 1))"
                + " WHEN MATCHED THEN UPDATE SET balance = optilock_v.optilock_1, version = optilock_v.optilock_2",
                joined.merge(2, Arrays.asList("DECFLOAT", "BIGINT", "BIGINT", "BIGINT", null)));
        assertEquals("MERGE INTO Ledger USING (VALUES (CAST(? AS BIGINT)), (CAST(? AS BIGINT))) AS optilock_v(optilock_1)"
                + " ON id = optilock_v.optilock_1 WHEN MATCHED THEN DELETE",
                JoinedStatement.ofDelete("DELETE FROM Ledger WHERE id = ?").merge(2, List.of("BIGINT")));
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
    void aConditionalVersionMovesFirstAndTheColumnsFollowByKeyOverTheSameRows() {
        List<JoinedStatement> joined = JoinedStatement.ofVersionThenColumns("UPDATE Profile SET version = CASE WHEN"
                + " NOT (name <=> ?) OR NOT (email <=> ?) THEN COALESCE(version, 0) + ? ELSE version END, name = ?,"
                + " email = ?, last_seen = ? WHERE org = ? AND username = ? AND version = ?", 2);

        assertEquals(2, joined.size());
        JoinedStatement versions = joined.get(0);
        JoinedStatement columns = joined.get(1);
        assertEquals("version = CASE WHEN NOT (name <=> optilock_v.optilock_1) OR NOT (email <=> optilock_v.optilock_2)"
                + " THEN COALESCE(version, 0) + optilock_v.optilock_3 ELSE version END", versions.assignments());
        assertEquals("org = optilock_v.optilock_4 AND username = optilock_v.optilock_5 AND version = optilock_v.optilock_6",
                versions.condition());
        assertEquals("name = optilock_v.optilock_1, email = optilock_v.optilock_2, last_seen = optilock_v.optilock_3",
                columns.assignments());
        assertEquals("org = optilock_v.optilock_4 AND username = optilock_v.optilock_5", columns.condition());
        // Each row carries only what its statement uses, taken from the one-row statement's parameters.
        assertArrayEquals(new int[] {0, 1, 2, 6, 7, 8}, versions.parameters());
        assertArrayEquals(new int[] {3, 4, 5, 6, 7}, columns.parameters());
        assertEquals(5, columns.width());
        DaoStatements.Statement oneRow = new DaoStatements.Statement("UPDATE …", new int[] {2, 3, -4, 2, 3, 4, 1, 5, -2});
        assertArrayEquals(new int[] {2, 3, 4, 1, 5}, columns.binding(oneRow).parameters());
    }

    @Test
    void aConditionalVersionOfARowWithNothingElseToAssignIsOneStatement() {
        List<JoinedStatement> joined = JoinedStatement.ofVersionThenColumns(
                "UPDATE Flag SET version = CASE WHEN NOT ('a, b' <=> ?) THEN ? ELSE version END WHERE id = ?"
                        + " AND (version = ? OR (version IS NULL AND ? = 1))", 1);

        assertEquals(1, joined.size());
        assertEquals("version = CASE WHEN NOT ('a, b' <=> optilock_v.optilock_1) THEN optilock_v.optilock_2 ELSE version END",
                joined.get(0).assignments());
    }

    @Test
    void anotherShapeIsRefusedRatherThanGuessed() {
        assertThrows(IllegalArgumentException.class, () -> JoinedStatement.ofUpdate("SELECT 1"));
        assertThrows(IllegalArgumentException.class, () -> JoinedStatement.ofUpdate("UPDATE t SET a = ?"));
        assertThrows(IllegalArgumentException.class, () -> JoinedStatement.ofDelete("DELETE t WHERE id = ?"));
        assertThrows(IllegalArgumentException.class,
                () -> JoinedStatement.ofVersionThenColumns("UPDATE t SET version = ?, a = ? WHERE id = ?", 1));
    }
}
