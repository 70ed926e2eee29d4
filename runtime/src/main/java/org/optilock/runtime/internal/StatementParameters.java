package org.optilock.runtime.internal;

import static org.optilock.runtime.internal.DaoStatements.EXPECTED_UNSET;
import static org.optilock.runtime.internal.DaoStatements.EXPECTED_VERSION;
import static org.optilock.runtime.internal.DaoStatements.INCREMENT;
import static org.optilock.runtime.internal.DaoStatements.NEW_VERSION;

import java.sql.PreparedStatement;
import java.sql.SQLException;
import org.optilock.runtime.OptilockSettings;

/**
 * Interprets the parameter list of a {@link DaoStatements.Statement} for one entity: a column number
 * is bound by the DAO's generated {@code bindColumn}, each negative code here. The same list gives the
 * values of a row for a statement over arrays.
 *
 * @param <T> the entity type
 * @param <V> the version type, boxed
 */
final class StatementParameters<T, V> {

    private final AbstractVersionedDao<T, ?, V> dao;
    private final VersionType versionType;
    private final DaoContext context;

    StatementParameters(AbstractVersionedDao<T, ?, V> dao, VersionType versionType, DaoContext context) {
        this.dao = dao;
        this.versionType = versionType;
        this.context = context;
    }

    /**
     * Binds every parameter of {@code sql} for {@code entity}, which held {@code expected} when it was
     * read (a batch reads each entity's version once, and hands it here), to the parameters after the
     * first {@code offset} of {@code statement}: one row of a statement that carries many, each row's
     * parameters those of {@code sql}, one row after another, or 0.
     */
    void bind(PreparedStatement statement, DaoStatements.Statement sql, T entity, V expected, V newVersion,
            boolean increments, int offset) throws SQLException {
        int[] parameters = sql.parameters();
        for (int i = 0; i < parameters.length; i++) {
            int index = offset + i + 1;
            switch (parameters[i]) {
                case NEW_VERSION -> bindVersion(statement, index, newVersion);
                case EXPECTED_VERSION -> bindVersion(statement, index, expected);
                case EXPECTED_UNSET -> statement.setInt(index, OptilockSettings.isUnset(expected) ? 1 : 0);
                case INCREMENT -> statement.setInt(index, increments ? 1 : 0);
                default -> dao.bindColumn(statement, index, entity, parameters[i]);
            }
        }
    }

    /** Puts into {@code values} what {@link #bind} binds, as objects, in the same order. */
    void values(DaoStatements.Statement sql, T entity, V expected, V newVersion, boolean increments, Object[] values) {
        int[] parameters = sql.parameters();
        for (int i = 0; i < parameters.length; i++) {
            values[i] = switch (parameters[i]) {
                case NEW_VERSION -> newVersion;
                case EXPECTED_VERSION -> expected;
                case EXPECTED_UNSET -> OptilockSettings.isUnset(expected) ? 1 : 0;
                case INCREMENT -> increments ? 1 : 0;
                default -> dao.value(entity, parameters[i]);
            };
        }
    }

    /** Roughly the bytes of the column values {@code sql} binds for {@code entity}, as {@link ChunkLimit#bytes} counts them. */
    long bytes(DaoStatements.Statement sql, T entity) {
        long bytes = 0;
        for (int parameter : sql.parameters()) {
            bytes += ChunkLimit.bytes(parameter > 0 ? dao.value(entity, parameter) : null);
        }
        return bytes;
    }

    /** Binds {@code version}, which may be {@code null}, as the database of the statement binds it. */
    void bindVersion(PreparedStatement statement, int index, V version) throws SQLException {
        versionType.bind(statement, index, version, context.database());
    }
}
