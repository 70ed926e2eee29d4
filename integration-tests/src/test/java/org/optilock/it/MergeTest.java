package org.optilock.it;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.EnumSource;
import org.optilock.it.library.LibraryUser;
import org.optilock.it.support.DatabaseKind;
import org.optilock.it.support.TestDatabase;
import org.optilock.runtime.Merge;
import org.optilock.runtime.RecordModifiedException;
import org.optilock.runtime.Versioned;

/** The generated three-way merge, and saving what it merged after a real conflict. */
@ParameterizedClass(name = "{0}")
@EnumSource(DatabaseKind.class)
class MergeTest {

    private final TestDatabase database;
    private final ArticleDao articles;

    MergeTest(DatabaseKind kind) {
        this.database = TestDatabase.create(kind);
        this.articles = new ArticleDao(database.dataSource());
    }

    @AfterEach
    void closeDatabase() {
        database.close();
    }

    @Test
    void editsOfDifferentFieldsMergeAndSaveTogether() {
        Article base = articles.insert(new Article("Title", "Body"));
        Article mine = articles.findById(base.id).orElseThrow();
        Article theirs = articles.findById(base.id).orElseThrow();
        theirs.body = "Their body";
        articles.update(theirs);
        mine.title = "My title";

        RecordModifiedException conflict = assertThrows(RecordModifiedException.class, () -> articles.update(mine));
        Merge<Article> merge = articles.merge(base, mine, conflict.<Article>current().orElseThrow());

        assertTrue(merge.isClean());
        assertEquals(2L, merge.merged().version, "theirs' version, so the save is checked against it");
        articles.update(merge.merged());
        Article saved = articles.findById(base.id).orElseThrow();
        assertEquals("My title", saved.title);
        assertEquals("Their body", saved.body);
        assertEquals(3L, saved.version);
    }

    @Test
    void aMergedSaveStillConflictsWhenTheRowMovedAgain() {
        Article base = articles.insert(new Article("Title", "Body"));
        Article theirs = articles.findById(base.id).orElseThrow();
        theirs.body = "Their body";
        articles.update(theirs);
        Article mine = articles.findById(base.id).orElseThrow();
        mine.title = "Mine";
        Merge<Article> merge = articles.merge(base, mine, articles.findById(base.id).orElseThrow());
        Article again = articles.findById(base.id).orElseThrow();
        again.body = "Moved again";
        articles.update(again);

        assertThrows(RecordModifiedException.class, () -> articles.update(merge.merged()));
    }

    @Test
    void fieldsBothChangedDifferentlyAreListedAndKeepTheirValue() {
        Article base = new Article("Title", "Body");
        base.id = 1L;
        base.version = 1;
        Article mine = copy(base, "My title", "My body");
        Article theirs = copy(base, "Their title", "My body");
        theirs.version = 2;

        Merge<Article> merge = articles.merge(base, mine, theirs);

        assertEquals(List.of("title"), merge.conflictingFields(), "the body changed the same way on both sides");
        assertEquals("Their title", merge.merged().title);
        assertEquals("My body", merge.merged().body);
        assertNotSame(theirs, merge.merged(), "no argument is changed");
        assertEquals("Their title", theirs.title);
    }

    private static Article copy(Article from, String title, String body) {
        Article copy = new Article(title, body);
        copy.id = from.id;
        copy.version = from.version;
        return copy;
    }

    @Test
    void recordsMergeIntoANewRecord() {
        NoteDao notes = new NoteDao(database.dataSource());
        Note base = new Note(1, "base", 1);
        Merge<Note> merge = notes.merge(base, base.withText("mine"), new Note(1, "base", 2));
        assertEquals(new Note(1, "mine", 2), merge.merged());
        assertEquals(List.of("text"), notes.merge(base, base.withText("mine"), new Note(1, "theirs", 2)).conflictingFields());
    }

    @Test
    void fieldsAConditionalVersionIgnoresMergeLikeAnyOther() {
        PageDao pages = new PageDao(database.dataSource());
        Page base = new Page(1, "Title", 10, Instant.parse("2026-01-01T00:00:00Z"));
        Page theirs = new Page(1, "Their title", 10, Instant.parse("2026-01-02T00:00:00Z"));

        Merge<Page> merge = pages.merge(base, base.withViews(11), theirs);

        assertEquals(new Page(1, "Their title", 11, theirs.version()), merge.merged());
        assertEquals(List.of("views"), pages.merge(base, base.withViews(11), theirs.withViews(12)).conflictingFields());
    }

    @Test
    void classesVersionedFromOutsideMergeTheObjectAndKeepTheirVersion() {
        LibraryUserDao users = new LibraryUserDao(database.dataSource());
        Versioned<LibraryUser> base = new Versioned<>(user("Ada", true), 1L);
        Versioned<LibraryUser> mine = new Versioned<>(user("Ada Lovelace", true), 1L);
        Versioned<LibraryUser> theirs = new Versioned<>(user("Ada", false), 2L);

        Merge<Versioned<LibraryUser>> merge = users.merge(base, mine, theirs);

        assertTrue(merge.isClean());
        assertEquals("Ada Lovelace", merge.merged().value().getName());
        assertEquals(false, merge.merged().value().isActive());
        assertEquals(2L, merge.merged().version());
    }

    private static LibraryUser user(String name, boolean active) {
        LibraryUser user = new LibraryUser();
        user.setId(1L);
        user.setName(name);
        user.setActive(active);
        return user;
    }

