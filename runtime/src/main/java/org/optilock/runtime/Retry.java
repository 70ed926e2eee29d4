package org.optilock.runtime;

import jakarta.persistence.OptimisticLockException;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.Supplier;
import org.optilock.runtime.internal.RetryProbe;

/**
 * The read-modify-write loop in one line: runs the work again after each conflict, a few times, with a
 * short random pause between tries so that writers who collided do not collide again in step.
 *
 * <pre>{@code
 * Account saved = Retry.onConflict(5, () -> {
 *     Account account = accounts.findById(id).orElseThrow();   // re-read on every try
 *     account.balance += amount;
 *     return accounts.update(account);
 * });
 * }</pre>
 *
 * A conflict is a {@link RecordModifiedException} or a {@link BatchConflictException}; anything else
 * the work throws passes through at once. The work must re-read what it changes: retrying a write of
 * the same stale object only conflicts again.
 *
 * <p>A retry that met a conflict is told to the {@link WriteObserver} of the DAO that threw it
 * ({@code retried} or {@code exhausted}) and recorded as the JFR event {@code org.optilock.Retry}; one
 * that runs out of tries logs a warning to the {@code System.Logger} named {@code org.optilock}.
 */
public final class Retry {

    /** What happens between two tries. */
    @FunctionalInterface
    public interface Pause {

        /** Waits before try {@code next} (2 for the first retry). */
        void before(int next) throws InterruptedException;
    }

    /** At most 10 ms times the number of tries so far, and never more than 100 ms, at random. */
    public static final Pause JITTER = next -> Thread.sleep(ThreadLocalRandom.current().nextLong(Math.min(100, 10L * next) + 1));

    private Retry() {}

    /**
     * Runs {@code work}, and again after each conflict, at most {@code attempts} times in all, pausing
     * briefly at random between tries. When the last try conflicts too, its exception is thrown with the
     * earlier conflicts suppressed on it. An interrupt during a pause ends the retries: the interrupt
     * is kept on the thread and the last conflict is thrown.
     *
     * @throws IllegalArgumentException if {@code attempts} is less than 1
     */
    public static <T> T onConflict(int attempts, Supplier<T> work) {
        return onConflict(attempts, JITTER, work);
    }

    /** As {@link #onConflict(int, Supplier)}, for work that returns nothing. */
    public static void onConflict(int attempts, Runnable work) {
        Objects.requireNonNull(work, "work");
        onConflict(attempts, JITTER, () -> {
            work.run();
            return null;
        });
    }

    /** As {@link #onConflict(int, Supplier)}, with {@code pause} between tries (tests pass one that does not wait). */
    public static <T> T onConflict(int attempts, Pause pause, Supplier<T> work) {
        if (attempts < 1) {
            throw new IllegalArgumentException("attempts must be at least 1, not " + attempts);
        }
        Objects.requireNonNull(pause, "pause");
        Objects.requireNonNull(work, "work");
        List<OptimisticLockException> conflicts = new ArrayList<>();
        RetryProbe probe = null;
        for (int attempt = 1; ; attempt++) {
            try {
                T result = work.get();
                if (probe != null) {
                    probe.ended(conflicts.get(conflicts.size() - 1), attempt, true);
                }
                return result;
            } catch (RecordModifiedException | BatchConflictException conflict) {
                conflicts.add(conflict);
                if (probe == null) {
                    probe = RetryProbe.afterFirstConflict();
                }
            }
            if (attempt == attempts) {
                probe.ended(conflicts.get(conflicts.size() - 1), attempt, false);
                throw lastOf(conflicts, null);
            }
            try {
                pause.before(attempt + 1);
            } catch (InterruptedException interrupted) {
                Thread.currentThread().interrupt();
                probe.interrupted(conflicts.get(conflicts.size() - 1), attempt);
                throw lastOf(conflicts, interrupted);
            }
        }
    }

    /** The last conflict, with the earlier ones (and an interrupt) suppressed on it. */
    private static OptimisticLockException lastOf(List<OptimisticLockException> conflicts, InterruptedException interrupted) {
        OptimisticLockException last = conflicts.get(conflicts.size() - 1);
        for (OptimisticLockException earlier : conflicts.subList(0, conflicts.size() - 1)) {
            last.addSuppressed(earlier);
        }
        if (interrupted != null) {
            last.addSuppressed(interrupted);
        }
        return last;
    }
}
