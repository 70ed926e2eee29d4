package org.optilock.runtime.internal;

import jakarta.data.Sort;
import jakarta.data.exceptions.EmptyResultException;
import jakarta.data.exceptions.EntityExistsException;
import jakarta.data.exceptions.NonUniqueResultException;
import jakarta.data.exceptions.OptimisticLockingFailureException;
import jakarta.data.page.CursoredPage;
import jakarta.data.page.Page;
import jakarta.data.page.PageRequest;
import jakarta.data.page.impl.CursoredPageRecord;
import jakarta.data.page.impl.PageRecord;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.stream.IntStream;
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
 * Optilock's own, with every detail); and its queries, as {@link FindStatement}s with the order,
 * limit, page or cursor of the call appended. One per repository, as thread-safe as its DAO.
 *
 * @param <T> the entity type
 * @param <K> the key type
 */
public final class RepositoryOperations<T, K> {

    /** Binds a query's own parameters, the first ones of each statement it runs. */
    @FunctionalInterface
    public interface Binder {

        /** Binds nothing: a query without parameters. */
        Binder NONE = statement -> {};

        void bind(PreparedStatement statement) throws SQLException;
    }

    private final AbstractVersionedDao<T, K, ?> dao;
    private final DaoContext context;
    private final EntityRows<T, K, ?> rows;
    private final String name;
    /** The number of the version's column, which the DAO's {@code value} does not give; 0 when there is none. */
    private final int versionColumn;

