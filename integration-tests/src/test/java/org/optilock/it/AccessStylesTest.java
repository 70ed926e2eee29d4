package org.optilock.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.SQLException;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.EnumSource;
import org.optilock.it.support.DatabaseKind;
import org.optilock.it.support.TestDatabase;
import org.optilock.runtime.RecordModifiedException;

/** JavaBean accessors with an assigned UUID key, and records with an assigned primitive key. */
@ParameterizedClass(name = "{0}")
@EnumSource(DatabaseKind.class)
class AccessStylesTest {

    private final TestDatabase database;

    AccessStylesTest(DatabaseKind kind) {
        this.database = TestDatabase.create(kind);
    }

    @AfterEach
    void closeDatabase() throws SQLException {
        database.close();
    }

    @Test
    void beanEntityGoesThroughItsAccessors() {
        CustomerDao customers = new CustomerDao(database.dataSource());
        UUID id = UUID.randomUUID();
        Customer customer = customers.insert(new Customer(id, "Ada"));
        Instant firstVersion = customer.getUpdatedAt();
        assertEquals(id, customer.getId());
        assertEquals(firstVersion.truncatedTo(ChronoUnit.MICROS), firstVersion, "versions hold microseconds");

        Customer stale = customers.findById(id).orElseThrow();
        assertEquals(firstVersion, stale.getUpdatedAt());
        assertTrue(stale.isActive());
        assertNull(stale.getDisplayCache(), "@Transient fields are not read");

        customer.setName("Ada Lovelace");
        customer.setActive(false);
        customers.update(customer);
        assertTrue(customer.getUpdatedAt().isAfter(firstVersion));

        stale.setName("Countess");
        RecordModifiedException conflict = assertThrows(RecordModifiedException.class, () -> customers.update(stale));
        assertEquals(firstVersion, conflict.expectedVersion());
        assertEquals(customer.getUpdatedAt(), conflict.currentVersion());
        assertEquals(firstVersion, stale.getUpdatedAt());
        Customer stored = customers.findById(id).orElseThrow();
        assertEquals("Ada Lovelace", stored.getName());
        assertEquals(false, stored.isActive());
    }

    @Test
    void recordWritesReturnNewInstancesAndLeaveTheArgumentAlone() {
        NoteDao notes = new NoteDao(database.dataSource());
        Note draft = new Note(7, "first", null);

        Note inserted = notes.insert(draft);
        assertEquals(new Note(7, "first", 1), inserted);
        assertNull(draft.version());

        Note updated = notes.update(inserted.withText("second"));
        assertEquals(new Note(7, "second", 2), updated);
        assertEquals(updated, notes.findById(7L).orElseThrow());

        Note stale = inserted.withText("stale");
        RecordModifiedException conflict = assertThrows(RecordModifiedException.class, () -> notes.update(stale));
        assertNotSame(stale, conflict.current().orElseThrow());
        assertEquals(updated, conflict.current(Note.class).orElseThrow());
        assertEquals(1, stale.version());

        notes.delete(updated);
        assertTrue(notes.findAll().isEmpty());
    }
}
