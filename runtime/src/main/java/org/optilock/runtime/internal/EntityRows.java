package org.optilock.runtime.internal;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.optilock.runtime.Dialect;
import org.optilock.runtime.OptilockSettings;
import org.optilock.runtime.RecordModifiedException;

/**
 * The JDBC work of one entity on a connection: runs its {@link DaoStatements} (their parameters bound
 * by {@link StatementParameters}), reads rows and versions, moves versions, and builds conflicts. The DAO's
 * generated methods say how its columns are bound and read; the DAO's {@link DialectSupport} says
 * what differs on its database. One per DAO; it holds no connection, and every method works on the
 * one it is given.
 *
 * @param <T> the entity type
 * @param <ID> the key type
 * @param <V> the version type, boxed
 */
final class EntityRows<T, ID, V> {

    private final AbstractVersionedDao<T, ID, V> dao;
    private final DaoStatements statements;
    private final DaoContext context;
    private final StatementParameters<T, V> parameters;
    private final DaoStatements.Update checkedUpdate;
    private final DaoStatements.Update uncheckedUpdate;
    /** The checked UPDATE and DELETE of rows whose version is set, one row or many; see {@link DaoStatements#forSetVersions}. */
    private final DaoStatements.Statement checkedUpdateOfSetVersions;
    /** The same, where it moves the version: a counter moved by the database; see {@link DaoStatements#movingCounterByOne}. */
    private final DaoStatements.Statement checkedUpdateOfSetVersionsByOne;
    private final DaoStatements.Statement deleteOfSetVersions;
    /** The INSERT with and without the key column, a counter's first version written as 1; see {@link DaoStatements#startingCounterAtOne}. */
    private final DaoStatements.Statement insertStartingAtOne;
    private final DaoStatements.Statement insertWithKeyStartingAtOne;
    private final DaoStatements.ArrayWrite updateRowsOfSetVersions;
    private final DaoStatements.ArrayWrite deleteRowsOfSetVersions;
    /** By database, the checked UPDATE that reads back, with the plain version condition; empty for a plain update. */
    private final Map<Dialect, DaoStatements.Statement> readingBackOfSetVersions = new EnumMap<>(Dialect.class);
    /** The same, moving the version by 1 written in the SQL; see {@link DaoStatements#incrementingByOne}. */
    private final Map<Dialect, DaoStatements.Statement> readingBackOfSetVersionsByOne = new EnumMap<>(Dialect.class);
    /** Every column but the version: those {@link #holds} compares. */
    private final int[] columns;
    private final int keyColumns;
    private final EntityCollections<T> collections;
    /**
     * The queries of many rows by key, each made on first use: {@link #versionsByKeys}, {@link
     * #rowsByKeys}. Volatile, so another thread sees the query whole; a race at most makes it twice.
     */
    private volatile KeyedQuery versionsByKeys;
    private volatile KeyedQuery rowsByKeys;

    // The collections are the entity's own, as its DAO states them: ElementCollection<T, ?> each.
    @SuppressWarnings("unchecked")
    EntityRows(AbstractVersionedDao<T, ID, V> dao, DaoStatements statements, DaoContext context) {
        this.dao = dao;
        this.statements = statements;
        this.context = context;
        this.parameters = new StatementParameters<>(dao, statements.versionType, context);
        this.checkedUpdate = statements.checkedUpdate();
        this.uncheckedUpdate = statements.uncheckedUpdate();
        this.checkedUpdateOfSetVersions = statements.forSetVersions(checkedUpdate.plain());
        this.checkedUpdateOfSetVersionsByOne = statements.movingCounterByOne(checkedUpdateOfSetVersions);
        this.deleteOfSetVersions = statements.forSetVersions(statements.delete);
        this.insertStartingAtOne = statements.startingCounterAtOne(statements.insert);
        this.insertWithKeyStartingAtOne = statements.startingCounterAtOne(statements.insertWithKey);
        this.updateRowsOfSetVersions = statements.forSetVersions(statements.updateRows());
        this.deleteRowsOfSetVersions = statements.forSetVersions(statements.deleteRows());
        if (!checkedUpdate.isPlain()) {
            for (Dialect dialect : Dialect.values()) {
                DaoStatements.Statement ofSetVersions = statements.forSetVersions(checkedUpdate.of(dialect));
                readingBackOfSetVersions.put(dialect, ofSetVersions);
                readingBackOfSetVersionsByOne.put(dialect, statements.incrementingByOne(ofSetVersions));
            }
        }
        this.columns = uncheckedUpdate.columns();
        this.keyColumns = statements.keyColumns().length;
        List<ElementCollection<T, ?>> own = new ArrayList<>();
        statements.collections.forEach(collection -> own.add((ElementCollection<T, ?>) collection));
        this.collections = new EntityCollections<>(dao, own, statements.keyColumns()[0]);
    }

