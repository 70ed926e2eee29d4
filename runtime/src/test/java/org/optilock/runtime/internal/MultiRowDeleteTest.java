package org.optilock.runtime.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

/** The DELETE of many rows, made from the DELETE of one row the processor writes. */
class MultiRowDeleteTest {

    private static DaoStatements.Statement delete(String sql, int parameters) {
        return new DaoStatements.Statement(sql, new int[parameters]);
    }

    /** {@code condition} in brackets, once for each row a statement carries, joined by OR. */
    private static String disjunction(String condition) {
        return String.join(" OR ", java.util.Collections.nCopies(MultiRowDelete.ROWS_PER_STATEMENT, "(" + condition + ")"));
    }

    @Test
    void eachRowIsATermOfTheConditionInBrackets() {
        MultiRowDelete delete = MultiRowDelete.of(delete("DELETE FROM app.note WHERE id = ? AND version = ?", 2));
        assertEquals("DELETE FROM app.note WHERE " + disjunction("id = ? AND version = ?"), delete.sql());
    }

    @Test
    void aConditionWithAnOrOfItsOwnStaysWholeInItsTerm() {
        String unset = "id = ? AND (version = ? OR (version IS NULL AND ? = 1))";
        MultiRowDelete delete = MultiRowDelete.of(delete("DELETE FROM note WHERE " + unset, 3));
        assertEquals("DELETE FROM note WHERE " + disjunction(unset), delete.sql());
    }

    @Test
    void aQuotedNameThatSaysWhereIsNotTakenForTheCondition() {
        MultiRowDelete delete = MultiRowDelete.of(delete("DELETE FROM \"a WHERE b\" WHERE id = ?", 1));
        assertEquals("DELETE FROM \"a WHERE b\" WHERE " + disjunction("id = ?"), delete.sql());
    }

    @Test
    void eachFormIsMadeOnce() {
        DaoStatements.Statement oneRow = delete("DELETE FROM t WHERE id = ? AND version = ?", 2);
        assertSame(MultiRowDelete.of(oneRow), MultiRowDelete.of(oneRow));
    }

    @Test
    void aStatementOfAnotherShapeIsRefused() {
        assertThrows(IllegalArgumentException.class, () -> MultiRowDelete.of(delete("DELETE FROM t", 0)));
        assertThrows(IllegalArgumentException.class,
                () -> MultiRowDelete.of(delete("UPDATE t SET a = ? WHERE id = ?", 2)));
        assertThrows(IllegalArgumentException.class,
                () -> MultiRowDelete.of(delete("DELETE FROM t WHERE id IN (SELECT id FROM u WHERE v = ?)", 1)));
    }
}
