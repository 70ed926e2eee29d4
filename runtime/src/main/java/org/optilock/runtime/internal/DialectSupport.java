package org.optilock.runtime.internal;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import org.optilock.runtime.Dialect;

/**
 * Everything the engine does differently on one database, in one class per database: how an update
 * reports the version the database gave the row, how an {@code Instant} is bound, how a batch writes
 * its checked rows and reads its generated keys, the DDL of version triggers, and the database's own
 * error codes. A DAO resolves its database once ({@link DaoContext#dialect}); nothing else in the
 * engine asks which database it is on.
 *
 * <p>Sealed, and chosen by an exhaustive {@code switch} over {@link Dialect}: a database added to the
 * enum without its class here does not compile. The defaults are plain JDBC, which H2, SQLite and
 * MySQL share.
 */
sealed interface DialectSupport permits H2Support, PostgresqlSupport, SqliteSupport, MysqlSupport {

    /**
     * Every database, for classifying a failure whose database is not known. A method, not a constant:
     * a constant would be initialized with this interface, which each database's class initializes
     * first, and so would hold null for the class that started it.
     */
    static List<DialectSupport> all() {
        return List.of(H2Support.INSTANCE, PostgresqlSupport.INSTANCE, SqliteSupport.INSTANCE, MysqlSupport.INSTANCE);
    }

    /** The support of {@code dialect}. */
    static DialectSupport of(Dialect dialect) {
        return switch (dialect) {
            case H2 -> H2Support.INSTANCE;
            case POSTGRESQL -> PostgresqlSupport.INSTANCE;
            case SQLITE -> SqliteSupport.INSTANCE;
            case MYSQL -> MysqlSupport.INSTANCE;
        };
    }

    /** The database, as the generated statements are keyed. */
    Dialect dialect();

    // ---- single-row writes ----------------------------------------------------------------------

    /**
     * Runs {@code statement}, an UPDATE made to report the version the database gave the row
     * ({@code RETURNING}, H2's {@code FINAL TABLE}): that version, or {@code null} when no row matched.
     */
    default Object updateReadingBack(Connection connection, PreparedStatement statement, VersionType versionType)
            throws SQLException {
        try (ResultSet resultSet = statement.executeQuery()) {
            return resultSet.next() ? versionType.read(resultSet, 1) : null;
        }
    }

    /** Binds a nullable {@code Long} version, as {@link ColumnValues#setLong}. */
    default void bindVersion(PreparedStatement statement, int index, Long value) throws SQLException {
        ColumnValues.setLong(statement, index, value);
    }

    /** Binds a nullable {@code Instant}, as a UTC {@code TIMESTAMP WITH TIME ZONE}: drivers agree on that one. */
    default void bindInstant(PreparedStatement statement, int index, Instant value) throws SQLException {
        ColumnValues.setOffsetDateTime(statement, index, value == null ? null : value.atOffset(ZoneOffset.UTC));
    }

    // ---- inserts whose key the database generates --------------------------------------------------

    /**
     * Prepares {@code sql}, the INSERT of one row whose key the database generates, to report that key
     * when run by {@link #insertReportingKey}: by default through JDBC's generated keys, naming the key
     * column, which keeps PostgreSQL from returning every column.
     */
    default PreparedStatement prepareInsertReportingKey(Connection connection, String sql, String[] keyColumns)
            throws SQLException {
        return connection.prepareStatement(sql, keyColumns);
    }

    /**
     * Runs {@code statement}, prepared by {@link #prepareInsertReportingKey} and bound, and returns the
     * generated key's row, for the caller to close.
     */
    default ResultSet insertReportingKey(PreparedStatement statement) throws SQLException {
        statement.executeUpdate();
        return statement.getGeneratedKeys();
    }

    // ---- batches ---------------------------------------------------------------------------------

