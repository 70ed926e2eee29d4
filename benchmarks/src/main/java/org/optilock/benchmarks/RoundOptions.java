package org.optilock.benchmarks;

import org.openjdk.jmh.runner.options.ChainedOptionsBuilder;
import org.openjdk.jmh.runner.options.OptionsBuilder;
import org.openjdk.jmh.runner.options.TimeValue;

/** How one round of a report's benchmarks runs: one fork on the shared PostgreSQL, five seconds of warm-up, five measured. */
final class RoundOptions {

    private RoundOptions() {}

    /** The options of a round of {@code benchmark}, whose forks use the PostgreSQL at {@code postgres}. */
    static ChainedOptionsBuilder of(Class<?> benchmark, String postgres) {
        return new OptionsBuilder()
                .include(benchmark.getName())
                .forks(1)
                .jvmArgsAppend("-D" + Database.SHARED_POSTGRES + "=" + postgres, "-Xmx1g")
                .warmupIterations(5)
                .warmupTime(TimeValue.seconds(1))
                .measurementIterations(5)
                .measurementTime(TimeValue.seconds(1))
                .shouldFailOnError(true);
    }
}
