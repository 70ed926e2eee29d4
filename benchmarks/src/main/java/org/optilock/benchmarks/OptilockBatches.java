package org.optilock.benchmarks;

import java.util.List;
import org.optilock.runtime.BatchPolicy;
import org.optilock.runtime.VersionedDao;

/**
 * A generated DAO's {@code updateAll}, {@code deleteAll} and {@code insertAll}.
 *
 * @param <E> the entity the DAO writes
 */
final class OptilockBatches<E> implements BatchContender<E> {

    private final VersionedDao<E, ?, ?> dao;

    OptilockBatches(VersionedDao<E, ?, ?> dao) {
        this.dao = dao;
    }

    @Override
    public void updateAll(List<E> batch) {
        dao.updateAll(batch, BatchPolicy.ABORT_ALL);
    }

    @Override
    public void deleteAll(List<E> batch) {
        dao.deleteAll(batch, BatchPolicy.ABORT_ALL);
    }

    @Override
    public void insertAll(List<E> batch) {
        dao.insertAll(batch);
    }
}
