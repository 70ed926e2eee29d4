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
     * Binds every parameter of {@code sql} for {@code entity}, in order; {@code increments} says whether
     * a version the database moves moves.
     */
    void bind(PreparedStatement statement, DaoStatements.Statement sql, T entity, V newVersion, boolean increments)
            throws SQLException {
        int[] parameters = sql.parameters();
        for (int i = 0; i < parameters.length; i++) {
            int index = i + 1;
            switch (parameters[i]) {
                case NEW_VERSION -> bindVersion(statement, index, newVersion);
                case EXPECTED_VERSION -> bindVersion(statement, index, dao.version(entity));
                case EXPECTED_UNSET -> statement.setInt(index, OptilockSettings.isUnset(dao.version(entity)) ? 1 : 0);
                case INCREMENT -> statement.setInt(index, increments ? 1 : 0);
                default -> dao.bindColumn(statement, index, entity, parameters[i]);
            }
        }
    }

    /** Puts into {@code values} what {@link #bind} binds, as objects, in the same order. */
    void values(DaoStatements.Statement sql, T entity, V newVersion, Object[] values) {
        int[] parameters = sql.parameters();
        for (int i = 0; i < parameters.length; i++) {
            values[i] = switch (parameters[i]) {
                case NEW_VERSION -> newVersion;
                case EXPECTED_VERSION -> dao.version(entity);
                case EXPECTED_UNSET -> OptilockSettings.isUnset(dao.version(entity)) ? 1 : 0;
                case INCREMENT -> throw new IllegalArgumentException("a checked update of many rows binds no increment");
                default -> dao.value(entity, parameters[i]);
            };
        }
    }

    /** Binds {@code version}, which may be {@code null}, as the database of the statement binds it. */
    void bindVersion(PreparedStatement statement, int index, V version) throws SQLException {
        versionType.bind(statement, index, version, context.database());
    }
}
