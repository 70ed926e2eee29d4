package org.optilock.runtime.internal;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import javax.sql.DataSource;
import org.optilock.runtime.BatchPolicy;
import org.optilock.runtime.BatchResult;
import org.optilock.runtime.ConnectionSource;
import org.optilock.runtime.Merge;
import org.optilock.runtime.OptilockSettings;
import org.optilock.runtime.RecordModifiedException;
import org.optilock.runtime.Unversioned;
import org.optilock.runtime.VersionedDao;
import org.optilock.runtime.WriteObserver;
import org.optilock.runtime.WriteObserver.Operation;

/**
 * The operations every generated DAO shares, written once: each public call leases a connection,
 * hands the work to {@link EntityRows} (one row) or {@link Batches} (many), completes the lease, and
 * only then gives the entity its new version; a failure becomes an Optilock exception through
 * {@link SqlFailure}. The generated subclass says what is particular to its entity, through the
 * protected methods below: how a column is bound and its value taken, how a row is read, how the
 * version is set and a three-way merge made; and where this class cannot derive it from those, how a
 * key is taken and bound. No reflection: every value goes through the subclass's typed code, or
 * through the {@link VersionType} and {@link KeyType} chosen for it at compile time.
 *
 * @param <T> the entity type
 * @param <ID> the key type
 * @param <V> the version type, boxed
 */
public abstract class AbstractVersionedDao<T, ID, V> implements VersionedDao<T, ID, V> {

    private final DaoContext context;
    private final EntityRows<T, ID, V> rows;
    private final Batches<T, V> batches;
    private final String name;
    /** The number of the version column, from 1; 0 for an unversioned entity. */
    private final int versionColumn;
    /** The number of the one key column; 0 for a composite key, whose DAO says how its key is made. */
    private final int keyColumn;
    /** Whether the database may generate the key: whether the DAO has an INSERT without it. */
    private final boolean keysGenerated;
    private final KeyType keyType;

    /** A DAO that borrows a connection from {@code dataSource} for each call, with the global settings. */
    protected AbstractVersionedDao(DaoStatements statements, DataSource dataSource) {
        this(statements, new DaoContext(ConnectionSource.perCall(dataSource), null));
    }

    /** A DAO that borrows a connection from {@code dataSource} for each call. */
    protected AbstractVersionedDao(DaoStatements statements, DataSource dataSource, OptilockSettings settings) {
        this(statements, ConnectionSource.perCall(dataSource), settings);
    }

    /** A DAO on the caller's {@code connection}, never committing, rolling back or closing it, with the global settings. */
    protected AbstractVersionedDao(DaoStatements statements, Connection connection) {
        this(statements, new DaoContext(ConnectionSource.of(connection), null));
    }

    /** A DAO on the caller's {@code connection}, never committing, rolling back or closing it. */
    protected AbstractVersionedDao(DaoStatements statements, Connection connection, OptilockSettings settings) {
        this(statements, ConnectionSource.of(connection), settings);
    }

    /** A DAO that takes the connection of each call from {@code connections}, with the global settings. */
    protected AbstractVersionedDao(DaoStatements statements, ConnectionSource connections) {
        this(statements, new DaoContext(Objects.requireNonNull(connections, "connections"), null));
    }

    /** A DAO that takes the connection of each call from {@code connections}. */
    protected AbstractVersionedDao(DaoStatements statements, ConnectionSource connections, OptilockSettings settings) {
        this(statements, new DaoContext(Objects.requireNonNull(connections, "connections"),
                Objects.requireNonNull(settings, "settings")));
    }

    // EntityRows keeps this DAO to call its hooks later, on each operation; it calls none while it is
    // built, so the subclass is fully initialized before any hook runs.
    @SuppressWarnings("this-escape")
    private AbstractVersionedDao(DaoStatements statements, DaoContext context) {
        this.context = context;
        this.rows = new EntityRows<>(this, statements, context);
        this.batches = new Batches<>(rows, context);
        this.name = statements.name;
        this.versionColumn = statements.versionNumber();
        int[] key = statements.keyColumns();
        this.keyColumn = key.length == 1 ? key[0] : 0;
        this.keysGenerated = statements.generatedKeyColumns != null;
        this.keyType = statements.keyType;
    }

    /** Where this DAO's connections come from, and its settings: shared with its repositories. */
    DaoContext context() {
        return context;
    }

