package org.optilock.runtime.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

/** Tokens of SQL found where they mean SQL, not inside a literal, a quoted name or parentheses. */
class SqlTokensTest {

    @Test
    void aTokenInsideALiteralOrAQuotedNameIsPassedOver() {
        String sql = "UPDATE \"who WHERE\" SET note = 'a WHERE b', `x WHERE` = 1 WHERE id = ?";

        assertEquals(sql.lastIndexOf(" WHERE "), SqlTokens.outsideQuotes(sql, " WHERE ", 0));
        assertEquals(sql.length() - 1, SqlTokens.outsideQuotes(sql, "?", 0));
        assertEquals(-1, SqlTokens.outsideQuotes(sql, "?", sql.length()));
        assertEquals(-1, SqlTokens.outsideQuotes(sql, "?", -1));
    }

    @Test
    void partsAreCutOutsideQuotesAndParentheses() {
        assertEquals(List.of("a = ?", "b = COALESCE(b, 0) + 1", "c = 'x, y'"),
                SqlTokens.parts("a = ?, b = COALESCE(b, 0) + 1, c = 'x, y'", ", "));
        assertEquals(List.of("id = ?", "(version = ? OR (version IS NULL AND ? = 1))"),
                SqlTokens.parts("id = ? AND (version = ? OR (version IS NULL AND ? = 1))", " AND "));
    }
}
