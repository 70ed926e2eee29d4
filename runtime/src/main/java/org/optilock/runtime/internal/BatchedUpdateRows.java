package org.optilock.runtime.internal;

import java.sql.PreparedStatement;
import java.sql.SQLException;

/**
 * The rows of a DAO whose checked UPDATE writes a version known before the write (a counter or a
 * timestamp computed in Java), so {@link Batches} sends the checked updates of a batch as one JDBC
 * batch. The rows of other DAOs, whose database decides each new version, are written one by one
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
}
