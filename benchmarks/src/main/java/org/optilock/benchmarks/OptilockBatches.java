package org.optilock.benchmarks;

import java.util.List;
import javax.sql.DataSource;
import org.optilock.runtime.BatchPolicy;

/** The generated DAO's {@code updateAll}, {@code deleteAll} and {@code insertAll}. */
final class OptilockBatches implements BatchContender {

    private final ItemDao items;

    OptilockBatches(DataSource dataSource) {
        this.items = new ItemDao(dataSource);
    }

    @Override
    public void updateAll(List<Item> batch) {
        items.updateAll(batch, BatchPolicy.ABORT_ALL);
    }

    @Override
    public void deleteAll(List<Item> batch) {
        items.deleteAll(batch, BatchPolicy.ABORT_ALL);
    }

    @Override
    public void insertAll(List<Item> batch) {
        items.insertAll(batch);
    }
}