    /**
     * Writes the checked updates of {@code indexes}, whose versions are computed before the write: the
     * batch's first write, so that a database may undo what it wrote by rolling back to {@code start}.
     */
    default <T, V> void updateChecked(Connection connection, EntityRows<T, ?, V> rows, List<T> entities,
            int[] indexes, BatchOutcome<T, V> outcome, BatchStart start) throws SQLException {
        JdbcBatch.update(connection, rows, entities, indexes, outcome);
    }

    /**
     * Writes the checked updates of {@code indexes} whose versions the database decides, a trigger's or
     * a conditional one, and reads each back: the batch's first write, as {@link #updateChecked}. A JDBC
     * batch answers with counts, not rows, so by default the UPDATEs go as one, and the rows it wrote
     * are read back by key ({@link ReadBackBatch#update}).
     */
    default <T, V> void updateCheckedReadingBack(Connection connection, EntityRows<T, ?, V> rows, List<T> entities,
            int[] indexes, BatchOutcome<T, V> outcome, BatchStart start) throws SQLException {
        ReadBackBatch.update(connection, rows, entities, indexes, rows.checkedUpdateWithoutReadBack(this, outcome, indexes),
                outcome);
    }

    /**
     * {@code sql}, an UPDATE that reports the version the database gave the row (see {@link
     * #updateReadingBack}), as a plain UPDATE a JDBC batch can run: by default without its {@code
     * RETURNING}. MySQL's assigns the version to a session variable as well, which is harmless in a
     * batch; H2 sends such batches row by row and never asks.
     */
    default String withoutReadBack(String sql) {
        int returning = sql.lastIndexOf(" RETURNING ");
        return returning < 0 ? sql : sql.substring(0, returning);
    }

    /** Writes the checked deletes of {@code indexes}: the batch's first write, as for updates. */
    default <T, V> void deleteChecked(Connection connection, EntityRows<T, ?, V> rows, List<T> entities,
            int[] indexes, BatchOutcome<T, V> outcome, BatchStart start) throws SQLException {
        JdbcBatch.delete(connection, rows, entities, indexes, true, outcome);
    }

    /**
     * Inserts the rows of {@code indexes}, which come with their keys, putting each row's version at
     * its index. Returns the statements it ran.
     */
    default <T, V> int insertWithKeys(Connection connection, EntityRows<T, ?, V> rows, List<T> entities,
            int[] indexes, List<V> versions) throws SQLException {
        JdbcBatch.insert(connection, rows, entities, indexes, false, versions, null);
        return indexes.length;
    }

    /**
     * Inserts the rows of {@code indexes}, whose keys the database generates, putting each row's
     * version and key at its index. Returns the statements it ran.
     */
    default <T, V> int insertGeneratingKeys(Connection connection, EntityRows<T, ?, V> rows, List<T> entities,
            int[] indexes, List<V> versions, List<Object> keys) throws SQLException {
        JdbcBatch.insert(connection, rows, entities, indexes, true, versions, keys);
        return indexes.length;
    }

    // ---- version triggers ------------------------------------------------------------------------

    /** How the database's catalog is asked which version triggers exist. */
    TriggerCatalog triggers();

    /** The statements that create {@code target}'s trigger. */
    List<String> createTrigger(TriggerTarget target);

    /** The statements that drop {@code target}'s trigger. */
    default List<String> dropTrigger(TriggerTarget target) {
        return List.of("DROP TRIGGER IF EXISTS " + target.qualifiedTriggerName());
    }

    /**
     * Whether each DDL statement commits itself, so that a trigger half made is not undone by a
     * rollback and must be dropped.
     */
    boolean ddlCommits();

    /**
     * Whether a keyset page's row comparison, {@code (a, b) > (?, ?)}, needs a range on its first key
     * before it, {@code a >= ? AND ...}, for an index to start where the page starts. PostgreSQL and
     * SQLite use an index for the row comparison itself, and the extra range only costs them.
     */
    boolean keysetNeedsLeadingRange();

    // ---- failures --------------------------------------------------------------------------------

    /**
     * What {@code failure} reports by this database's own codes, those no other database uses; {@link
     * SqlFailure#OTHER} when none applies.
     */
    SqlFailure classify(SQLException failure);
}
