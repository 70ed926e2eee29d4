package org.optilock.runtime.internal;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import org.optilock.runtime.RecordModifiedException;

/**
 * What {@link Batches} needs of one generated DAO: its SQL, how to bind one entity, and how to read,
 * compare and report a row. Each DAO implements it in a private inner class; a DAO whose checked
 * updates can share one JDBC batch implements {@link BatchedUpdateRows}.
 *
 * @param <T> the entity type
 * @param <V> the version type, boxed
 */
public interface BatchRows<T, V> {

    /** Whether writes of {@code entity} carry the version condition. */
    boolean checked(T entity);

    /** The version {@code entity} holds. */
    V version(T entity);

    /** The key of {@code entity}, to refuse a batch that names one row twice. */
    Object key(T entity);

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
