package org.optilock.runtime.internal;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.optilock.runtime.Dialect;

/**
 * SQLite 3.35 or later: reads versions back through {@code RETURNING}; inserts large batches many rows
 * to a statement; its driver reports only the last generated key of a batch, and its errors carry no
 * SQLState.
 */
final class SqliteSupport implements DialectSupport, TriggerCatalog {

    static final SqliteSupport INSTANCE = new SqliteSupport();

    private SqliteSupport() {}

    @Override
    public Dialect dialect() {
        return Dialect.SQLITE;
    }

    /**
     * Binds the version object itself: SQLite's driver keeps every bound value as an object until the
     * batch runs, and {@code setLong} would box the number again, where a batch has the version boxed
     * already. That is one object fewer per version bound, two per updated row.
     */
    @Override
    public void bindVersion(PreparedStatement statement, int index, Long value) throws SQLException {
        statement.setObject(index, value);
    }

    /**
     * A hundred rows a statement ({@link MultiRowInsert}) from 500 rows on: SQLite compiles every
     * statement it is given anew, and a statement of many rows costs more to compile than it saves
     * below that. Measured against the JDBC batch of the one-row INSERT, alternating rounds: 1.29 of
     * its time at 10 rows, 1.26 at 100, 1.02 at 300, 0.87 at 500, 0.76 to 0.83 from 1,000 rows up.
     */
    private static final int SMALLEST_MULTI_ROW_INSERT = 500;

    @Override
    public <T, V> int insertWithKeys(Connection connection, EntityRows<T, ?, V> rows, List<T> entities, int[] indexes,
            List<V> versions) throws SQLException {
        return MultiRowInsert.insert(connection, rows, entities, indexes, versions, SMALLEST_MULTI_ROW_INSERT);
    }

    /**
     * The UPDATEs {@link #updateCheckedReadingBack} sends, by the statement each is made from, the same
     * text over the DAO's own list of parameters: one per DAO and kind.
     */
    private final Map<DaoStatements.Statement, DaoStatements.Statement> readingBackInBatches = new ConcurrentHashMap<>();

    /**
     * As by default, the UPDATEs as one JDBC batch, then the versions read back by key; each value the
     * UPDATE names twice bound once ({@link DaoStatements.Statement#eachValueBoundOnce}): a
     * conditional version's compares each checked column before it sets it, and the driver binds each
     * value in a call to native code of its own, text copied into SQLite's encoding first.
     */
    @Override
    public <T, V> void updateCheckedReadingBack(Connection connection, EntityRows<T, ?, V> rows, List<T> entities,
            int[] indexes, BatchOutcome<T, V> outcome, BatchStart start) throws SQLException {
        DaoStatements.Statement update = readingBackInBatches.computeIfAbsent(
                rows.checkedUpdateWithoutReadBack(this, outcome, indexes), DaoStatements.Statement::eachValueBoundOnce);
        ReadBackBatch.update(connection, rows, entities, indexes, update, outcome);
    }

    /**
     * Twenty-five rows a statement ({@link MultiRowDelete}) from 1,000 rows on. Measured by hand against
     * the JDBC batch of the one-row DELETE, narrow rows, alternating rounds: 1.08 of its time at 200
     * rows, 0.98 at 500, 0.92 at 1,000 and 0.82 at 10,000.
     */
    private static final int SMALLEST_MULTI_ROW_DELETE = 1_000;

    @Override
    public <T, V> void deleteChecked(Connection connection, EntityRows<T, ?, V> rows, List<T> entities, int[] indexes,
            BatchOutcome<T, V> outcome, BatchStart start) throws SQLException {
        MultiRowDelete.delete(connection, rows, entities, indexes, rows.deleteStatement(true, outcome, indexes), outcome,
                start, SMALLEST_MULTI_ROW_DELETE);
    }

    /** One statement a row: the driver reports only the last key of a batch, and in-process a statement costs little. */
    @Override
    public <T, V> int insertGeneratingKeys(Connection connection, EntityRows<T, ?, V> rows, List<T> entities,
            int[] indexes, List<V> versions, List<Object> keys) throws SQLException {
        try (PreparedStatement statement = prepareInsertReportingKey(connection, rows.insertStatement(true).sql(),
                rows.generatedKeyColumns())) {
            for (int i : indexes) {
                versions.set(i, rows.bindInsert(statement, entities.get(i), true));
                try (ResultSet generated = insertReportingKey(statement)) {
                    keys.set(i, JdbcBatch.nextKey(rows, generated, 1, 1));
                }
            }
        }
        return indexes.length;
    }

