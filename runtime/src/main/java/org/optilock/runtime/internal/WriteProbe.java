package org.optilock.runtime.internal;

import java.sql.SQLException;
import java.util.List;
import org.optilock.runtime.BatchConflictException;
import org.optilock.runtime.ConcurrentWriteException;
import org.optilock.runtime.DataAccessException;
import org.optilock.runtime.RecordModifiedException;
import org.optilock.runtime.StatementTimeoutException;
import org.optilock.runtime.WriteOutcomeUnknownException;
import org.optilock.runtime.WriteObserver;
import org.optilock.runtime.WriteObserver.Operation;
import org.optilock.runtime.WriteObserver.Outcome;

/**
 * One write as the application observes it: its {@link WriteObserver} and its JFR event, told how the
 * write ended. When nothing observes the write it is one of the shared {@link #OFF} probes, which
 * count nothing and allocate nothing, and only record the JFR event of a conflict.
 */
class WriteProbe {

    private static final WriteProbe[] OFF = new WriteProbe[Operation.values().length];

    static {
        for (Operation operation : Operation.values()) {
            OFF[operation.ordinal()] = new WriteProbe(operation);
        }
    }

    final Operation operation;

    private WriteProbe(Operation operation) {
        this.operation = operation;
    }

    /** The probe of a write of {@code entityType} beginning now. */
    static WriteProbe start(Class<?> entityType, Operation operation, WriteObserver observer) {
        boolean recorded = FlightEvents.AVAILABLE && FlightEvents.recordsWrites(operation.isBatch());
        if (observer == WriteObserver.NONE && !recorded) {
            return OFF[operation.ordinal()];
        }
        return new Observed(entityType, operation, observer, recorded);
    }

    /** The write ran {@code count} more statements. */
    void ran(int count) {
    }

    /** The write ended with every one of its {@code rows} written. */
    void succeeded(int rows) {
        ended(Outcome.SUCCESS, rows, List.of());
    }

    /** The batch of {@code rows} ended with {@code conflicts}, the rows it did not write. */
    void batchEnded(int rows, List<RecordModifiedException> conflicts) {
        ended(conflicts.isEmpty() ? Outcome.SUCCESS : outcomeOf(conflicts), rows, conflicts);
    }

    /** The write of {@code rows} failed with {@code failure}, which the caller then throws. */
    <E extends RuntimeException> E failed(E failure, int rows) {
        List<RecordModifiedException> conflicts = conflictsOf(failure);
        ended(conflicts.isEmpty() ? outcomeOf(failure) : outcomeOf(conflicts), rows, conflicts);
        return failure;
    }

    /** The write ended: records its conflicts' JFR events, which need no observer. */
    void ended(Outcome outcome, int rows, List<RecordModifiedException> conflicts) {
        if (FlightEvents.AVAILABLE) {
            FlightEvents.conflicts(operation, conflicts);
        }
    }

    private static List<RecordModifiedException> conflictsOf(RuntimeException failure) {
        if (failure instanceof RecordModifiedException conflict) {
            return List.of(conflict);
        }
        if (failure instanceof BatchConflictException batch) {
            return batch.conflicts();
        }
        return List.of();
    }

    /** A concurrent write when the database refused every conflicting row, else a conflict. */
    private static Outcome outcomeOf(List<RecordModifiedException> conflicts) {
        for (RecordModifiedException conflict : conflicts) {
            if (!(conflict instanceof ConcurrentWriteException)) {
                return Outcome.CONFLICT;
            }
        }
        return Outcome.CONCURRENT_WRITE;
    }

    private static Outcome outcomeOf(RuntimeException failure) {
        if (failure instanceof StatementTimeoutException) {
            return Outcome.TIMEOUT;
        }
        if (failure instanceof WriteOutcomeUnknownException) {
            return Outcome.OUTCOME_UNKNOWN;
        }
        if (!(failure instanceof DataAccessException access) || access.getCause() == null) {
            return Outcome.FAILED;
        }
        return switch (SqlFailure.of(access.getCause())) {
            case CONCURRENT_WRITE -> Outcome.CONCURRENT_WRITE;
            case TIMEOUT -> Outcome.TIMEOUT;
            case CONNECTION_LOST, CLUSTER_LOST -> Outcome.CONNECTION_LOST;
            case OUTSIDE_THE_CLUSTER -> Outcome.FAILED;
            case DUPLICATE_KEY -> Outcome.DUPLICATE_KEY;
            case OTHER -> Outcome.FAILED;
        };
    }

    /** A write something observes: an observer, a JFR recording, or both. */
    private static final class Observed extends WriteProbe {

        private final Class<?> entityType;
        private final WriteObserver observer;
        private final WriteObserver.Write write;
        /** The JFR event, typed {@code Object} so that this class never needs JFR's. */
        private final Object event;
        private int statements;

        Observed(Class<?> entityType, Operation operation, WriteObserver observer, boolean recorded) {
            super(operation);
            this.entityType = entityType;
            this.observer = observer;
            this.event = recorded ? FlightEvents.begin(operation.isBatch()) : null;
            this.write = observer == WriteObserver.NONE ? null : observerStarted(observer, entityType, operation);
        }

        private static WriteObserver.Write observerStarted(WriteObserver observer, Class<?> entityType, Operation operation) {
            try {
                return observer.started(entityType, operation);
            } catch (RuntimeException e) {
                return null; // observing never changes what a write does
            }
        }

        @Override
        void ran(int count) {
            statements += count;
        }

        @Override
        void ended(Outcome outcome, int rows, List<RecordModifiedException> conflicts) {
            WriteObserver.Result counted = new WriteObserver.Result(outcome, rows, conflicts, statements);
            if (event != null) {
                FlightEvents.commit(event, entityType, operation, counted);
            }
            super.ended(outcome, rows, conflicts);
            if (write != null) {
                try {
                    write.ended(counted);
                } catch (RuntimeException e) {
                    // dropped: see WriteObserver
                }
            }
            if (!counted.conflicts().isEmpty()) {
                ConflictOrigins.remember(counted.conflicts(), observer);
            }
        }
    }
}
