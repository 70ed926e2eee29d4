package org.optilock.runtime.internal;

import static org.optilock.runtime.internal.DaoStatements.EXPECTED_UNSET;
import static org.optilock.runtime.internal.DaoStatements.EXPECTED_VERSION;
import static org.optilock.runtime.internal.DaoStatements.INCREMENT;
import static org.optilock.runtime.internal.DaoStatements.NEW_VERSION;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import javax.sql.DataSource;
import org.optilock.runtime.BatchPolicy;
import org.optilock.runtime.BatchResult;
import org.optilock.runtime.ConnectionSource;
import org.optilock.runtime.Dialect;
import org.optilock.runtime.Merge;
import org.optilock.runtime.OptilockSettings;
import org.optilock.runtime.RecordModifiedException;
import org.optilock.runtime.VersionedDao;

/**
 * The operations every generated DAO shares, written once: each public call leases a connection,
 * runs the DAO's {@link DaoStatements}, completes the lease, and only then gives the entity its new
 * version. The generated subclass says what is particular to its entity, through the protected
 * methods below: how a column is bound and a row read, how a key is taken and bound, how the version
 * is taken and set. No reflection: every value goes through the subclass's typed code, or for the
 * version through its {@link VersionType}.
 *
 * @param <T> the entity type
 * @param <ID> the key type
 * @param <V> the version type, boxed
 */
public abstract class AbstractVersionedDao<T, ID, V> implements VersionedDao<T, ID, V> {

    private static final String SELECT_ASSIGNED_VERSION_MYSQL = "SELECT @optilock_version";

    private final DaoStatements statements;
    private final DaoContext context;
    private final DaoStatements.Update checkedUpdate;
    private final DaoStatements.Update uncheckedUpdate;
    private final BatchRows<T, V> rows;
    /** Every column but the version: those {@link BatchRows#holds} compares. */
    private final int[] columns;
    private final int keyColumns;

    /** A DAO that borrows a connection from {@code dataSource} for each call, with the global settings. */
    protected AbstractVersionedDao(DaoStatements statements, DataSource dataSource) {
        this(statements, DaoContext.of(ConnectionSource.perCall(dataSource)));
    }

    /** A DAO that borrows a connection from {@code dataSource} for each call. */
    protected AbstractVersionedDao(DaoStatements statements, DataSource dataSource, OptilockSettings settings) {
        this(statements, DaoContext.of(ConnectionSource.perCall(dataSource), settings));
    }

    /** A DAO on the caller's {@code connection}, never committing, rolling back or closing it, with the global settings. */
    protected AbstractVersionedDao(DaoStatements statements, Connection connection) {
        this(statements, DaoContext.of(ConnectionSource.of(connection)));
    }

    /** A DAO on the caller's {@code connection}, never committing, rolling back or closing it. */
    protected AbstractVersionedDao(DaoStatements statements, Connection connection, OptilockSettings settings) {
        this(statements, DaoContext.of(ConnectionSource.of(connection), settings));
    }

    /** A DAO that takes the connection of each call from {@code connections}, with the global settings. */
    protected AbstractVersionedDao(DaoStatements statements, ConnectionSource connections) {
        this(statements, DaoContext.of(connections));
    }

    /** A DAO that takes the connection of each call from {@code connections}. */
    protected AbstractVersionedDao(DaoStatements statements, ConnectionSource connections, OptilockSettings settings) {
        this(statements, DaoContext.of(connections, settings));
    }

    private AbstractVersionedDao(DaoStatements statements, DaoContext context) {
        this.statements = statements;
        this.context = context;
        this.checkedUpdate = statements.checkedUpdate();
        this.uncheckedUpdate = statements.uncheckedUpdate();
        this.rows = checkedUpdate.isPlain() ? new BatchedRows() : new Rows();
        this.columns = uncheckedUpdate.columns();
        this.keyColumns = statements.deleteUnchecked.parameters().length;
    }

    // ---- what the generated subclass says of its entity -----------------------------------------

    /** Binds {@code column} (numbered as the SELECTs list it) of {@code entity} to parameter {@code index}. */
    protected abstract void bindColumn(PreparedStatement statement, int index, T entity, int column) throws SQLException;

