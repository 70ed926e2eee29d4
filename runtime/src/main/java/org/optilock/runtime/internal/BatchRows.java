package org.optilock.runtime.internal;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import org.optilock.runtime.RecordModifiedException;

/**
 * What {@link Batches} needs of one generated DAO: its SQL, how to bind one entity, and how to read,
 * compare and report a row; for {@code insertAll}, how to insert one and give it its key and version.
 * {@link AbstractVersionedDao} implements it once for every DAO; a DAO whose checked
 * updates can share one JDBC batch implements {@link BatchedUpdateRows}.
 *
 * @param <T> the entity type
 * @param <V> the version type, boxed
 */
public interface BatchRows<T, V> {

    /** The entity class as conflicts name it: for a class versioned from outside, that class. */
    Class<?> entityType();

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

    /**
     * The checked DELETE of many rows in one statement, on PostgreSQL: each parameter of
     * {@code deleteSql(true)} bound as an array of every row's values, returning the position (from 1)
     * of each row it deleted.
     */
    String deleteRowsSql();

    /** A query of no rows whose column types are the element types of those arrays. */
    String deleteRowsTypes();

    /** Puts into {@code values} what the checked DELETE binds for {@code entity}, in the same order. */
    void deleteValues(T entity, Object[] values);

    /** The row of {@code entity} as it is now, or {@code null} when there is none. */
    T current(Connection connection, T entity) throws SQLException;

    /** Whether {@code stored} holds every value of {@code entity}, with {@code version} as its version. */
    boolean holds(T stored, T entity, V version);

    /** The conflict of {@code entity} with the row as it is now, told to the conflict listener. */
    RecordModifiedException conflict(T entity, T current);

    /** {@code entity} with {@code version}: the same object for classes, a new one for records. */
    T withVersion(T entity, V version);

    /** Whether inserting {@code entity} makes the database generate its key: it has none yet. */
    boolean generatesKey(T entity);

    /** The INSERT: without the key column when the database generates it. */
    String insertSql(boolean generatesKey);

    /** The columns of the generated key, for {@link Connection#prepareStatement(String, String[])}. */
    String[] generatedKeyColumns();

    /** Binds the INSERT for {@code entity}; returns the version the row starts with. */
    V bindInsert(PreparedStatement statement, T entity, boolean generatesKey) throws SQLException;

    /** The key on the current row of {@code keys}, the result of {@link PreparedStatement#getGeneratedKeys()}. */
    Object generatedKey(ResultSet keys) throws SQLException;

    /**
     * {@code entity} with its key and {@code version}: the same object for classes, a new one for
     * records. {@code generatedKey} is {@code null} when the entity came with its key.
     */
    T inserted(T entity, Object generatedKey, V version);
}
