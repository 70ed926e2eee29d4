package org.optilock.runtime.internal;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.List;

/**
 * The element collections of one DAO's entity, kept with its rows: each written after the row, its
 * rows replaced on update, deleted before the row, and read for every entity read. Nothing at all for
 * an entity without one, which is most.
 *
 * @param <T> the entity type
 */
final class EntityCollections<T> implements ElementCollection.Owner<T> {

    private final AbstractVersionedDao<T, ?, ?> dao;
    private final List<ElementCollection<T, ?>> collections;
    /** The number of the key's column, by which the collection tables name their owner. */
    private final int keyColumn;

    EntityCollections(AbstractVersionedDao<T, ?, ?> dao, List<ElementCollection<T, ?>> collections, int keyColumn) {
        this.dao = dao;
        this.collections = List.copyOf(collections);
        this.keyColumn = keyColumn;
    }

    boolean isEmpty() {
        return collections.isEmpty();
    }

    /** Writes the values of {@code entities}, new rows; their earlier values first deleted where {@code replace}. */
    void written(Connection connection, List<T> entities, boolean replace) throws SQLException {
        for (ElementCollection<T, ?> collection : collections) {
            collection.write(connection, entities, this, replace);
        }
    }

    /** Deletes the values of {@code entities}, before their rows. */
    void deleted(Connection connection, List<T> entities) throws SQLException {
        for (ElementCollection<T, ?> collection : collections) {
            collection.delete(connection, entities, this);
        }
    }

    /** Deletes the values of the entity with key {@code id}, before its row. */
    <ID> void deletedById(Connection connection, ID id, ElementCollection.KeyBinder<ID> bindId) throws SQLException {
        for (ElementCollection<T, ?> collection : collections) {
            collection.deleteById(connection, id, bindId);
        }
    }

    /** Gives each of {@code entities} its values. */
    void read(Connection connection, List<T> entities) throws SQLException {
        if (entities.isEmpty()) {
            return;
        }
        for (ElementCollection<T, ?> collection : collections) {
            collection.read(connection, entities, this);
        }
    }

    @Override
    public void bind(PreparedStatement statement, int index, T entity) throws SQLException {
        dao.bindColumn(statement, index, entity, keyColumn);
    }

    @Override
    public Object key(T entity) {
        return dao.value(entity, keyColumn);
    }
}