    /** {@code column} of {@code entity} as the driver binds it (an enum as its name or ordinal), for arrays and comparisons. */
    protected abstract Object value(T entity, int column);

    /** The entity on the current row of a SELECT. */
    protected abstract T read(ResultSet resultSet) throws SQLException;

    /** The key of {@code entity}; {@code null} when it has none yet. */
    protected abstract ID keyOf(T entity);

    /** Binds {@code id} to the first parameters of a SELECT by key, one per key column. */
    protected abstract void bindId(PreparedStatement statement, ID id) throws SQLException;

    /** The version {@code entity} holds. */
    protected abstract V version(T entity);

    /** {@code entity} with {@code version}: the same object for classes, a new one for records. */
    protected abstract T withVersion(T entity, V version);

    /**
     * The merge of {@code base}, {@code mine} and {@code theirs}: a new entity with the key and version of
     * {@code theirs}, and every other field chosen by {@code fields}.
     */
    protected abstract T merged(FieldMerge fields, T base, T mine, T theirs);

    /** Whether inserting {@code entity} makes the database generate its key. */
    protected boolean generatesKey(T entity) {
        return false;
    }

    /** The key on the current row of {@code keys}, the generated keys of an INSERT. */
    protected Object readKey(ResultSet keys) throws SQLException {
        throw new IllegalStateException("The key of " + statements.name + " is never generated");
    }

    /**
     * {@code entity} with its key and {@code version}: the same object for classes, a new one for
     * records. {@code generatedKey} is {@code null} when the entity came with its key.
     */
    protected T inserted(T entity, Object generatedKey, V version) {
        return withVersion(entity, version);
    }

    // ---- the public operations -------------------------------------------------------------------

    @Override
    public T insert(T entity) {
        Objects.requireNonNull(entity, "entity");
        V newVersion = initialVersion();
        try (ConnectionSource.Lease lease = context.lease()) {
            Object key = insert(lease.connection(), entity, newVersion);
            lease.complete();
            return inserted(entity, key, newVersion);
        } catch (SQLException e) {
            throw context.failure("insert " + statements.name, e);
        }
    }

    @Override
    public List<T> insertAll(Collection<T> entities) {
        try (ConnectionSource.Lease lease = context.lease()) {
            return Batches.insert(context, lease, rows, entities);
        } catch (SQLException e) {
            throw context.failure("insert a batch of " + statements.name, e);
        }
    }

    @Override
    public T update(T entity) {
        Objects.requireNonNull(entity, "entity");
        ID id = idOf(entity);
        try (ConnectionSource.Lease lease = context.lease()) {
            Connection connection = lease.connection();
            V newVersion = write(connection, entity, rows.checked(entity));
            if (newVersion == null) {
                throw conflict(entity, selectById(connection, id));
            }
            lease.complete();
            return withVersion(entity, newVersion);
        } catch (SQLException e) {
            throw context.writeFailure("update " + statements.name, e, rows, entity);
        }
    }

    @Override
    public void delete(T entity) {
        Objects.requireNonNull(entity, "entity");
        ID id = idOf(entity);
        boolean checked = rows.checked(entity);
        DaoStatements.Statement delete = checked ? statements.delete : statements.deleteUnchecked;
        try (ConnectionSource.Lease lease = context.lease()) {
            Connection connection = lease.connection();
            try (PreparedStatement statement = connection.prepareStatement(delete.sql())) {
                bind(statement, delete, entity, null);
                if (statement.executeUpdate() == 0) {
                    throw conflict(entity, selectById(connection, id));
                }
            }
            lease.complete();
        } catch (SQLException e) {
            throw context.writeFailure("delete " + statements.name, e, rows, entity);
        }
    }

    @Override
    public BatchResult<T> updateAll(Collection<T> entities, BatchPolicy policy) {
        try (ConnectionSource.Lease lease = context.lease()) {
            return Batches.update(context, lease, rows, entities, policy);
        } catch (SQLException e) {
            throw context.failure("update a batch of " + statements.name, e);
        }
    }

    @Override
    public BatchResult<T> deleteAll(Collection<T> entities, BatchPolicy policy) {
        try (ConnectionSource.Lease lease = context.lease()) {
            return Batches.delete(context, lease, rows, entities, policy);
        } catch (SQLException e) {
            throw context.failure("delete a batch of " + statements.name, e);
        }
    }