    /** The operations of a repository whose entity {@code dao} reads and writes. */
    public RepositoryOperations(AbstractVersionedDao<T, K, ?> dao) {
        this.dao = Objects.requireNonNull(dao, "dao");
        this.context = dao.context();
        this.rows = dao.rows();
        this.name = rows.statements().name;
        int[] others = rows.statements().uncheckedUpdate().columns();
        this.versionColumn = IntStream.rangeClosed(1, rows.statements().columns.size())
                .filter(column -> IntStream.of(others).noneMatch(other -> other == column))
                .findFirst().orElse(0);
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

    /** Runs {@code delete}, a DELETE of the rows that match a method's parameters; how many it deleted. */
    public long delete(String delete, Binder binder) {
        try (ConnectionSource.Lease lease = context.lease();
                PreparedStatement statement = lease.connection().prepareStatement(delete)) {
            binder.bind(statement);
            long deleted = statement.executeUpdate();
            lease.complete();
            return deleted;
        } catch (SQLException e) {
            throw SqlFailure.exception("delete " + name + " rows", e);
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
    public List<T> list(FindStatement find, Binder binder, List<? extends Sort<?>> sorts, int maxResults, long startAt) {
        FindStatement.Query query = find.query(sortKeys(sorts), 0, maxResults > 0, startAt > 1, false);
        return query(find, query.sql(), limited(find, binder, maxResults, startAt));
    }

    /** {@code binder}, then the LIMIT and OFFSET parameters of {@code maxResults} rows from row {@code startAt}. */
    private static Binder limited(FindStatement find, Binder binder, int maxResults, long startAt) {
        return statement -> {
            binder.bind(statement);
            int next = find.parameters + 1;
            if (maxResults > 0) {
                statement.setInt(next++, maxResults);
            }
            if (startAt > 1) {
                statement.setLong(next, startAt - 1);
            }
        };
    }

    /** Every row of {@code find}: the first of them, or none. */
    public Optional<T> optional(FindStatement find, Binder binder, List<? extends Sort<?>> sorts) {
        List<T> found = list(find, binder, sorts, 2, 1);
        if (found.size() > 1) {
            throw new NonUniqueResultException(find.method + " found more than one " + name + " where it returns at most"
                    + " one. Return a List, or pass values that a single row matches.");
        }
        return found.stream().findFirst();
    }

    /** The one row of {@code find}. */
    public T single(FindStatement find, Binder binder, List<? extends Sort<?>> sorts) {
        return optional(find, binder, sorts).orElseThrow(() -> new EmptyResultException(find.method + " found no "
                + name + ". Return an Optional where no row is a possible answer."));
    }

    /**
     * Every row of {@code find}, read as the stream is consumed, on a connection it holds until it is
     * closed: close it, as with try-with-resources.
     */
    public Stream<T> stream(FindStatement find, Binder binder, List<? extends Sort<?>> sorts, int maxResults,
            long startAt) {
        FindStatement.Query query = find.query(sortKeys(sorts), 0, maxResults > 0, startAt > 1, false);
        return RowStream.open(context, query.sql(), limited(find, binder, maxResults, startAt),
                resultSet -> dao.read(resultSet, rows.statements().selectOrder), "read " + name + " rows (" + find.method + ")");
    }

    /** One page of {@code find}'s rows, by offset, with their total count when {@code request} asks for it. */
    public Page<T> page(FindStatement find, Binder binder, List<? extends Sort<?>> sorts, PageRequest request) {
        if (request.mode() != PageRequest.Mode.OFFSET) {
            throw new IllegalArgumentException(find.method + " returns a Page, which is read by offset, but was given a"
                    + " request with a cursor (" + request.mode() + "). Return a CursoredPage to page by cursor.");
        }
        List<T> content = offsetPage(find, binder, sortKeys(sorts), request).content();
        boolean more = content.size() > request.size();
        if (more) {
            content.remove(content.size() - 1);
        }
        long total = request.requestTotal() ? count(find, binder) : -1;
        return new PageRecord<>(request, content, total, more);
    }

    /**
     * One page of {@code find}'s rows: the first by offset, the next and previous after or before the
     * cursor of a row, read with a condition on the order's keys (keyset pagination), so that a deep
     * page costs what the first does and rows written meanwhile never shift it.
     */
    public CursoredPage<T> cursoredPage(FindStatement find, Binder binder, List<? extends Sort<?>> sorts,
            PageRequest request) {
        List<SortKey> keys = sortKeys(sorts);
        List<T> content;
        RowOrder order;
        boolean firstPage;
        boolean lastPage;
        if (request.mode() == PageRequest.Mode.OFFSET) {
            Rows<T> page = offsetPage(find, binder, keys, request);
            content = page.content();
            order = page.order();
            lastPage = content.size() <= request.size();
            firstPage = request.page() == 1;
        } else {
            boolean before = request.mode() == PageRequest.Mode.CURSOR_PREVIOUS;
            PageRequest.Cursor cursor = request.cursor().orElseThrow();
            FindStatement.Query query = find.query(keys, before ? -1 : 1, true, false, leadingRange());
            order = query.order();
            if (cursor.size() != order.keys().size()) {
                throw new IllegalArgumentException("The cursor holds " + cursor.size() + " values, but the rows of "
                        + find.method + " are ordered by " + order.keys().size() + " keys ("
                        + order.keys().stream().map(RowOrder.Key::column).toList() + "): use a cursor of this query's"
                        + " pages, or one value per key.");
            }
            int[] values = query.cursorParameters();
            content = query(find, query.sql(), statement -> {
                binder.bind(statement);
                int next = find.parameters + 1;
                for (int value : values) {
                    bindCursorValue(statement, next++, cursor.get(value));
                }
                statement.setInt(next, request.size() + 1);
            });
            boolean more = content.size() > request.size();
            firstPage = before && !more;
            lastPage = !before && !more;
        }
        if (content.size() > request.size()) {
            content.remove(content.size() - 1);
        }
        if (request.mode() == PageRequest.Mode.CURSOR_PREVIOUS) {
            Collections.reverse(content);
        }
        List<PageRequest.Cursor> cursors = new EntityCursors<>(content, order, this::columnValue);
        long total = request.requestTotal() ? count(find, binder) : -1;
        return new CursoredPageRecord<>(content, cursors, total, request, firstPage, lastPage);
    }

    /**
     * Whether this repository's database needs a leading range before a keyset row comparison. Known
     * once a lease has learnt the database; until then the range is written, which every database
     * reads correctly.
     */
    private boolean leadingRange() {
        DialectSupport database = context.database();
        return database == null || database.keysetNeedsLeadingRange();
    }

    /** Rows a query read, and their order. */
    private record Rows<T>(List<T> content, RowOrder order) {}

    /** The rows of page {@code request.page()}, and one more when there is one; no OFFSET on the first page. */
    private Rows<T> offsetPage(FindStatement find, Binder binder, List<SortKey> keys, PageRequest request) {
        long startAt = (request.page() - 1) * request.size() + 1;
        FindStatement.Query query = find.query(keys, 0, true, startAt > 1, false);
        return new Rows<>(query(find, query.sql(), limited(find, binder, request.size() + 1, startAt)), query.order());
    }

    /**
     * Binds one value of a cursor as the DAO binds its column: an {@code Instant} as the database
     * reads it, anything else as it is (the cursors this class makes hold what the DAO binds).
     */
    private void bindCursorValue(PreparedStatement statement, int index, Object value) throws SQLException {
        if (value instanceof Instant instant) {
            context.database().bindInstant(statement, index, instant);
        } else {
            statement.setObject(index, value);
        }
    }

    /** Column {@code column} of {@code entity} as the DAO binds it. */
    private Object columnValue(T entity, int column) {
        return column == versionColumn ? dao.version(entity) : dao.value(entity, column);
    }

    private long count(FindStatement find, Binder binder) {
        try (ConnectionSource.Lease lease = context.lease();
                PreparedStatement statement = lease.connection().prepareStatement(find.count())) {
            binder.bind(statement);
            try (ResultSet resultSet = statement.executeQuery()) {
                resultSet.next();
                return resultSet.getLong(1);
            }
        } catch (SQLException e) {
            throw SqlFailure.exception("count " + name + " rows (" + find.method + ")", e);
        }
    }

    /** The rows {@code sql} selects. */
    private List<T> query(FindStatement find, String sql, Binder binder) {
        int[] columns = rows.statements().selectOrder;
        List<T> found = new ArrayList<>();
        try (ConnectionSource.Lease lease = context.lease();
                PreparedStatement statement = lease.connection().prepareStatement(sql)) {
            binder.bind(statement);
            try (ResultSet resultSet = statement.executeQuery()) {
                while (resultSet.next()) {
                    found.add(dao.read(resultSet, columns));
                }
            }
            return found;
        } catch (SQLException e) {
            throw SqlFailure.exception("read " + name + " rows (" + find.method + ")", e);
        }
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