    /** Three distinct values of every column type; variant 0 is the base. */
    private static Sample sample(int variant) {
        Sample sample = new Sample();
        sample.id = 7;
        sample.flag = variant == 1;
        sample.boxedFlag = variant == 2 ? null : variant == 1;
        sample.tiny = (byte) variant;
        sample.boxedTiny = (byte) (variant + 10);
        sample.small = (short) variant;
        sample.boxedSmall = (short) (variant + 10);
        sample.number = variant;
        sample.boxedNumber = variant + 10;
        sample.big = variant;
        sample.boxedBig = variant + 10L;
        sample.ratio = variant + 0.5f;
        sample.boxedRatio = variant + 10.5f;
        sample.measure = variant + 0.25;
        sample.boxedMeasure = variant + 10.25;
        sample.text = "text " + variant;
        sample.amount = new BigDecimal(variant + ".5");
        sample.payload = new byte[] {(byte) variant, 1, 2};
        sample.reference = new UUID(0, variant);
        sample.status = Sample.Status.values()[variant];
        sample.statusOrdinal = Sample.Status.values()[2 - variant];
        sample.birthday = LocalDate.of(2026, 1, 1 + variant);
        sample.wallClock = LocalDateTime.of(2026, 1, 1, 10, variant);
        sample.instant = Instant.parse("2026-01-01T10:00:00Z").plusSeconds(variant);
        sample.offsetTime = OffsetDateTime.of(2026, 1, 1, 10, 0, variant, 0, ZoneOffset.UTC);
        sample.version = OffsetDateTime.of(2026, 1, 1, 0, 0, 0, 0, ZoneOffset.UTC);
        return sample;
    }

    /** The fields that can change differently on both sides: a boolean has no third value. */
    private static final List<String> SAMPLE_FIELDS = List.of("boxedFlag", "tiny", "boxedTiny", "small",
            "boxedSmall", "number", "boxedNumber", "big", "boxedBig", "ratio", "boxedRatio", "measure", "boxedMeasure",
            "text", "amount", "payload", "reference", "status", "statusOrdinal", "birthday", "wallClock", "instant",
            "offsetTime");

    /** Every field of {@code sample} but its key and version, in declaration order, arrays as lists. */
    private static List<Object> values(Sample sample) {
        // Arrays.asList: a boxed field may be null.
        return Arrays.asList(sample.flag, sample.boxedFlag, sample.tiny, sample.boxedTiny, sample.small, sample.boxedSmall,
                sample.number, sample.boxedNumber, sample.big, sample.boxedBig, sample.ratio, sample.boxedRatio,
                sample.measure, sample.boxedMeasure, sample.text, sample.amount, List.of(sample.payload[0]),
                sample.reference, sample.status, sample.statusOrdinal, sample.birthday, sample.wallClock,
                sample.instant, sample.offsetTime);
    }

    @Test
    void theTruthTableHoldsForEveryColumnType() {
        SampleDao samples = new SampleDao(database.dataSource());
        Sample base = sample(0);
        Sample theirsUnchanged = sample(0);
        theirsUnchanged.version = base.version.plusSeconds(1);

        // unchanged on both sides
        Merge<Sample> none = samples.merge(base, sample(0), theirsUnchanged);
        assertTrue(none.isClean());
        assertEquals(values(sample(0)), values(none.merged()));
        // only mine changed
        Merge<Sample> mineOnly = samples.merge(base, sample(1), theirsUnchanged);
        assertTrue(mineOnly.isClean());
        assertEquals(values(sample(1)), values(mineOnly.merged()));
        assertEquals(theirsUnchanged.version, mineOnly.merged().version, "the version is theirs'");
        // only theirs changed
        Merge<Sample> theirsOnly = samples.merge(base, sample(0), sample(2));
        assertTrue(theirsOnly.isClean());
        assertEquals(values(sample(2)), values(theirsOnly.merged()));
        // both the same way
        Merge<Sample> same = samples.merge(base, sample(1), sample(1));
        assertTrue(same.isClean());
        assertEquals(values(sample(1)), values(same.merged()));
        // both, differently: every field that can collides, in declaration order, and keeps theirs
        Merge<Sample> both = samples.merge(base, sample(1), sample(2));
        assertEquals(SAMPLE_FIELDS, both.conflictingFields());
        List<Object> expected = new ArrayList<>(values(sample(2)));
        expected.set(0, true); // flag: theirs (false) is base's value, so only mine changed it
        assertEquals(expected, values(both.merged()));
    }

    @Test
    void fieldsAreComparedAsTheDatabaseComparesThem() {
        SampleDao samples = new SampleDao(database.dataSource());
        Sample base = sample(0);
        Sample mine = sample(0);
        mine.amount = new BigDecimal("0.50");                                    // 0.5 = 0.50
        mine.payload = new byte[] {0, 1, 2};                                     // the same bytes
        mine.offsetTime = base.offsetTime.withOffsetSameInstant(ZoneOffset.ofHours(3)); // the same instant
        Sample theirs = sample(0);
        theirs.text = "theirs";

        Merge<Sample> merge = samples.merge(base, mine, theirs);

        assertTrue(merge.isClean());
        assertEquals("theirs", merge.merged().text);
        assertArrayEquals(new byte[] {0, 1, 2}, merge.merged().payload);
    }
}
