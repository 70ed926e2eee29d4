package org.optilock.runtime.internal;

import java.sql.PreparedStatement;
import java.sql.SQLException;

/**
 * Binds a repository query's own parameters, the first ones of each statement it runs: a generated
 * repository passes one, typed, for each query method with parameters.
 */
@FunctionalInterface
public interface ParameterBinder {

    /** Binds nothing: a query without parameters. */
    ParameterBinder NONE = statement -> {};

    void bind(PreparedStatement statement) throws SQLException;
}
