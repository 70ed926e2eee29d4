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
import org.optilock.runtime.BatchConflictException;
import org.optilock.runtime.BatchPolicy;
import org.optilock.runtime.BatchResult;
import org.optilock.runtime.ConcurrencyCheck;
import org.optilock.runtime.RecordModifiedException;
import org.optilock.runtime.Triggers;

/** Composite keys through the whole contract, batches and triggers (django-concurrency's issue 262). */
@ParameterizedClass(name = "{0}")
@EnumSource(DatabaseKind.class)
class CompositeKeyTest {

    private final TestDatabase database;
    private final OrderLineDao lines;
    private final SeatDao seats;

    CompositeKeyTest(DatabaseKind kind) {
        this.database = TestDatabase.create(kind);
        this.lines = new OrderLineDao(database.dataSource());
        this.seats = new SeatDao(database.dataSource());
    }

    @AfterEach
    void closeDatabase() {
        database.close();
    }

    @Test
    void recordIdClassThroughTheContract() {
        lines.insert(new OrderLine(7, 1, "Pencil", 3));
        OrderLine line = lines.insert(new OrderLine(7, 2, "Paper", 1));
        lines.insert(new OrderLine(8, 2, "Ink", 5));
        OrderLineId id = new OrderLineId(7, 2);

        OrderLine stale = lines.findById(id).orElseThrow();
        assertEquals("Paper", stale.product);
        line.quantity = 10;
        lines.update(line);
        assertEquals(2, line.version);
        assertEquals(2L, lines.currentVersion(id).orElseThrow());
        assertTrue(lines.findByIdAndVersion(id, 2L).isPresent());
        assertTrue(lines.isChanged(stale));

        stale.quantity = 99;
        RecordModifiedException conflict = assertThrows(RecordModifiedException.class, () -> lines.update(stale));
        assertEquals(id, conflict.id());
        assertEquals(10, conflict.current(OrderLine.class).orElseThrow().quantity);
        assertThrows(RecordModifiedException.class, () -> lines.delete(stale));
        assertEquals(3, lines.findAll().size(), "only the row with both key columns matching was touched");
        assertEquals(3, lines.findById(new OrderLineId(7, 1)).orElseThrow().quantity);
        assertEquals(5, lines.findById(new OrderLineId(8, 2)).orElseThrow().quantity);

        lines.delete(line);
        assertFalse(lines.findById(id).isPresent());
        assertEquals(2, lines.findAll().size());
    }

    @Test
    void compositeKeysInBatches() {
        OrderLine first = lines.insert(new OrderLine(1, 1, "a", 1));
        OrderLine second = lines.insert(new OrderLine(1, 2, "b", 1));
        OrderLine stale = lines.findById(new OrderLineId(1, 2)).orElseThrow();
        lines.update(second);
        stale.quantity = 5;
        first.quantity = 5;

        assertThrows(BatchConflictException.class, () -> lines.updateAll(List.of(first, stale), BatchPolicy.ABORT_ALL));
        BatchResult<OrderLine> result = lines.updateAll(List.of(first, stale), BatchPolicy.SILENT);
        assertEquals(List.of(first), result.applied());
        assertEquals(new OrderLineId(1, 2), result.conflicts().get(0).id());

        BatchResult<OrderLine> deleted = lines.deleteAll(List.of(first, stale), BatchPolicy.SILENT);
        assertEquals(List.of(first), deleted.applied());
        assertEquals(1, lines.findAll().size());
    }

    @Test
    void triggersMatchEveryKeyColumn() {
        assertEquals(List.of("optilock_seat_version"), Triggers.create(database.dataSource(), Seat.class));
        Seat a1 = seats.insert(new Seat("A", 1, "Ada"));
        seats.insert(new Seat("A", 2, "Bob"));
        seats.insert(new Seat("B", 1, "Cy"));

        database.execute("UPDATE seat SET holder = 'Dan' WHERE hall = 'A' AND number = 1");

        assertEquals(2, seats.currentVersion(new SeatId("A", 1)).orElseThrow());
        assertEquals(1, seats.currentVersion(new SeatId("A", 2)).orElseThrow(), "the trigger moved only its own row");
        assertEquals(1, seats.currentVersion(new SeatId("B", 1)).orElseThrow());
        a1.holder = "Eve";
        assertThrows(RecordModifiedException.class, () -> seats.update(a1));

        ConcurrencyCheck.of(seats)
                .creating(() -> new Seat("C", 9, "Fay"))
                .identifiedBy(seat -> new SeatId(seat.hall, seat.number))
                .versionedBy(seat -> seat.version)
                .changing(seat -> {
                    seat.holder = "Gus";
                    return seat;
                })
                .verify();
        assertEquals(List.of("optilock_seat_version"), Triggers.drop(database.dataSource(), Seat.class));
    }

    @Test
    void aBatchOfTriggerVersionsReadsEachRowBackByEveryKeyColumn() {
        Triggers.create(database.dataSource(), Seat.class);
        Seat a1 = seats.insert(new Seat("A", 1, "Ada"));
        Seat a2 = seats.insert(new Seat("A", 2, "Bob"));
        Seat b1 = seats.insert(new Seat("B", 1, "Cy"));
        seats.update(a2);
        database.execute("UPDATE seat SET holder = 'Dan' WHERE hall = 'B' AND number = 1");
        a1.holder = "Eve";
        a2.holder = "Fay";
        b1.holder = "Gus";

        BatchResult<Seat> result = seats.updateAll(List.of(a1, a2, b1), BatchPolicy.SILENT);

        // A row read back by its hall alone, or its number alone, would take another seat's version.
        assertEquals(List.of(a1, a2), result.applied());
        assertEquals(List.of(2, 3), List.of(a1.version, a2.version));
        assertEquals(new SeatId("B", 1), result.conflicts().get(0).id());
        assertEquals(List.of(2, 3, 2), List.of(seats.currentVersion(new SeatId("A", 1)).orElseThrow(),
                seats.currentVersion(new SeatId("A", 2)).orElseThrow(), seats.currentVersion(new SeatId("B", 1)).orElseThrow()));
        assertEquals("Dan", seats.findById(new SeatId("B", 1)).orElseThrow().holder);
    }
}
