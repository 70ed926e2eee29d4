package org.optilock.it;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.data.Limit;
import jakarta.data.Order;
import jakarta.data.Sort;
import jakarta.data.exceptions.EmptyResultException;
import jakarta.data.exceptions.EntityExistsException;
import jakarta.data.exceptions.NonUniqueResultException;
import jakarta.data.exceptions.OptimisticLockingFailureException;
import jakarta.data.page.CursoredPage;
import jakarta.data.page.Page;
import jakarta.data.page.PageRequest;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.EnumSource;
import org.optilock.it.support.CountingDataSource;
import org.optilock.it.support.DatabaseKind;
import org.optilock.it.support.TestDatabase;
import org.optilock.runtime.BatchConflictException;
import org.optilock.runtime.Concurrency;
import org.optilock.runtime.RecordModifiedException;

/** Generated Jakarta Data repositories, end to end, on every database. */
@ParameterizedClass(name = "{0}")
@EnumSource(DatabaseKind.class)
class RepositoryTest {

    private final TestDatabase database;
    private final Articles articles;
    private final Parcels parcels;

    RepositoryTest(DatabaseKind kind) {
        this.database = TestDatabase.create(kind);
        this.articles = new ArticlesImpl(database.dataSource());
        this.parcels = new ParcelsImpl(database.dataSource());
    }

    @AfterEach
    void closeDatabase() {
        database.close();
    }

    @Test
    void aStaleUpdateThrowsTheSpecificationsExceptionCausedByTheConflictWithTheWinnersRow() {
        Article saved = articles.insert(new Article("Draft", "first"));
        Article alice = articles.findById(saved.id).orElseThrow();
        Article bob = articles.findById(saved.id).orElseThrow();
        alice.title = "Alice's title";
        articles.update(alice);

        bob.body = "Bob's body";
        OptimisticLockingFailureException failure =
                assertThrows(OptimisticLockingFailureException.class, () -> articles.update(bob));
        RecordModifiedException conflict = assertInstanceOf(RecordModifiedException.class, failure.getCause());
        Article winner = conflict.current(Article.class).orElseThrow();
        assertEquals("Alice's title", winner.title);
        assertEquals(2L, conflict.currentVersion());
        assertEquals(1, bob.version, "the loser keeps the version it read");
        assertEquals("first", database.queryString("SELECT body FROM article WHERE id = " + saved.id));
    }

    @Test
    void withTheCheckOffTheSameStaleUpdateLosesTheFirstWrite() {
        Article saved = articles.insert(new Article("Draft", "first"));
        Article alice = articles.findById(saved.id).orElseThrow();
        Article bob = articles.findById(saved.id).orElseThrow();
        alice.title = "Alice's title";
        articles.update(alice);

        bob.body = "Bob's body";
        Concurrency.disabled((Runnable) () -> articles.update(bob));
        assertEquals("Draft", database.queryString("SELECT title FROM article WHERE id = " + saved.id),
                "without the check, Bob's stale copy wrote over Alice's title");
    }

    @Test
    void aBatchWithOneStaleEntityWritesNoneAndNamesTheConflict() {
        Article[] added = articles.add(new Article("a", "1"), new Article("b", "2"), new Article("c", "3"));
        assertTrue(added[0].id != null && added[2].id != null);
        Article stale = articles.findById(added[1].id).orElseThrow();
        added[1].title = "b moved";
        articles.update(added[1]);

        List<Article> edits = new ArrayList<>(List.of(articles.findById(added[0].id).orElseThrow(), stale));
        edits.forEach(article -> article.body = "edited");
        OptimisticLockingFailureException failure =
                assertThrows(OptimisticLockingFailureException.class, () -> articles.change(edits));
        BatchConflictException conflicts = assertInstanceOf(BatchConflictException.class, failure.getCause());
        assertEquals(List.of(added[1].id), conflicts.conflicts().stream().map(RecordModifiedException::id).toList());
        assertEquals(0L, database.queryLong("SELECT COUNT(*) FROM article WHERE body = 'edited'"));
    }

    @Test
    void lifecycleMethodsInsertSaveAndDelete() {
        Article one = articles.save(new Article("one", "x"));
        assertEquals(1, one.version);
        one.body = "y";
        articles.save(one);
        assertEquals(2, one.version);

        Article two = new Article("two", "x");
        articles.keep(List.of(one, two));
        assertEquals(3, one.version);
        assertNotNull(two.id);

        articles.remove(one);
        articles.deleteById(two.id);
        articles.deleteById(two.id); // nothing left: nothing happens
        assertEquals(0L, database.queryLong("SELECT COUNT(*) FROM article"));
    }

