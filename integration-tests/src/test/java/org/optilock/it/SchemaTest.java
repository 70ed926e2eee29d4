package org.optilock.it;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.EnumSource;
import org.optilock.it.support.DatabaseKind;
import org.optilock.it.support.TestDatabase;
import org.optilock.runtime.Schema;
import org.optilock.runtime.Triggers;

/** The tables the processor derives hold every column type as it was written, on every database. */
@ParameterizedClass(name = "{0}")
@EnumSource(DatabaseKind.class)
class SchemaTest {

    private final TestDatabase database;

    SchemaTest(DatabaseKind kind) {
        this.database = TestDatabase.createEmpty(kind);
    }

    @AfterEach
    void closeDatabase() {
        database.close();
    }

    @Test
    void createMakesTablesThatHoldEveryTypeAndIsIdempotent() {
        assertEquals(List.of("sample", "article", "ticket", "order_line"),
                Schema.create(database.dataSource(), Sample.class, Article.class, Ticket.class, OrderLine.class)
                        .stream().map(String::toLowerCase).toList());
        assertEquals(List.of(), Schema.create(database.dataSource(), Sample.class, Article.class, Ticket.class));

        SampleDao samples = new SampleDao(database.dataSource());
        Sample sample = SampleValues.everyColumnSet();
        samples.insert(sample);
        Sample read = samples.findById(sample.id).orElseThrow();
        SampleValues.assertHoldsEveryValue(sample, read);
        samples.update(read);

        // The TRIGGER entity got its trigger with its table: raw SQL moves the version.
        TicketDao tickets = new TicketDao(database.dataSource());
        Ticket ticket = tickets.insert(new Ticket("t"));
        database.execute("UPDATE ticket SET hits = 5 WHERE id = " + ticket.id);
        assertEquals(ticket.version + 1, tickets.currentVersion(ticket.id).orElseThrow());

        assertEquals(List.of("order_line", "ticket"), Schema.drop(database.dataSource(), Ticket.class, OrderLine.class)
                .stream().map(String::toLowerCase).toList());
        assertEquals(List.of(), Triggers.list(database.dataSource()));
        assertEquals(List.of(), Schema.drop(database.dataSource(), Ticket.class));
    }

    @Test
    void aClassWithoutADaoIsRefusedByName() {
        IllegalArgumentException failure =
                assertThrows(IllegalArgumentException.class, () -> Schema.create(database.dataSource(), String.class));
        assertEquals(true, failure.getMessage().contains("java.lang.String has no DAO"), failure.getMessage());
    }
}
