package org.optilock.benchmarks;

import java.util.List;

/**
 * One way to write many versioned rows at once, all of them or, on a conflict, none.
 *
 * @param <E> the rows written: {@link Item}s or {@link Document}s
 */
interface BatchContender<E> {

    /** Writes every row, each if its row still has the version it holds, and gives each its new version. */
    void updateAll(List<E> rows);

    /** Deletes every row, each if it still has the version it holds. */
    void deleteAll(List<E> rows);

    /** Inserts every row, with the key it has, at version 1. */
    void insertAll(List<E> rows);
}
