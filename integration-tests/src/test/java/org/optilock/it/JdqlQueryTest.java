package org.optilock.it;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.data.Limit;
import jakarta.data.Sort;
import jakarta.data.page.Page;
import jakarta.data.page.PageRequest;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.EnumSource;
import org.optilock.it.Item.Kind;
import org.optilock.it.support.DatabaseKind;

/** JDQL queries, compiled to each database's SQL at build time: every clause, operator and function, on every database. */
@ParameterizedClass(name = "{0}")
@EnumSource(DatabaseKind.class)
class JdqlQueryTest extends ItemSamples {

    JdqlQueryTest(DatabaseKind kind) {
        super(kind);
    }

    @Test
    void positionalParametersAndAFunction() {
        // five letters and under 15: anvil and Novel, in the order of the database's collation
        assertEquals(List.of(1L, 9L), ids(items.ofLengthBelow(5, 15.0)).stream().sorted().toList());
        assertEquals(List.of(9L), ids(items.ofLengthBelow(5, 10.0)));
    }

    @Test
    void projections() {
        assertEquals(List.of("Guide", "Novel"), items.namesOf(Kind.BOOK));
        assertArrayEquals(new Character[] {'c', 'B', 'a'}, items.letters());
        assertEquals(Optional.of(55.0), items.priceOf(4));
        assertEquals(Optional.empty(), items.priceOf(3), "a NULL price is no value");
        Page<Long> odd = items.oddIds(10, PageRequest.ofSize(2));
        assertEquals(List.of(3L, 5L), odd.content());
        assertEquals(4, odd.totalElements());
        assertEquals(List.of(7L, 9L), items.oddIds(10, odd.nextPageRequest()).content());
    }

    @Test
    void countNotAndAnEnumConstant() {
        // priced, and neither over 20 nor a book: 1, 2, 5, 7
        assertEquals(4, items.cheapNonBooks());
    }

    @Test
    void likeNotLikeNotInAndPrecedence() {
        // g_ar% (5, 10) OR (no 'e' AND not 2 or 8): 1, 4, 9 ('Novel' has an e: no), so 1, 4
        assertEquals(List.of(1L, 4L, 5L, 10L), ids(items.patterns()));
    }

    @Test
    void literalsKeywordsInTextAndMixedCase() {
        // TOOL or BOOK, not 3 or 4
        assertEquals(List.of(1L, 6L, 7L, 9L), ids(items.toolsOr(Kind.BOOK)));
        assertEquals(List.of(1L, 7L), ids(items.toolsOr(Kind.TOOL)));
    }

    @Test
    void arithmeticInAConditionInParentheses() {
        // 1.1 * price <= 15 and price > 0: 10.0 (1), 0.5 (2), 3.0 (5), 12.0 (7), 9.0 (9)
        assertEquals(List.of(1L, 2L, 5L, 7L, 9L), ids(items.taxedUnder(1.1, 15.0)));
    }

    @Test
    void functions() {
        // UPPER: 'GUIDE'; LEFT: Drill; RIGHT: hammer; ABS(bits - 4) = 0: ids 8 to 10 (4 bits)
        assertEquals(List.of(4L, 6L, 7L, 8L, 9L, 10L), ids(items.functions("guide")));
    }

    @Test
    void greaterOrEqualAndTheCurrentDateAndTime() {
        assertEquals(List.of(9L, 10L), items.fromIdToday(9));
    }

    @Test
    void concatenationAndDivision() {
        // CONCAT: 'nut!'; ||: 'Bolt?'; (price + 1) / 2 = 6.5: price 12 (7)
        assertEquals(List.of(2L, 7L, 8L), ids(items.concatenated("nut!", "Bolt?")));
    }

    @Test
    void updateAndDeleteRunAsWritten() {
        long versionBefore = items.findById(6L).orElseThrow().version();
        assertEquals(2, items.reprice(2.0, Kind.BOOK));
        Item guide = items.findById(6L).orElseThrow();
        assertEquals(40.0, guide.price());
        assertEquals(versionBefore, guide.version(), "a JDQL UPDATE sets what it says, and nothing else");
        assertTrue(items.deleteUnpriced());
        assertFalse(items.deleteUnpriced());
        assertEquals(8, items.countAll());
    }

    @Test
    void partialQueries() {
        assertEquals(List.of(10L, 9L, 8L), ids(items.newest(Limit.of(3))));
        assertEquals(List.of(10L, 9L), ids(items.everything(Sort.desc("id")).subList(0, 2)));
        assertEquals(10, items.everything(Sort.asc("name")).size());
    }

    @Test
    void eachQueryIsOneStatement() {
        items.namesOf(Kind.BOOK);
        items.cheapNonBooks();
        items.reprice(1.0, Kind.TOOL);
        items.functions("x");
        assertEquals(4, counting.count(), counting.statements().toString());
    }
}
