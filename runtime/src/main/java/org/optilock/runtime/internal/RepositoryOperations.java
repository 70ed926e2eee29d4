package org.optilock.runtime.internal;

import jakarta.data.Sort;
import jakarta.data.exceptions.EntityExistsException;
import jakarta.data.exceptions.OptimisticLockingFailureException;
import jakarta.data.page.CursoredPage;
import jakarta.data.page.Page;
import jakarta.data.page.PageRequest;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.stream.Stream;
import org.optilock.runtime.BatchConflictException;
import org.optilock.runtime.BatchPolicy;
import org.optilock.runtime.ConnectionSource;
import org.optilock.runtime.DataAccessException;
import org.optilock.runtime.OptilockSettings;
import org.optilock.runtime.RecordModifiedException;
import org.optilock.runtime.Unversioned;

/**
 * What a generated Jakarta Data repository runs: its writes through its entity's DAO, with the
 * DAO's connections and settings, their failures in the specification's exceptions (each caused by
 * Optilock's own, with every detail); and its queries, which {@link RepositoryQueries} runs once the
 * call's {@code Sort} and {@code Order} arguments are checked keys. One per repository, as thread-safe
 * as its DAO.
 *
 * @param <T> the entity type
 * @param <K> the key type
 */
public final class RepositoryOperations<T, K> {

    private final AbstractVersionedDao<T, K, ?> dao;
    private final DaoContext context;
    private final EntityRows<T, K, ?> rows;
    private final String name;
    private final RepositoryQueries<T> queries;

    /** The operations of a repository whose entity {@code dao} reads and writes. */
    public RepositoryOperations(AbstractVersionedDao<T, K, ?> dao) {
        this.dao = Objects.requireNonNull(dao, "dao");
        this.context = dao.context();
        this.rows = dao.rows();
        this.name = rows.statements().name;
        this.queries = new RepositoryQueries<>(dao);
    }

    // ---- writes ------------------------------------------------------------------------------------

    /**
     * Inserts {@code entity}.
     *
     * @throws EntityExistsException when a row has its key (or a unique value of it) already
     */
    public T insert(T entity) {
        try {
            return dao.insert(entity);
        } catch (DataAccessException failure) {
            throw existing(failure);
        }
    }

    /** Inserts every entity, all or none. */
    public List<T> insertAll(List<? extends T> entities) {
        try {
            return dao.insertAll(List.copyOf(entities));
        } catch (DataAccessException failure) {
            throw existing(failure);
        }
    }

    /**
     * Updates {@code entity}, conditional on its version.
     *
     * @throws OptimisticLockingFailureException caused by the {@link RecordModifiedException} that
     *     carries the row as it is now
     */
    public T update(T entity) {
        try {
            return dao.update(entity);
        } catch (RecordModifiedException conflict) {
            throw optimisticLockingFailure(conflict);
        }
    }

    /** Updates every entity, each conditional on its version, all or none. */
    public List<T> updateAll(List<? extends T> entities) {
        try {
            return dao.updateAll(List.copyOf(entities), BatchPolicy.ABORT_ALL).applied();
        } catch (BatchConflictException conflicts) {
            throw optimisticLockingFailure(conflicts);
        }
    }

    /** Deletes the row of {@code entity}, conditional on its version. */
    public void delete(T entity) {
        try {
            dao.delete(entity);
        } catch (RecordModifiedException conflict) {
            throw optimisticLockingFailure(conflict);
        }
    }

    /** Deletes the row of every entity, each conditional on its version, all or none. */
    public void deleteAll(List<? extends T> entities) {
        try {
            dao.deleteAll(List.copyOf(entities), BatchPolicy.ABORT_ALL);
        } catch (BatchConflictException conflicts) {
            throw optimisticLockingFailure(conflicts);
        }
    }

    /**
     * Inserts {@code entity} when its version is unset (it was never saved), else updates it,
     * conditional on that version. An entity without a version whose key a row has already is not
     * written over that row: it was not read from it. An unversioned entity is inserted when the
     * database is to generate its key, else updated, or inserted when no row has its key.
     */
    public T save(T entity) {
        Objects.requireNonNull(entity, "entity");
        if (isUnversioned(entity)) {
            return saveUnversioned(entity);
        }
        if (!OptilockSettings.isUnset(dao.version(entity))) {
            return update(entity);
        }
        try {
            return dao.insert(entity);
        } catch (DataAccessException failure) {
            if (SqlFailure.of(failure.getCause()) == SqlFailure.DUPLICATE_KEY) {
                throw new OptimisticLockingFailureException("Cannot save this " + name + " over the row with its key:"
                        + " it has no version, so it was not read from that row. Read the row, change it and save"
                        + " that.", failure);
            }
            throw failure;
        }
    }

    private T saveUnversioned(T entity) {
        if (dao.generatesKey(entity)) {
            return insert(entity);
        }
        try {
            return dao.update(entity);
        } catch (RecordModifiedException gone) {
            return insert(entity);
        }
    }

