package org.optilock.runtime.internal;

import java.util.List;
import org.optilock.runtime.ConcurrentWriteException;
import org.optilock.runtime.RecordModifiedException;
import org.optilock.runtime.WriteObserver;

/**
 * Optilock's JFR events: {@code org.optilock.Write}, {@code org.optilock.Batch},
 * {@code org.optilock.Conflict} and {@code org.optilock.Retry}, recorded like the JDK's own whenever
 * a recording enables them ({@code jcmd <pid> JFR.start}). Nothing here runs unless JFR's module is
 * there: {@link #AVAILABLE} is checked first, so a modular application without {@code jdk.jfr} never
 * loads this class.
 *
 * <p>Events are passed as {@code Object} to the callers, which never name a JFR type. Whether an event
 * is on is asked of a new event that goes nowhere, so the JIT removes it: an application that records
 * nothing allocates nothing for it.
 */
final class FlightEvents {

    /** Whether the {@code jdk.jfr} module is in the boot layer. */
    static final boolean AVAILABLE = ModuleLayer.boot().findModule("jdk.jfr").isPresent();

    private FlightEvents() {}

    /** Whether a recording takes the event of a write, of a batch where {@code batch}. */
    static boolean recordsWrites(boolean batch) {
        return batch ? new BatchEvent().isEnabled() : new WriteEvent().isEnabled();
    }

    /** The event of a write beginning now, of a batch where {@code batch}. */
    static Object begin(boolean batch) {
        if (batch) {
            BatchEvent event = new BatchEvent();
            event.begin();
            return event;
        }
        WriteEvent event = new WriteEvent();
        event.begin();
        return event;
    }

    /** Ends and commits {@code event}, as {@link #begin} made it. */
    static void commit(Object event, Class<?> entityType, WriteObserver.Operation operation, WriteObserver.Result result) {
        if (event instanceof BatchEvent batch) {
            batch.end();
            if (batch.shouldCommit()) {
                batch.entity = entityType;
                batch.operation = operation.methodName();
                batch.outcome = result.outcome().tag();
                batch.rows = result.rows();
                batch.conflicts = result.conflicts().size();
                batch.statements = result.statements();
                batch.commit();
            }
        } else if (event instanceof WriteEvent write) {
            write.end();
            if (write.shouldCommit()) {
                write.entity = entityType;
                write.operation = operation.methodName();
                write.outcome = result.outcome().tag();
                write.statements = result.statements();
                write.commit();
            }
        }
    }

    /** Records an event for each of {@code conflicts}, met by {@code operation}. */
    static void conflicts(WriteObserver.Operation operation, List<RecordModifiedException> conflicts) {
        if (conflicts.isEmpty() || !new ConflictEvent().isEnabled()) {
            return;
        }
        for (RecordModifiedException conflict : conflicts) {
            ConflictEvent event = new ConflictEvent();
            event.entity = conflict.entityType();
            event.operation = operation.methodName();
            event.id = String.valueOf(conflict.id());
            event.expectedVersion = String.valueOf(conflict.expectedVersion());
            event.currentVersion = conflict.currentVersion() == null ? "" : String.valueOf(conflict.currentVersion());
            event.deleted = conflict.isDeleted();
            event.concurrentWrite = conflict instanceof ConcurrentWriteException;
            event.commit();
        }
    }

    /** The event of a retry whose first conflict is now, begun; {@code null} when no recording takes it. */
    static Object retryBegun() {
        RetryEvent event = new RetryEvent();
        if (!event.isEnabled()) {
            return null;
        }
        event.begin();
        return event;
    }

    /** Commits {@code event}, as {@link #retryBegun} made it. */
    static void retryEnded(Object event, Class<?> entityType, int attempts, String outcome) {
        RetryEvent retry = (RetryEvent) event;
        retry.end();
        retry.entity = entityType;
        retry.attempts = attempts;
        retry.outcome = outcome;
        retry.commit();
    }
}
