package org.optilock.runtime.internal;

import jakarta.data.page.PageRequest;
import java.util.AbstractList;
import java.util.List;
import java.util.RandomAccess;
import java.util.function.BiFunction;

/**
 * The cursors of a page's entities: each one the values of the order's keys on its entity, as the
 * driver binds them. Made when asked for, which is seldom more than once a page (the next page starts
 * after the last entity, the previous before the first), so reading a page costs no cursor it does not
 * use.
 *
 * @param <T> the entity type
 */
final class EntityCursors<T> extends AbstractList<PageRequest.Cursor> implements RandomAccess {

    private final List<T> entities;
    private final RowOrder order;
    private final BiFunction<T, Integer, Object> value;

    /** The cursors of {@code entities} in {@code order}; {@code value} gives an entity's column by number. */
    EntityCursors(List<T> entities, RowOrder order, BiFunction<T, Integer, Object> value) {
        this.entities = entities;
        this.order = order;
        this.value = value;
    }

    @Override
    public PageRequest.Cursor get(int index) {
        T entity = entities.get(index);
        List<RowOrder.Key> keys = order.keys();
        Object[] values = new Object[keys.size()];
        for (int i = 0; i < values.length; i++) {
            values[i] = value.apply(entity, keys.get(i).position());
        }
        return PageRequest.Cursor.forKey(values);
    }

    @Override
    public int size() {
        return entities.size();
    }
}
