package org.optilock.it;

import jakarta.data.repository.Insert;
import jakarta.data.repository.Param;
import jakarta.data.repository.Query;
import jakarta.data.repository.Repository;
import java.util.List;
import java.util.Optional;

/**
 * A repository without a primary entity type: each method's entity is the one it takes, names in its
 * JDQL, or returns.
 */
@Repository
public interface Kitchen {

    @Insert
    Item stock(Item item);

    @Insert
    Recipe[] write(Recipe... recipes);

    @Query("DELETE FROM Item WHERE price IS NULL")
    long clearUnpriced();

    @Query("UPDATE Recipe SET title = :title WHERE code = :code")
    boolean retitle(@Param("code") String recipe, String title);

    @Query("WHERE code = ?1")
    Optional<Recipe> recipe(String code);

    List<Item> findByKindOrderById(Item.Kind kind);
}