    @Override
    public Optional<T> findById(ID id) {
        try (ConnectionSource.Lease lease = context.lease()) {
            return Optional.ofNullable(selectById(lease.connection(), id));
        } catch (SQLException e) {
            throw context.failure("find " + statements.name + " by id", e);
        }
    }

    @Override
    public List<T> findAll() {
        try (ConnectionSource.Lease lease = context.lease();
                PreparedStatement statement = lease.connection().prepareStatement(statements.selectAll);
                ResultSet resultSet = statement.executeQuery()) {
            List<T> entities = new ArrayList<>();
            while (resultSet.next()) {
                entities.add(read(resultSet));
            }
            return entities;
        } catch (SQLException e) {
            throw context.failure("find all " + statements.name + " rows", e);
        }
    }

    @Override
    public boolean isChanged(T entity) {
        Optional<V> current = currentVersion(idOf(entity));
        // Compared as the database compares them: OffsetDateTime by instant, not by offset.
        return current.isEmpty() || !ColumnValues.sameValue(current.get(), version(entity));
    }

    @Override
    public Optional<V> currentVersion(ID id) {
        try (ConnectionSource.Lease lease = context.lease();
                PreparedStatement statement = lease.connection().prepareStatement(statements.selectVersion)) {
            bindId(statement, id);
            try (ResultSet resultSet = statement.executeQuery()) {
                return Optional.ofNullable(resultSet.next() ? readVersion(resultSet, 1) : null);
            }
        } catch (SQLException e) {
            throw context.failure("read the version of " + statements.name, e);
        }
    }

    @Override
    public Optional<T> findByIdAndVersion(ID id, V version) {
        try (ConnectionSource.Lease lease = context.lease();
                PreparedStatement statement = lease.connection().prepareStatement(statements.selectByIdAndVersion)) {
            bindId(statement, id);
            bindVersion(statement, keyColumns + 1, version);
            try (ResultSet resultSet = statement.executeQuery()) {
                return Optional.ofNullable(resultSet.next() ? read(resultSet) : null);
            }
        } catch (SQLException e) {
            throw context.failure("find " + statements.name + " by id and version", e);
        }
    }

    @Override
    public Merge<T> merge(T base, T mine, T theirs) {
        Objects.requireNonNull(base, "base");
        Objects.requireNonNull(mine, "mine");
        Objects.requireNonNull(theirs, "theirs");
        FieldMerge fields = new FieldMerge();
        return fields.result(merged(fields, base, mine, theirs));
    }

    // ---- the JDBC work on a given connection ------------------------------------------------------

    /** Inserts the row; returns the key the database generated, or {@code null} when it came with one. */
    private Object insert(Connection connection, T entity, V newVersion) throws SQLException {
        if (!generatesKey(entity)) {
            // A key the caller set is inserted as it is (django's create(pk=N)): the database
            // refuses it if a row has it already, so the same object is never inserted twice.
            DaoStatements.Statement insert = insertStatement(false);
            try (PreparedStatement statement = connection.prepareStatement(insert.sql())) {
                bind(statement, insert, entity, newVersion);
                statement.executeUpdate();
            }
            return null;
        }
        // Naming the key column keeps PostgreSQL from returning every column.
        try (PreparedStatement statement = connection.prepareStatement(statements.insert.sql(), statements.generatedKeyColumns)) {
            bind(statement, statements.insert, entity, newVersion);
            statement.executeUpdate();
            try (ResultSet keys = statement.getGeneratedKeys()) {
                if (!keys.next()) {
                    throw new SQLException("The database returned no generated key for the new " + statements.name + " row");
                }
                return readKey(keys);
            }
        }
    }

    private DaoStatements.Statement insertStatement(boolean generatesKey) {
        return generatesKey || statements.insertWithKey == null ? statements.insert : statements.insertWithKey;
    }

