package org.optilock.examples;

import jakarta.persistence.Id;
import jakarta.persistence.Version;
import java.math.BigDecimal;
import java.time.Instant;

/** A price list entry: a record whose version is the instant of its last change. */
public record Price(@Id String sku, BigDecimal amount, @Version Instant changedAt) {

    public Price withAmount(String newAmount) {
        return new Price(sku, new BigDecimal(newAmount), changedAt);
    }
}
