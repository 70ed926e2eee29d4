package org.optilock.it;

/** The composite key of an {@link OrderLine}. */
public record OrderLineId(long orderId, int lineNo) {}
