package org.optilock.runtime.internal;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.WeakHashMap;
import org.optilock.runtime.RecordModifiedException;
import org.optilock.runtime.WriteObserver;

/**
 * The observer of the DAO that threw each conflict, for as long as the conflict is alive: so that
 * {@code Retry}, which only sees the exception, tells its outcome to the same observer. Kept only for
 * DAOs with an observer, and only on the conflict path.
 */
final class ConflictOrigins {

    private static final Map<RecordModifiedException, WriteObserver> OBSERVERS = new WeakHashMap<>();

    private ConflictOrigins() {}

    static void remember(List<RecordModifiedException> conflicts, WriteObserver observer) {
        if (observer == WriteObserver.NONE) {
            return;
        }
        synchronized (OBSERVERS) {
            for (RecordModifiedException conflict : conflicts) {
                OBSERVERS.put(conflict, observer);
            }
        }
    }

    /** The observer of the DAO that threw {@code conflict}, if it had one. */
    static Optional<WriteObserver> observerOf(RecordModifiedException conflict) {
        synchronized (OBSERVERS) {
            return Optional.ofNullable(OBSERVERS.get(conflict));
        }
    }
}
