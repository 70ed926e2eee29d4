package org.optilock.runtime.internal;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import org.optilock.runtime.Dialect;

/**
 * PostgreSQL: reads versions back through {@code RETURNING}, and writes the checked rows of a batch
 * as one statement over arrays ({@code unnest ... WITH ORDINALITY}), whose answer is the rows it
 * wrote, so no driver count needs checking.
 */
final class PostgresqlSupport implements DialectSupport, TriggerCatalog {

    static final PostgresqlSupport INSTANCE = new PostgresqlSupport();

    /** Deadlock detected (40P01). */
    private static final String DEADLOCK = "40P01";

    /** Lock not available (55P03), query cancelled by a timeout (57014). */
    private static final Set<String> TIMED_OUT = Set.of("55P03", "57014");

    /** A session the server ended: administrator command, crash, start-up. */
    private static final Set<String> SESSION_ENDED = Set.of("57P01", "57P02", "57P03");

    private static final DateTimeFormatter INSTANT_TEXT =
            DateTimeFormatter.ofPattern("uuuu-MM-dd HH:mm:ss.SSSSSSxxx").withZone(ZoneOffset.UTC);

    private PostgresqlSupport() {}

    @Override
    public Dialect dialect() {
        return Dialect.POSTGRESQL;
    }

    /**
     * A typed timestamptz parameter reaches a plain TIMESTAMP column through the session's time zone,
     * while the driver reads that column back as UTC: under any zone but UTC the version would conflict
     * with itself. An untyped literal with its offset takes the column's own type instead: the instant
     * in TIMESTAMPTZ, its UTC wall clock in TIMESTAMP, whatever the zones.
     */
    @Override
    public void bindInstant(PreparedStatement statement, int index, Instant value) throws SQLException {
        if (value == null) {
            statement.setNull(index, Types.TIMESTAMP_WITH_TIMEZONE);
        } else {
            statement.setObject(index, text(value), Types.OTHER);
        }
    }

    /** An instant as PostgreSQL reads it from text: its UTC time with the offset, to the microsecond. */
    static String text(Instant value) {
        return INSTANT_TEXT.format(value);
    }

    /**
     * Over arrays as well: the processor writes every checked update's statement over arrays, and one
     * whose version the database decides returns that version beside each written row's position.
     */
    @Override
    public <T, V> void updateCheckedReadingBack(Connection connection, EntityRows<T, ?, V> rows, List<T> entities,
            int[] indexes, BatchOutcome<T, V> outcome, BatchStart start) throws SQLException {
        updateChecked(connection, rows, entities, indexes, outcome, start);
    }

    @Override
    public <T, V> void updateChecked(Connection connection, EntityRows<T, ?, V> rows, List<T> entities,
            int[] indexes, BatchOutcome<T, V> outcome, BatchStart start) throws SQLException {
        DaoStatements.ArrayWrite update = rows.updateRows(outcome, indexes);
        boolean readsBack = rows.readsBackCheckedUpdates();
        List<V> versions = new ArrayList<>(readsBack ? 0 : indexes.length);
        boolean increments = rows.incrementsCheckedVersions();
        outcome.ran(ArrayChunks.send(connection, update.statement().sql(), update.types(), indexes.length,
                (k, values) -> {
                    V version = rows.updateValues(update.statement(), entities.get(indexes[k]), outcome.expected(indexes[k]),
                            values, increments);
                    if (!readsBack) {
                        versions.add(version);
                    }
                },
                (statement, first) -> {
                    try (ResultSet returned = statement.executeQuery()) {
                        while (returned.next()) {
                            int k = first + (int) returned.getLong(1) - 1;
                            outcome.written(indexes[k], readsBack ? rows.readVersion(returned, 2) : versions.get(k));
                        }
                    }
                }));
    }

    @Override
    public <T, V> void deleteChecked(Connection connection, EntityRows<T, ?, V> rows, List<T> entities,
            int[] indexes, BatchOutcome<T, V> outcome, BatchStart start) throws SQLException {
        DaoStatements.ArrayWrite delete = rows.deleteRows(outcome, indexes);
        outcome.ran(ArrayChunks.send(connection, delete.statement().sql(), delete.types(), indexes.length,
                (k, values) -> rows.deleteValues(delete.statement(), entities.get(indexes[k]),
                        outcome.expected(indexes[k]), values),
                (statement, first) -> {
                    for (int k : writtenRows(statement, first)) {
                        outcome.written(indexes[k], null);
                    }
                }));
    }

