package org.optilock.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.data.Order;
import jakarta.data.Sort;
import jakarta.data.exceptions.EntityExistsException;
import jakarta.data.exceptions.OptimisticLockingFailureException;
import jakarta.data.page.CursoredPage;
import jakarta.data.page.PageRequest;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.EnumSource;
import org.optilock.it.support.DatabaseKind;
import org.optilock.it.support.TestDatabase;
import org.optilock.runtime.BatchConflictException;
import org.optilock.runtime.RecordModifiedException;
import org.optilock.runtime.Schema;

/** Repositories of entities without a version: plain key-based writes, on tables Schema creates. */
@ParameterizedClass(name = "{0}")
@EnumSource(DatabaseKind.class)
class UnversionedRepositoryTest {

    private final TestDatabase database;
    private final Tags tags;
    private final Labels labels;

    UnversionedRepositoryTest(DatabaseKind kind) {
        this.database = TestDatabase.createEmpty(kind);
        Schema.create(database.dataSource(), Tag.class, Label.class);
        this.tags = new TagsImpl(database.dataSource());
        this.labels = new LabelsImpl(database.dataSource());
    }

    @AfterEach
    void closeDatabase() {
        database.close();
    }

    @Test
    void writesGoByKeyAndTheLastWriterWins() {
        Tag saved = tags.insert(new Tag("java", 1));
        assertNotNull(saved.id);
        Tag mine = tags.findById(saved.id).orElseThrow();
        Tag theirs = tags.findById(saved.id).orElseThrow();
        theirs.uses = 2;
        tags.update(theirs);
        mine.name = "Java";
        tags.update(mine); // no version: nothing tells this copy is stale
        Tag now = tags.findById(saved.id).orElseThrow();
        assertEquals("Java", now.name);
        assertEquals(1, now.uses, "the first update was overwritten, as without a version it must be");

        tags.delete(now);
        OptimisticLockingFailureException gone = assertThrows(OptimisticLockingFailureException.class, () -> tags.update(mine));
        assertTrue(assertInstanceOf(RecordModifiedException.class, gone.getCause()).isDeleted());
        assertThrows(OptimisticLockingFailureException.class, () -> tags.delete(mine));
    }

    @Test
    void batchesWriteAllOrNothing() {
        List<Tag> added = tags.insertAll(IntStream.range(0, 5).mapToObj(i -> new Tag("t" + i, i)).toList());
        added.forEach(tag -> tag.uses += 10);
        tags.updateAll(added);
        assertEquals(5L, database.queryLong("SELECT COUNT(*) FROM Tag WHERE uses >= 10"));

        tags.deleteById(added.get(4).id);
        added.forEach(tag -> tag.uses += 100);
        OptimisticLockingFailureException failure =
                assertThrows(OptimisticLockingFailureException.class, () -> tags.updateAll(added));
        assertEquals(1, assertInstanceOf(BatchConflictException.class, failure.getCause()).conflicts().size());
        assertEquals(0L, database.queryLong("SELECT COUNT(*) FROM Tag WHERE uses >= 100"), "nothing was written");

        assertEquals(1, tags.removeNamed("t0"));
        tags.deleteAll(added.subList(1, 4));
        assertEquals(0L, database.queryLong("SELECT COUNT(*) FROM Tag"));
    }

    @Test
    void findsAndCursoredPages() {
        tags.insertAll(IntStream.range(0, 7).mapToObj(i -> new Tag(i % 2 == 0 ? "even" : "odd", i)).toList());
        assertEquals(4, tags.named("even").size());
        List<Integer> seen = new ArrayList<>();
        Order<Tag> byName = Order.by(Sort.desc("name"));
        CursoredPage<Tag> page = tags.pages(PageRequest.ofSize(3), byName);
        while (true) {
            page.forEach(tag -> seen.add(tag.uses));
            if (!page.hasNext()) {
                break;
            }
            page = tags.pages(page.nextPageRequest(), byName);
        }
        assertEquals(List.of(1, 3, 5, 0, 2, 4, 6), seen);
    }

    @Test
    void anAssignedKeyIsInsertedOnceAndSavedAsAnUpsert() {
        Label label = labels.add(new Label("red", "Red"));
        assertThrows(EntityExistsException.class, () -> labels.add(new Label("red", "Again")));
        assertEquals("Red", labels.findById("red").orElseThrow().text());

        labels.change(new Label("red", "Crimson"));
        assertEquals("Crimson", labels.findById("red").orElseThrow().text());
        assertThrows(OptimisticLockingFailureException.class, () -> labels.change(new Label("blue", "Blue")));

        labels.save(new Label("blue", "Blue"));           // no row: inserted
        labels.save(new Label("red", "Scarlet"));         // a row: updated
        labels.saveAll(List.of(new Label("green", "Green"), new Label("blue", "Navy")));
        assertEquals(List.of("Navy", "Green", "Scarlet"), List.of("blue", "green", "red").stream()
                .map(code -> labels.findById(code).orElseThrow().text()).toList());
        assertEquals(label.code(), "red");
    }
}
