package org.optilock.runtime;

/**
 * Told of every conflict before the DAO throws it: for logging, metrics or alerts (django's
 * {@code CONCURRENCY_CALLBACK}). A listener cannot turn a conflict into a success: the exception is
 * thrown after it returns, because a conflict swallowed here would be a lost update.
 */
@FunctionalInterface
public interface ConflictListener {

    /** A listener that does nothing. */
    ConflictListener NONE = conflict -> { };

    /**
     * Called on the thread that attempted the write, before {@code conflict} is thrown. An exception
     * thrown here replaces the conflict.
     */
    void onConflict(RecordModifiedException conflict);
}
