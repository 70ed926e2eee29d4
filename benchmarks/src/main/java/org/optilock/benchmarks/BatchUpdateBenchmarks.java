package org.optilock.benchmarks;

import java.util.List;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.State;

/** Every row of the table written in one call, each conditional on its version. */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
public class BatchUpdateBenchmarks extends BatchState {

    private List<Item> items;

    @Override
    void opened() {
        items = Database.seed(pool, rows);
    }

    @Benchmark
    public List<Item> updateAll() {
        for (Item item : items) {
            item.amount++;
        }
        batches.updateAll(items);
        return items;
    }
}
