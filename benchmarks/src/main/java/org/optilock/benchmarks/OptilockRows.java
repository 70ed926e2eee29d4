package org.optilock.benchmarks;

import javax.sql.DataSource;
import org.optilock.runtime.RecordModifiedException;

/** The generated DAO, borrowing a connection from the pool for each call. */
final class OptilockRows implements RowContender {

    private final ItemDao items;

    OptilockRows(DataSource dataSource) {
        this.items = new ItemDao(dataSource);
    }

    @Override
    public void update(Item item) {
        items.update(item);
    }

    @Override
    public Item find(long id) {
        return items.findById(id).orElseThrow();
    }

    @Override
    public void conflict(Item stale) {
        try {
            items.update(stale);
            throw new IllegalStateException("a stale copy was written");
        } catch (RecordModifiedException expected) {
            expected.current();
        }
    }
}