    /** The entity's element collections, kept with its rows. */
    EntityCollections<T> collections() {
        return collections;
    }

    DaoStatements statements() {
        return statements;
    }

    /** The columns of the generated key, for {@link Connection#prepareStatement(String, String[])}. */
    String[] generatedKeyColumns() {
        return statements.generatedKeyColumns;
    }

    /** The entity class as conflicts name it: for a class versioned from outside, that class. */
    Class<?> entityType() {
        return statements.entityType;
    }

    // ---- writes ------------------------------------------------------------------------------------

    /** Inserts the row; returns the key the database generated, or {@code null} when it came with one. */
    Object insert(Connection connection, T entity, V newVersion) throws SQLException {
        boolean generating = dao.generatesKey(entity);
        // A key the caller set is inserted as it is (django's create(pk=N)): the database refuses it if
        // a row has it already, so the same object is never inserted twice.
        DaoStatements.Statement insert = insertStatement(generating);
        if (!generating) {
            try (PreparedStatement statement = connection.prepareStatement(insert.sql())) {
                bindInsert(statement, insert, entity, newVersion, 0);
                statement.executeUpdate();
                return null;
            }
        }
        DialectSupport database = context.database();
        try (PreparedStatement statement = database.prepareInsertReportingKey(connection, insert.sql(),
                statements.generatedKeyColumns)) {
            bindInsert(statement, insert, entity, newVersion, 0);
            try (ResultSet keys = database.insertReportingKey(statement)) {
                if (!keys.next()) {
                    throw new SQLException("The database returned no generated key for the new " + statements.name + " row");
                }
                return dao.readKey(keys);
            }
        }
    }

    /**
     * Runs the UPDATE of one entity, which holds {@code expected}, checked or not: returns the version
     * the row got, or {@code null} when no row matched. A plain update writes a version computed here; one that reads back reports
     * the version the database decided.
     */
    V update(Connection connection, T entity, boolean checked, V expected) throws SQLException {
        return update(connection, entity, checked, expected, nextVersion(expected, checked));
    }

    /**
     * The version an update of an entity that holds {@code expected} writes, when it is known before
     * the write; {@code null} where the database decides it and the update reads it back.
     */
    V nextVersion(V expected, boolean checked) {
        DaoStatements.Update update = checked ? checkedUpdate : uncheckedUpdate;
        // A plain update writes a version known before the write (none, for an unversioned entity).
        return update.isPlain() || update.bindsNewVersion() ? newVersion(expected, context.incrementsVersion(checked))
                : null;
    }

    /** {@link #update(Connection, Object, boolean, Object)} writing {@code newVersion}, as {@link #nextVersion} gave it. */
    V update(Connection connection, T entity, boolean checked, V expected, V newVersion) throws SQLException {
        warnIfTriggerMissing(connection);
        DaoStatements.Update update = checked ? checkedUpdate : uncheckedUpdate;
        boolean increments = context.incrementsVersion(checked);
        if (update.isPlain()) {
            DaoStatements.Statement plain = checksSetVersion(checked, expected) ? checkedUpdateOfSetVersions(increments)
                    : update.plain();
            try (PreparedStatement statement = connection.prepareStatement(plain.sql())) {
                parameters.bind(statement, plain, entity, expected, newVersion, increments, 0);
                return statement.executeUpdate() == 0 ? null : newVersion;
            }
        }
        DialectSupport database = context.database();
        DaoStatements.Statement readingBack = checksSetVersion(checked, expected)
                ? readingBackOfSetVersions(database.dialect(), increments) : update.of(database.dialect());
        try (PreparedStatement statement = connection.prepareStatement(readingBack.sql())) {
            parameters.bind(statement, readingBack, entity, expected, newVersion, increments, 0);
            return cast(database.updateReadingBack(connection, statement, statements.versionType));
        }
    }

