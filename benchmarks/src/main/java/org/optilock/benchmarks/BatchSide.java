package org.optilock.benchmarks;

import javax.sql.DataSource;

/** Who writes the batches in the batch benchmarks. */
public enum BatchSide {
    /** The baseline: one hand-written JDBC batch in one transaction. */
    JDBC,
    /** Optilock's {@code updateAll}, {@code deleteAll} and {@code insertAll}. */
    OPTILOCK;

    BatchContender<Item> open(DataSource dataSource) {
        return this == JDBC ? new HandJdbcBatches(dataSource) : new OptilockBatches<>(new ItemDao(dataSource));
    }
}
