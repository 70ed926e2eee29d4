package org.optilock.runtime.internal;

import java.sql.SQLException;

/** What a DAO says when its own commit failed. */
public final class CommitFailures {

    private static final System.Logger LOG = System.getLogger("org.optilock");

    private CommitFailures() {}

    /**
     * Logs a warning when {@code failure}, thrown by a commit, lost the connection: the commit may have
     * been applied before the answer was lost, and nobody can tell from here.
     */
    public static void logIfOutcomeUnknown(SQLException failure) {
        if (SqlFailure.of(failure) == SqlFailure.CONNECTION_LOST) {
            LOG.log(System.Logger.Level.WARNING, "A commit was sent and the connection broke before its answer came"
                    + " back, so the write may or may not be in the database (SQLState {0}). The DAO reports it as"
                    + " failed and the entity keeps its old version. Re-read the row before writing again: its"
                    + " version says whether the write landed.", failure.getSQLState());
        }
    }
}
