package org.optilock.runtime.internal;

/**
 * The next value of a {@code COUNTER} version. A counter at the largest value of its type is refused,
 * before anything is written, instead of wrapping to a negative version that every later check would
 * get wrong.
 */
final class VersionCounter {

    private VersionCounter() {}

    /** {@code current + 1}; 1 for an unset version. */
    static int next(int current, Class<?> entityType) {
        if (current == Integer.MAX_VALUE) {
            throw exhausted(entityType, current, "an int", "long and its column to BIGINT");
        }
        return current + 1;
    }

    /** {@code current + 1}; 1 for an unset version. */
    static Integer next(Integer current, Class<?> entityType) {
        return current == null ? 1 : next(current.intValue(), entityType);
    }

    /** {@code current + 1}; 1 for an unset version. */
    static long next(long current, Class<?> entityType) {
        if (current == Long.MAX_VALUE) {
            throw exhausted(entityType, current, "a long", "a TIMESTAMP version, or reset the versions of the table");
        }
        return current + 1;
    }

    /** {@code current + 1}; 1 for an unset version. */
    static Long next(Long current, Class<?> entityType) {
        return current == null ? 1L : next(current.longValue(), entityType);
    }

    private static IllegalStateException exhausted(Class<?> entityType, long current, String type, String fix) {
        return new IllegalStateException("This " + entityType.getSimpleName() + " is at version " + current
                + ", the largest " + type + " holds: its next version would wrap to a negative number. Nothing"
                + " was written. Widen the version field to " + fix + ".");
    }
}