    @Test
    void aDuplicateInsertThrowsEntityExists() {
        Article first = articles.insert(new Article("first", ""));
        Article copy = new Article("copy", "");
        copy.id = first.id;
        EntityExistsException failure = assertThrows(EntityExistsException.class, () -> articles.insert(copy));
        assertNotNull(failure.getCause());
    }

    @Test
    void aDeleteOfAStaleCopyThrowsAndKeepsTheRow() {
        Article saved = articles.insert(new Article("keep", ""));
        Article stale = articles.findById(saved.id).orElseThrow();
        saved.body = "moved";
        articles.update(saved);
        assertThrows(OptimisticLockingFailureException.class, () -> articles.remove(stale));
        assertEquals(1L, database.queryLong("SELECT COUNT(*) FROM article"));
    }

    @Test
    void findMethodsMatchAttributesAndShapeTheirResults() {
        articles.insertAll(List.of(new Article("same", "b2"), new Article("same", "b1"), new Article("other", "b1")));

        assertEquals(List.of("b1", "b2"), articles.byTitle("same", Order.by(Sort.asc("body"))).stream()
                .map(a -> a.body).toList());
        assertEquals(List.of("b2", "b1"), articles.byTitle("same", Order.by(Sort.desc("body"))).stream()
                .map(a -> a.body).toList());
        assertEquals("other", articles.exactlyTitled("other").title);
        assertTrue(articles.oneTitled("none").isEmpty());
        assertThrows(EmptyResultException.class, () -> articles.exactlyTitled("none"));
        assertThrows(NonUniqueResultException.class, () -> articles.oneTitled("same"));
        assertEquals(2, articles.byBody("b1").length);
        assertEquals(List.of("other"), articles.first(Limit.of(1), Sort.asc("title")).stream().map(a -> a.title).toList());
        assertEquals(List.of("same"), articles.first(Limit.range(2, 2), Sort.asc("title")).stream()
                .map(a -> a.title).toList());
        try (Stream<Article> ordered = articles.inTitleOrder()) {
            assertEquals(List.of("other", "same", "same"), ordered.map(a -> a.title).toList());
        }
        try (Stream<Article> all = articles.findAll()) {
            assertEquals(3, all.count());
        }
        assertEquals(2, articles.removeTitled("same"));
        assertThrows(IllegalArgumentException.class, () -> articles.first(Limit.of(1), Sort.asc("titel")));
    }

    @Test
    void offsetPagesCountTheirRowsWhenAsked() {
        articles.insertAll(IntStream.range(0, 7).mapToObj(i -> new Article("t" + i, "b")).toList());
        Page<Article> first = articles.withBody("b", PageRequest.ofSize(3));
        assertEquals(3, first.numberOfElements());
        assertEquals(7, first.totalElements());
        assertEquals(3, first.totalPages());
        Page<Article> last = articles.withBody("b", PageRequest.ofPage(3, 3, false));
        assertEquals(1, last.numberOfElements());
        assertFalse(last.hasNext());
        assertFalse(last.hasTotals());
        Page<Article> sorted = articles.findAll(PageRequest.ofSize(2), Order.by(Sort.desc("title")));
        assertEquals(List.of("t6", "t5"), sorted.content().stream().map(a -> a.title).toList());
        assertTrue(sorted.hasNext());
    }

    @Test
    void cursoredPagesGoForwardAndBackOverTiesAndDoNotShiftWhenRowsAreAdded() {
        // Titles repeat, so only the key, appended to the order, keeps pages from skipping or repeating rows.
        articles.insertAll(IntStream.range(0, 10).mapToObj(i -> new Article("t" + (i % 3), "b" + i)).toList());
        Order<Article> byTitle = Order.by(Sort.asc("title"));
        List<Long> seen = new ArrayList<>();
        CursoredPage<Article> page = articles.pages(PageRequest.ofSize(4), byTitle);
        assertFalse(page.hasPrevious());
        List<CursoredPage<Article>> pages = new ArrayList<>();
        while (true) {
            pages.add(page);
            page.content().forEach(a -> seen.add(a.id));
            if (!page.hasNext()) {
                break;
            }
            articles.insert(new Article("a", "added meanwhile")); // sorts before the cursor: no later page holds it
            page = articles.pages(page.nextPageRequest(), byTitle);
        }
        assertEquals(3, pages.size());
        assertEquals(10, seen.size());
        assertEquals(10, seen.stream().distinct().count(), "no row twice");

        CursoredPage<Article> back = articles.pages(pages.get(2).previousPageRequest(), byTitle);
        assertEquals(pages.get(1).content().stream().map(a -> a.id).toList(), back.content().stream().map(a -> a.id).toList());
        assertTrue(back.hasPrevious());

        CursoredPage<Article> withTotal = articles.pages(PageRequest.ofSize(4).withTotal(), byTitle);
        assertEquals(12, withTotal.totalElements());
        assertThrows(IllegalArgumentException.class, () -> articles.pages(
                PageRequest.afterCursor(PageRequest.Cursor.forKey("t0"), 2, 4, false), byTitle));
    }

