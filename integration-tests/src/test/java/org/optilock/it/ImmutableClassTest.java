package org.optilock.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.EnumSource;
import org.optilock.it.support.DatabaseKind;
import org.optilock.it.support.TestDatabase;
import org.optilock.runtime.BatchPolicy;
import org.optilock.runtime.BatchResult;
import org.optilock.runtime.Merge;
import org.optilock.runtime.RecordModifiedException;

/** An immutable class is an entity as a record is: every write returns a new instance. */
@ParameterizedClass(name = "{0}")
@EnumSource(DatabaseKind.class)
class ImmutableClassTest {

    private final TestDatabase database;
    private final ParcelDao parcels;

    ImmutableClassTest(DatabaseKind kind) {
        this.database = TestDatabase.create(kind);
        this.parcels = new ParcelDao(database.dataSource());
    }

    @AfterEach
    void closeDatabase() {
        database.close();
    }

    @Test
    void insertAndUpdateReturnNewInstancesAndTheOriginalsStayAsTheyWere() {
        Parcel fresh = Parcel.of("books", 12);
        Parcel inserted = parcels.insert(fresh);
        assertNotSame(fresh, inserted);
        assertNull(fresh.getId());
        assertEquals(1, inserted.getVersion());

        Parcel read = parcels.findById(inserted.getId()).orElseThrow();
        assertEquals("books", read.getLabel());
        assertEquals(12, read.getWeight());

        Parcel relabelled = read.relabelled("old books");
        Parcel updated = parcels.update(relabelled);
        assertEquals(2, updated.getVersion());
        assertEquals(1, relabelled.getVersion(), "the instance given keeps its version: it is immutable");
        assertEquals("old books", parcels.findById(inserted.getId()).orElseThrow().getLabel());
    }

    @Test
    void aStaleCopyIsRefused() {
        Parcel inserted = parcels.insert(Parcel.of("lamp", 3));
        Parcel mine = parcels.findById(inserted.getId()).orElseThrow();
        parcels.update(parcels.findById(inserted.getId()).orElseThrow().relabelled("theirs"));

        RecordModifiedException conflict = assertThrows(RecordModifiedException.class,
                () -> parcels.update(mine.relabelled("mine")));
        assertEquals(2L, conflict.currentVersion());
        assertEquals("theirs", conflict.current(Parcel.class).orElseThrow().getLabel());
    }

    @Test
    void batchesAndMergesMakeNewInstancesToo() {
        List<Parcel> inserted = parcels.insertAll(List.of(Parcel.of("a", 1), Parcel.of("b", 2)));
        assertEquals(1, inserted.get(1).getVersion());

        BatchResult<Parcel> result = parcels.updateAll(inserted.stream().map(p -> p.relabelled(p.getLabel() + "!")).toList(),
                BatchPolicy.ABORT_ALL);
        assertEquals(List.of(2L, 2L), result.applied().stream().map(Parcel::getVersion).toList());

        Parcel base = inserted.get(0);
        Parcel theirs = parcels.findById(base.getId()).orElseThrow();
        Merge<Parcel> merge = parcels.merge(base, base.relabelled("mine"), theirs);
        assertEquals(List.of("label"), merge.conflictingFields());
    }
}
