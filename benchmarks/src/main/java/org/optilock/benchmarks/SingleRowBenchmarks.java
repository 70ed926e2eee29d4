package org.optilock.benchmarks;

import com.zaxxer.hikari.HikariDataSource;
import java.util.ArrayList;
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

/**
 * One row at a time: a checked update, a read by key, and the conflict path (a stale write and the
 * read of the current row), for every {@link Contender} on every {@link Database}. The rows are
 * visited in turn, so no contender keeps writing one hot row.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
public class SingleRowBenchmarks {

    static final int ROWS = 1_000;

    @Param({"H2", "POSTGRESQL"})
    public Database database;

    @Param({"JDBC_PER_CALL", "JDBC_HELD", "OPTILOCK", "HIBERNATE_MANAGED", "HIBERNATE_MERGE", "HIBERNATE_STATELESS", "JOOQ"})
    public Contender contender;

    private HikariDataSource pool;
    private RowContender rows;
    private List<Item> items;
    private List<Item> stale;
    private int next;

    @Setup(Level.Trial)
    public void open() {
        pool = database.open();
        items = Database.seed(pool, ROWS);
        stale = new ArrayList<>();
        for (Item item : items) {
            Item copy = item.copy();
            copy.version = 0; // no row ever has it
            stale.add(copy);
        }
        rows = contender.open(pool, database);
    }

    @TearDown(Level.Trial)
    public void close() {
        rows.close();
        pool.close();
    }

    private int next() {
        next = (next + 1) % ROWS;
        return next;
    }

    @Benchmark
    public Item update() {
        Item item = items.get(next());
        item.amount++;
        rows.update(item);
        return item;
    }

    @Benchmark
    public Item findById() {
        return rows.find(next() + 1L);
    }

    @Benchmark
    public void conflict() {
        rows.conflict(stale.get(next()));
    }
}
