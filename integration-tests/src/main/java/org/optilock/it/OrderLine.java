package org.optilock.it;

import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

/** A composite key named by a record {@code @IdClass}. */
@Entity
@Table(name = "order_line")
@IdClass(OrderLineId.class)
public class OrderLine {
    @Id
    long orderId;

    @Id
    int lineNo;

    String product;
    int quantity;

    @Version
    long version;

    public OrderLine() {}

    public OrderLine(long orderId, int lineNo, String product, int quantity) {
        this.orderId = orderId;
        this.lineNo = lineNo;
        this.product = product;
        this.quantity = quantity;
    }
}
