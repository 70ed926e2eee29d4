package org.optilock.runtime;

import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.Supplier;
import java.util.function.UnaryOperator;

/**
 * One call that proves, on your own database, that a DAO really locks optimistically: a new entity
 * starts unversioned and gets a version on insert, and a stale copy is refused on update and on
 * delete while the newer row stays intact (django-concurrency's {@code ConcurrencyTestMixin}).
 * Works with any test framework: a failure is an {@link AssertionError} that says what went wrong.
 *
 * <pre>{@code
 * @Test
 * void articlesLockOptimistically() {
 *     ConcurrencyCheck.of(new ArticleDao(dataSource))
 *             .creating(() -> new Article("title", "body"))
 *             .identifiedBy(Article::getId)
 *             .versionedBy(Article::getVersion)
 *             .changing(article -> { article.setTitle("changed"); return article; })
 *             .verify();
 * }
 * }</pre>
 *
 * The check inserts one row and deletes it again at the end.
 *
 * @param <T> the entity type
 * @param <ID> the key type
 * @param <V> the version type
 */
public final class ConcurrencyCheck<T, ID, V> {

    private final VersionedDao<T, ID, V> dao;
    private Supplier<T> creating;
    private Function<T, ID> identifiedBy;
    private Function<T, V> versionedBy;
    private UnaryOperator<T> changing;

    private ConcurrencyCheck(VersionedDao<T, ID, V> dao) {
        this.dao = Objects.requireNonNull(dao, "dao");
    }

    /** A check of {@code dao}. */
    public static <T, ID, V> ConcurrencyCheck<T, ID, V> of(VersionedDao<T, ID, V> dao) {
        return new ConcurrencyCheck<>(dao);
    }

    /** Makes a new entity, not yet inserted, that the database accepts. */
    public ConcurrencyCheck<T, ID, V> creating(Supplier<T> newEntity) {
        this.creating = newEntity;
        return this;
    }

    /** Reads an entity's key. */
    public ConcurrencyCheck<T, ID, V> identifiedBy(Function<T, ID> id) {
        this.identifiedBy = id;
        return this;
    }

    /** Reads an entity's version. */
    public ConcurrencyCheck<T, ID, V> versionedBy(Function<T, V> version) {
        this.versionedBy = version;
        return this;
    }

    /**
     * Changes an entity so that an update must move its version (for a conditional version, change a
     * checked field) and returns it: the same object, or a new one for records.
     */
    public ConcurrencyCheck<T, ID, V> changing(UnaryOperator<T> change) {
        this.changing = change;
        return this;
    }

    /**
     * Runs the check.
     *
     * @throws AssertionError naming the first thing that does not hold
     * @throws IllegalStateException if a step of the set-up is missing
     */
    public void verify() {
        require(creating, "creating");
        require(identifiedBy, "identifiedBy");
        require(versionedBy, "versionedBy");
        require(changing, "changing");

        T fresh = creating.get();
        String what = fresh.getClass().getSimpleName();
        V initial = versionedBy.apply(fresh);
        check(OptilockSettings.isUnset(initial), "a new " + what + " should start unversioned, but holds version " + initial);

        T inserted = dao.insert(fresh);
        ID id = identifiedBy.apply(inserted);
        V first = versionedBy.apply(inserted);
        check(!OptilockSettings.isUnset(first), "insert should give the " + what + " a version, but it holds " + first);
        check(dao.currentVersion(id).equals(Optional.of(first)),
                "the database should hold version " + first + " of " + what + " " + id + ", but holds " + dao.currentVersion(id));

        T mine = found(id, what);
        T theirs = found(id, what);
        T winner = dao.update(changing.apply(theirs));
        V winning = versionedBy.apply(winner);
        check(!Objects.equals(winning, first), "an update of " + what + " " + id + " should move its version from " + first
                + "; make changing(...) change a field that counts");

        try {
            dao.update(changing.apply(mine));
            throw new AssertionError("a stale copy of " + what + " " + id + " (version " + first + ") was saved over version "
                    + winning + ": optimistic locking is off. Is the DAO inside Concurrency.disabled(...), or are its"
                    + " settings disabled?");
        } catch (RecordModifiedException expected) {
            check(Objects.equals(expected.currentVersion(), winning),
                    "the conflict should report the current version " + winning + ", but reports " + expected.currentVersion());
        }
        check(dao.currentVersion(id).equals(Optional.of(winning)),
                "the refused update of " + what + " " + id + " should leave version " + winning + " in the database");
        try {
            dao.delete(mine);
            throw new AssertionError("a stale copy of " + what + " " + id + " was deleted: optimistic locking is off for deletes");
        } catch (RecordModifiedException expected) {
            // the stale delete was refused, as it must be
        }
        dao.delete(found(id, what));
    }

    private T found(ID id, String what) {
        return dao.findById(id).orElseThrow(() -> new AssertionError(what + " " + id + " should be in the database"));
    }

    private static void check(boolean holds, String message) {
        if (!holds) {
            throw new AssertionError(message);
        }
    }

    private static void require(Object step, String name) {
        if (step == null) {
            throw new IllegalStateException("ConcurrencyCheck needs ." + name + "(...) before verify()");
        }
    }
}
