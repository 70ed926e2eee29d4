package org.optilock.it;

import jakarta.persistence.Entity;
import java.math.BigDecimal;
import org.optilock.it.base.Audited;

/** Key, audit column and version inherited from a {@code @MappedSuperclass} in another package. */
@Entity
public final class Invoice extends Audited {
    String customer;
    BigDecimal total;

    public Invoice() {}

    public Invoice(String createdBy, String customer, String total) {
        setCreatedBy(createdBy);
        this.customer = customer;
        this.total = new BigDecimal(total);
    }
}
