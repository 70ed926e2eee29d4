package org.optilock.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.time.LocalDate;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.EnumSource;
import org.optilock.it.support.CountingDataSource;
import org.optilock.it.support.DatabaseKind;
import org.optilock.it.support.TestDatabase;
import org.optilock.runtime.Concurrency;
import org.optilock.runtime.RecordModifiedException;

/** Conditional versions: only changes to the relevant columns move the version, decided in SQL. */
@ParameterizedClass(name = "{0}")
@EnumSource(DatabaseKind.class)
class ConditionalVersionTest {

    private final TestDatabase database;
    private final ProfileDao profiles;
    private final PageDao pages;

    ConditionalVersionTest(DatabaseKind kind) {
        this.database = TestDatabase.create(kind);
        this.profiles = new ProfileDao(database.dataSource());
        this.pages = new PageDao(database.dataSource());
    }

    @AfterEach
    void closeDatabase() {
        database.close();
    }

    @Test
    void onlyCheckedFieldsMoveTheVersion() {
        Profile profile = profiles.insert(new Profile("ada", "Ada", "ada@example.com"));
        assertEquals(1, profile.version);

        profile.lastSeen = LocalDate.of(2026, 11, 25);
        profiles.update(profile);
        assertEquals(1, profile.version, "an ignored field changed");

        profile.name = "Ada Lovelace";
        profiles.update(profile);
        assertEquals(2, profile.version, "a checked field changed");

        profile.email = null;
        profiles.update(profile);
        assertEquals(3, profile.version, "a checked field set to null");

        profiles.update(profile);
        assertEquals(3, profile.version, "nothing changed");
        assertEquals(3L, database.queryLong("SELECT version FROM profile WHERE username = 'ada'"));
        Profile stored = profiles.findById("ada").orElseThrow();
        assertEquals(LocalDate.of(2026, 11, 25), stored.lastSeen);
        assertEquals(null, stored.email);
    }

    @Test
    void anotherWritersChangeToAnIgnoredFieldDoesNotConflict() {
        profiles.insert(new Profile("bob", "Bob", "bob@example.com"));
        Profile mine = profiles.findById("bob").orElseThrow();
        Profile theirs = profiles.findById("bob").orElseThrow();

        theirs.lastSeen = LocalDate.of(2026, 1, 1);
        profiles.update(theirs);
        mine.name = "Robert";
        profiles.update(mine);

        assertEquals(2, mine.version);
        assertEquals("Robert", profiles.findById("bob").orElseThrow().name);
    }

    @Test
    void anotherWritersChangeToACheckedFieldConflicts() {
        profiles.insert(new Profile("cy", "Cy", "cy@example.com"));
        Profile mine = profiles.findById("cy").orElseThrow();
        Profile theirs = profiles.findById("cy").orElseThrow();

        theirs.email = "cyrus@example.com";
        profiles.update(theirs);
        mine.name = "Cyrus";

        RecordModifiedException conflict = assertThrows(RecordModifiedException.class, () -> profiles.update(mine));
        assertEquals(2, conflict.currentVersion());
        assertEquals("Cy", profiles.findById("cy").orElseThrow().name);
    }

    /**
     * An update that moves the version writes its 1 into the statement; one inside {@code
     * withoutIncrement} binds 0 to the same UPDATE: both are checked, and only the first moves it.
     */
    @Test
    void withoutIncrementAChangedCheckedFieldKeepsTheVersionAndStaysChecked() {
        CountingDataSource counter = new CountingDataSource(database.dataSource());
        ProfileDao counted = new ProfileDao(counter.dataSource());
        Profile profile = counted.insert(new Profile("dee", "Dee", "dee@example.com"));
        Profile stale = counted.findById("dee").orElseThrow();

        counter.reset();
        profile.name = "Deirdre";
        Concurrency.withoutIncrement(() -> counted.update(profile));
        assertEquals(1, profile.version, "a checked field changed, without increment");
        assertTrue(sentAnUpdateMovingTheVersionBy(counter, "?"), counter.prepared()::toString);
        assertEquals("Deirdre", counted.findById("dee").orElseThrow().name);
        assertEquals(1L, database.queryLong("SELECT version FROM profile WHERE username = 'dee'"));

        counter.reset();
        profile.name = "Dee";
        counted.update(profile);
        assertEquals(2, profile.version, "the same change outside it moves the version by one");
        assertTrue(sentAnUpdateMovingTheVersionBy(counter, "1"), counter.prepared()::toString);
        assertFalse(sentAnUpdateMovingTheVersionBy(counter, "?"), "one value fewer to bind: " + counter.prepared());

        stale.email = "other@example.com";
        Concurrency.withoutIncrement(() -> assertThrows(RecordModifiedException.class, () -> counted.update(stale)));
        assertEquals("dee@example.com", counted.findById("dee").orElseThrow().email);
    }

    /** Whether an UPDATE prepared since the counter's reset moved the conditional version by {@code increment}. */
    private static boolean sentAnUpdateMovingTheVersionBy(CountingDataSource counter, String increment) {
        return counter.prepared().stream().anyMatch(sql -> sql.contains("COALESCE(version, 0) + " + increment));
    }

    @Test
    void twoInstancesNeverShareWhatTheyRemember() {
        // django-concurrency's issue 254: the "original values" lived on the class, shared by all
        // instances. Here the comparison is made by the database, against the row itself.
        profiles.insert(new Profile("di", "Di", "di@example.com"));
        profiles.insert(new Profile("ed", "Ed", "ed@example.com"));
        Profile di = profiles.findById("di").orElseThrow();
        Profile ed = profiles.findById("ed").orElseThrow();

        ed.name = "Edward";
        di.lastSeen = LocalDate.of(2026, 2, 2);
        profiles.update(ed);
        profiles.update(di);

        assertEquals(2, ed.version);
        assertEquals(1, di.version);
    }

    @Test
    void ignoreFieldsOnATimestampRecord() {
        Page page = pages.insert(new Page(1, "Home", 0, null));
        Instant first = page.version();

        Page viewed = pages.update(page.withViews(10));
        assertEquals(first, viewed.version(), "the view count is ignored");
        Page renamed = pages.update(viewed.withTitle("Welcome"));
        assertTrue(renamed.version().isAfter(first));
        assertEquals(renamed, pages.findById(1L).orElseThrow());

        assertThrows(RecordModifiedException.class, () -> pages.update(page.withTitle("stale")));
    }

    @Test
    void aConditionalUpdateIsOneStatementWhereTheDatabaseCanReturnValues() {
        CountingDataSource counter = new CountingDataSource(database.dataSource());
        ProfileDao counted = new ProfileDao(counter.dataSource());
        Profile profile = counted.insert(new Profile("fay", "Fay", "fay@example.com"));

        counter.reset();
        profile.name = "Faye";
        counted.update(profile);

        assertEquals(database.statementsOfAReadBackUpdate(), counter.count(), counter.statements()::toString);
        assertEquals(2, profile.version);
    }

    @Test
    void theDialectIsDetectedOncePerDao() {
        CountingDataSource counter = new CountingDataSource(database.dataSource());
        ProfileDao counted = new ProfileDao(counter.dataSource());
        Profile profile = counted.insert(new Profile("gus", "Gus", null));
        for (int i = 0; i < 5; i++) {
            profile.name = "Gus " + i;
            counted.update(profile);
        }
        assertEquals(6, profile.version);
        assertEquals(1, counter.metadataReads(), "the connection's metadata is read on the first update only");
    }
}
