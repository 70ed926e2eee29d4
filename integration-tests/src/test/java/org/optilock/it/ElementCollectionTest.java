package org.optilock.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.data.exceptions.OptimisticLockingFailureException;
import jakarta.data.page.PageRequest;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.EnumSource;
import org.optilock.it.Recipe.Diet;
import org.optilock.it.support.CountingDataSource;
import org.optilock.it.support.DatabaseKind;
import org.optilock.it.support.TestDatabase;
import org.optilock.runtime.BatchConflictException;
import org.optilock.runtime.BatchPolicy;
import org.optilock.runtime.RecordModifiedException;
import org.optilock.runtime.Schema;

/** Element collections, written and read with their entity on every database, and kept when a write conflicts. */
@ParameterizedClass(name = "{0}")
@EnumSource(DatabaseKind.class)
class ElementCollectionTest {

    private final TestDatabase database;
    private final CountingDataSource counting;
    private final Recipes recipes;
    private final RecipeDao dao;

    ElementCollectionTest(DatabaseKind kind) {
        this.database = TestDatabase.create(kind);
        Schema.create(database.dataSource(), Recipe.class);
        this.counting = new CountingDataSource(database.dataSource());
        this.recipes = new RecipesImpl(counting.dataSource());
        this.dao = new RecipeDao(counting.dataSource());
    }

    @AfterEach
    void closeDatabase() {
        database.close();
    }

    private static Recipe soup() {
        return new Recipe("R1", "Leek soup", Set.of(Diet.VEGAN, Diet.GLUTEN_FREE), List.of("chop", "boil", "blend"));
    }

    @Test
    void theTablesAreNamedAsJpaNamesThem() {
        recipes.insert(soup());
        assertEquals(2L, database.queryLong("SELECT COUNT(*) FROM Recipe_diets WHERE Recipe_code = 'R1'"));
        assertEquals(2L, database.queryLong("SELECT SUM(diets) FROM Recipe_diets WHERE Recipe_code = 'R1'"),
                "VEGAN and GLUTEN_FREE by ordinal, 0 and 2, as @Enumerated(ORDINAL) says");
        assertEquals(3L, database.queryLong("SELECT COUNT(*) FROM recipe_steps WHERE recipe = 'R1'"));
    }

    @Test
    void valuesAreReadWithTheEntity() {
        recipes.insert(soup());
        recipes.insert(new Recipe("R2", "Bread", null, List.of()));
        Recipe read = recipes.findById("R1").orElseThrow();
        assertEquals(Set.of(Diet.VEGAN, Diet.GLUTEN_FREE), read.diets());
        assertEquals(Set.of("chop", "boil", "blend"), Set.copyOf(read.steps()));
        assertInstanceOf(LinkedHashSet.class, read.diets());
        assertInstanceOf(ArrayList.class, read.steps());
        Recipe bread = recipes.findById("R2").orElseThrow();
        assertEquals(Set.of(), bread.diets(), "no values read back as an empty collection");
        assertEquals(List.of(), bread.steps());
    }

    @Test
    void anUpdateReplacesTheValues() {
        Recipe soup = recipes.insert(soup());
        soup.diets = Set.of(Diet.VEGETARIAN);
        soup.steps = List.of("simmer");
        recipes.update(soup);
        Recipe read = recipes.findById("R1").orElseThrow();
        assertEquals(Set.of(Diet.VEGETARIAN), read.diets());
        assertEquals(List.of("simmer"), read.steps());
    }

    @Test
    void aConflictKeepsTheWinnersValues() {
        recipes.insert(soup());
        Recipe alice = recipes.findById("R1").orElseThrow();
        Recipe bob = recipes.findById("R1").orElseThrow();
        alice.diets = Set.of(Diet.VEGETARIAN);
        recipes.update(alice);
        bob.diets = Set.of();
        bob.steps = List.of();
        OptimisticLockingFailureException failure =
                assertThrows(OptimisticLockingFailureException.class, () -> recipes.update(bob));
        Recipe winner = ((RecordModifiedException) failure.getCause()).current(Recipe.class).orElseThrow();
        assertEquals(Set.of(Diet.VEGETARIAN), winner.diets(), "the conflict carries the row with its values");
        assertEquals(Set.of(Diet.VEGETARIAN), recipes.findById("R1").orElseThrow().diets());
        assertEquals(3, recipes.findById("R1").orElseThrow().steps().size(), "the loser's update wrote nothing");
        assertThrows(OptimisticLockingFailureException.class, () -> recipes.delete(bob));
        assertEquals(3L, database.queryLong("SELECT COUNT(*) FROM recipe_steps"), "nor did its delete");
    }