    @Test
    void anImmutableEntityComesBackAsNewInstances() {
        Parcel fresh = Parcel.of("books", 12);
        Parcel added = parcels.add(fresh);
        assertNotSame(fresh, added);
        Parcel changed = parcels.change(added.relabelled("old books"));
        assertEquals(2, changed.getVersion());
        assertThrows(OptimisticLockingFailureException.class, () -> parcels.change(added.relabelled("stale")));
        List<Parcel> both = parcels.changeAll(List.of(changed.relabelled("again")));
        assertEquals(3, both.get(0).getVersion());
        assertEquals("again", parcels.byLabel("again").get(0).getLabel());
        Parcel saved = parcels.save(Parcel.of("lamp", 2));
        assertEquals(1, saved.getVersion());
    }

    @Test
    void aStreamHoldsOneConnectionUntilItIsClosed() {
        articles.insertAll(List.of(new Article("a", ""), new Article("b", "")));
        CountingDataSource counting = new CountingDataSource(database.dataSource());
        Articles counted = new ArticlesImpl(counting.dataSource());
        Stream<Article> stream = counted.findAll();
        assertEquals(1, counting.openConnections(), "the stream reads on a connection of its own");
        assertEquals("a", stream.findFirst().orElseThrow().title);
        stream.close();
        assertEquals(0, counting.openConnections(), "closing the stream gave the connection back");
    }

    @Test
    void aStreamReadToItsEndGivesItsConnectionBackUnclosed() {
        articles.insertAll(List.of(new Article("a", ""), new Article("b", "")));
        CountingDataSource counting = new CountingDataSource(database.dataSource());
        Articles counted = new ArticlesImpl(counting.dataSource());
        for (int i = 0; i < 20; i++) {
            assertEquals(2, counted.findAll().map(article -> article.title).toList().size());
        }
        assertEquals(0, counting.openConnections(), "the last row read closed what the stream opened");
    }

    @Test
    void aPageIsOneStatementAndItsTotalOneMore() {
        articles.insertAll(IntStream.range(0, 5).mapToObj(i -> new Article("t" + i, "")).toList());
        CountingDataSource counting = new CountingDataSource(database.dataSource());
        Articles counted = new ArticlesImpl(counting.dataSource());
        Order<Article> byTitle = Order.by(Sort.asc("title"));
        counting.reset();
        CursoredPage<Article> first = counted.pages(PageRequest.ofSize(2).withoutTotal(), byTitle);
        assertEquals(1, counting.count(), counting.statements().toString());
        counted.pages(first.nextPageRequest(), byTitle);
        assertEquals(2, counting.count(), "the next page is one statement too");
        counted.pages(PageRequest.ofSize(2), byTitle);
        assertEquals(4, counting.count(), "a request that asks for the total costs one COUNT more");
        assertEquals(0, counting.openConnections());
    }

    @Test
    void findsBindInstantsAndEnumsAsTheDaoWritesThem() {
        SampleDao sampleDao = new SampleDao(database.dataSource());
        Samples samples = new SamplesImpl(database.dataSource());
        Sample sample = sampleDao.insert(SampleValues.everyColumnSet());
        assertEquals(List.of(sample.id), samples.at(sample.instant).stream().map(s -> s.id).toList());
        assertEquals(List.of(), samples.at(sample.instant.plusNanos(1_000)));
        assertEquals(1, samples.inStatus(Sample.Status.ACTIVE).size());
        assertEquals(0, samples.inStatus(Sample.Status.DRAFT).size());
    }

    @Test
    void aDefaultMethodRunsAsWritten() {
        Article made = articles.titled("new");
        assertArrayEquals(new Object[] {made.id}, new Object[] {articles.titled("new").id});
    }
}
