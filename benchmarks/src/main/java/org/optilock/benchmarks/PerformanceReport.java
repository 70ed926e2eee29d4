package org.optilock.benchmarks;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;
import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.RunnerException;
import org.openjdk.jmh.runner.options.ChainedOptionsBuilder;
import org.openjdk.jmh.runner.options.OptionsBuilder;
import org.openjdk.jmh.runner.options.TimeValue;

/**
 * The full run: every benchmark in paired rounds, each in a JVM of its own, then the ratios, the
 * statement counts and the charts written into docs/performance.md, between its result markers.
 *
 * <pre>mvn -Pbenchmarks -pl benchmarks -am -DskipTests verify</pre>
 *
 * <p>{@code -Doptilock.bench.rounds=N} sets the rounds (3).
 */
public final class PerformanceReport {


    /** The benchmarks of many rows a call, each with a {@code rows} parameter. */
    private static final String BATCHES = PerformanceReport.class.getPackageName() + ".Batch(Update|Delete|Insert)Benchmarks";

    /**
     * Batch works ("updateAll POSTGRESQL 1000") by operation, database, then rows as a number: the
     * rounds measure 10 rows apart from 1,000 and 10,000, and the table reads better in order.
     */
    private static final Comparator<String> BY_OPERATION_AND_ROWS = Comparator
            .<String, String>comparing(work -> work.substring(0, work.lastIndexOf(' ')))
            .thenComparingInt(work -> Integer.parseInt(work.substring(work.lastIndexOf(' ') + 1)));

    private PerformanceReport() {}

    public static void main(String[] args) throws IOException, RunnerException, SQLException {
        System.setProperty("java.awt.headless", "true");
        Path docs = Path.of(args.length > 0 ? args[0] : "docs");
        int rounds = Integer.getInteger("optilock.bench.rounds", 3);
        String postgres = Database.startPostgres();

        Ratios ratios = new Ratios();
        for (int round = 1; round <= rounds; round++) {
            System.out.printf("%n=== Round %d of %d ===%n", round, rounds);
            List<Score> scores = new ArrayList<>();
            scores.addAll(run(briefly(postgres).include(SingleRowBenchmarks.class.getName())));
            scores.addAll(run(warmedUp(postgres).include(BATCHES).param("rows", "10", "1000", "10000")));
            ratios.addRound(scores);
        }
        System.out.printf("%n=== Batch time against rows ===%n");
        List<Score> growth = run(warmedUp(postgres).include(BatchUpdateBenchmarks.class.getName())
                .param("rows", "10", "100", "1000", "10000", "100000"));

        Path images = docs.resolve("images");
        Files.createDirectories(images);
        List<String> single = ratios.works().stream().filter(w -> !w.contains("All")).toList();
        List<String> batches = ratios.works().stream().filter(w -> w.contains("All")).sorted(BY_OPERATION_AND_ROWS).toList();
        List<String> contenders = Arrays.stream(Contender.values()).map(Enum::name).toList();
        PerformanceCharts.ratios(images.resolve("performance-single-row.png"), "Single rows", ratios, single, contenders);
        PerformanceCharts.ratios(images.resolve("performance-batches.png"), "Batches", ratios, batches,
                List.of(BatchSide.JDBC.name(), BatchSide.OPTILOCK.name()));
        PerformanceCharts.growth(images.resolve("performance-batch-growth.png"), "updateAll: time against rows", growth);

        String results = results(ratios, single, batches, contenders, postgres);
        new GeneratedSection(docs.resolve("performance.md"), "results").write(results);
        System.out.printf("%n=== Pages ===%n");
        PageReport.write(docs, postgres);
        System.out.printf("%n=== Observed writes ===%n");
        ObservationReport.write(docs, postgres);
        System.out.println("Wrote the results into " + docs.resolve("performance.md") + " and the charts under " + images);
    }

    /** Half-second iterations: enough for single rows, a few to a hundred microseconds a call. */
    private static ChainedOptionsBuilder briefly(String postgres) {
        return options(postgres, 3, TimeValue.milliseconds(500), TimeValue.milliseconds(500));
    }

    /**
     * Five seconds of warm-up and three of measurement, for batches. A call of 10,000 rows takes 80
     * to 400 ms, so half a second of warm-up ran it two to five times, before the JIT had compiled
     * the code it measures, and three half seconds measured a handful of calls. Even a 10-row
     * {@code updateAll} on H2 still sped up after three seconds (430, 140, 78, then 40 µs a call).
     * Both sides were measured cold, and the side with more Java code in its loop the more so.
     */
    private static ChainedOptionsBuilder warmedUp(String postgres) {
        return options(postgres, 5, TimeValue.seconds(1), TimeValue.seconds(1));
    }

    private static ChainedOptionsBuilder options(
            String postgres, int warmupIterations, TimeValue warmup, TimeValue measurement) {
        return new OptionsBuilder()
                .forks(1)
                .jvmArgsAppend("-D" + Database.SHARED_POSTGRES + "=" + postgres, "-Xmx1g")
                .warmupIterations(warmupIterations)
                .warmupTime(warmup)
                .measurementIterations(3)
                .measurementTime(measurement)
                .shouldFailOnError(true);
    }

