package org.optilock.runtime.internal;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.optilock.runtime.Dialect;
import org.junit.jupiter.api.Test;

/** The ORDER BY and keyset conditions a repository's query gets, for every kind of order. */
class RowOrderTest {

    private static final RepositoryStatements STATEMENTS = RepositoryStatements.of("document",
            List.of("id", "title", "createdAt"), List.of("id", "title", "created_at"), List.of("id"));

    @Test
    void theKeyEndsEveryOrderOnce() {
        assertEquals(" ORDER BY title, id", RowOrder.of(STATEMENTS, List.of(SortKey.asc("title"))).orderBy(false));
        assertEquals(" ORDER BY id DESC", RowOrder.of(STATEMENTS, List.of(SortKey.desc("id"))).orderBy(false));
        assertEquals(" ORDER BY title DESC, id DESC", RowOrder.of(STATEMENTS, List.of(SortKey.asc("title"))).orderBy(true),
                "a page read backwards reverses every key");
    }

    @Test
    void keysOfOneDirectionAreOneRowComparisonAfterALeadingRangeWhereTheDatabaseNeedsOne() {
        RowOrder order = RowOrder.of(STATEMENTS, List.of(SortKey.asc("createdAt")));
        assertEquals("(created_at, id) > (?, ?)", order.after(false, false));
        assertArrayEquals(new int[] {0, 1}, order.cursorParameters(false));
        assertEquals("created_at >= ? AND (created_at, id) > (?, ?)", order.after(false, true));
        assertEquals("created_at <= ? AND (created_at, id) < (?, ?)", order.after(true, true));
        assertArrayEquals(new int[] {0, 0, 1}, order.cursorParameters(true));
    }

    @Test
    void mixedDirectionsAndIgnoredCaseAreSpeltOut() {
        RowOrder order = RowOrder.of(STATEMENTS, List.of(SortKey.desc("title").ignoringCase(), SortKey.asc("createdAt")));
        assertEquals("LOWER(title) <= LOWER(?) AND ((LOWER(title) < LOWER(?)) OR (LOWER(title) = LOWER(?)"
                + " AND created_at > ?) OR (LOWER(title) = LOWER(?) AND created_at = ? AND id > ?))", order.after(false, false));
        assertArrayEquals(new int[] {0, 0, 0, 1, 0, 1, 2}, order.cursorParameters(false));
    }

    @Test
    void anUnknownAttributeIsNamedWithTheKnownOnes() {
        IllegalArgumentException failure = assertThrows(IllegalArgumentException.class,
                () -> RowOrder.of(STATEMENTS, List.of(SortKey.asc("titel"))));
        assertTrue(failure.getMessage().contains("'titel'") && failure.getMessage().contains("id, title, createdAt"),
                failure.getMessage());
    }

    @Test
    void aFindStatementWritesItsQueryOnceForEachShape() {
        FindStatement find = STATEMENTS.find("byTitle", "title = ?", SortKey.asc("title"));
        FindStatement.Query first = find.query(Dialect.H2, List.of(), 1, true, false, true);
        assertEquals("SELECT id, title, created_at FROM document WHERE (title = ?) AND title >= ? AND (title, id) > (?, ?)"
                + " ORDER BY title, id LIMIT ?", first.sql());
        assertTrue(first == find.query(Dialect.H2, List.of(), 1, true, false, true), "the same shape reuses the text");
        assertEquals("SELECT id, title, created_at FROM document WHERE title = ? ORDER BY title, id LIMIT ? OFFSET ?",
                find.query(Dialect.H2, List.of(), 0, true, true, false).sql());
    }

    @Test
    void aListBecomesOneParameterForEachValueAndAnEmptyOneDecidesItsCondition() {
        FindStatement find = STATEMENTS.find("byTitles", "UPPER(title) IN ({UPPER(?)}) AND id NOT IN ({?}) AND id > ?");
        assertEquals("SELECT id, title, created_at FROM document WHERE UPPER(title) IN (UPPER(?), UPPER(?)) AND"
                + " id NOT IN (?) AND id > ? ORDER BY id", find.expanded(2, 1).query(Dialect.H2, List.of(), 0, false,
                        false, false).sql());
        assertEquals(4, find.expanded(2, 1).parameters);
        assertEquals("SELECT id, title, created_at FROM document WHERE 1 = 0 AND 1 = 1 AND id > ? ORDER BY id",
                find.expanded(0, 0).query(Dialect.H2, List.of(), 0, false, false, false).sql());
        assertTrue(find.expanded(2, 1) == find.expanded(2, 1), "an expansion is made once");
        assertThrows(IllegalArgumentException.class, () -> find.expanded(1));
    }

    @Test
    void aConditionIsTheTextOfTheDatabaseItRunsOn() {
        FindStatement find = STATEMENTS.find("byLength", SqlText.of("LENGTH(title) = ?").on(Dialect.MYSQL,
                "CHAR_LENGTH(title) = ?"));
        assertEquals("SELECT id, title, created_at FROM document WHERE CHAR_LENGTH(title) = ? ORDER BY id",
                find.query(Dialect.MYSQL, List.of(), 0, false, false, false).sql());
        assertEquals("SELECT COUNT(*) FROM document WHERE LENGTH(title) = ?", find.count(Dialect.SQLITE));
        assertEquals(1, find.parameters);
        assertEquals(0, STATEMENTS.find("literal", "title = '?'").parameters, "a ? in a literal is no parameter");
    }
}
