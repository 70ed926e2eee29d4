package org.optilock.runtime.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/** How a statement over arrays casts the arrays whose values travel as text. */
class PostgresArraysTest {

    @Test
    void aTimeADecimalAndAUuidAreCastFromTextAndNumbersAndTextAreNot() {
        String sql = "UPDATE t SET a = v.optilock_1, b = v.optilock_2, c = v.optilock_3, d = v.optilock_4"
                + " FROM unnest(?, ?, ?, ?, ?) AS v(optilock_1, optilock_2, optilock_3, optilock_4, optilock_5)"
                + " WHERE t.id = v.optilock_5";

        String cast = PostgresArrays.castTexts(sql, new String[] {"timestamptz", "int8", "numeric", "varchar", "uuid"});

        assertEquals("UPDATE t SET a = v.optilock_1, b = v.optilock_2, c = v.optilock_3, d = v.optilock_4"
                + " FROM unnest(?::timestamptz[], ?, ?::numeric[], ?, ?::uuid[]) AS v(optilock_1, optilock_2,"
                + " optilock_3, optilock_4, optilock_5) WHERE t.id = v.optilock_5", cast);
    }

    @Test
    void aQuestionMarkInALiteralOrAQuotedNameIsNoParameter() {
        String sql = "INSERT INTO \"who?\" (\"when?\", note) SELECT *, '?' FROM unnest(?, ?)";

        assertEquals("INSERT INTO \"who?\" (\"when?\", note) SELECT *, '?' FROM unnest(?::date[], ?)",
                PostgresArrays.castTexts(sql, new String[] {"date", "text"}));
    }

    @Test
    void aStatementWithNothingToCastIsLeftAsItIs() {
        String sql = "DELETE FROM t AS t USING unnest(?, ?) AS v(a, b) WHERE t.id = v.a AND t.version = v.b";

        assertEquals(sql, PostgresArrays.castTexts(sql, new String[] {"int8", "int8"}));
    }
}
