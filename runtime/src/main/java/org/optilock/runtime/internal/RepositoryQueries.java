package org.optilock.runtime.internal;

import jakarta.data.exceptions.EmptyResultException;
import jakarta.data.exceptions.NonUniqueResultException;
import jakarta.data.page.CursoredPage;
import jakarta.data.page.Page;
import jakarta.data.page.PageRequest;
import jakarta.data.page.impl.CursoredPageRecord;
import jakarta.data.page.impl.PageRecord;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.optilock.runtime.ConnectionSource;

/**
 * The reading side of a repository: runs its {@link FindStatement}s with what a call adds (the order,
 * a limit, a page by offset or by cursor), on its DAO's connections, in its database's SQL, and reads
 * each row with a {@link RowReader} (the DAO's generated mapping for entities); the results in the
 * shapes the specification defines.
 *
 * @param <T> the entity type
 */
final class RepositoryQueries<T> {

    private final AbstractVersionedDao<T, ?, ?> dao;
    private final DaoContext context;
    private final String name;
    /** Reads the entity of a row of the entity's own SELECT. */
    final RowReader<T> entities;
    private final EntityCollections<T> collections;

    RepositoryQueries(AbstractVersionedDao<T, ?, ?> dao) {
        this.dao = dao;
        this.context = dao.context();
        EntityRows<T, ?, ?> rows = dao.rows();
        this.name = rows.statements().name;
        int[] columns = rows.statements().selectOrder;
        this.entities = resultSet -> dao.read(resultSet, columns);
        this.collections = rows.collections();
    }