    /**
     * The rows a checked write over arrays wrote, as positions in the batch: the statement returns
     * the position in its arrays (from 1) of every row it wrote; the others are conflicts.
     */
    private static List<Integer> writtenRows(PreparedStatement statement, int first) throws SQLException {
        List<Integer> written = new ArrayList<>();
        try (ResultSet returned = statement.executeQuery()) {
            while (returned.next()) {
                written.add(first + (int) returned.getLong(1) - 1);
            }
        }
        return written;
    }

    /** One INSERT over arrays for every thousand rows or so, instead of a statement a row. */
    @Override
    public <T, V> int insertWithKeys(Connection connection, EntityRows<T, ?, V> rows, List<T> entities,
            int[] indexes, List<V> versions) throws SQLException {
        DaoStatements.Statement insert = rows.insertBindingEveryColumn(false);
        ArrayInsert many = ArrayInsert.of(insert.sql());
        return ArrayChunks.send(connection, many.sql(false), many.typesQuery(), indexes.length, (k, values) -> {
            int i = indexes[k];
            V version = rows.initialVersion();
            versions.set(i, version);
            rows.insertValues(insert, entities.get(i), version, values);
        }, (statement, first) -> statement.executeUpdate());
    }

    /**
     * The keys first, every row's in one query of the key column's sequence; then the rows with those
     * keys, as {@link #insertWithKeys} inserts them. An INSERT over arrays could return the keys the
     * database generates, but not which row got which. A key column without a sequence of its own (a
     * default of another kind, a trigger) is inserted as a JDBC batch.
     */
    @Override
    public <T, V> int insertGeneratingKeys(Connection connection, EntityRows<T, ?, V> rows, List<T> entities,
            int[] indexes, List<V> versions, List<Object> keys) throws SQLException {
        DaoStatements.Statement withKey = rows.insertBindingEveryColumn(false);
        int keyParameter = keyParameter(withKey, rows.insertBindingEveryColumn(true));
        if (keyParameter < 0) {
            return DialectSupport.super.insertGeneratingKeys(connection, rows, entities, indexes, versions, keys);
        }
        ArrayInsert many = ArrayInsert.of(withKey.sql());
        Optional<List<Object>> taken =
                takeKeys(connection, rows, many.table(), many.columns().get(keyParameter), indexes.length);
        if (taken.isEmpty()) {
            return 1 + DialectSupport.super.insertGeneratingKeys(connection, rows, entities, indexes, versions, keys);
        }
        List<Object> taking = taken.get();
        return 1 + ArrayChunks.send(connection, many.sql(true), many.typesQuery(), indexes.length, (k, values) -> {
            int i = indexes[k];
            V version = rows.initialVersion();
            versions.set(i, version);
            keys.set(i, taking.get(k));
            rows.insertValues(withKey, entities.get(i), version, values);
            values[keyParameter] = taking.get(k);
        }, (statement, first) -> statement.executeUpdate());
    }

    /** Where {@code withKey} binds the key: its one parameter that {@code withoutKey} lacks; -1 when there is none. */
    private static int keyParameter(DaoStatements.Statement withKey, DaoStatements.Statement withoutKey) {
        int[] without = withoutKey.parameters();
        int[] with = withKey.parameters();
        for (int i = 0; i < with.length; i++) {
            int parameter = with[i];
            if (Arrays.stream(without).noneMatch(p -> p == parameter)) {
                return i;
            }
        }
        return -1;
    }

    /**
     * {@code count} new keys from the sequence that generates {@code column} of {@code table}, as the
     * DAO reads keys; empty when the column has no sequence. The sequence is looked up by the same
     * query, not remembered: the table's name means what the session's {@code search_path} says, and
     * two sessions on one database may each mean another schema.
     */
    private static Optional<List<Object>> takeKeys(Connection connection, EntityRows<?, ?, ?> rows, String table,
            String column, int count) throws SQLException {
        // The table is parsed as SQL parses a name; the column is taken literally, so it is given as
        // PostgreSQL stores it: unquoted, folded to lower case.
        String stored = column.startsWith("\"") ? column.substring(1, column.length() - 1).replace("\"\"", "\"")
                : column.toLowerCase(Locale.ROOT);
        List<Object> keys = new ArrayList<>(count);
        try (PreparedStatement statement = connection.prepareStatement(
                "WITH s AS (SELECT CAST(pg_get_serial_sequence(?, ?) AS regclass) AS sequence)"
                        + " SELECT nextval(s.sequence) FROM s, generate_series(1, ?)")) {
            statement.setString(1, table);
            statement.setString(2, stored);
            statement.setInt(3, count);
            try (ResultSet taken = statement.executeQuery()) {
                while (taken.next()) {
                    if (taken.getObject(1) == null) {
                        return Optional.empty(); // no sequence: nextval(NULL) is NULL
                    }
                    keys.add(rows.readKey(taken));
                }
            }
        }
        if (keys.size() != count) {
            throw new SQLException("The sequence of " + table + "." + column + " gave " + keys.size() + " keys for "
                    + count + " rows. Nothing was committed.");
        }
        return Optional.of(keys);
    }

