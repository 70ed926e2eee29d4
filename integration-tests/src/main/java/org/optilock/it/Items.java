package org.optilock.it;

import jakarta.data.Limit;
import jakarta.data.Order;
import jakarta.data.Sort;
import jakarta.data.page.CursoredPage;
import jakarta.data.page.Page;
import jakarta.data.page.PageRequest;
import jakarta.data.repository.BasicRepository;
import jakarta.data.repository.OrderBy;
import jakarta.data.repository.Param;
import jakarta.data.repository.Query;
import jakarta.data.repository.Repository;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;

/** Queries by method name (every operator of the addendum) and in JDQL (every clause and function), each kind of result. */
@Repository
public interface Items extends BasicRepository<Item, Long> {

    List<Item> findByNameOrderById(String name);

    List<Item> findByNameNotOrderById(String name);

    List<Item> findByIdLessThanOrderByIdDesc(long max);

    List<Item> findByIdLessThanEqualAndIdGreaterThanEqualOrderByIdAsc(long max, long min);

    List<Item> findByIdGreaterThan(long min, Order<Item> order);

    List<Item> findByIdNotBetweenOrderById(long low, long high);

    List<Item> findByIdNotLessThanOrderById(long min);

    Stream<Item> findByIdBetween(long low, long high, Sort<Item> sort);

    List<Item> findByNameContainsOrderById(String part);

    List<Item> findByNameStartsWithOrderById(String prefix);

    List<Item> findByNameEndsWithOrderById(String suffix);

    List<Item> findByNameLikeOrderById(String pattern);

    List<Item> findByNameNotLikeOrderById(String pattern);

    Optional<Item> findByNameIgnoreCase(String name);

    List<Item> findByNameIgnoreCaseContainsOrderById(String part);

    List<Item> findByKindInOrderById(Set<Item.Kind> kinds);

    List<Item> findByIdNotInOrderById(Collection<Long> ids);

    List<Item> findByNameIgnoreCaseInOrderById(List<String> names);

    List<Item> findByPriceNullOrderById();

    List<Item> findByPriceNotNullOrderById();

    List<Item> findByOddTrueOrderById();

    List<Item> findByOddFalseOrderById();

    List<Item> findByLetterOrderById(char letter);

    List<Item> findByKindOrIdLessThanAndPriceNotNullOrderById(Item.Kind kind, long max);

    Item findFirstByKindOrderByPriceDescIdAsc(Item.Kind kind);

    Item[] findFirst2ByKindOrderById(Item.Kind kind);

    @OrderBy(value = "id", descending = true)
    List<Item> findByBitsLessThan(Short bits, Limit limit);

    Page<Item> findByIdGreaterThanOrderById(long min, PageRequest page);

    CursoredPage<Item> findByKindNotAndPriceNotNullOrderByPrice(Item.Kind kind, PageRequest page);

    CursoredPage<Item> findByIdGreaterThan(long min, PageRequest page, Order<Item> order);

    long countByKind(Item.Kind kind);

    int countAll();

    boolean existsByNameIgnoreCase(String name);

    boolean existsByIdIn(List<Long> ids);

    long deleteByPriceNull();

    void deleteByKindIn(Set<Item.Kind> kinds);

    // ---- JDQL ----------------------------------------------------------------------------------------

    @Query("WHERE LENGTH(name) = ?1 AND price < ?2 ORDER BY name")
    List<Item> ofLengthBelow(int length, double below);

    @Query("SELECT name WHERE kind = :kind ORDER BY id")
    List<String> namesOf(@Param("kind") Item.Kind ofKind);

    @Query("SELECT letter WHERE id < 4 ORDER BY id DESC")
    Character[] letters();

    @Query("SELECT price WHERE id = ?1")
    Optional<Double> priceOf(long id);

    @Query("SELECT id WHERE odd = true AND id BETWEEN 2 AND ?1 ORDER BY id")
    Page<Long> oddIds(long max, PageRequest page);

    @Query("SELECT COUNT(THIS) WHERE price IS NOT NULL AND NOT (price > 20.0d OR kind = org.optilock.it.Item.Kind.BOOK)")
    long cheapNonBooks();

    @Query("WHERE name LIKE 'g_ar%' OR name NOT LIKE '%e%' AND id NOT IN (2, 8) ORDER BY id")
    List<Item> patterns();

    @Query("where name <> 'isn''t WHERE ?' and kind in (org.optilock.it.Item.Kind.TOOL, :kind)"
            + " And id Not Between 3 and 4 order by id")
    List<Item> toolsOr(Item.Kind kind);

    @Query("FROM Item WHERE (:rate * price <= :max AND -price < 0.0) ORDER BY id")
    Stream<Item> taxedUnder(double rate, double max);

    @Query("WHERE UPPER(name) = UPPER(?1) OR LOWER(LEFT(name, 2)) = 'dr' OR RIGHT(name, 3) = 'mer'"
            + " OR ABS(bits - 4) = 0 AND LOCAL DATETIME IS NOT NULL ORDER BY id")
    List<Item> functions(String name);

    @Query("WHERE CONCAT(name, '!') = ?1 OR name || '?' = ?2 OR (price + 1) / 2 = 6.5 ORDER BY id")
    List<Item> concatenated(String bang, String question);

    @Query("UPDATE Item SET price = price * ?1, bits = NULL WHERE kind = ?2")
    long reprice(double factor, Item.Kind kind);

    @Query("DELETE FROM Item WHERE price IS NULL")
    boolean deleteUnpriced();

    @Query("SELECT id WHERE id >= ?1 AND LOCAL DATE IS NOT NULL AND LOCAL TIME IS NOT NULL ORDER BY id")
    List<Long> fromIdToday(long min);

    @Query("ORDER BY id DESC")
    Stream<Item> newest(Limit limit);

    @Query(" ")
    List<Item> everything(Sort<Item> sort);
}
