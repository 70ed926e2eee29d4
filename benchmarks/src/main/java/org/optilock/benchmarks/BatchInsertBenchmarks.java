package org.optilock.benchmarks;

import java.util.ArrayList;
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

/** New rows inserted in one call, with their initial versions, into a table emptied before each call. */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
public class BatchInsertBenchmarks extends BatchState {

    private List<Item> items;

    @Setup(Level.Invocation)
    public void empty() {
        Database.seed(pool, 0);
        items = new ArrayList<>(rows);
        for (long id = 1; id <= rows; id++) {
            items.add(new Item(id, "item " + id, id));
        }
    }

    @Benchmark
    public List<Item> insertAll() {
        batches.insertAll(items);
        return items;
    }
}
