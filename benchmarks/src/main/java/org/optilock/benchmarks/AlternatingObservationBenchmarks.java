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
 * The cost of observing a write, paired as closely as one JVM allows: the same checked update,
 * iterations alternating between unobserved (odd iterations) and observed by the meters with every
 * Optilock JFR event recorded (even iterations, the recording started before and stopped after each).
 * {@link ObservationReport} divides each observed iteration by the unobserved one just before it, so
 * a database that drifts over minutes, as a server sharing two cores does, moves both sides of a pair
 * together.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
public class AlternatingObservationBenchmarks {

    private static final int ROWS = 1_000;

    @Param({"H2", "POSTGRESQL"})
    public Database database;

    private HikariDataSource pool;
    private ItemDao unobserved;
    private ItemDao observed;
    private ItemDao current;
    private List<Item> rows;
    private Recording recording;
    private int iteration;
    private int next;

    @Setup(Level.Trial)
    public void open() {
        pool = database.open();
        rows = Database.seed(pool, ROWS);
        unobserved = new ItemDao(pool);
        observed = new ItemDao(pool, new OptilockMetrics(new SimpleMeterRegistry()).settings(OptilockSettings.DEFAULTS));
    }

    /** Odd iterations unobserved, even ones observed, counting warm-up iterations too. */
    @Setup(Level.Iteration)
    public void choose() {
        iteration++;
        if (iteration % 2 == 1) {
            current = unobserved;
            return;
        }
        current = observed;
        recording = OptilockRecording.everyEvent();
    }

    @TearDown(Level.Iteration)
    public void stopRecording() {
        if (recording != null) {
            recording.close();
            recording = null;
        }
    }

    @TearDown(Level.Trial)
    public void close() {
        pool.close();
    }

    @Benchmark
    public Item update() {
        next = (next + 1) % ROWS;
        Item item = rows.get(next);
        item.amount++;
        current.update(item);
        return item;
    }
}
