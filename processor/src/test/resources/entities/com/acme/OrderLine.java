package com.acme;

import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Version;

@IdClass(OrderLine.Key.class)
public class OrderLine {
    public record Key(long orderId, int lineNo) {}

    @Id
    long orderId;

    @Id
    int lineNo;

    String product;

    @Version
    int version;
}
