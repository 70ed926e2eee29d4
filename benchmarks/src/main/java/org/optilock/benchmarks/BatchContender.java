package org.optilock.benchmarks;

import java.util.List;

/** One way to write many versioned rows at once, all of them or, on a conflict, none. */
interface BatchContender {

    /** Writes every item, each if its row still has the item's version, and gives each its new version. */
    void updateAll(List<Item> items);

    /** Deletes every item's row, each if it still has the item's version. */
    void deleteAll(List<Item> items);

    /** Inserts every item with version 1. */
    void insertAll(List<Item> items);
}