    /**
     * {@link #save} of every entity: the new ones (an unset version, or a key the database is to
     * generate) inserted together, then the versioned others updated together, and the unversioned
     * others saved one by one.
     */
    public List<T> saveAll(List<? extends T> entities) {
        List<Integer> unsaved = new ArrayList<>();
        List<Integer> saved = new ArrayList<>();
        List<T> written = new ArrayList<>(entities);
        for (int i = 0; i < entities.size(); i++) {
            T entity = Objects.requireNonNull(entities.get(i), "entity");
            if (isUnversioned(entity) ? dao.generatesKey(entity) : OptilockSettings.isUnset(dao.version(entity))) {
                unsaved.add(i);
            } else if (isUnversioned(entity)) {
                written.set(i, saveUnversioned(entity));
            } else {
                saved.add(i);
            }
        }
        List<T> inserted = unsaved.isEmpty() ? List.of() : insertAll(unsaved.stream().map(entities::get).toList());
        List<T> updated = saved.isEmpty() ? List.of() : updateAll(saved.stream().map(entities::get).toList());
        for (int i = 0; i < inserted.size(); i++) {
            written.set(unsaved.get(i), inserted.get(i));
        }
        for (int i = 0; i < updated.size(); i++) {
            written.set(saved.get(i), updated.get(i));
        }
        return written;
    }

    private boolean isUnversioned(T entity) {
        return dao.version(entity) == Unversioned.NONE;
    }

    /** Deletes the row with key {@code id}, whatever its version; nothing when there is none. */
    public void deleteById(K id) {
        Objects.requireNonNull(id, "id");
        try (ConnectionSource.Lease lease = context.lease()) {
            rows.deleteById(lease.connection(), id);
            lease.complete();
        } catch (SQLException e) {
            throw SqlFailure.exception("delete " + name + " by id", e);
        }
    }

    /**
     * Runs {@code statement}, an UPDATE or DELETE of a method's own (a JDQL query, or a delete by
     * attributes), as its database spells it: as written, with no version condition. How many rows it
     * changed.
     */
    public long execute(String method, SqlText statement, ParameterBinder binder) {
        try (ConnectionSource.Lease lease = context.lease();
                PreparedStatement prepared = lease.connection().prepareStatement(statement.in(context.database().dialect()))) {
            binder.bind(prepared);
            long changed = prepared.executeUpdate();
            lease.complete();
            return changed;
        } catch (SQLException e) {
            throw SqlFailure.exception("change " + name + " rows (" + method + ")", e);
        }
    }

    /** Binds a nullable {@code Instant} to parameter {@code index}, as the DAO's database reads it. */
    public void bindInstant(PreparedStatement statement, int index, Instant value) throws SQLException {
        context.database().bindInstant(statement, index, value);
    }

    // ---- queries -----------------------------------------------------------------------------------

    /** The row with key {@code id}. */
    public Optional<T> findById(K id) {
        return dao.findById(Objects.requireNonNull(id, "id"));
    }

    /**
     * Every row of {@code find}, in the declared order and then {@code sorts}; at most
     * {@code maxResults} from row {@code startAt} (from 1) when {@code maxResults} is positive.
     */
    public List<T> list(FindStatement find, ParameterBinder binder, List<? extends Sort<?>> sorts, int maxResults, long startAt) {
        return list(find, queries.entities, binder, sorts, maxResults, startAt);
    }

    /** {@link #list(FindStatement, ParameterBinder, List, int, long)} of what {@code reader} reads of each row. */
    public <R> List<R> list(FindStatement find, RowReader<R> reader, ParameterBinder binder,
            List<? extends Sort<?>> sorts, int maxResults, long startAt) {
        return queries.list(find, reader, binder, sortKeys(sorts), maxResults, startAt);
    }

    /** Every row of {@code find}: the first of them, or none. */
    public Optional<T> optional(FindStatement find, ParameterBinder binder, List<? extends Sort<?>> sorts) {
        return optional(find, queries.entities, binder, sorts);
    }

    /** {@link #optional(FindStatement, ParameterBinder, List)} of what {@code reader} reads of the row. */
    public <R> Optional<R> optional(FindStatement find, RowReader<R> reader, ParameterBinder binder,
            List<? extends Sort<?>> sorts) {
        return queries.optional(find, reader, binder, sortKeys(sorts));
    }

    /** The one row of {@code find}. */
    public T single(FindStatement find, ParameterBinder binder, List<? extends Sort<?>> sorts) {
        return single(find, queries.entities, binder, sorts);
    }

    /** {@link #single(FindStatement, ParameterBinder, List)} of what {@code reader} reads of the row. */
    public <R> R single(FindStatement find, RowReader<R> reader, ParameterBinder binder, List<? extends Sort<?>> sorts) {
        return queries.single(find, reader, binder, sortKeys(sorts));
    }

