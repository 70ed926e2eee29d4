package org.optilock.benchmarks;

import java.util.List;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/** Every row of the table deleted in one call, each conditional on its version; the rows come back before each call. */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
public class BatchDeleteBenchmarks extends BatchState {

    private List<Item> items;

    @Setup(Level.Invocation)
    public void seed() {
        items = Database.seed(pool, rows);
    }

    @Benchmark
    public List<Item> deleteAll() {
        batches.deleteAll(items);
        return items;
    }
}
