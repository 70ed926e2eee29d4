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

    /**
     * The most rows one set-based statement carries. Past about a thousand rows a statement saves no
     * more round trips worth having, and its arrays only grow.
     */
    private static final int ARRAY_ROWS = 1_000;

    /**
     * The most bytes of values, roughly, one set-based statement carries. The server holds the
     * unnested rows in memory up to {@code work_mem} (4 MB by default) and writes them to a
     * temporary file beyond it; measured on rows with a 2 KB text, one statement of 10,000 rows was
     * slower than the JDBC batch, and statements of 500 rows were 1.5 times faster.
     */
    private static final int ARRAY_BYTES = 1 << 20;

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

    @Override
    public <T, V> void updateChecked(Connection connection, EntityRows<T, ?, V> rows, List<T> entities,
            List<Integer> indexes, BatchOutcome<T, V> outcome) throws SQLException {
        DaoStatements statements = rows.statements();
        List<V> versions = new ArrayList<>(indexes.size());
        for (int k : writeFromArrays(connection, statements.updateRows.sql(), statements.updateRowsTypes, entities,
                indexes, (entity, values) -> versions.add(rows.updateValues(entity, values)), outcome)) {
            outcome.written(indexes.get(k), versions.get(k));
        }
    }

    @Override
    public <T, V> void deleteChecked(Connection connection, EntityRows<T, ?, V> rows, List<T> entities,
            List<Integer> indexes, BatchOutcome<T, V> outcome) throws SQLException {
        DaoStatements statements = rows.statements();
        for (int k : writeFromArrays(connection, statements.deleteRows.sql(), statements.deleteRowsTypes, entities,
                indexes, rows::deleteValues, outcome)) {
            outcome.written(indexes.get(k), null);
        }
    }

    /** Puts one entity's values into a row of the arrays. */
    private interface RowValues<T> {
        void put(T entity, Object[] values);
    }

    /**
     * The checked writes of {@code indexes} as statements over arrays, each of at most {@link
     * #ARRAY_ROWS} rows and about {@link #ARRAY_BYTES} bytes: the rows a statement returns were
     * written, the others are conflicts. Returns the positions in {@code indexes} written, and counts
     * the statements on {@code outcome}.
     */
    private static <T> List<Integer> writeFromArrays(Connection connection, String sql, String typesSql,
            List<T> entities, List<Integer> indexes, RowValues<T> rowValues, BatchOutcome<T, ?> outcome)
            throws SQLException {
        String[] types = PostgresArrays.types(connection, typesSql);
        List<Integer> written = new ArrayList<>();
        Object[] values = new Object[types.length];
        int from = 0;
        while (from < indexes.size()) {
            Object[][] columns = new Object[types.length][Math.min(ARRAY_ROWS, indexes.size() - from)];
            int rows = 0;
            long bytes = 0;
            while (rows < columns[0].length && bytes < ARRAY_BYTES) {
                rowValues.put(entities.get(indexes.get(from + rows)), values);
                for (int column = 0; column < types.length; column++) {
                    columns[column][rows] = values[column];
                    bytes += PostgresArrays.size(values[column]);
                }
                rows++;
            }
            try (PreparedStatement statement = connection.prepareStatement(sql)) {
                for (int column = 0; column < types.length; column++) {
                    statement.setArray(column + 1, PostgresArrays.of(connection, types[column],
                            rows == columns[column].length ? columns[column] : Arrays.copyOf(columns[column], rows)));
                }
                try (ResultSet returned = statement.executeQuery()) {
                    while (returned.next()) {
                        written.add(from + (int) returned.getLong(1) - 1);
                    }
                }
            } catch (SQLException e) {
                PostgresArrays.forget(connection, typesSql);
                throw e;
            }
            outcome.ran(1);
            from += rows;
        }
        return written;
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