    /** This DAO's JDBC work, which its repositories' queries share. */
    EntityRows<T, ID, V> rows() {
        return rows;
    }

    // ---- what the generated subclass says of its entity -----------------------------------------

    /**
     * Binds {@code column} (numbered as the SELECTs list it) of {@code entity} to parameter {@code index}.
     *
     * @throws IllegalArgumentException for a number that names no column but the version
     */
    protected abstract void bindColumn(PreparedStatement statement, int index, T entity, int column) throws SQLException;

    /**
     * {@code column} of {@code entity}, the version's included, as the driver binds it (an enum as its
     * name or ordinal), for arrays and comparisons.
     */
    protected abstract Object value(T entity, int column);

    /**
     * The entity on the current row of {@code resultSet}, whose column {@code n} (numbered as the
     * SELECTs list it) is at position {@code columns[n - 1]}.
     */
    protected abstract T read(ResultSet resultSet, int[] columns) throws SQLException;

    /**
     * The merge of {@code base}, {@code mine} and {@code theirs}: a new entity with the key and version of
     * {@code theirs}, and every other field chosen by {@code fields}.
     */
    protected abstract T merged(FieldMerge fields, T base, T mine, T theirs);

    // The hooks below have bodies, so that a DAO writes them only where its entity needs it: each
    // method a DAO declares costs every build that compiles it (see docs/performance.md).

    /**
     * The key of {@code entity}; {@code null} when it has none yet. Here the {@link #value} of its one
     * key column; a DAO overrides it where the key is composite, or where its column holds the key
     * converted (an enum by name or ordinal, a {@code char} as text).
     */
    @SuppressWarnings("unchecked") // where not overridden, the key column's value is the key itself
    protected ID keyOf(T entity) {
        if (keyColumn == 0) {
            throw new IllegalStateException(name + "'s DAO must say how its composite key is made");
        }
        return (ID) value(entity, keyColumn);
    }

    /** The version {@code entity} holds: the {@link #value} of its version column, or {@link Unversioned#NONE}. */
    @SuppressWarnings("unchecked") // V is the version column's boxed type, or Unversioned for an entity without one
    protected V version(T entity) {
        return versionColumn == 0 ? (V) Unversioned.NONE : (V) value(entity, versionColumn);
    }

    /**
     * {@code entity} with {@code version}: the same object for classes, a new one for records. A DAO
     * whose key the database generates overrides {@link #inserted} instead, which this calls with no
     * key; any other DAO of a versioned entity overrides this. An unversioned entity has nothing to set.
     */
    protected T withVersion(T entity, V version) {
        return keysGenerated ? inserted(entity, null, version) : entity;
    }

    /**
     * Whether inserting {@code entity} makes the database generate its key: here, whether the DAO has
     * an INSERT without the key and the entity has none. A DAO with a primitive key overrides it, its
     * unset key being 0.
     */
    protected boolean generatesKey(T entity) {
        return keysGenerated && keyOf(entity) == null;
    }

    /**
     * Binds {@code id} to the first parameters of a SELECT by key, one per key column: here as its
     * {@link KeyType}. A DAO whose key is of several columns or of another type overrides it.
     */
    protected void bindId(PreparedStatement statement, ID id) throws SQLException {
        keyType.bind(statement, 1, id);
    }

    /**
     * The key on the current row of {@code keys}, the generated keys of an INSERT: here as its
     * {@link KeyType}. A DAO whose generated key is of another type overrides it.
     */
    protected Object readKey(ResultSet keys) throws SQLException {
        if (!keysGenerated) {
            throw new IllegalStateException("The key of " + name + " is never generated");
        }
        return keyType.read(keys, 1);
    }

    /**
     * {@code entity} with its key and {@code version}: the same object for classes, a new one for
     * records. {@code generatedKey} is {@code null} when the entity came with its key. A DAO whose key
     * the database generates overrides it.
     */
    protected T inserted(T entity, Object generatedKey, V version) {
        return withVersion(entity, version);
    }

    /** Binds a nullable {@code Instant} to parameter {@code index}, as this DAO's database reads it. */
    protected final void bindInstant(PreparedStatement statement, int index, Instant value) throws SQLException {
        context.database().bindInstant(statement, index, value);
    }

    // ---- the public operations -------------------------------------------------------------------

    @Override
    public final T read(ResultSet resultSet) throws SQLException {
        return read(resultSet, ColumnLabels.positions(resultSet, rows.statements().columns, name));
    }

