package org.optilock.runtime.internal;

import java.sql.PreparedStatement;
import java.sql.SQLException;

/**
 * The rows of a DAO whose checked UPDATE writes a version known before the write (a counter or a
 * timestamp computed in Java), so {@link Batches} sends the checked updates of a batch as one JDBC
 * batch, or on PostgreSQL as one statement over arrays. The rows of other DAOs, whose database decides each new version, are written one by one
 * with {@link BatchRows#write}, each reading its version back.
 *
 * @param <T> the entity type
 * @param <V> the version type, boxed
 */
public interface BatchedUpdateRows<T, V> extends BatchRows<T, V> {

    /** The checked UPDATE. */
    String updateSql();

    /** Binds the checked UPDATE for {@code entity} and returns the version it writes. */
    V bindUpdate(PreparedStatement statement, T entity) throws SQLException;

    /**
     * The checked UPDATE of many rows in one statement, on PostgreSQL: each parameter of
     * {@link #updateSql()} bound as an array of every row's values, returning the position (from 1)
     * of each row it wrote.
     */
    String updateRowsSql();

    /** A query of no rows whose column types are the element types of those arrays. */
    String updateRowsTypes();

    /**
     * Puts into {@code values} what {@link #bindUpdate} binds for {@code entity}, in the same order
     * (an enum as its name or ordinal), and returns the version it writes.
     */
    V updateValues(T entity, Object[] values);
}
