package org.optilock.runtime.internal;

import jakarta.persistence.OptimisticLockException;
import org.optilock.runtime.BatchConflictException;
import org.optilock.runtime.RecordModifiedException;
import org.optilock.runtime.WriteObserver;

/**
 * A {@code Retry.onConflict} that met its first conflict, observed until it ends: its JFR event, its
 * outcome told to the observer of the DAO whose conflict ended it, and a warning logged when it runs
 * out of tries. Made only on the conflict path.
 */
public final class RetryProbe {

    private static final System.Logger LOG = System.getLogger("org.optilock");

    /** The JFR event, typed {@code Object} so that this class never needs JFR's; or {@code null}. */
    private final Object event;

    private RetryProbe(Object event) {
        this.event = event;
    }

    /** The probe of a retry whose first conflict is now. */
    public static RetryProbe afterFirstConflict() {
        return new RetryProbe(FlightEvents.AVAILABLE ? FlightEvents.retryBegun() : null);
    }

    /**
     * The retry ended after {@code attempts} tries: won by the last where {@code won}, else with
     * {@code last}, the last try's conflict, thrown.
     */
    public void ended(OptimisticLockException last, int attempts, boolean won) {
        RecordModifiedException conflict = firstOf(last);
        Class<?> entityType = conflict.entityType();
        WriteObserver.Resolution resolution = won ? WriteObserver.Resolution.RETRIED : WriteObserver.Resolution.EXHAUSTED;
        if (event != null) {
            FlightEvents.retryEnded(event, entityType, attempts, resolution.tag());
        }
        ConflictOrigins.observerOf(conflict).ifPresent(observer -> {
            try {
                observer.resolved(entityType, resolution, attempts);
            } catch (RuntimeException e) {
                // dropped: observing never changes what a write does
            }
        });
        if (!won) {
            LOG.log(System.Logger.Level.WARNING, "Retry.onConflict gave up on {0} {1} after {2} tries, each of which"
                    + " conflicted: others write the same rows faster than this work re-reads them. Allow more tries,"
                    + " merge instead of retrying (dao.merge), or let one writer own those rows.",
                    entityType.getSimpleName(), String.valueOf(conflict.id()), attempts);
        }
    }

    /**
     * The retry was interrupted during a pause after {@code attempts} tries, the last ending with
     * {@code last}: recorded as such, and neither a resolution nor a warning, since the caller asked
     * it to stop.
     */
    public void interrupted(OptimisticLockException last, int attempts) {
        if (event != null) {
            FlightEvents.retryEnded(event, firstOf(last).entityType(), attempts, "interrupted");
        }
    }

    private static RecordModifiedException firstOf(OptimisticLockException last) {
        return last instanceof BatchConflictException batch ? batch.conflicts().get(0) : (RecordModifiedException) last;
    }
}
