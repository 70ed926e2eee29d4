package org.optilock.runtime;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.Callable;

/**
 * Turns version checks or version increments off for the code run inside a scope, on the current
 * thread only: other threads keep full checks. Scopes nest, and the previous state is restored
 * however the scope ends, exception included.
 *
 * <ul>
 *   <li>{@link #disabled(Runnable)}: updates and deletes have no version condition, but updates
 *       still bump the version (imports, repairs, data migrations);
 *   <li>{@link #disabled(Class, Runnable)}: the same for one entity type and its subclasses;
 *   <li>{@link #withoutIncrement(Runnable)}: the condition applies, but the version stays as it
 *       is (touch-ups that readers should not see as a change).
 * </ul>
 *
 * <p>A write without the version condition always moves the version, whatever scopes it runs in:
 * {@code withoutIncrement} around or inside {@code disabled} keeps the version only of the writes that
 * are still checked. Were an unchecked write to keep it, every stale copy of the row would still match
 * it, and the next one saved would overwrite the forced write unseen.
 *
 * <pre>{@code
 * Concurrency.disabled(() -> {
 *     for (Article article : imported) {
 *         articles.update(article);
 *     }
 * });
 * }</pre>
 */
public final class Concurrency {

    private static final ThreadLocal<Scope> CURRENT = new ThreadLocal<>();

    /** What the current thread has turned off. Immutable, so restoring it is a plain set. */
    private record Scope(boolean allChecksOff, List<Class<?>> checksOffFor, boolean incrementOff) {
        static final Scope NORMAL = new Scope(false, List.of(), false);
    }

    private Concurrency() {}

    /** Runs {@code action} with version checks off for every entity type. */
    public static void disabled(Runnable action) {
        Scope outer = scope();
        within(new Scope(true, outer.checksOffFor(), outer.incrementOff()), action);
    }

    /**
     * Runs {@code action} with version checks off for every entity type and returns its result.
     * Note that an expression lambda such as {@code () -> dao.update(a)} picks this overload.
     *
     * @throws Exception whatever {@code action} throws, unchanged
     */
    public static <T> T disabled(Callable<T> action) throws Exception {
        Objects.requireNonNull(action, "action");
        Scope outer = scope();
        return within(new Scope(true, outer.checksOffFor(), outer.incrementOff()), action::call);
    }

    /** Runs {@code action} with version checks off for {@code entityType} and its subclasses only. */
    public static void disabled(Class<?> entityType, Runnable action) {
        Objects.requireNonNull(entityType, "entityType");
        Scope outer = scope();
        List<Class<?>> types = new ArrayList<>(outer.checksOffFor());
        types.add(entityType);
        within(new Scope(outer.allChecksOff(), List.copyOf(types), outer.incrementOff()), action);
    }

    /**
     * Runs {@code action} with the version condition in force but versions left as they are. A write
     * that has no condition (inside {@link #disabled}, for instance) moves its version all the same.
     */
    public static void withoutIncrement(Runnable action) {
        Scope outer = scope();
        within(new Scope(outer.allChecksOff(), outer.checksOffFor(), true), action);
    }

    /** Whether writes of {@code entityType} on this thread carry the version condition. */
    public static boolean isChecked(Class<?> entityType) {
        Scope scope = scope();
        if (scope.allChecksOff()) {
            return false;
        }
        for (Class<?> off : scope.checksOffFor()) {
            if (off.isAssignableFrom(entityType)) {
                return false;
            }
        }
        return true;
    }

    /**
     * Whether checked updates on this thread move the version; unchecked ones always do.
     */
    public static boolean isIncrementing() {
        return !scope().incrementOff();
    }

    private static Scope scope() {
        Scope scope = CURRENT.get();
        return scope == null ? Scope.NORMAL : scope;
    }

    private static void within(Scope scope, Runnable action) {
        Objects.requireNonNull(action, "action");
        within(scope, () -> {
            action.run();
            return null;
        });
    }

    /** Work that may throw {@code E}; lets Runnable and Callable share one scope handling. */
    private interface Work<T, E extends Exception> {
        T run() throws E;
    }

    private static <T, E extends Exception> T within(Scope scope, Work<T, E> work) throws E {
        Scope outer = scope();
        CURRENT.set(scope);
        try {
            return work.run();
        } finally {
            restore(outer);
        }
    }

    private static void restore(Scope outer) {
        // remove() rather than set(NORMAL): pooled threads should not keep a value forever.
        if (outer == Scope.NORMAL) {
            CURRENT.remove();
        } else {
            CURRENT.set(outer);
        }
    }
}
