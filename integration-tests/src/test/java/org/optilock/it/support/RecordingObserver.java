package org.optilock.it.support;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.optilock.runtime.WriteObserver;

/** Keeps what a {@link WriteObserver} is told, in order, for tests to check. Test code only. */
public final class RecordingObserver implements WriteObserver {

    /** One write: what it was and how it ended. */
    public record Write(Class<?> entityType, Operation operation, Result result) {}

    /** One resolution of a conflict. */
    public record Resolved(Class<?> entityType, Resolution resolution, int attempts) {}

    private final List<Write> writes = Collections.synchronizedList(new ArrayList<>());
    private final List<Resolved> resolutions = Collections.synchronizedList(new ArrayList<>());

    @Override
    public WriteObserver.Write started(Class<?> entityType, Operation operation) {
        return result -> writes.add(new Write(entityType, operation, result));
    }

    @Override
    public void resolved(Class<?> entityType, Resolution resolution, int attempts) {
        resolutions.add(new Resolved(entityType, resolution, attempts));
    }

    /** The writes ended so far; forgets them. */
    public List<Write> takeWrites() {
        synchronized (writes) {
            List<Write> taken = List.copyOf(writes);
            writes.clear();
            return taken;
        }
    }

    /** The only write ended since the last take. */
    public Write onlyWrite() {
        List<Write> taken = takeWrites();
        if (taken.size() != 1) {
            throw new AssertionError("one write, not " + taken);
        }
        return taken.get(0);
    }

    /** The resolutions so far; forgets them. */
    public List<Resolved> takeResolutions() {
        synchronized (resolutions) {
            List<Resolved> taken = List.copyOf(resolutions);
            resolutions.clear();
            return taken;
        }
    }
}