    /** The first row of {@code find}, in its order: a query named {@code findFirst}. */
    public T first(FindStatement find, ParameterBinder binder, List<? extends Sort<?>> sorts) {
        return queries.first(find, queries.entities, binder, sortKeys(sorts));
    }

    /** The first row of {@code find}, in its order, or none: a query named {@code findFirst} that returns an Optional. */
    public Optional<T> optionalFirst(FindStatement find, ParameterBinder binder, List<? extends Sort<?>> sorts) {
        return queries.optionalFirst(find, queries.entities, binder, sortKeys(sorts));
    }

    /**
     * Every row of {@code find}, read as the stream is consumed, on a connection it holds until it is
     * closed: close it, as with try-with-resources.
     */
    public Stream<T> stream(FindStatement find, ParameterBinder binder, List<? extends Sort<?>> sorts, int maxResults,
            long startAt) {
        return stream(find, queries.entities, binder, sorts, maxResults, startAt);
    }

    /** {@link #stream(FindStatement, ParameterBinder, List, int, long)} of what {@code reader} reads of each row. */
    public <R> Stream<R> stream(FindStatement find, RowReader<R> reader, ParameterBinder binder,
            List<? extends Sort<?>> sorts, int maxResults, long startAt) {
        return queries.stream(find, reader, binder, sortKeys(sorts), maxResults, startAt);
    }

    /** One page of {@code find}'s rows, by offset, with their total count when {@code request} asks for it. */
    public Page<T> page(FindStatement find, ParameterBinder binder, List<? extends Sort<?>> sorts, PageRequest request) {
        return page(find, queries.entities, binder, sorts, request);
    }

    /** {@link #page(FindStatement, ParameterBinder, List, PageRequest)} of what {@code reader} reads of each row. */
    public <R> Page<R> page(FindStatement find, RowReader<R> reader, ParameterBinder binder,
            List<? extends Sort<?>> sorts, PageRequest request) {
        return queries.page(find, reader, binder, sortKeys(sorts), request);
    }

    /**
     * One page of {@code find}'s rows: the first by offset, the next and previous after or before the
     * cursor of a row, read with a condition on the order's keys (keyset pagination), so that a deep
     * page costs what the first does and rows written meanwhile never shift it.
     */
    public CursoredPage<T> cursoredPage(FindStatement find, ParameterBinder binder, List<? extends Sort<?>> sorts,
            PageRequest request) {
        return queries.cursoredPage(find, binder, sortKeys(sorts), request);
    }

    /** How many rows {@code find} has: one {@code COUNT}. */
    public long count(FindStatement find, ParameterBinder binder) {
        return queries.count(find, binder);
    }

    /** Whether {@code find} has a row: a SELECT of one row at most. */
    public boolean exists(FindStatement find, ParameterBinder binder) {
        return queries.exists(find, binder);
    }

    // ---- the specification's exceptions -------------------------------------------------------------

    private RuntimeException existing(DataAccessException failure) {
        if (SqlFailure.of(failure.getCause()) == SqlFailure.DUPLICATE_KEY) {
            return new EntityExistsException(failure.getMessage(), failure);
        }
        return failure;
    }

    private static OptimisticLockingFailureException optimisticLockingFailure(RuntimeException conflict) {
        return new OptimisticLockingFailureException(conflict.getMessage(), conflict);
    }

    /**
     * The sorts of a call's {@code Sort}, {@code Sort[]} and {@code Order} arguments, in the order the
     * method declares them.
     */
    @SafeVarargs
    public static List<Sort<?>> sorts(Iterable<? extends Sort<?>>... arguments) {
        List<Sort<?>> sorts = new ArrayList<>();
        for (Iterable<? extends Sort<?>> argument : arguments) {
            Objects.requireNonNull(argument, "A Sort or Order argument is null; pass Order.by() for no order").forEach(sorts::add);
        }
        return sorts;
    }

    /** How many values a call's collection gives an {@code In} condition. */
    public static int size(Collection<?> values) {
        return Objects.requireNonNull(values, "The values of an In condition are null; pass an empty collection").size();
    }

    /** How many values a call's array gives an {@code In} condition. */
    public static int size(Object[] values) {
        return Objects.requireNonNull(values, "The values of an In condition are null; pass an empty array").length;
    }

    /** The entities of {@code entities}, for a lifecycle method that takes an {@code Iterable}. */
    public static <T> List<T> listOf(Iterable<? extends T> entities) {
        List<T> list = new ArrayList<>();
        entities.forEach(list::add);
        return list;
    }

    /** The keys of {@code sorts}, which a caller passed as {@code Sort} and {@code Order} arguments. */
    private static List<SortKey> sortKeys(List<? extends Sort<?>> sorts) {
        List<SortKey> keys = new ArrayList<>(sorts.size());
        for (Sort<?> sort : sorts) {
            Objects.requireNonNull(sort, "sort");
            keys.add(new SortKey(sort.property(), sort.isDescending(), sort.ignoreCase()));
        }
        return keys;
    }
}