    /**
     * Every row of {@code find}, each read by {@code reader}, in the declared order and then
     * {@code sorts}; at most {@code maxResults} from row {@code startAt} (from 1) when
     * {@code maxResults} is positive.
     */
    <R> List<R> list(FindStatement find, RowReader<R> reader, ParameterBinder binder, List<SortKey> sorts,
            int maxResults, long startAt) {
        return read(find, (connection, database) -> query(connection,
                find.query(database.dialect(), sorts, 0, maxResults > 0, startAt > 1, false).sql(),
                limited(find, binder, maxResults, startAt), reader));
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

    /** The one row of {@code find}, or none (or a selected value that is NULL). */
    <R> Optional<R> optional(FindStatement find, RowReader<R> reader, ParameterBinder binder, List<SortKey> sorts) {
        List<R> found = atMostOne(find, reader, binder, sorts);
        return found.isEmpty() ? Optional.empty() : Optional.ofNullable(found.get(0));
    }

    /** The rows of {@code find}, which may be none or one: a second is a {@code NonUniqueResultException}. */
    private <R> List<R> atMostOne(FindStatement find, RowReader<R> reader, ParameterBinder binder, List<SortKey> sorts) {
        List<R> found = list(find, reader, binder, sorts, 2, 1);
        if (found.size() > 1) {
            throw new NonUniqueResultException(find.method + " found more than one " + name + " where it returns"
                    + " one. Return a List, or pass values that a single row matches.");
        }
        return found;
    }

    /** The first row of {@code find}, in its order, or none. */
    <R> Optional<R> optionalFirst(FindStatement find, RowReader<R> reader, ParameterBinder binder, List<SortKey> sorts) {
        List<R> found = list(find, reader, binder, sorts, 1, 1);
        return found.isEmpty() ? Optional.empty() : Optional.ofNullable(found.get(0));
    }

    /** The first row of {@code find}, in its order. */
    <R> R first(FindStatement find, RowReader<R> reader, ParameterBinder binder, List<SortKey> sorts) {
        List<R> found = list(find, reader, binder, sorts, 1, 1);
        if (found.isEmpty()) {
            throw noRow(find);
        }
        return found.get(0);
    }

    /** The one row of {@code find}. */
    <R> R single(FindStatement find, RowReader<R> reader, ParameterBinder binder, List<SortKey> sorts) {
        List<R> found = atMostOne(find, reader, binder, sorts);
        if (found.isEmpty()) {
            throw noRow(find);
        }
        return found.get(0);
    }

    private EmptyResultException noRow(FindStatement find) {
        return new EmptyResultException(find.method + " found no " + name
                + ". Return an Optional where no row is a possible answer.");
    }

    /**
     * Every row of {@code find}, read as the stream is consumed, on a connection it holds until it is
     * closed: close it, as with try-with-resources.
     */
    <R> Stream<R> stream(FindStatement find, RowReader<R> reader, ParameterBinder binder, List<SortKey> sorts,
            int maxResults, long startAt) {
        return RowStream.open(context,
                dialect -> find.query(dialect, sorts, 0, maxResults > 0, startAt > 1, false).sql(),
                limited(find, binder, maxResults, startAt), connection -> withCollections(connection, reader),
                "read " + name + " rows (" + find.method + ")");
    }

    /**
     * {@code reader}, but an entity read on {@code connection} also given its element collections,
     * one SELECT for each (a stream reads one row at a time).
     */
    @SuppressWarnings("unchecked") // reader is entities, so R is T
    private <R> RowReader<R> withCollections(Connection connection, RowReader<R> reader) {
        if (reader != entities || collections.isEmpty()) {
            return reader;
        }
        return resultSet -> {
            R entity = reader.read(resultSet);
            collections.read(connection, List.of((T) entity));
            return entity;
        };
    }

    /** One page of {@code find}'s rows, by offset, with their total count when {@code request} asks for it. */
    <R> Page<R> page(FindStatement find, RowReader<R> reader, ParameterBinder binder, List<SortKey> sorts,
            PageRequest request) {
        if (request.mode() != PageRequest.Mode.OFFSET) {
            throw new IllegalArgumentException(find.method + " returns a Page, which is read by offset, but was given a"
                    + " request with a cursor (" + request.mode() + "). Return a CursoredPage to page by cursor.");
        }
        List<R> content = read(find, (connection, database) -> offsetPage(connection, database, find, reader, binder,
                sorts, request).content());
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
    CursoredPage<T> cursoredPage(FindStatement find, ParameterBinder binder, List<SortKey> sorts, PageRequest request) {
        Rows<T> page = read(find, (connection, database) -> request.mode() == PageRequest.Mode.OFFSET
                ? offsetPage(connection, database, find, entities, binder, sorts, request)
                : cursorPage(connection, database, find, binder, sorts, request));
        List<T> content = page.content();
        boolean more = content.size() > request.size();
        if (more) {
            content.remove(content.size() - 1);
        }
        boolean firstPage;
        boolean lastPage;
        if (request.mode() == PageRequest.Mode.OFFSET) {
            firstPage = request.page() == 1;
            lastPage = !more;
        } else {
            boolean before = request.mode() == PageRequest.Mode.CURSOR_PREVIOUS;
            firstPage = before && !more;
            lastPage = !before && !more;
        }
        if (content.isEmpty()) {
            // An empty page has no row to start another page from: it is first and last at once.
            firstPage = true;
            lastPage = true;
        }
        if (request.mode() == PageRequest.Mode.CURSOR_PREVIOUS) {
            Collections.reverse(content);
        }
        List<PageRequest.Cursor> cursors = new EntityCursors<>(content, page.order(), dao::value);
        long total = request.requestTotal() ? count(find, binder) : -1;
        return new CursoredPageRecord<>(content, cursors, total, request, firstPage, lastPage);
    }

    /** The rows after or before the cursor of {@code request}, and one more when there is one. */
    private Rows<T> cursorPage(Connection connection, DialectSupport database, FindStatement find,
            ParameterBinder binder, List<SortKey> sorts, PageRequest request) throws SQLException {
        boolean before = request.mode() == PageRequest.Mode.CURSOR_PREVIOUS;
        PageRequest.Cursor cursor = request.cursor().orElseThrow();
        FindStatement.Query query = find.query(database.dialect(), sorts, before ? -1 : 1, true, false,
                database.keysetNeedsLeadingRange());
        if (cursor.size() != query.order().keys().size()) {
            throw new IllegalArgumentException("The cursor holds " + cursor.size() + " values, but the rows of "
                    + find.method + " are ordered by " + query.order().keys().size() + " keys ("
                    + query.order().keys().stream().map(RowOrder.Key::column).toList() + "): use a cursor of this"
                    + " query's pages, or one value per key.");
        }
        int[] values = query.cursorParameters();
        List<T> content = query(connection, query.sql(), statement -> {
            binder.bind(statement);
            int next = find.parameters + 1;
            for (int value : values) {
                Object comparable = query.order().keys().get(value).comparable(cursor.get(value));
                bindCursorValue(database, statement, next++, comparable);
            }
            statement.setInt(next, request.size() + 1);
        }, entities);
        return new Rows<>(content, query.order());
    }

    /** Rows a query read, and their order. */
    private record Rows<E>(List<E> content, RowOrder order) {}

    /** The rows of page {@code request.page()}, and one more when there is one; no OFFSET on the first page. */
    private <R> Rows<R> offsetPage(Connection connection, DialectSupport database, FindStatement find,
            RowReader<R> reader, ParameterBinder binder, List<SortKey> keys, PageRequest request) throws SQLException {
        long startAt = (request.page() - 1) * request.size() + 1;
        FindStatement.Query query = find.query(database.dialect(), keys, 0, true, startAt > 1, false);
        return new Rows<>(query(connection, query.sql(), limited(find, binder, request.size() + 1, startAt), reader),
                query.order());
    }

    /**
     * Binds one value of a cursor as the DAO binds its column: an {@code Instant} as the database
     * reads it, anything else as it is (the cursors this class makes hold what the DAO binds).
     */
    private static void bindCursorValue(DialectSupport database, PreparedStatement statement, int index, Object value)
            throws SQLException {
        if (value instanceof Instant instant) {
            database.bindInstant(statement, index, instant);
        } else {
            statement.setObject(index, value);
        }
    }

    /** How many rows {@code find} has. */
    long count(FindStatement find, ParameterBinder binder) {
        return read(find, (connection, database) -> {
            try (PreparedStatement statement = connection.prepareStatement(find.count(database.dialect()))) {
                binder.bind(statement);
                try (ResultSet resultSet = statement.executeQuery()) {
                    resultSet.next();
                    return resultSet.getLong(1);
                }
            }
        });
    }

    /** Whether {@code find} has a row: reads one at most. */
    boolean exists(FindStatement find, ParameterBinder binder) {
        return read(find, (connection, database) -> {
            try (PreparedStatement statement = connection.prepareStatement(find.exists(database.dialect()))) {
                binder.bind(statement);
                try (ResultSet resultSet = statement.executeQuery()) {
                    return resultSet.next();
                }
            }
        });
    }

    /** Work on one connection, which knows its database by then. */
    @FunctionalInterface
    private interface Reading<R> {
        R on(Connection connection, DialectSupport database) throws SQLException;
    }

    /** Does {@code reading} on a connection of this repository's, its failures named after {@code find}'s method. */
    private <R> R read(FindStatement find, Reading<R> reading) {
        try (ConnectionSource.Lease lease = context.lease()) {
            return reading.on(lease.connection(), context.database());
        } catch (SQLException e) {
            throw SqlFailure.exception("read " + name + " rows (" + find.method + ")", e);
        }
    }

    /** The rows {@code sql} selects, each read by {@code reader}; entities given their element collections. */
    @SuppressWarnings("unchecked") // reader is entities, so R is T
    private <R> List<R> query(Connection connection, String sql, ParameterBinder binder, RowReader<R> reader)
            throws SQLException {
        List<R> found = new ArrayList<>();
        try (PreparedStatement statement = connection.prepareStatement(sql)) {
            binder.bind(statement);
            try (ResultSet resultSet = statement.executeQuery()) {
                while (resultSet.next()) {
                    found.add(reader.read(resultSet));
                }
            }
        }
        if (reader == entities) {
            collections.read(connection, (List<T>) found);
        }
        return found;
    }
}
