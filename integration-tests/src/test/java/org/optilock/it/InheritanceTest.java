package org.optilock.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.EnumSource;
import org.optilock.it.support.DatabaseKind;
import org.optilock.it.support.TestDatabase;
import org.optilock.runtime.BatchPolicy;
import org.optilock.runtime.BatchResult;
import org.optilock.runtime.ConcurrencyCheck;
import org.optilock.runtime.RecordModifiedException;

/** Keys, columns and versions declared in superclasses, through the whole contract. */
@ParameterizedClass(name = "{0}")
@EnumSource(DatabaseKind.class)
class InheritanceTest {

    private final TestDatabase database;
    private final InvoiceDao invoices;
    private final ShipmentDao shipments;

    InheritanceTest(DatabaseKind kind) {
        this.database = TestDatabase.create(kind);
        this.invoices = new InvoiceDao(database.dataSource());
        this.shipments = new ShipmentDao(database.dataSource());
    }

    @AfterEach
    void closeDatabase() {
        database.close();
    }

    @Test
    void mappedSuperclassInAnotherPackage() {
        Invoice invoice = invoices.insert(new Invoice("alice", "ACME", "100.00"));
        assertNotNull(invoice.getId());
        assertEquals(1, invoice.getVersion());

        Invoice stale = invoices.findById(invoice.getId()).orElseThrow();
        assertEquals("alice", stale.getCreatedBy());
        assertEquals(0, new BigDecimal("100.00").compareTo(stale.total));

        invoice.total = new BigDecimal("120.00");
        invoices.update(invoice);
        assertEquals(2, invoice.getVersion());
        stale.customer = "Other";
        RecordModifiedException conflict = assertThrows(RecordModifiedException.class, () -> invoices.update(stale));
        assertEquals(2L, conflict.currentVersion());
        assertThrows(RecordModifiedException.class, () -> invoices.delete(stale));

        Invoice second = invoices.insert(new Invoice("bob", "Second", "5.00"));
        Invoice staleSecond = invoices.findById(second.getId()).orElseThrow();
        invoices.update(second);
        BatchResult<Invoice> batch = invoices.updateAll(List.of(invoice, staleSecond), BatchPolicy.SILENT);
        assertEquals(List.of(invoice), batch.applied());
        assertEquals(1, batch.conflicts().size());

        invoices.delete(invoice);
        invoices.delete(second);
        assertTrue(invoices.findAll().isEmpty());
    }

    @Test
    void genericPlainSuperclass() {
        ConcurrencyCheck.of(shipments)
                .creating(() -> new Shipment("S-1", "Lisbon"))
                .identifiedBy(shipment -> shipment.code)
                .versionedBy(shipment -> shipment.changed)
                .changing(shipment -> {
                    shipment.destination = "Porto";
                    return shipment;
                })
                .verify();
        ConcurrencyCheck.of(invoices)
                .creating(() -> new Invoice("bob", "Initech", "5.00"))
                .identifiedBy(Invoice::getId)
                .versionedBy(Invoice::getVersion)
                .changing(invoice -> {
                    invoice.customer = "Initrode";
                    return invoice;
                })
                .verify();
    }
}