    @Override
    public final T mapRow(ResultSet resultSet, int rowNumber) throws SQLException {
        return read(resultSet);
    }

    @Override
    public T insert(T entity) {
        Objects.requireNonNull(entity, "entity");
        WriteProbe probe = context.probe(rows.entityType(), Operation.INSERT);
        try {
            T inserted = insertRow(entity);
            probe.ran(1);
            probe.succeeded(1);
            return inserted;
        } catch (RuntimeException e) {
            throw probe.failed(e, 1);
        }
    }

    private T insertRow(T entity) {
        V newVersion = rows.initialVersion();
        try (ConnectionSource.Lease lease = context.lease()) {
            if (!rows.collections().isEmpty()) {
                return insertWithCollections(lease, entity, newVersion);
            }
            Object key = InDoubtFailure.sent(lease.connection(), () -> rows.insert(lease.connection(), entity, newVersion));
            InDoubtFailure.complete(lease);
            return inserted(entity, key, newVersion);
        } catch (SQLException e) {
            throw InDoubtFailure.ofInsert("insert " + name, e, rows, entity, newVersion);
        }
    }

    /** The row and the rows of its element collections, all or none. */
    private T insertWithCollections(ConnectionSource.Lease lease, T entity, V newVersion) throws SQLException {
        try (BatchTransaction transaction = BatchTransaction.beginAllOrNothing(lease, "insert " + name)) {
            rows.insert(lease.connection(), entity, newVersion);
            rows.collections().written(lease.connection(), List.of(entity), false);
            transaction.commit();
        }
        InDoubtFailure.complete(lease);
        return inserted(entity, null, newVersion);
    }

    @Override
    public List<T> insertAll(Collection<T> entities) {
        return batch(Operation.INSERT_ALL, entities, "insert a batch of %s",
                (lease, probe) -> batches.insert(lease, entities, probe), inserted -> List.of());
    }

    @Override
    public T update(T entity) {
        Objects.requireNonNull(entity, "entity");
        WriteProbe probe = context.probe(rows.entityType(), Operation.UPDATE);
        try {
            T updated = updateRow(entity, probe);
            probe.succeeded(1);
            return updated;
        } catch (RuntimeException e) {
            throw probe.failed(e, 1);
        }
    }

    private T updateRow(T entity, WriteProbe probe) {
        ID id = rows.key(entity);
        V expected = rows.version(entity);
        boolean checked = rows.checked(expected);
        V nextVersion = rows.nextVersion(expected, checked);
        try (ConnectionSource.Lease lease = context.lease();
                BatchTransaction transaction = rows.collections().isEmpty() ? null
                        : BatchTransaction.beginAllOrNothing(lease, "update " + name)) {
            V newVersion = InDoubtFailure.sent(lease.connection(),
                    () -> rows.update(lease.connection(), entity, checked, expected, nextVersion));
            probe.ran(1);
            if (newVersion == null) {
                probe.ran(1);
                throw rows.conflict(entity, rows.selectById(lease.connection(), id));
            }
            if (transaction != null) {
                rows.collections().written(lease.connection(), List.of(entity), true);
                transaction.commit();
            }
            InDoubtFailure.complete(lease);
            return withVersion(entity, newVersion);
        } catch (SQLException e) {
            throw InDoubtFailure.ofWrite("update " + name, e, context, rows, entity, nextVersion);
        }
    }

    @Override
    public void delete(T entity) {
        Objects.requireNonNull(entity, "entity");
        WriteProbe probe = context.probe(rows.entityType(), Operation.DELETE);
        try {
            deleteRow(entity, probe);
            probe.succeeded(1);
        } catch (RuntimeException e) {
            throw probe.failed(e, 1);
        }
    }

    private void deleteRow(T entity, WriteProbe probe) {
        ID id = rows.key(entity);
        V expected = rows.version(entity);
        try (ConnectionSource.Lease lease = context.lease();
                BatchTransaction transaction = rows.collections().isEmpty() ? null
                        : BatchTransaction.beginAllOrNothing(lease, "delete " + name)) {
            boolean deleted = InDoubtFailure.sent(lease.connection(),
                    () -> rows.delete(lease.connection(), entity, rows.checked(expected), expected));
            probe.ran(1);
            if (!deleted) {
                probe.ran(1);
                throw rows.conflict(entity, rows.selectById(lease.connection(), id));
            }
            if (transaction != null) {
                rows.collections().deleted(lease.connection(), List.of(entity));
                transaction.commit();
            }
            InDoubtFailure.complete(lease);
        } catch (SQLException e) {
            throw InDoubtFailure.ofWrite("delete " + name, e, context, rows, entity, null);
        }
    }

