package org.optilock.runtime.internal;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import org.optilock.runtime.RecordModifiedException;

/**
 * What {@link Batches} needs of one generated DAO: its SQL, how to bind one entity, and how to read,
 * compare and report a row. Each DAO implements it in a private inner class.
 *
 * @param <T> the entity type
 * @param <V> the version type, boxed
 */
public interface BatchRows<T, V> {

    /** Whether writes of {@code entity} carry the version condition. */
    boolean checked(T entity);

    /** The version {@code entity} holds. */
    V version(T entity);

    /**
     * The UPDATE to run as one JDBC batch, or {@code null} when every row must report its new version
     * itself ({@code TRIGGER} and conditional versions), so rows are written one by one with
     * {@link #write}.
     */
    default String batchUpdateSql(boolean checked) {
        return null;
    }

    /** Binds the batched UPDATE for {@code entity} and returns the version it writes. */
    default V bindUpdate(PreparedStatement statement, T entity, boolean checked) throws SQLException {
        throw new IllegalStateException("this DAO writes its rows one by one");
    }

    /** Updates one row; returns its new version, or {@code null} when no row matched. */
    V write(Connection connection, T entity, boolean checked) throws SQLException;

    /** The DELETE. */
    String deleteSql(boolean checked);

    /** Binds the DELETE for {@code entity}. */
    void bindDelete(PreparedStatement statement, T entity, boolean checked) throws SQLException;

    /** The row of {@code entity} as it is now, or {@code null} when there is none. */
    T current(Connection connection, T entity) throws SQLException;

    /** Whether {@code stored} holds every value of {@code entity}, with {@code version} as its version. */
    boolean holds(T stored, T entity, V version);

    /** The conflict of {@code entity} with the row as it is now, told to the conflict listener. */
    RecordModifiedException conflict(T entity, T current);

    /** {@code entity} with {@code version}: the same object for classes, a new one for records. */
    T withVersion(T entity, V version);
}
