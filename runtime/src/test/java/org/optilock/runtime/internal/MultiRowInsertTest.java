package org.optilock.runtime.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

/** The INSERT of many rows, made from the INSERT of one row the processor writes. */
class MultiRowInsertTest {

    private static DaoStatements.Statement insert(String sql, int parameters) {
        return new DaoStatements.Statement(sql, new int[parameters]);
    }

    @Test
    void eachRowRepeatsTheOneRowsValues() {
        MultiRowInsert insert = MultiRowInsert.of(insert("INSERT INTO app.note (id, text, version) VALUES (?, ?, ?)", 3));
        assertEquals("INSERT INTO app.note (id, text, version) VALUES (?, ?, ?), (?, ?, ?), (?, ?, ?)", insert.sql(3));
        assertEquals("INSERT INTO app.note (id, text, version) VALUES (?, ?, ?)", insert.sql(1));
    }

    @Test
    void aQuotedColumnThatSaysValuesIsNotTakenForTheRow() {
        MultiRowInsert insert = MultiRowInsert.of(insert("INSERT INTO t (\" VALUES (\", id) VALUES (?, ?)", 2));
        assertEquals("INSERT INTO t (\" VALUES (\", id) VALUES (?, ?), (?, ?)", insert.sql(2));
    }

    @Test
    void aRowOfVeryManyColumnsTakesFewerRowsAStatement() {
        assertEquals(100, MultiRowInsert.of(insert("INSERT INTO t (a) VALUES (?)", 1)).rowsPerStatement());
        assertEquals(100, MultiRowInsert.of(insert("INSERT INTO t (a) VALUES (?)", 327)).rowsPerStatement());
        assertEquals(99, MultiRowInsert.of(insert("INSERT INTO t (a) VALUES (?)", 330)).rowsPerStatement());
        assertEquals(1, MultiRowInsert.of(insert("INSERT INTO t (a) VALUES (?)", 40_000)).rowsPerStatement());
    }

    @Test
    void theTextOfACountOfRowsIsBuiltOnce() {
        MultiRowInsert insert = MultiRowInsert.of(insert("INSERT INTO t (a, b) VALUES (?, ?)", 2));
        assertSame(insert.sql(3), insert.sql(3));
        assertEquals("INSERT INTO t (a, b) VALUES (?, ?), (?, ?)", insert.sql(2));
    }

    @Test
    void aStatementOfAnotherShapeIsRefused() {
        assertThrows(IllegalArgumentException.class,
                () -> MultiRowInsert.of(insert("INSERT INTO t (a) SELECT ? FROM dual", 1)));
        assertThrows(IllegalArgumentException.class,
                () -> MultiRowInsert.of(insert("UPDATE t SET a = ? WHERE id = ?", 2)));
    }
}