    @Override
    public BatchResult<T> updateAll(Collection<T> entities, BatchPolicy policy) {
        return batch(Operation.UPDATE_ALL, entities, "update a batch of %s",
                (lease, probe) -> batches.update(lease, entities, policy, probe), BatchResult::conflicts);
    }

    @Override
    public BatchResult<T> deleteAll(Collection<T> entities, BatchPolicy policy) {
        return batch(Operation.DELETE_ALL, entities, "delete a batch of %s",
                (lease, probe) -> batches.delete(lease, entities, policy, probe), BatchResult::conflicts);
    }

    @Override
    public Optional<T> findById(ID id) {
        return Optional.ofNullable(call("find %s by id", lease -> rows.selectById(lease.connection(), id)));
    }

    @Override
    public List<T> findAll() {
        return call("find all %s rows", lease -> rows.selectAll(lease.connection()));
    }

    @Override
    public boolean isChanged(T entity) {
        Optional<V> current = currentVersion(rows.key(entity));
        // Compared as the database compares them: OffsetDateTime by instant, not by offset.
        return current.isEmpty() || !StoredValues.sameValue(current.get(), version(entity));
    }

    @Override
    public Optional<V> currentVersion(ID id) {
        return Optional.ofNullable(call("read the version of %s", lease -> rows.selectVersion(lease.connection(), id)));
    }

    @Override
    public Optional<T> findByIdAndVersion(ID id, V version) {
        return Optional.ofNullable(call("find %s by id and version",
                lease -> rows.selectByIdAndVersion(lease.connection(), id, version)));
    }

    @Override
    public Merge<T> merge(T base, T mine, T theirs) {
        Objects.requireNonNull(base, "base");
        Objects.requireNonNull(mine, "mine");
        Objects.requireNonNull(theirs, "theirs");
        FieldMerge fields = new FieldMerge();
        Merge<T> merge = fields.result(merged(fields, base, mine, theirs));
        WriteObserver observer = context.settings().writeObserver();
        if (observer != WriteObserver.NONE) {
            try {
                observer.resolved(rows.entityType(),
                        merge.isClean() ? WriteObserver.Resolution.MERGED : WriteObserver.Resolution.UNMERGEABLE, 1);
            } catch (RuntimeException e) {
                // dropped: observing never changes what a merge gives
            }
        }
        return merge;
    }

    /** A batch's work on one leased connection, counting its statements on the probe. */
    private interface BatchWork<R> {
        R run(ConnectionSource.Lease lease, WriteProbe probe) throws SQLException;
    }

    /** The conflicts a batch's result reports. */
    private interface ConflictsOf<R> {
        List<RecordModifiedException> of(R result);
    }

    /** Runs a batch's {@code work} as {@link #call} does, observed as {@code operation}. */
    private <R> R batch(Operation operation, Collection<T> entities, String description, BatchWork<R> work,
            ConflictsOf<R> conflicts) {
        WriteProbe probe = context.probe(rows.entityType(), operation);
        int size = entities == null ? 0 : entities.size();
        try (ConnectionSource.Lease lease = context.lease()) {
            R result = work.run(lease, probe);
            probe.batchEnded(size, conflicts.of(result));
            return result;
        } catch (SQLException e) {
            throw probe.failed(InDoubtFailure.ofBatch(String.format(description, name), e, entities, rows.entityType()), size);
        } catch (RuntimeException e) {
            throw probe.failed(e, size);
        }
    }

    /** Work on one leased connection. */
    private interface LeaseWork<R> {
        R run(ConnectionSource.Lease lease) throws SQLException;
    }

    /**
     * Runs {@code work} on a connection of its own; a failure names {@code operation}, a format of the
     * entity's name, made only when it fails.
     */
    private <R> R call(String operation, LeaseWork<R> work) {
        try (ConnectionSource.Lease lease = context.lease()) {
            return work.run(lease);
        } catch (SQLException e) {
            throw SqlFailure.exception(String.format(operation, name), e);
        }
    }
}