    @Test
    void deletesTakeTheValuesWithThem() {
        recipes.insert(soup());
        recipes.insert(new Recipe("R2", "Salad", Set.of(Diet.VEGAN), List.of("wash")));
        recipes.delete(recipes.findById("R1").orElseThrow());
        recipes.deleteById("R2");
        assertEquals(0L, database.queryLong("SELECT COUNT(*) FROM Recipe_diets"));
        assertEquals(0L, database.queryLong("SELECT COUNT(*) FROM recipe_steps"));
    }

    @Test
    void batchesWriteTheValuesOfTheRowsTheyWrite() {
        List<Recipe> all = recipes.insertAll(List.of(soup(), new Recipe("R2", "Salad", Set.of(Diet.VEGAN), List.of("wash")),
                new Recipe("R3", "Stew", Set.of(), List.of("brown", "stew"))));
        assertEquals(6L, database.queryLong("SELECT COUNT(*) FROM recipe_steps"));
        Recipe stale = recipes.findById("R3").orElseThrow();
        Recipe moved = recipes.findById("R3").orElseThrow();
        moved.steps = List.of("pressure cook");
        recipes.update(moved);
        List<Recipe> edited = recipes.findByTitleLikeOrderByCode("%");
        edited.set(2, stale);
        edited.forEach(recipe -> recipe.diets = Set.of(Diet.GLUTEN_FREE));
        BatchConflictException conflicts = assertThrows(BatchConflictException.class,
                () -> dao.updateAll(edited, BatchPolicy.ABORT_ALL));
        assertEquals(1, conflicts.conflicts().size());
        assertEquals(Set.of(Diet.VEGAN), recipes.findById("R2").orElseThrow().diets(), "ABORT_ALL wrote nothing");
        dao.updateAll(edited, BatchPolicy.SILENT);
        assertEquals(Set.of(Diet.GLUTEN_FREE), recipes.findById("R1").orElseThrow().diets());
        assertEquals(Set.of(Diet.GLUTEN_FREE), recipes.findById("R2").orElseThrow().diets());
        assertEquals(List.of("pressure cook"), recipes.findById("R3").orElseThrow().steps(), "the conflict kept its values");
        assertEquals(Set.of(), recipes.findById("R3").orElseThrow().diets());
        dao.deleteAll(recipes.findByTitleLikeOrderByCode("%").subList(0, 2), BatchPolicy.ABORT_ALL);
        assertEquals(1L, database.queryLong("SELECT COUNT(*) FROM recipe_steps"));
        assertEquals(3, all.size());
    }

    @Test
    void aRepositoryOfSeveralEntitiesWritesEachThroughItsOwnDao() {
        Kitchen kitchen = new KitchenImpl(database.dataSource());
        kitchen.stock(new Item(1, "knife", 12.0, Item.Kind.TOOL));
        kitchen.stock(new Item(2, "whisk", null, Item.Kind.TOOL));
        Recipe[] written = kitchen.write(soup(), new Recipe("R2", "Salad", Set.of(Diet.VEGAN), List.of("wash")));
        assertEquals(1, written[1].version());
        assertTrue(kitchen.retitle("R2", "Green salad"));
        assertEquals("Green salad", kitchen.recipe("R2").orElseThrow().title);
        assertEquals(List.of("wash"), kitchen.recipe("R2").orElseThrow().steps());
        assertEquals(1, kitchen.clearUnpriced());
        assertEquals(List.of(1L), kitchen.findByKindOrderById(Item.Kind.TOOL).stream().map(Item::id).toList());
    }

    @Test
    void aBooleanFieldNamedIsXIsReachedThroughIsXAndSetX() {
        Recipe soup = soup();
        soup.setPublished(true);
        recipes.insert(soup);
        recipes.insert(new Recipe("R2", "Draft", Set.of(), List.of()));
        assertEquals(List.of("R1"), recipes.findByIsPublishedTrueOrderByCode().stream().map(Recipe::code).toList());
        assertTrue(recipes.findById("R1").orElseThrow().isPublished());
    }

    @Test
    void aQueryReadsTheValuesOfAllItsRowsInOneMoreStatement() {
        for (int i = 1; i <= 5; i++) {
            recipes.insert(new Recipe("R" + i, "Dish " + i, Set.of(Diet.values()[i % 3]), List.of("step " + i)));
        }
        counting.reset();
        List<Recipe> page = recipes.findByCodeNotNullOrderByCode(PageRequest.ofSize(4).withoutTotal()).content();
        assertEquals(4, page.size());
        assertEquals(List.of("step 2"), page.get(1).steps());
        assertEquals(Set.of(Diet.values()[2]), page.get(1).diets());
        assertEquals(3, counting.count(), "the page, then one SELECT for each collection: " + counting.statements());
        try (Stream<Recipe> stream = recipes.findByCodeGreaterThanOrderByCode("R3")) {
            assertEquals(List.of(List.of("step 4"), List.of("step 5")), stream.map(Recipe::steps).toList());
        }
        assertTrue(recipes.findAll().allMatch(recipe -> recipe.diets().size() == 1));
    }
}
