package org.optilock.runtime;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Collection;
import java.util.List;
import java.util.Optional;

/**
 * The operations every generated DAO offers. Each UPDATE and DELETE is conditional on the version
 * the entity was read with; a write that finds another version throws
 * {@link RecordModifiedException} and writes nothing.
 *
 * <p>Failures of the database itself are thrown as {@link DataAccessException}.
 *
 * @param <T> the entity type
 * @param <ID> the key type, boxed
 * @param <V> the version type, boxed
 */
public interface VersionedDao<T, ID, V> {

    /**
     * Inserts a new row with the initial version and returns the entity with its generated key and
     * version set. Classes are updated in place and returned; records are returned as new instances.
     */
    T insert(T entity);

    /**
     * Inserts every entity in one transaction (a savepoint inside the caller's), as JDBC batches, and
     * returns them in order with their keys and initial versions set (django's {@code bulk_create}):
     * classes updated in place, records as new instances. An entity that comes with its key is
     * inserted with it; the others get the key the database generates.
     *
     * @throws NullPointerException if an entity is null; nothing is written
     * @throws DataAccessException if a row is refused (a duplicate key, a constraint); no row is
     *     inserted and no entity is changed
     */
    List<T> insertAll(Collection<T> entities);

    /**
     * Writes the entity if the row still has the entity's version, in one statement, and returns it
     * with its new version (a new instance for records).
     *
     * @throws RecordModifiedException if the row has another version or is gone; nothing is written
     *     and the entity keeps its version
     */
    T update(T entity);

    /**
     * Deletes the row if it still has the entity's version.
     *
     * @throws RecordModifiedException if the row has another version or is already gone
     */
    void delete(T entity);

    /** The row with this key, if there is one. */
    Optional<T> findById(ID id);

    /** Every row of the table. */
    List<T> findAll();

    /**
     * Whether the row differs from the entity: its version in the database is another one, or the
     * row is gone. One SELECT of the version column.
     */
    boolean isChanged(T entity);

    /** The version the row with this key has now in the database; empty when there is no row. */
    Optional<V> currentVersion(ID id);

    /** The row with this key if it has exactly this version. */
    Optional<T> findByIdAndVersion(ID id, V version);

    /**
     * Updates every entity, each conditional on its version, in one JDBC batch where the database
     * allows (TRIGGER and conditional versions: one statement per row) and one transaction, or a
     * savepoint inside the caller's transaction.
     *
     * @return the entities written, with their new versions, and the conflicts ({@link BatchPolicy#SILENT})
     * @throws BatchConflictException under {@link BatchPolicy#ABORT_ALL} when any row conflicts; nothing
     *     was written and every entity keeps its version
     */
    BatchResult<T> updateAll(Collection<T> entities, BatchPolicy policy);

    /**
     * Deletes every entity's row, each conditional on its version, in one JDBC batch and one
     * transaction, or a savepoint inside the caller's transaction.
     *
     * @return the entities deleted, and the conflicts ({@link BatchPolicy#SILENT})
     * @throws BatchConflictException under {@link BatchPolicy#ABORT_ALL} when any row conflicts; nothing
     *     was deleted
     */
    BatchResult<T> deleteAll(Collection<T> entities, BatchPolicy policy);

    /**
     * The three-way merge of {@code mine} (the caller's edit of {@code base}, the copy it read) with
     * {@code theirs} (the row as it is now, such as {@code conflict.current()}): {@code theirs} with its
     * key and version, plus every field only {@code mine} changed. A field both changed to different
     * values keeps the value of {@code theirs} and is listed in {@link Merge#conflictingFields()}. No
     * argument is changed; the merged entity is a new instance. Nothing is read or written.
     */
    Merge<T> merge(T base, T mine, T theirs);

    /**
     * The entity on the current row of {@code resultSet}, a row of any SQL of the caller's: each
     * column the entity maps is found by its label, in any order and among other columns, and read as
     * this DAO reads it (a version too, so the entity updates with its version checked).
     *
     * <pre>{@code
     * try (PreparedStatement select = connection.prepareStatement(
     *         "SELECT d.*, a.name AS author_name FROM document d JOIN author a ON a.id = d.author_id")) {
     *     ResultSet rows = select.executeQuery();
     *     while (rows.next()) {
     *         documents.add(dao.read(rows));
     *     }
     * }
     * }</pre>
     *
     * @throws SQLException from the driver, or naming the mapped column the result set lacks (SQLState
     *     {@code 42S22})
     */
    T read(ResultSet resultSet) throws SQLException;

    /**
     * {@link #read(ResultSet)}, shaped as Spring's {@code RowMapper}: {@code jdbcTemplate.query(sql,
     * dao::mapRow)}. The row number is not used.
     */
    T mapRow(ResultSet resultSet, int rowNumber) throws SQLException;
}