    /**
     * The INSERT with {@code RETURNING} its key. JDBC's generated keys cost this driver a second
     * statement for every row, {@code SELECT last_insert_rowid()}, prepared and run after the INSERT;
     * measured on 10 to 10,000 rows a call, each row's INSERT reading its key through {@code RETURNING}
     * took 0.65 to 0.82 of the time.
     */
    @Override
    public PreparedStatement prepareInsertReportingKey(Connection connection, String sql, String[] keyColumns)
            throws SQLException {
        StringBuilder returning = new StringBuilder(sql).append(" RETURNING ");
        for (int c = 0; c < keyColumns.length; c++) {
            // The names come as the database reports them: a quoted name without its outer quotes (any
            // quote inside still doubled), an unquoted one folded to lower case. Quoted again here, each
            // matches its column whatever characters it holds, and SQLite matches quoted names in any case.
            returning.append(c == 0 ? "" : ", ").append('"').append(keyColumns[c]).append('"');
        }
        return connection.prepareStatement(returning.toString());
    }

    @Override
    public ResultSet insertReportingKey(PreparedStatement statement) throws SQLException {
        return statement.executeQuery();
    }

    /** {@code sqlite_master}; an attached database is named before it, not bound. */
    @Override
    public TriggerCatalog triggers() {
        return this;
    }

    @Override
    public String countQuery(Optional<String> schema) {
        return "SELECT COUNT(*) FROM " + master(schema) + " WHERE type = 'trigger' AND lower(name) = lower(?)";
    }

    @Override
    public String namesQuery(Optional<String> schema) {
        return "SELECT name FROM " + master(schema) + " WHERE type = 'trigger' AND sql LIKE '%" + TriggerTarget.MARK
                + "%'";
    }

    @Override
    public boolean bindsSchema() {
        return false;
    }

    /**
     * SQLite has no catalog of every schema, so each attached database is asked in turn: the triggers
     * of {@code main} as they are, the others as {@code schema.name}.
     */
    @Override
    public List<String> namesEverywhere(Connection connection) throws SQLException {
        List<String> schemas = new ArrayList<>();
        try (Statement statement = connection.createStatement();
                ResultSet databases = statement.executeQuery("PRAGMA database_list")) {
            while (databases.next()) {
                schemas.add(databases.getString("name"));
            }
        }
        List<String> names = new ArrayList<>();
        for (String schema : schemas) {
            try (Statement statement = connection.createStatement();
                    ResultSet resultSet = statement.executeQuery(namesQuery(Optional.of(schema)))) {
                while (resultSet.next()) {
                    String name = resultSet.getString(1);
                    names.add((schema.equals("main") ? name : schema + "." + name).toLowerCase(Locale.ROOT));
                }
            }
        }
        return names;
    }

    private static String master(Optional<String> schema) {
        return schema.map(s -> s + ".").orElse("") + "sqlite_master";
    }

    /**
     * SQLite cannot assign to NEW, so an AFTER trigger updates the row once more; that update moves the
     * version, so the WHEN clause stops it from firing again. The trigger goes in the table's schema,
     * and names the table without it, as SQLite requires.
     */
    @Override
    public List<String> createTrigger(TriggerTarget target) {
        String version = target.versionColumn();
        String table = target.unqualifiedTable();
        String keyMatch = String.join(" AND ", target.keyColumns().stream().map(k -> k + " = NEW." + k).toList());
        return List.of("CREATE TRIGGER " + target.qualifiedTriggerName() + " AFTER UPDATE ON " + table + " FOR EACH ROW"
                + " WHEN NEW." + version + " IS OLD." + version
                + " BEGIN /* " + TriggerTarget.MARK + " */ UPDATE " + table + " SET " + version + " = COALESCE("
                + version + ", 0) + 1 WHERE " + keyMatch + "; END");
    }

    @Override
    public boolean keysetNeedsLeadingRange() {
        return false; // SQLite seeks an index by a row value comparison.
    }

    @Override
    public boolean ddlCommits() {
        return false;
    }

    /**
     * SQLite's driver gives no SQLState, and its vendor codes (small numbers) would clash with other
     * databases', so its message, which always starts with the result's name in brackets, says it: a
     * stale WAL snapshot is a concurrent write, a busy database a timeout.
     */
    @Override
    public SqlFailure classify(SQLException failure) {
        String message = failure.getMessage();
        if (failure.getSQLState() != null || message == null) {
            return SqlFailure.OTHER;
        }
        if (message.startsWith("[SQLITE_BUSY_SNAPSHOT]")) {
            return SqlFailure.CONCURRENT_WRITE;
        }
        if (message.startsWith("[SQLITE_CONSTRAINT_PRIMARYKEY]") || message.startsWith("[SQLITE_CONSTRAINT_UNIQUE]")) {
            return SqlFailure.DUPLICATE_KEY;
        }
        return message.startsWith("[SQLITE_BUSY]") ? SqlFailure.TIMEOUT : SqlFailure.OTHER;
    }
}
