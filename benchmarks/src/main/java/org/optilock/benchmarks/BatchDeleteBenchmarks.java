package org.optilock.benchmarks;

import com.zaxxer.hikari.HikariDataSource;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;

/** Every row of the table deleted in one call, each conditional on its version; the rows come back before each call. */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
public class BatchDeleteBenchmarks {

    @Param({"H2", "POSTGRESQL"})
    public Database database;

    @Param({"JDBC", "OPTILOCK"})
    public BatchSide side;

    @Param({"1000", "10000"})
    public int rows;

    private HikariDataSource pool;
    private BatchContender batches;
    private List<Item> items;

    @Setup(Level.Trial)
    public void open() {
        pool = database.open();
        batches = side.open(pool);
    }

    @Setup(Level.Invocation)
    public void seed() {
        items = Database.seed(pool, rows);
    }

    @TearDown(Level.Trial)
    public void close() {
        pool.close();
    }

    @Benchmark
    public List<Item> deleteAll() {
        batches.deleteAll(items);
        return items;
    }
}
