package org.optilock.benchmarks;

import com.zaxxer.hikari.HikariDataSource;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;

/** What every batch benchmark varies and holds: the database, the side, the rows, and the pool. */
@State(Scope.Thread)
public abstract class BatchState {

    @Param({"H2", "POSTGRESQL"})
    public Database database;

    @Param({"JDBC", "OPTILOCK"})
    public BatchSide side;

    @Param({"1000", "10000"})
    public int rows;

    HikariDataSource pool;
    BatchContender<Item> batches;

    @Setup(Level.Trial)
    public void open() {
        pool = database.open();
        batches = side.open(pool);
        opened();
    }

    /** What a benchmark prepares once the pool is open, before its first iteration. */
    void opened() {}

    @TearDown(Level.Trial)
    public void close() {
        pool.close();
    }
}
