package org.optilock.it;

import jakarta.data.page.Page;
import jakarta.data.page.PageRequest;
import jakarta.data.repository.CrudRepository;
import jakarta.data.repository.Repository;
import java.util.List;
import java.util.stream.Stream;

/** Recipes, read and written with their element collections. */
@Repository
public interface Recipes extends CrudRepository<Recipe, String> {

    List<Recipe> findByTitleLikeOrderByCode(String pattern);

    Stream<Recipe> findByCodeGreaterThanOrderByCode(String after);

    Page<Recipe> findByCodeNotNullOrderByCode(PageRequest page);

    List<Recipe> findByIsPublishedTrueOrderByCode();
}
