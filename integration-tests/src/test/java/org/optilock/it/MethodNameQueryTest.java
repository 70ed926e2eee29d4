package org.optilock.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.data.Limit;
import jakarta.data.Order;
import jakarta.data.Sort;
import jakarta.data.exceptions.EmptyResultException;
import jakarta.data.page.CursoredPage;
import jakarta.data.page.Page;
import jakarta.data.page.PageRequest;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.EnumSource;
import org.optilock.it.Item.Kind;
import org.optilock.it.support.DatabaseKind;

/** Queries by method name, each operator and result on every database, each call one statement. */
@ParameterizedClass(name = "{0}")
@EnumSource(DatabaseKind.class)
class MethodNameQueryTest extends ItemSamples {

    MethodNameQueryTest(DatabaseKind kind) {
        super(kind);
    }

    @Test
    void equalityAndItsNegation() {
        assertEquals(List.of(5L), ids(items.findByNameOrderById("gear")));
        assertEquals(List.of(1L, 2L, 3L, 4L, 6L, 7L, 8L, 9L, 10L), ids(items.findByNameNotOrderById("gear")));
        assertEquals(List.of(1L), ids(items.findByLetterOrderById('a')));
        assertEquals(List.of(), ids(items.findByLetterOrderById('z')));
    }

    @Test
    void comparisons() {
        assertEquals(List.of(3L, 2L, 1L), ids(items.findByIdLessThanOrderByIdDesc(4)));
        assertEquals(List.of(3L, 4L, 5L), ids(items.findByIdLessThanEqualAndIdGreaterThanEqualOrderByIdAsc(5, 3)));
        assertEquals(List.of(10L, 9L), ids(items.findByIdGreaterThan(8, Order.by(Sort.desc("id")))));
        assertEquals(List.of(1L, 2L, 9L, 10L), ids(items.findByIdNotBetweenOrderById(3, 8)));
        assertEquals(List.of(9L, 10L), ids(items.findByIdNotLessThanOrderById(9)));
        assertEquals(List.of(4L, 3L, 2L), ids(items.findByIdBetween(2, 4, Sort.desc("id"))));
    }

    @Test
    void textPatterns() {
        assertEquals(List.of(5L, 10L), ids(items.findByNameContainsOrderById("ear")));
        assertEquals(List.of(5L, 10L), ids(items.findByNameStartsWithOrderById("gea")));
        assertEquals(List.of(7L), ids(items.findByNameEndsWithOrderById("mer")));
        assertEquals(List.of(5L, 10L), ids(items.findByNameLikeOrderById("g_ar%")));
        assertEquals(List.of(1L, 2L, 3L, 4L, 6L, 7L, 8L, 9L), ids(items.findByNameNotLikeOrderById("%ear%")));
        assertEquals(List.of(5L, 10L), ids(items.findByNameContainsOrderById("e_r")), "the value can be a pattern");
    }

    @Test
    void ignoringCase() {
        assertEquals(4L, items.findByNameIgnoreCase("DRILL").orElseThrow().id());
        assertEquals(List.of(1L, 2L, 3L, 4L, 9L), ids(items.findByNameIgnoreCaseContainsOrderById("L")));
        assertTrue(items.existsByNameIgnoreCase("NOVEL"));
        assertFalse(items.existsByNameIgnoreCase("novella"));
    }

    @Test
    void inAndNotInACollection() {
        assertEquals(List.of(6L, 9L), ids(items.findByKindInOrderById(Set.of(Kind.BOOK))));
        assertEquals(List.of(1L, 3L, 4L, 6L, 7L, 9L), ids(items.findByKindInOrderById(Set.of(Kind.BOOK, Kind.TOOL))));
        assertEquals(List.of(), ids(items.findByKindInOrderById(Set.of())), "In nothing is no row");
        assertEquals(List.of(1L, 2L, 3L, 4L, 5L, 6L, 7L, 8L, 9L, 10L), ids(items.findByIdNotInOrderById(List.of())),
                "Not in nothing is every row");
        assertEquals(List.of(2L, 4L, 6L, 8L, 10L), ids(items.findByIdNotInOrderById(List.of(1L, 3L, 5L, 7L, 9L))));
        assertEquals(List.of(2L, 6L), ids(items.findByNameIgnoreCaseInOrderById(List.of("BOLT", "guide", "nothing"))),
                "each value of the list compared in upper case");
        assertTrue(items.existsByIdIn(List.of(99L, 10L)));
        assertFalse(items.existsByIdIn(List.of(99L)));
    }

