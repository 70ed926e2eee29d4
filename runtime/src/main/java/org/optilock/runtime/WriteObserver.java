package org.optilock.runtime;

import java.util.List;
import java.util.Locale;

/**
 * Told of every write a DAO or repository makes and how it ended, and of every conflict a merge or
 * {@link Retry} resolved: what metrics and tracing are made from ({@code optilock-micrometer} binds
 * one to Micrometer). Set it with {@link OptilockSettings.Builder#writeObserver}; without one a DAO
 * builds nothing to tell it, so an application that observes nothing pays nothing.
 *
 * <p>Every method is called on the writing thread, {@link #started} before the write's first
 * statement and {@link Write#ended} after its last (and after the commit the DAO makes itself). An
 * observer must be quick and should not throw: what it throws is dropped, so that observing never
 * changes what a write does.
 */
public interface WriteObserver {

    /** Observes nothing. */
    WriteObserver NONE = new WriteObserver() {
        @Override
        public Write started(Class<?> entityType, Operation operation) {
            return result -> { };
        }
    };

    /** A write begins: the returned handle is told once how it ended. */
    Write started(Class<?> entityType, Operation operation);

    /**
     * A conflict was resolved, or given up on: by a merge ({@link Resolution#MERGED},
     * {@link Resolution#UNMERGEABLE}) or by {@link Retry} ({@link Resolution#RETRIED} after
     * {@code attempts} tries, {@link Resolution#EXHAUSTED}). Retries are told to the observer of the DAO
     * whose conflict ended them.
     */
    default void resolved(Class<?> entityType, Resolution resolution, int attempts) {
    }

    /** One write in progress. */
    @FunctionalInterface
    interface Write {

        /** The write ended as {@code result} says. */
        void ended(Result result);
    }

    /**
     * How a write ended.
     *
     * @param outcome success, conflict or the kind of failure
     * @param rows the rows the call was asked to write: 1, or the size of a batch
     * @param conflicts every conflict of the call, each with the row as it is now: one for a single
     *     write that conflicted, the rows not written for a batch (under {@code SILENT} too)
     * @param statements the SQL statements run on the entity's table (a JDBC batch of n rows counts n;
     *     the tables of element collections are not counted)
     */
    record Result(Outcome outcome, int rows, List<RecordModifiedException> conflicts, int statements) {

        /** Checks and copies the conflicts. */
        public Result {
            conflicts = List.copyOf(conflicts);
        }
    }

    /** What a DAO was asked to do. */
    enum Operation {
        INSERT("insert"), UPDATE("update"), DELETE("delete"),
        INSERT_ALL("insertAll"), UPDATE_ALL("updateAll"), DELETE_ALL("deleteAll");

        private final String methodName;

        Operation(String methodName) {
            this.methodName = methodName;
        }

        /** The DAO method's name: {@code update}, {@code updateAll}, ..., as metrics tag it. */
        public String methodName() {
            return methodName;
        }

        /** Whether it writes a batch. */
        public boolean isBatch() {
            return this == INSERT_ALL || this == UPDATE_ALL || this == DELETE_ALL;
        }
    }

    /** How a write ended. */
    enum Outcome {
        /** Every row written. */
        SUCCESS,
        /** A version conflict: one row, or some rows of a batch (written or not, as its policy says). */
        CONFLICT,
        /**
         * The database refused the write because another transaction wrote the same rows at the same
         * time: a serialization failure, a deadlock, a cluster's certification failure.
         */
        CONCURRENT_WRITE,
        /** A wait ran out. */
        TIMEOUT,
        /** The connection broke where the database rolled the write back: nothing was written. */
        CONNECTION_LOST,
        /**
         * The connection broke after the write was sent, during its commit or while a statement that
         * commits itself ran: it may or may not have been written ({@link WriteOutcomeUnknownException}).
         */
        OUTCOME_UNKNOWN,
        /** A row with the same key or unique value exists already. */
        DUPLICATE_KEY,
        /** Anything else: a refused statement, a missing table, an invalid argument. */
        FAILED;

        private final String tag = name().toLowerCase(Locale.ROOT).replace('_', '-');

        /** The name in lower case with hyphens, as metrics tag it: {@code concurrent-write}. */
        public String tag() {
            return tag;
        }
    }

    /** How a conflict was resolved. */
    enum Resolution {
        /** A three-way merge kept both edits. */
        MERGED,
        /** A three-way merge found fields both sides changed. */
        UNMERGEABLE,
        /** {@link Retry} succeeded after one or more conflicts. */
        RETRIED,
        /** {@link Retry} ran out of attempts. */
        EXHAUSTED;

        private final String tag = name().toLowerCase(Locale.ROOT);

        /** The name in lower case, as metrics tag it. */
        public String tag() {
            return tag;
        }
    }
}
