package org.optilock.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.Instant;
import java.util.List;
import java.util.TimeZone;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.EnumSource;
import org.optilock.it.support.DatabaseKind;
import org.optilock.it.support.TestDatabase;
import org.optilock.runtime.BatchConflictException;
import org.optilock.runtime.BatchPolicy;
import org.optilock.runtime.RecordModifiedException;

/**
 * {@code Instant} versions round-trip exactly in columns with and without a time zone while the JVM
 * (and so the drivers' sessions) run in a zone far from UTC.
 */
@ParameterizedClass(name = "{0}")
@EnumSource(DatabaseKind.class)
class InstantZoneTest {

    private final DatabaseKind kind;

    InstantZoneTest(DatabaseKind kind) {
        this.kind = kind;
    }

    private interface Check {
        void run(TestDatabase database);
    }

    /** Runs {@code check} on a database whose connections were all opened in {@code zone}. */
    private void inZone(String zone, Check check) {
        TimeZone saved = TimeZone.getDefault();
        TimeZone.setDefault(TimeZone.getTimeZone(zone));
        try (TestDatabase database = TestDatabase.create(kind)) {
            check.run(database);
        } finally {
            TimeZone.setDefault(saved);
        }
    }

    @Test
    void anInstantInAPlainTimestampColumnIsTheVersionThatWasWritten() {
        inZone("America/New_York", database -> {
            ReminderDao reminders = new ReminderDao(database.dataSource());
            Reminder reminder = reminders.insert(new Reminder(1, "call"));
            Instant written = reminder.version;

            Reminder read = reminders.findById(1L).orElseThrow();
            assertEquals(written, read.version);
            assertFalse(reminders.isChanged(reminder));
            read.note = "call back";
            reminders.update(read);
            read.note = "call back twice";
            reminders.update(read);
            assertEquals(read.version, reminders.currentVersion(1L).orElseThrow());
            assertThrows(RecordModifiedException.class, () -> reminders.update(reminder), "a stale copy still conflicts");

            // A batch (on PostgreSQL one statement over arrays) writes the same version as one update.
            read.note = "batched";
            reminders.updateAll(List.of(read), BatchPolicy.ABORT_ALL);
            assertEquals(read.version, reminders.currentVersion(1L).orElseThrow());
            assertFalse(reminders.isChanged(read));
            assertThrows(BatchConflictException.class, () -> reminders.updateAll(List.of(reminder), BatchPolicy.ABORT_ALL));
        });
    }

    @Test
    void anInstantInATimestampWithTimeZoneColumnIsTheVersionThatWasWritten() {
        inZone("Asia/Kolkata", database -> {
            CustomerDao customers = new CustomerDao(database.dataSource());
            Customer customer = customers.insert(new Customer(UUID.randomUUID(), "Ada"));

            Customer read = customers.findById(customer.getId()).orElseThrow();
            assertEquals(customer.getUpdatedAt(), read.getUpdatedAt());
            read.setName("Ada L.");
            customers.update(read);
            assertFalse(customers.isChanged(read));
            assertThrows(RecordModifiedException.class, () -> customers.update(customer));
        });
    }
}