    /**
     * Runs the UPDATE of one entity, checked or not: returns the version the row got, or {@code null}
     * when no row matched. A plain update writes a version computed here; one that reads back
     * reports the version the database decided (MySQL: one statement more, on the same connection).
     */
    private V write(Connection connection, T entity, boolean checked) throws SQLException {
        if (statements.trigger != null) {
            context.warnIfTriggerMissing(connection, statements.trigger);
        }
        DaoStatements.Update update = checked ? checkedUpdate : uncheckedUpdate;
        V newVersion = update.bindsNewVersion() ? newVersion(entity) : null;
        if (update.isPlain()) {
            try (PreparedStatement statement = connection.prepareStatement(update.plain().sql())) {
                bind(statement, update.plain(), entity, newVersion);
                return statement.executeUpdate() == 0 ? null : newVersion;
            }
        }
        Dialect dialect = context.dialect(connection);
        DaoStatements.Statement readingBack = update.of(dialect);
        try (PreparedStatement statement = connection.prepareStatement(readingBack.sql())) {
            bind(statement, readingBack, entity, newVersion);
            if (dialect != Dialect.MYSQL) {
                try (ResultSet resultSet = statement.executeQuery()) {
                    return resultSet.next() ? readVersion(resultSet, 1) : null;
                }
            }
            if (statement.executeUpdate() == 0) {
                return null;
            }
        }
        try (PreparedStatement select = connection.prepareStatement(SELECT_ASSIGNED_VERSION_MYSQL);
                ResultSet resultSet = select.executeQuery()) {
            resultSet.next();
            return readVersion(resultSet, 1);
        }
    }

    /** Binds every parameter of {@code sql} for {@code entity}, in order. */
    private void bind(PreparedStatement statement, DaoStatements.Statement sql, T entity, V newVersion) throws SQLException {
        int[] parameters = sql.parameters();
        for (int i = 0; i < parameters.length; i++) {
            int index = i + 1;
            switch (parameters[i]) {
                case NEW_VERSION -> bindVersion(statement, index, newVersion);
                case EXPECTED_VERSION -> bindVersion(statement, index, version(entity));
                case EXPECTED_UNSET -> statement.setInt(index, isUnset(version(entity)) ? 1 : 0);
                case INCREMENT -> statement.setInt(index, context.incrementsVersion() ? 1 : 0);
                default -> bindColumn(statement, index, entity, parameters[i]);
            }
        }
    }

    /** What {@link #bind} binds, as objects, for a statement binding every row's values as arrays. */
    private void values(DaoStatements.Statement sql, T entity, V newVersion, Object[] values) {
        int[] parameters = sql.parameters();
        for (int i = 0; i < parameters.length; i++) {
            values[i] = switch (parameters[i]) {
                case NEW_VERSION -> newVersion;
                case EXPECTED_VERSION -> version(entity);
                case EXPECTED_UNSET -> isUnset(version(entity)) ? 1 : 0;
                case INCREMENT -> throw new IllegalArgumentException("a checked update of many rows binds no increment");
                default -> value(entity, parameters[i]);
            };
        }
    }