    /**
     * Whether a write of an entity that holds {@code expected} may take the statement for rows whose
     * version is set, whose condition is a plain {@code version = ?}: a checked one, holding a version.
     */
    private static boolean checksSetVersion(boolean checked, Object expected) {
        return checked && !OptilockSettings.isUnset(expected);
    }

    /** Deletes the row of {@code entity}, which holds {@code expected}; whether a row matched. */
    boolean delete(Connection connection, T entity, boolean checked, V expected) throws SQLException {
        DaoStatements.Statement delete = checksSetVersion(checked, expected) ? deleteOfSetVersions : deleteStatement(checked);
        try (PreparedStatement statement = connection.prepareStatement(delete.sql())) {
            bindDelete(statement, delete, entity, expected, 0);
            return statement.executeUpdate() > 0;
        }
    }

    /** Deletes the row with key {@code id}, whatever its version; whether there was one. */
    boolean deleteById(Connection connection, ID id) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(statements.deleteUnchecked.sql())) {
            dao.bindId(statement, id);
            boolean deleted = statement.executeUpdate() > 0;
            if (deleted && !collections.isEmpty()) {
                collections.deletedById(connection, id, dao::bindId);
            }
            return deleted;
        }
    }

    // ---- reads -------------------------------------------------------------------------------------

    /** The row with key {@code id}, or {@code null}. */
    T selectById(Connection connection, ID id) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(statements.selectById)) {
            dao.bindId(statement, id);
            try (ResultSet resultSet = statement.executeQuery()) {
                return withCollections(connection, resultSet.next() ? dao.read(resultSet, statements.selectOrder) : null);
            }
        }
    }

    /** {@code entity} (or nothing) given the values of its element collections. */
    private T withCollections(Connection connection, T entity) throws SQLException {
        if (entity != null && !collections.isEmpty()) {
            collections.read(connection, List.of(entity));
        }
        return entity;
    }

    /** The row with key {@code id} and {@code version}, or {@code null}. */
    T selectByIdAndVersion(Connection connection, ID id, V version) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(statements.selectByIdAndVersion)) {
            dao.bindId(statement, id);
            parameters.bindVersion(statement, keyColumns + 1, version);
            try (ResultSet resultSet = statement.executeQuery()) {
                return withCollections(connection, resultSet.next() ? dao.read(resultSet, statements.selectOrder) : null);
            }
        }
    }

    /** Every row, in key order. */
    List<T> selectAll(Connection connection) throws SQLException {
        List<T> entities = new ArrayList<>();
        try (PreparedStatement statement = connection.prepareStatement(statements.selectAll);
                ResultSet resultSet = statement.executeQuery()) {
            while (resultSet.next()) {
                entities.add(dao.read(resultSet, statements.selectOrder));
            }
        }
        collections.read(connection, entities);
        return entities;
    }

    /** The version of the row with key {@code id}, or {@code null} when there is none. */
    V selectVersion(Connection connection, ID id) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(statements.selectVersion)) {
            dao.bindId(statement, id);
            try (ResultSet resultSet = statement.executeQuery()) {
                return resultSet.next() ? cast(statements.versionType.read(resultSet, 1)) : null;
            }
        }
    }

    /** The row of {@code entity} as it is now, or {@code null} when there is none. */
    T current(Connection connection, T entity) throws SQLException {
        return selectById(connection, key(entity));
    }

    /**
     * Binds {@code delete}, a DELETE, for {@code entity}, which held {@code expected}, to the parameters
     * after the first {@code offset}: one row of a statement of many, or 0.
     */
    void bindDelete(PreparedStatement statement, DaoStatements.Statement delete, T entity, V expected, int offset)
            throws SQLException {
        parameters.bind(statement, delete, entity, expected, null, true, offset);
    }

    /** Binds {@code key}, a statement by key alone, for {@code entity}, after the first {@code offset} parameters. */
    private void bindKey(PreparedStatement statement, DaoStatements.Statement key, T entity, int offset)
            throws SQLException {
        parameters.bind(statement, key, entity, null, null, true, offset);
    }

    // ---- what batches need -------------------------------------------------------------------------

    /** Whether the checked updates read back the version the database decided, a trigger's or a conditional one. */
    boolean readsBackCheckedUpdates() {
        return !checkedUpdate.isPlain();
    }

    /**
     * The checked UPDATE on {@code database} that reads back the version the database decided, for a
     * batch of {@code entities} at {@code indexes}: with the plain version condition where every one of
     * them has its version set, as for other batches.
     */
    DaoStatements.Statement checkedUpdateReadingBack(DialectSupport database, BatchOutcome<T, V> outcome,
            int[] indexes) {
        return outcome.versionsSet(indexes) ? readingBackOfSetVersions(database.dialect(), incrementsCheckedVersions())
                : checkedUpdate.of(database.dialect());
    }

    /** The checked UPDATE on {@code dialect} that reads back, for rows whose version is set, moving it where it {@code increments}. */
    private DaoStatements.Statement readingBackOfSetVersions(Dialect dialect, boolean increments) {
        return (increments ? readingBackOfSetVersionsByOne : readingBackOfSetVersions).get(dialect);
    }

    /**
     * {@link #checkedUpdateReadingBack} without its read-back, for a JDBC batch ({@link
     * DialectSupport#withoutReadBack}).
     */
    DaoStatements.Statement checkedUpdateWithoutReadBack(DialectSupport database, BatchOutcome<T, V> outcome,
            int[] indexes) {
        DaoStatements.Statement readingBack = checkedUpdateReadingBack(database, outcome, indexes);
        return new DaoStatements.Statement(database.withoutReadBack(readingBack.sql()), readingBack.parameters());
    }

    /** Takes the version row {@code k} of a query holds. */
    interface VersionRead<V> {
        void read(int k, V version) throws SQLException;
    }

    /**
     * Reads the versions the rows of {@code entities} at {@code indexes} hold now, in one query by key
     * ({@link KeyedQuery}), each answer matched to its row by the key's values, whole numbers as
     * longs and the rest by {@code equals}: {@code found} takes the row's position among {@code indexes}
     * and its version. A row no answer matched is not taken: one that is gone, or whose key the database
     * spells otherwise (a string in another case, under a collation that ignores case).
     */
    void readVersions(Connection connection, List<T> entities, int[] indexes, VersionRead<V> found) throws SQLException {
        DaoStatements.Statement key = statements.deleteUnchecked;
        int[] keyColumns = key.parameters();
        Map<Object, Integer> positions = new HashMap<>(indexes.length * 2);
        for (int k = 0; k < indexes.length; k++) {
            positions.put(keyOf(entities.get(indexes[k]), keyColumns), k);
        }
        try (PreparedStatement statement = connection.prepareStatement(versionsByKeys().of(indexes.length))) {
            for (int k = 0; k < indexes.length; k++) {
                bindKey(statement, key, entities.get(indexes[k]), k * keyColumns.length);
            }
            try (ResultSet resultSet = statement.executeQuery()) {
                while (resultSet.next()) {
                    Integer k = positions.get(keyOf(resultSet, keyColumns.length));
                    if (k != null) {
                        found.read(k, readVersion(resultSet, keyColumns.length + 1));
                    }
                }
            }
        }
    }

    /** The key of {@code entity}, its columns {@code keyColumns}, as {@link #readVersions} matches keys. */
    private Object keyOf(T entity, int[] keyColumns) {
        if (keyColumns.length == 1) {
            return matchable(dao.value(entity, keyColumns[0]));
        }
        Object[] keys = new Object[keyColumns.length];
        for (int c = 0; c < keys.length; c++) {
            keys[c] = matchable(dao.value(entity, keyColumns[c]));
        }
        return Arrays.asList(keys);
    }

    /**
     * The key in the first {@code columns} columns of the current row, as {@link #readVersions} matches
     * keys. A key of one column of a {@link KeyType} the DAO names is read by its type, sparing the
     * driver from finding out the type for every row.
     */
    private Object keyOf(ResultSet resultSet, int columns) throws SQLException {
        if (columns == 1) {
            return matchable(statements.keyType == KeyType.OTHER ? resultSet.getObject(1) : statements.keyType.read(resultSet, 1));
        }
        Object[] keys = new Object[columns];
        for (int c = 0; c < columns; c++) {
            keys[c] = matchable(resultSet.getObject(c + 1));
        }
        return Arrays.asList(keys);
    }

    /** A key's column value as a map key: whole numbers as longs, whatever type the driver chose. */
    private static Object matchable(Object value) {
        return value instanceof Long || value instanceof Integer || value instanceof Short || value instanceof Byte
                ? (Object) ((Number) value).longValue() : value;
    }

    /** The query of versions by key, made on first use (an unversioned entity never asks for it). */
    private KeyedQuery versionsByKeys() {
        KeyedQuery query = versionsByKeys;
        if (query == null) {
            String select = statements.selectVersion;
            versionsByKeys = query = new KeyedQuery(select, select.substring("SELECT ".length(), select.indexOf(" FROM ")));
        }
        return query;
    }

    /** The query of whole rows by key, made on first use. */
    private KeyedQuery rowsByKeys() {
        KeyedQuery query = rowsByKeys;
        if (query == null) {
            rowsByKeys = query = new KeyedQuery(statements.selectById, null);
        }
        return query;
    }

    /**
     * The current rows of {@code entities} at {@code indexes}, by key, read in one query; a row that is
     * gone is missing. Without their element collections: a batch asks only for versions and values.
     */
    Map<Object, T> currentRows(Connection connection, List<T> entities, int[] indexes) throws SQLException {
        DaoStatements.Statement key = statements.deleteUnchecked;
        Map<Object, T> current = new HashMap<>(indexes.length * 2);
        try (PreparedStatement statement = connection.prepareStatement(rowsByKeys().of(indexes.length))) {
            for (int k = 0; k < indexes.length; k++) {
                bindKey(statement, key, entities.get(indexes[k]), k * key.parameters().length);
            }
            try (ResultSet resultSet = statement.executeQuery()) {
                while (resultSet.next()) {
                    T row = dao.read(resultSet, statements.selectOrder);
                    current.put(key(row), row);
                }
            }
        }
        return current;
    }

    /**
     * Runs {@code statement}, {@code update} prepared (a checked UPDATE that reads back), for {@code
     * entity}: the version the database gave the row, or {@code null} when no row matched.
     */
    V updateReadingBack(Connection connection, PreparedStatement statement, DaoStatements.Statement update, T entity,
            V expected, boolean increments) throws SQLException {
        parameters.bind(statement, update, entity, expected,
                checkedUpdate.bindsNewVersion() ? newVersion(expected, increments) : null, increments, 0);
        return cast(context.database().updateReadingBack(connection, statement, statements.versionType));
    }

    /** The version column {@code column} of {@code row} holds, as the version type reads it. */
    V readVersion(ResultSet row, int column) throws SQLException {
        return cast(statements.versionType.read(row, column));
    }

    /** How many columns the key has: the conditions on them come first in every checked statement. */
    int keyColumns() {
        return keyColumns;
    }

    /** Whether the entity's versions are a trigger's ({@code TRIGGER}), not a conditional version's. */
    boolean versionsByTrigger() {
        return statements.trigger != null;
    }

    /** Warns, once for the DAO, when the version trigger its updates rely on is missing. */
    void warnIfTriggerMissing(Connection connection) throws SQLException {
        if (statements.trigger != null) {
            context.warnIfTriggerMissing(connection, statements.trigger);
        }
    }

    /**
     * The checked UPDATE of one row, when it does not read back, for a batch of {@code
     * entities} at {@code indexes}: the simpler one where every one of them has its version set. The
     * statement other statements are made from ({@link JoinedStatement}, {@link H2Merge}): its new
     * version is bound.
     */
    DaoStatements.Statement checkedUpdateStatement(BatchOutcome<T, V> outcome, int[] indexes) {
        return outcome.versionsSet(indexes) ? checkedUpdateOfSetVersions : checkedUpdate.plain();
    }

    /**
     * {@link #checkedUpdateStatement} as a JDBC batch sends it: where the batch moves the versions, a
     * counter moved by the database.
     */
    DaoStatements.Statement checkedUpdateInJdbcBatch(BatchOutcome<T, V> outcome, int[] indexes) {
        return outcome.versionsSet(indexes) ? checkedUpdateOfSetVersions(incrementsCheckedVersions())
                : checkedUpdate.plain();
    }

    /** The checked UPDATE of a row whose version is set, the counter moved by the database where it {@code increments}. */
    private DaoStatements.Statement checkedUpdateOfSetVersions(boolean increments) {
        return increments ? checkedUpdateOfSetVersionsByOne : checkedUpdateOfSetVersions;
    }

    /** Whether the checked updates of a batch move their versions, asked once for all its rows. */
    boolean incrementsCheckedVersions() {
        return context.incrementsVersion(true);
    }

    /**
     * Binds {@code update}, a checked UPDATE, for {@code entity}, to the parameters after the first
     * {@code offset} (one row of a statement of many, or 0); returns the version it writes, the next one
     * where the batch {@code increments}.
     */
    V bindCheckedUpdate(PreparedStatement statement, DaoStatements.Statement update, T entity, V expected, int offset,
            boolean increments) throws SQLException {
        V newVersion = newVersion(expected, increments);
        parameters.bind(statement, update, entity, expected, newVersion, increments, offset);
        return newVersion;
    }

    /** Roughly the bytes of the values {@code sql} binds for {@code entity}. */
    long bytes(DaoStatements.Statement sql, T entity) {
        return parameters.bytes(sql, entity);
    }

    /**
     * The DELETE of a batch of {@code entities} at {@code indexes}: by key alone where unchecked, and
     * where checked the simpler one when every one of them has its version set.
     */
    DaoStatements.Statement deleteStatement(boolean checked, BatchOutcome<T, V> outcome, int[] indexes) {
        return checked && outcome.versionsSet(indexes) ? deleteOfSetVersions : deleteStatement(checked);
    }

    /** The checked UPDATE over arrays of {@code entities} at {@code indexes}: the simpler one where every version is set. */
    DaoStatements.ArrayWrite updateRows(BatchOutcome<T, V> outcome, int[] indexes) {
        return outcome.versionsSet(indexes) ? updateRowsOfSetVersions : statements.updateRows();
    }

    /** The checked DELETE over arrays of {@code entities} at {@code indexes}: the simpler one where every version is set. */
    DaoStatements.ArrayWrite deleteRows(BatchOutcome<T, V> outcome, int[] indexes) {
        return outcome.versionsSet(indexes) ? deleteRowsOfSetVersions : statements.deleteRows();
    }

    /** Puts what {@code update}, a checked UPDATE, binds for {@code entity} into {@code values}; returns the version it writes. */
    V updateValues(DaoStatements.Statement update, T entity, V expected, Object[] values, boolean increments) {
        V newVersion = newVersion(expected, increments);
        parameters.values(update, entity, expected, newVersion, increments, values);
        return newVersion;
    }

    /** Puts what {@code delete}, a checked DELETE, binds for {@code entity} into {@code values}. */
    void deleteValues(DaoStatements.Statement delete, T entity, V expected, Object[] values) {
        parameters.values(delete, entity, expected, null, false, values);
    }

    /** The DELETE, with the version condition or by key alone. */
    DaoStatements.Statement deleteStatement(boolean checked) {
        return checked ? statements.delete : statements.deleteUnchecked;
    }

    /**
     * The INSERT: without the key column when the database generates it, and a counter's first
     * version written in the text.
     */
    DaoStatements.Statement insertStatement(boolean generatesKey) {
        return generatesKey || insertWithKeyStartingAtOne == null ? insertStartingAtOne : insertWithKeyStartingAtOne;
    }

    /**
     * The INSERT as the DAO states it, a parameter for every column the version's included: what an
     * INSERT over arrays is made of, one array a column.
     */
    DaoStatements.Statement insertBindingEveryColumn(boolean generatesKey) {
        return generatesKey || statements.insertWithKey == null ? statements.insert : statements.insertWithKey;
    }

    /** Binds the INSERT for {@code entity}; returns the version the row starts with. */
    V bindInsert(PreparedStatement statement, T entity, boolean generatesKey) throws SQLException {
        return bindInsert(statement, entity, generatesKey, 0);
    }

    /** {@link #bindInsert} to the parameters after the first {@code offset}: one row of a statement of many. */
    V bindInsert(PreparedStatement statement, T entity, boolean generatesKey, int offset) throws SQLException {
        V newVersion = initialVersion();
        bindInsert(statement, insertStatement(generatesKey), entity, newVersion, offset);
        return newVersion;
    }

    /** Binds {@code insert} for {@code entity}, whose row starts at {@code version}, after the first {@code offset} parameters. */
    private void bindInsert(PreparedStatement statement, DaoStatements.Statement insert, T entity, V version, int offset)
            throws SQLException {
        parameters.bind(statement, insert, entity, null, version, true, offset); // an INSERT expects no version
    }

    /** Puts what {@code insert} binds for {@code entity}, whose row starts at {@code version}, into {@code values}. */
    void insertValues(DaoStatements.Statement insert, T entity, V version, Object[] values) {
        parameters.values(insert, entity, null, version, false, values);
    }

    /** Whether {@code stored} holds every value of {@code entity}, with {@code version} as its version. */
    boolean holds(T stored, T entity, V version) {
        for (int column : columns) {
            if (!StoredValues.sameValue(dao.value(stored, column), dao.value(entity, column))) {
                return false;
            }
        }
        return StoredValues.sameValue(version(stored), version);
    }

    // ---- the entity's key and version --------------------------------------------------------------

    /** The key of {@code entity}, which must have one. */
    ID key(T entity) {
        ID id = dao.keyOf(entity);
        if (id == null) {
            throw new IllegalArgumentException(
                    "This " + statements.name + " has no id: insert it before updating, deleting or comparing it");
        }
        return id;
    }

    V version(T entity) {
        return dao.version(entity);
    }

    /** Whether writes of an entity that holds {@code expected} carry the version condition. */
    boolean checked(V expected) {
        return context.checksVersion(statements.entityType, expected);
    }

    /**
     * What a batch of {@code entities} starts from, read from each entity in one pass: its version, and
     * whether its write carries the version condition ({@link #checked}, the settings and the thread's
     * scope asked once), kept on the outcome so that nothing after reads them again; and its key, for
     * the check that no row is named twice. A batch with a {@code null} entity or a repeated row is
     * refused here, before anything is written.
     */
    BatchOutcome<T, V> begin(List<T> entities) {
        int size = entities.size();
        Object[] keys = new Object[size];
        Object[] expected = new Object[size];
        boolean[] checked = new boolean[size];
        boolean checks = context.checksVersions(statements.entityType);
        for (int i = 0; i < size; i++) {
            T entity = entities.get(i);
            if (entity == null) {
                throw missingEntity(i);
            }
            keys[i] = key(entity);
            V version = version(entity);
            expected[i] = version;
            checked[i] = checks && context.checksVersion(version);
        }
        int[] repeated = RepeatedRows.first(keys);
        if (repeated != null) {
            throw new IllegalArgumentException("Entities " + repeated[0] + " and " + repeated[1] + " of the batch are the"
                    + " same row (id " + keys[repeated[1]] + "); nothing was written. Pass each row once.");
        }
        return new BatchOutcome<>(expected, checked);
    }

    /** The failure of a batch whose entity {@code i} is {@code null}, refused before anything is written. */
    static NullPointerException missingEntity(int i) {
        return new NullPointerException("entity " + i + " of the batch is null; nothing was written");
    }

    /** The version an update of an entity that holds {@code current} writes: the next one, or the same where it {@code increments} not. */
    private V newVersion(V current, boolean increments) {
        return increments ? cast(statements.versionType.next(current, context.clock(), entityType())) : current;
    }

    /** The version a new row starts with. */
    V initialVersion() {
        return cast(statements.versionType.initial(context.clock()));
    }

    /** Whether inserting {@code entity} makes the database generate its key. */
    boolean generatesKey(T entity) {
        return dao.generatesKey(entity);
    }

    /** {@code entity} with its key ({@code null}: the one it came with) and {@code version}. */
    T inserted(T entity, Object generatedKey, V version) {
        return dao.inserted(entity, generatedKey, version);
    }

    /** {@code entity} with {@code version}: the same object for classes, a new one for records. */
    T withVersion(T entity, V version) {
        return dao.withVersion(entity, version);
    }

    /** The key on the current row of {@code keys}, the generated keys of an INSERT. */
    Object readKey(ResultSet keys) throws SQLException {
        return dao.readKey(keys);
    }

    /** The conflict of {@code entity} with the row as it is now ({@code null} when gone), told to the listener. */
    RecordModifiedException conflict(T entity, T current) {
        return context.conflict(new RecordModifiedException(entity, entityType(), key(entity), version(entity),
                current, current == null ? null : version(current)));
    }

    @SuppressWarnings("unchecked") // the DAO's version type argument is the type its VersionType reads and makes
    private V cast(Object version) {
        return (V) version;
    }
}
