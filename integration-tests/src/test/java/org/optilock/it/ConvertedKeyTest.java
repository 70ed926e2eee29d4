package org.optilock.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.EnumSource;
import org.optilock.it.support.DatabaseKind;
import org.optilock.it.support.TestDatabase;
import org.optilock.runtime.BatchPolicy;
import org.optilock.runtime.BatchResult;
import org.optilock.runtime.RecordModifiedException;
import org.optilock.runtime.Schema;

/**
 * Keys whose column holds them converted, an enum by name and a {@code char} as text, through the
 * contract. The runtime takes most keys from a DAO's column values; these it must not, or a conflict
 * would name the key's text instead of the key.
 */
@ParameterizedClass(name = "{0}")
@EnumSource(DatabaseKind.class)
class ConvertedKeyTest {

    private final TestDatabase database;
    private final RegionDao regions;
    private final GradeDao grades;

    ConvertedKeyTest(DatabaseKind kind) {
        this.database = TestDatabase.createEmpty(kind);
        Schema.create(database.dataSource(), Region.class, Grade.class);
        this.regions = new RegionDao(database.dataSource());
        this.grades = new GradeDao(database.dataSource());
    }

    @AfterEach
    void closeDatabase() {
        database.close();
    }

    @Test
    void anEnumKeyByName() {
        Region north = regions.insert(new Region(Region.Area.NORTH, "Ada"));
        Region south = regions.insert(new Region(Region.Area.SOUTH, "Bo"));
        Region stale = regions.findById(Region.Area.NORTH).orElseThrow();

        north.manager = "Cy";
        regions.update(north);
        assertEquals(2L, regions.currentVersion(Region.Area.NORTH).orElseThrow());

        stale.manager = "Dee";
        RecordModifiedException conflict = assertThrows(RecordModifiedException.class, () -> regions.update(stale));
        assertEquals(Region.Area.NORTH, conflict.id());
        assertEquals(1L, conflict.expectedVersion());
        assertEquals("Cy", regions.findById(Region.Area.NORTH).orElseThrow().manager);

        south.manager = "Eve";
        BatchResult<Region> batch = regions.updateAll(List.of(stale, south), BatchPolicy.SILENT);
        assertEquals(Region.Area.NORTH, batch.conflicts().get(0).id());
        assertEquals(List.of(Region.Area.SOUTH), batch.applied().stream().map(region -> region.area).toList());

        regions.delete(north);
        assertFalse(regions.findById(Region.Area.NORTH).isPresent());
        assertTrue(regions.findById(Region.Area.SOUTH).isPresent());
    }

    @Test
    void aCharKeyInARecord() {
        Grade a = grades.insert(new Grade('A', "excellent", 0));
        grades.insert(new Grade('B', "good", 0));
        assertEquals(1, a.version());

        Grade changed = grades.update(new Grade('A', "outstanding", a.version()));
        assertEquals(2, changed.version());

        RecordModifiedException conflict = assertThrows(RecordModifiedException.class,
                () -> grades.update(new Grade('A', "top", a.version())));
        assertEquals('A', conflict.id());
        assertEquals("outstanding", grades.findById('A').orElseThrow().meaning());

        grades.delete(changed);
        assertFalse(grades.findById('A').isPresent());
        assertEquals(List.of('B'), grades.findAll().stream().map(Grade::letter).toList());
    }
}