    private T selectById(Connection connection, ID id) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(statements.selectById)) {
            bindId(statement, id);
            try (ResultSet resultSet = statement.executeQuery()) {
                return resultSet.next() ? read(resultSet) : null;
            }
        }
    }

    // ---- steps several operations share -----------------------------------------------------------

    /** The key of {@code entity}, which must have one. */
    private ID idOf(T entity) {
        ID id = keyOf(entity);
        if (id == null) {
            throw new IllegalArgumentException(
                    "This " + statements.name + " has no id: insert it before updating, deleting or comparing it");
        }
        return id;
    }

    /**
     * The version an update of {@code entity} writes: the next one, or the same one under
     * {@code Concurrency.withoutIncrement}.
     */
    private V newVersion(T entity) {
        V current = version(entity);
        return context.incrementsVersion() ? nextVersion(current) : current;
    }

    private void bindVersion(PreparedStatement statement, int index, V version) throws SQLException {
        statements.versionType.bind(statement, index, version);
    }

    @SuppressWarnings("unchecked") // the DAO's version type argument is the type its VersionType reads
    private V readVersion(ResultSet resultSet, int column) throws SQLException {
        return (V) statements.versionType.read(resultSet, column);
    }

    @SuppressWarnings("unchecked")
    private V initialVersion() {
        return (V) statements.versionType.initial(context.clock());
    }

    @SuppressWarnings("unchecked")
    private V nextVersion(V current) {
        return (V) statements.versionType.next(current, context.clock(), statements.entityType);
    }

    /** Whether a version that was read is unset: such a copy was read from a row whose version is NULL. */
    private static boolean isUnset(Object version) {
        return version == null || (version instanceof Number number && number.longValue() == 0);
    }

    /** The conflict of {@code entity} with the row as it is now ({@code null} when gone), told to the conflict listener. */
    private RecordModifiedException conflict(T entity, T current) {
        return context.conflict(new RecordModifiedException(entity, statements.entityType, idOf(entity), version(entity),
                current, current == null ? null : version(current)));
    }

    /** What {@link Batches} and {@link DaoContext#writeFailure} need of this DAO. */
    private class Rows implements BatchRows<T, V> {

        @Override
        public Class<?> entityType() {
            return statements.entityType;
        }

        @Override
        public boolean checked(T entity) {
            return context.checksVersion(statements.entityType, version(entity));
        }

        @Override
        public V version(T entity) {
            return AbstractVersionedDao.this.version(entity);
        }

        @Override
        public Object key(T entity) {
            return idOf(entity);
        }

        @Override
        public V write(Connection connection, T entity, boolean checked) throws SQLException {
            return AbstractVersionedDao.this.write(connection, entity, checked);
        }

        @Override
        public String deleteSql(boolean checked) {
            return (checked ? statements.delete : statements.deleteUnchecked).sql();
        }

        @Override
        public void bindDelete(PreparedStatement statement, T entity, boolean checked) throws SQLException {
            bind(statement, checked ? statements.delete : statements.deleteUnchecked, entity, null);
        }

        @Override
        public String deleteRowsSql() {
            return statements.deleteRows.sql();
        }

        @Override
        public String deleteRowsTypes() {
            return statements.deleteRowsTypes;
        }

        @Override
        public void deleteValues(T entity, Object[] values) {
            values(statements.delete, entity, null, values);
        }

        @Override
        public T current(Connection connection, T entity) throws SQLException {
            return selectById(connection, idOf(entity));
        }

        @Override
        public boolean holds(T stored, T entity, V version) {
            for (int column : columns) {
                if (!ColumnValues.sameValue(value(stored, column), value(entity, column))) {
                    return false;
                }
            }
            return ColumnValues.sameValue(version(stored), version);
        }

        @Override
        public RecordModifiedException conflict(T entity, T current) {
            return AbstractVersionedDao.this.conflict(entity, current);
        }

        @Override
        public T withVersion(T entity, V version) {
            return AbstractVersionedDao.this.withVersion(entity, version);
        }

        @Override
        public boolean generatesKey(T entity) {
            return AbstractVersionedDao.this.generatesKey(entity);
        }

        @Override
        public String insertSql(boolean generatesKey) {
            return insertStatement(generatesKey).sql();
        }

        @Override
        public String[] generatedKeyColumns() {
            return statements.generatedKeyColumns;
        }

        @Override
        public V bindInsert(PreparedStatement statement, T entity, boolean generatesKey) throws SQLException {
            V newVersion = initialVersion();
            bind(statement, insertStatement(generatesKey), entity, newVersion);
            return newVersion;
        }

        @Override
        public Object generatedKey(ResultSet keys) throws SQLException {
            return readKey(keys);
        }

        @Override
        public T inserted(T entity, Object generatedKey, V version) {
            return AbstractVersionedDao.this.inserted(entity, generatedKey, version);
        }
    }

    /** The rows of a DAO whose checked updates write a version known before the write: batched. */
    private final class BatchedRows extends Rows implements BatchedUpdateRows<T, V> {

        @Override
        public String updateSql() {
            return checkedUpdate.plain().sql();
        }

        @Override
        public V bindUpdate(PreparedStatement statement, T entity) throws SQLException {
            V newVersion = newVersion(entity);
            bind(statement, checkedUpdate.plain(), entity, newVersion);
            return newVersion;
        }

        @Override
        public String updateRowsSql() {
            return statements.updateRows.sql();
        }

        @Override
        public String updateRowsTypes() {
            return statements.updateRowsTypes;
        }

        @Override
        public V updateValues(T entity, Object[] values) {
            V newVersion = newVersion(entity);
            values(checkedUpdate.plain(), entity, newVersion, values);
            return newVersion;
        }
    }
}
