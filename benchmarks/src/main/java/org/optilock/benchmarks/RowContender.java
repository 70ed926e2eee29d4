package org.optilock.benchmarks;

/**
 * One way to read and write a single versioned row: Optilock, hand-written JDBC, Hibernate or jOOQ.
 * Every write is conditional on the version the caller holds, and gives the caller the new one.
 */
interface RowContender extends AutoCloseable {

    /** Writes {@code item}, whose amount the caller changed, if its row still has the item's version. */
    void update(Item item);

    /** The row with key {@code id}. */
    Item find(long id);

    /** Writes a copy whose version is stale: the write must fail, and the current row be read. */
    void conflict(Item stale);

    @Override
    default void close() {}
}
