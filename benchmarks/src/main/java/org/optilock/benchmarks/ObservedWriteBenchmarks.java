package org.optilock.benchmarks;

import com.zaxxer.hikari.HikariDataSource;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.util.List;
import java.util.concurrent.TimeUnit;
import jdk.jfr.Recording;
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
import org.optilock.micrometer.OptilockMetrics;
import org.optilock.runtime.OptilockSettings;

/**
 * What observing a write costs: the same checked update of one row by the generated DAO, with nothing
 * observing it, with Optilock's meters bound, with the meters bound and every Optilock JFR event
 * recorded (no threshold, so each write is an event), and with a JFR recording running that takes none
 * of Optilock's events, which tells the recording's own cost from the events'.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
public class ObservedWriteBenchmarks {

    /** What observes the writes. */
    public enum Observer { NONE, METRICS, METRICS_AND_JFR, JFR_RUNNING_ALONE }

    private static final int ROWS = 1_000;

    @Param({"H2", "POSTGRESQL"})
    public Database database;

    @Param({"NONE", "METRICS", "METRICS_AND_JFR", "JFR_RUNNING_ALONE"})
    public Observer contender;

    private HikariDataSource pool;
    private ItemDao items;
    private List<Item> rows;
    private Recording recording;
    private int next;

    @Setup(Level.Trial)
    public void open() {
        pool = database.open();
        rows = Database.seed(pool, ROWS);
        OptilockSettings settings = contender == Observer.METRICS || contender == Observer.METRICS_AND_JFR
                ? new OptilockMetrics(new SimpleMeterRegistry()).settings(OptilockSettings.DEFAULTS)
                : OptilockSettings.DEFAULTS;
        items = new ItemDao(pool, settings);
        if (contender == Observer.METRICS_AND_JFR) {
            recording = OptilockRecording.everyEvent();
        } else if (contender == Observer.JFR_RUNNING_ALONE) {
            recording = OptilockRecording.noOptilockEvent();
        }
    }

    @TearDown(Level.Trial)
    public void close() {
        if (recording != null) {
            recording.close();
        }
        pool.close();
    }

    @Benchmark
    public Item update() {
        next = (next + 1) % ROWS;
        Item item = rows.get(next);
        item.amount++;
        items.update(item);
        return item;
    }
}
