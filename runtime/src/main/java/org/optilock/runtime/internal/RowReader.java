package org.optilock.runtime.internal;

import java.sql.ResultSet;
import java.sql.SQLException;

/**
 * Reads what a query returns from the current row: the entity, with its DAO's mapping, or the one
 * value of a JDQL {@code SELECT}, which a generated repository reads typed.
 *
 * @param <R> what one row gives
 */
@FunctionalInterface
public interface RowReader<R> {

    R read(ResultSet resultSet) throws SQLException;
}
