package org.optilock.runtime.internal;

import jakarta.data.exceptions.EmptyResultException;
import jakarta.data.exceptions.NonUniqueResultException;
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
import java.util.Optional;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.optilock.runtime.ConnectionSource;

/**
 * The reading side of a repository: runs its {@link FindStatement}s with what a call adds (the order,
 * a limit, a page by offset or by cursor), on its DAO's connections, and reads the rows with the DAO's
 * generated mapping; the results in the shapes the specification defines.
 *
 * @param <T> the entity type
 */
final class RepositoryQueries<T> {

    private final AbstractVersionedDao<T, ?, ?> dao;
    private final DaoContext context;
    private final EntityRows<T, ?, ?> rows;
    private final String name;
    /** The number of the version's column, which the DAO's {@code value} does not give; 0 when there is none. */
    private final int versionColumn;

    RepositoryQueries(AbstractVersionedDao<T, ?, ?> dao) {
        this.dao = dao;
        this.context = dao.context();
        this.rows = dao.rows();
        this.name = rows.statements().name;
        int[] others = rows.statements().uncheckedUpdate().columns();
        this.versionColumn = IntStream.rangeClosed(1, rows.statements().columns.size())
                .filter(column -> IntStream.of(others).noneMatch(other -> other == column))
                .findFirst().orElse(0);
    }

    /**
     * Every row of {@code find}, in the declared order and then {@code sorts}; at most
     * {@code maxResults} from row {@code startAt} (from 1) when {@code maxResults} is positive.
     */
    List<T> list(FindStatement find, ParameterBinder binder, List<SortKey> sorts, int maxResults, long startAt) {
        FindStatement.Query query = find.query(sorts, 0, maxResults > 0, startAt > 1, false);
        return query(find, query.sql(), limited(find, binder, maxResults, startAt));
    }

    /** {@code binder}, then the LIMIT and OFFSET parameters of {@code maxResults} rows from row {@code startAt}. */
    private static ParameterBinder limited(FindStatement find, ParameterBinder binder, int maxResults, long startAt) {
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
    Optional<T> optional(FindStatement find, ParameterBinder binder, List<SortKey> sorts) {
        List<T> found = list(find, binder, sorts, 2, 1);
        if (found.size() > 1) {
            throw new NonUniqueResultException(find.method + " found more than one " + name + " where it returns at most"
                    + " one. Return a List, or pass values that a single row matches.");
        }
        return found.stream().findFirst();
    }

    /** The one row of {@code find}. */
    T single(FindStatement find, ParameterBinder binder, List<SortKey> sorts) {
        return optional(find, binder, sorts).orElseThrow(() -> new EmptyResultException(find.method + " found no "
                + name + ". Return an Optional where no row is a possible answer."));
    }

    /**
     * Every row of {@code find}, read as the stream is consumed, on a connection it holds until it is
     * closed: close it, as with try-with-resources.
     */
    Stream<T> stream(FindStatement find, ParameterBinder binder, List<SortKey> sorts, int maxResults,
            long startAt) {
        FindStatement.Query query = find.query(sorts, 0, maxResults > 0, startAt > 1, false);
        return RowStream.open(context, query.sql(), limited(find, binder, maxResults, startAt),
                resultSet -> dao.read(resultSet, rows.statements().selectOrder), "read " + name + " rows (" + find.method + ")");
    }

    /** One page of {@code find}'s rows, by offset, with their total count when {@code request} asks for it. */
    Page<T> page(FindStatement find, ParameterBinder binder, List<SortKey> sorts, PageRequest request) {
        if (request.mode() != PageRequest.Mode.OFFSET) {
            throw new IllegalArgumentException(find.method + " returns a Page, which is read by offset, but was given a"
                    + " request with a cursor (" + request.mode() + "). Return a CursoredPage to page by cursor.");
        }
        List<T> content = offsetPage(find, binder, sorts, request).content();
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
    CursoredPage<T> cursoredPage(FindStatement find, ParameterBinder binder, List<SortKey> sorts,
            PageRequest request) {
        List<SortKey> keys = sorts;
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
    private record Rows<E>(List<E> content, RowOrder order) {}

    /** The rows of page {@code request.page()}, and one more when there is one; no OFFSET on the first page. */
    private Rows<T> offsetPage(FindStatement find, ParameterBinder binder, List<SortKey> keys, PageRequest request) {
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

    private long count(FindStatement find, ParameterBinder binder) {
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
    private List<T> query(FindStatement find, String sql, ParameterBinder binder) {
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
}
