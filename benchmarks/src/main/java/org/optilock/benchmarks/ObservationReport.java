package org.optilock.benchmarks;

import java.io.IOException;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.openjdk.jmh.profile.GCProfiler;
import org.openjdk.jmh.results.Result;
import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.RunnerException;
import org.openjdk.jmh.runner.options.OptionsBuilder;
import org.openjdk.jmh.runner.options.TimeValue;

/**
 * Runs {@link ObservedWriteBenchmarks} in paired rounds and writes the {@code observation} section of
 * {@code docs/performance.md}: each observed update's time relative to the unobserved one of the same
 * round, and the bytes each update allocates (JMH's GC profiler).
 */
public final class ObservationReport {

    private ObservationReport() {}

    public static void main(String[] args) throws IOException, RunnerException {
        Path docs = Path.of(args.length > 0 ? args[0] : "docs");
        write(docs, Database.startPostgres());
    }

    /** Measures on the PostgreSQL at {@code postgres} and H2, and writes the section. */
    static void write(Path docs, String postgres) throws IOException, RunnerException {
        int rounds = Integer.getInteger("optilock.bench.rounds", 3);
        Map<String, List<Double>> ratios = new LinkedHashMap<>();
        Map<String, List<Double>> times = new LinkedHashMap<>();
        Map<String, List<Double>> bytes = new LinkedHashMap<>();
        Map<String, List<Double>> toRecording = new LinkedHashMap<>();
        for (int round = 1; round <= rounds; round++) {
            System.out.printf("%n=== Observed writes, round %d of %d ===%n", round, rounds);
            Map<String, Double> none = new LinkedHashMap<>();
            Map<String, Double> recordingAlone = new LinkedHashMap<>();
            List<RunResult> results = new ArrayList<>(new Runner(RoundOptions.of(ObservedWriteBenchmarks.class, postgres)
                    .addProfiler(GCProfiler.class)
                    .build()).run());
            for (RunResult result : results) {
                String database = result.getParams().getParam("database");
                String observer = result.getParams().getParam("contender");
                double time = result.getPrimaryResult().getScore();
                if (observer.equals("NONE")) {
                    none.put(database, time);
                } else if (observer.equals("JFR_RUNNING_ALONE")) {
                    recordingAlone.put(database, time);
                }
                String key = database + " " + observer;
                times.computeIfAbsent(key, k -> new ArrayList<>()).add(time);
                Result<?> allocated = result.getSecondaryResults().get("gc.alloc.rate.norm");
                bytes.computeIfAbsent(key, k -> new ArrayList<>()).add(allocated == null ? Double.NaN : allocated.getScore());
            }
            for (RunResult result : results) {
                String database = result.getParams().getParam("database");
                String key = database + " " + result.getParams().getParam("contender");
                double time = result.getPrimaryResult().getScore();
                ratios.computeIfAbsent(key, k -> new ArrayList<>()).add(time / none.get(database));
                if (key.endsWith("METRICS_AND_JFR")) {
                    toRecording.computeIfAbsent(key, k -> new ArrayList<>()).add(time / recordingAlone.get(database));
                }
            }
        }
        StringBuilder text = new StringBuilder("Measured on ").append(LocalDate.now()).append(", ")
                .append(Runtime.getRuntime().availableProcessors()).append(" cores, Java ")
                .append(System.getProperty("java.vm.version")).append("; ").append(rounds)
                .append(" paired rounds, each cell the median of the per-round values. A checked update of one row"
                        + " through the generated DAO and a pool; the last column compares the update with Optilock's"
                        + " events recorded to the same recording running without them:\n\n")
                .append("| database | observed by | µs an update | to unobserved | bytes allocated an update"
                        + " | to the recording alone |\n")
                .append("|---|---|---|---|---|---|\n");
        for (String key : times.keySet()) {
            String[] parts = key.split(" ");
            List<Double> recorded = toRecording.get(key);
            text.append(String.format(Locale.ROOT, "| %s | %s | %.1f | %.3f | %.0f | %s |%n", parts[0],
                    parts[1].toLowerCase(Locale.ROOT).replace('_', ' '), Ratios.median(times.get(key)),
                    Ratios.median(ratios.get(key)), Ratios.median(bytes.get(key)),
                    recorded == null ? "" : String.format(Locale.ROOT, "%.3f", Ratios.median(recorded))));
        }
        text.append("\n").append(alternating(postgres));
        new GeneratedSection(docs.resolve("performance.md"), "observation").write(text.toString());
    }

    /**
     * {@link AlternatingObservationBenchmarks}: one fork a database, iterations alternating between
     * unobserved and observed (the meters and every JFR event), each observed iteration divided by the
     * unobserved one just before it.
     */
    private static String alternating(String postgres) throws RunnerException {
        int pairs = Integer.getInteger("optilock.bench.pairs", 10);
        StringBuilder text = new StringBuilder("Paired within one JVM (`AlternatingObservationBenchmarks`): ")
                .append(pairs).append(" pairs of one-second iterations, the observed one (meters and every JFR"
                        + " event, the recording started and stopped around it) divided by the unobserved one just"
                        + " before it:\n\n")
                .append("| database | median | lowest | highest |\n")
                .append("|---|---|---|---|\n");
        for (RunResult result : new Runner(new OptionsBuilder()
                .include(AlternatingObservationBenchmarks.class.getName())
                .forks(1)
                .jvmArgsAppend("-D" + Database.SHARED_POSTGRES + "=" + postgres, "-Xmx1g")
                // An even number of warm-ups, so that measured iterations start with an unobserved one.
                .warmupIterations(6)
                .warmupTime(TimeValue.seconds(1))
                .measurementIterations(2 * pairs)
                .measurementTime(TimeValue.seconds(1))
                .shouldFailOnError(true)
                .build()).run()) {
            List<Double> ratios = new ArrayList<>();
            List<Double> iterations = new ArrayList<>();
            result.getBenchmarkResults().forEach(benchmark -> benchmark.getIterationResults()
                    .forEach(iteration -> iterations.add(iteration.getPrimaryResult().getScore())));
            for (int i = 0; i + 1 < iterations.size(); i += 2) {
                ratios.add(iterations.get(i + 1) / iterations.get(i));
            }
            List<Double> sorted = new ArrayList<>(ratios);
            sorted.sort(null);
            text.append(String.format(Locale.ROOT, "| %s | %.3f | %.3f | %.3f |%n", result.getParams().getParam("database"),
                    Ratios.median(ratios), sorted.get(0), sorted.get(sorted.size() - 1)));
        }
        return text.toString();
    }
}
