package org.optilock.runtime.internal;

import java.sql.SQLException;

/**
 * Where a batch began, as a database's way of writing the batch's rows sees it: something to roll
 * back to, while the batch goes on. It can neither commit the batch nor end it; {@link
 * BatchTransaction} does that.
 */
interface BatchStart {

    /** Whether the batch can be rolled back to its start: false where each statement commits itself. */
    boolean canRollBack();

    /**
     * Undoes everything the batch wrote so far, and goes on: what it writes next is committed or rolled
     * back with the batch, as before.
     *
     * @throws IllegalStateException where {@link #canRollBack} is false
     */
    void rollBack() throws SQLException;
}