    /** PostgreSQL's own catalog, {@code pg_trigger}: triggers per table, Optilock's marked by a comment. */
    @Override
    public TriggerCatalog triggers() {
        return this;
    }

    @Override
    public String countQuery(Optional<String> schema) {
        return "SELECT COUNT(*) FROM pg_trigger t JOIN pg_class c ON c.oid = t.tgrelid"
                + " JOIN pg_namespace n ON n.oid = c.relnamespace"
                + " WHERE " + inSchema(schema) + " AND t.tgname = lower(?)";
    }

    @Override
    public String namesQuery(Optional<String> schema) {
        return "SELECT t.tgname FROM pg_trigger t JOIN pg_class c ON c.oid = t.tgrelid"
                + " JOIN pg_namespace n ON n.oid = c.relnamespace"
                + " JOIN pg_description d ON d.objoid = t.oid AND d.classoid = 'pg_trigger'::regclass"
                + " WHERE " + inSchema(schema) + " AND d.description = '" + TriggerTarget.MARK + "'";
    }

    @Override
    public List<String> namesEverywhere(Connection connection) throws SQLException {
        return TriggerCatalog.namesEverywhere(connection, "SELECT n.nspname, t.tgname, CASE WHEN n.nspname = current_schema() THEN 1 ELSE 0 END"
                + " FROM pg_trigger t JOIN pg_class c ON c.oid = t.tgrelid"
                + " JOIN pg_namespace n ON n.oid = c.relnamespace"
                + " JOIN pg_description d ON d.objoid = t.oid AND d.classoid = 'pg_trigger'::regclass"
                + " WHERE d.description = '" + TriggerTarget.MARK + "'");
    }

    private static String inSchema(Optional<String> schema) {
        return schema.isPresent() ? "lower(n.nspname) = lower(?)" : "n.nspname = current_schema()";
    }

    /** A trigger lives in its table's schema: PostgreSQL names it per table, its function in the schema. */
    @Override
    public List<String> createTrigger(TriggerTarget target) {
        String function = target.qualifiedTriggerName();
        String version = target.versionColumn();
        return List.of(
                "CREATE OR REPLACE FUNCTION " + function + "() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN"
                        + " IF NEW." + version + " IS NOT DISTINCT FROM OLD." + version + " THEN"
                        + " NEW." + version + " := COALESCE(OLD." + version + ", 0) + 1; END IF;"
                        + " RETURN NEW; END $$",
                "CREATE TRIGGER " + target.triggerName() + " BEFORE UPDATE ON " + target.table()
                        + " FOR EACH ROW EXECUTE PROCEDURE " + function + "()",
                "COMMENT ON TRIGGER " + target.triggerName() + " ON " + target.table() + " IS '" + TriggerTarget.MARK + "'");
    }

    @Override
    public List<String> dropTrigger(TriggerTarget target) {
        return List.of(
                "DROP TRIGGER IF EXISTS " + target.triggerName() + " ON " + target.table(),
                "DROP FUNCTION IF EXISTS " + target.qualifiedTriggerName() + "()");
    }

    @Override
    public boolean keysetNeedsLeadingRange() {
        return false; // The row comparison is an index condition of its own.
    }

    @Override
    public boolean ddlCommits() {
        return false;
    }

    @Override
    public SqlFailure classify(SQLException failure) {
        String state = failure.getSQLState() == null ? "" : failure.getSQLState(); // Set.of refuses null
        if (DEADLOCK.equals(state)) {
            return SqlFailure.CONCURRENT_WRITE;
        }
        if (TIMED_OUT.contains(state)) {
            return SqlFailure.TIMEOUT;
        }
        return SESSION_ENDED.contains(state) ? SqlFailure.CONNECTION_LOST : SqlFailure.OTHER;
    }
}