    @Test
    void nullTrueAndFalse() {
        assertEquals(List.of(3L, 8L), ids(items.findByPriceNullOrderById()));
        assertEquals(List.of(1L, 2L, 4L, 5L, 6L, 7L, 9L, 10L), ids(items.findByPriceNotNullOrderById()));
        assertEquals(List.of(1L, 3L, 5L, 7L, 9L), ids(items.findByOddTrueOrderById()));
        assertEquals(List.of(2L, 4L, 6L, 8L, 10L), ids(items.findByOddFalseOrderById()));
    }

    @Test
    void andBindsTighterThanOr() {
        // kind = BOOK OR (id < 4 AND price IS NOT NULL)
        assertEquals(List.of(1L, 2L, 6L, 9L), ids(items.findByKindOrIdLessThanAndPriceNotNullOrderById(Kind.BOOK, 4)));
    }

    @Test
    void firstRowsAndTheOrderOfTheName() {
        assertEquals(6L, items.findFirstByKindOrderByPriceDescIdAsc(Kind.BOOK).id());
        assertEquals(List.of(2L, 5L), Arrays.stream(items.findFirst2ByKindOrderById(Kind.PART)).map(Item::id).toList());
        assertThrows(EmptyResultException.class, () -> items.findFirstByKindOrderByPriceDescIdAsc(null));
        assertEquals(List.of(3L, 2L, 1L), ids(items.findByBitsLessThan((short) 3, Limit.of(5))));
        assertEquals(List.of(2L), ids(items.findByBitsLessThan((short) 3, Limit.range(2, 2))));
    }

    @Test
    void pagesByOffsetAndByCursor() {
        Page<Item> page = items.findByIdGreaterThanOrderById(2, PageRequest.ofPage(2).size(3));
        assertEquals(List.of(6L, 7L, 8L), ids(page.content()));
        assertEquals(8, page.totalElements());
        CursoredPage<Item> first = items.findByKindNotAndPriceNotNullOrderByPrice(Kind.TOOL, PageRequest.ofSize(3));
        assertEquals(List.of(2L, 5L, 9L), ids(first.content()));
        CursoredPage<Item> next = items.findByKindNotAndPriceNotNullOrderByPrice(Kind.TOOL, first.nextPageRequest());
        assertEquals(List.of(6L, 10L), ids(next.content()));
        assertFalse(next.hasNext());
    }

    @Test
    void enumsSortInTheirDeclaredOrderWhateverTheyAreStoredAs() {
        // Declared TOOL, PART, BOOK: stored by name, which alone would sort BOOK, PART, TOOL.
        List<Long> byKind = List.of(1L, 3L, 4L, 7L, 2L, 5L, 8L, 10L, 6L, 9L);
        assertEquals(byKind, ids(items.findByIdGreaterThan(0, Order.by(Sort.asc("kind"), Sort.asc("id")))));
        List<Long> paged = new ArrayList<>();
        CursoredPage<Item> page = items.findByIdGreaterThan(0, PageRequest.ofSize(3), Order.by(Sort.asc("kind")));
        paged.addAll(ids(page.content()));
        while (page.hasNext()) {
            page = items.findByIdGreaterThan(0, page.nextPageRequest(), Order.by(Sort.asc("kind")));
            paged.addAll(ids(page.content()));
        }
        assertEquals(byKind, paged, "a cursor on an enum key pages in the same order");
        CursoredPage<Item> afterBooks = items.findByIdGreaterThan(0,
                PageRequest.ofSize(3).afterCursor(PageRequest.Cursor.forKey(Kind.BOOK, 100L)), Order.by(Sort.asc("kind")));
        assertEquals(List.of(), afterBooks.content(), "a cursor may hold the enum itself");
        assertFalse(afterBooks.hasNext());
        assertFalse(afterBooks.hasPrevious(), "an empty page starts no other page");
    }

    @Test
    void countExistsAndDelete() {
        assertEquals(4, items.countByKind(Kind.PART));
        assertEquals(10, items.countAll());
        assertEquals(2, items.deleteByPriceNull());
        items.deleteByKindIn(Set.of(Kind.BOOK, Kind.TOOL));
        assertEquals(List.of(2L, 5L, 10L), ids(items.findByIdNotInOrderById(List.of())));
    }

    @Test
    void eachQueryIsOneStatement() {
        items.findByKindInOrderById(Set.of(Kind.BOOK, Kind.TOOL));
        items.countByKind(Kind.PART);
        items.existsByIdIn(List.of(1L));
        items.deleteByPriceNull();
        assertEquals(4, counting.count(), counting.statements().toString());
    }
}