    private static List<Score> run(ChainedOptionsBuilder options) throws RunnerException {
        List<Score> scores = new ArrayList<>();
        for (RunResult result : new Runner(options.build()).run()) {
            scores.add(Score.of(result));
        }
        return scores;
    }

    private static String results(Ratios ratios, List<String> single, List<String> batches, List<String> contenders,
            String postgres) throws SQLException {
        StringBuilder page = new StringBuilder();
        page.append("Measured on ").append(LocalDate.now()).append(" on ").append(Runtime.getRuntime().availableProcessors())
                .append(" cores, ").append(System.getProperty("os.name")).append(' ').append(System.getProperty("os.arch"))
                .append(", Java ").append(System.getProperty("java.vm.version")).append(" (").append(System.getProperty("java.vm.name"))
                .append("); ").append(postgresVersion(postgres)).append(", H2 ").append(org.h2.engine.Constants.FULL_VERSION)
                .append(", Hibernate ").append(org.hibernate.Version.getVersionString())
                .append(", jOOQ ").append(org.jooq.Constants.FULL_VERSION).append(". ")
                .append(ratios.rounds()).append(" paired rounds; each cell is the median of the per-round ratios.\n\n");

        page.append("### Single rows\n\nTime relative to hand-written JDBC with a connection from the pool for each call"
                + " (below 1 is faster):\n\n| work | JDBC per call |");
        for (String contender : contenders.subList(1, contenders.size())) {
            page.append(' ').append(label(contender)).append(" |");
        }
        page.append("\n|---|---|").append("---|".repeat(contenders.size() - 1)).append('\n');
        for (String work : single) {
            page.append("| ").append(work).append(" | ").append(ratios.baselineTime(work)).append(" |");
            for (String contender : contenders.subList(1, contenders.size())) {
                page.append(' ').append(ratio(ratios.median(work, contender))).append(" |");
            }
            page.append('\n');
        }
        page.append("\n![Single rows](images/performance-single-row.png)\n\n");

        page.append("### Batches\n\nOptilock's time relative to the hand-written JDBC batch of the same statements"
                + " (below 1 is faster):\n\n| work | JDBC batch | Optilock | Optilock is faster by |\n|---|---|---|---|\n");
        for (String work : batches) {
            double ratio = ratios.median(work, BatchSide.OPTILOCK.name());
            page.append("| ").append(work).append(" | ").append(ratios.baselineTime(work)).append(" | ").append(ratio(ratio))
                    .append(" | ").append(String.format("%.1f×", 1 / ratio)).append(" |\n");
        }
        page.append("\n![Batches](images/performance-batches.png)\n\n")
                .append("![updateAll: time against rows](images/performance-batch-growth.png)\n\n");

        page.append("### Statements per operation\n\n| contender | H2: update, find, conflict | PostgreSQL: update, find, conflict |\n"
                + "|---|---|---|\n");
        Map<Contender, int[]> h2 = StatementCounts.singleRow(Database.H2);
        Map<Contender, int[]> pg = StatementCounts.singleRow(Database.POSTGRESQL);
        for (Contender contender : Contender.values()) {
            page.append("| ").append(label(contender.name())).append(" | ").append(counts(h2.get(contender))).append(" | ")
                    .append(counts(pg.get(contender))).append(" |\n");
        }
        page.append("\n| batch of 1,000 rows | H2: updateAll, deleteAll, insertAll | PostgreSQL: updateAll, deleteAll, insertAll |\n"
                + "|---|---|---|\n");
        Map<BatchSide, int[]> h2Batches = StatementCounts.batches(Database.H2, 1_000);
        Map<BatchSide, int[]> pgBatches = StatementCounts.batches(Database.POSTGRESQL, 1_000);
        for (BatchSide side : BatchSide.values()) {
            page.append("| ").append(label(side.name())).append(" | ").append(counts(h2Batches.get(side))).append(" | ")
                    .append(counts(pgBatches.get(side))).append(" |\n");
        }
        return page.toString();
    }

    private static String postgresVersion(String url) throws SQLException {
        try (Connection connection = DriverManager.getConnection(url); Statement statement = connection.createStatement();
                ResultSet version = statement.executeQuery("SHOW server_version")) {
            version.next();
            return "PostgreSQL " + version.getString(1);
        }
    }

    private static String label(String contender) {
        String words = contender.replace('_', ' ').toLowerCase(Locale.ROOT);
        return words.replace("jdbc", "JDBC").replace("optilock", "Optilock").replace("hibernate", "Hibernate")
                .replace("jooq", "jOOQ");
    }

    private static String ratio(double ratio) {
        return Double.isNaN(ratio) ? "—" : String.format("%.2f", ratio);
    }

    private static String counts(int[] counts) {
        return Arrays.stream(counts).mapToObj(Integer::toString).collect(Collectors.joining(", "));
    }
}
