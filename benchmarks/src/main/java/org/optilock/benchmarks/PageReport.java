package org.optilock.benchmarks;

import java.io.IOException;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.RunnerException;

/**
 * Runs {@link PageBenchmarks} and writes its table into the {@code pages} section of
 * {@code docs/performance.md}: a page of 50 rows through a repository against hand-written JDBC and
 * Hibernate, and the 10,000th page against the first, in paired rounds as {@link PerformanceReport}
 * measures its works.
 */
public final class PageReport {

    private PageReport() {}

    public static void main(String[] args) throws IOException, RunnerException {
        Path docs = Path.of(args.length > 0 ? args[0] : "docs");
        write(docs, Database.startPostgres());
    }

    /**
     * Runs the page benchmarks in paired rounds on the PostgreSQL at {@code postgres} and H2, and writes
     * their section: each cell is the median over the rounds of a ratio taken within one round.
     */
    static void write(Path docs, String postgres) throws IOException, RunnerException {
        int rounds = Integer.getInteger("optilock.bench.rounds", 3);
        Ratios toJdbc = new Ratios();
        List<List<Score>> all = new ArrayList<>();
        for (int round = 1; round <= rounds; round++) {
            System.out.printf("%n=== Pages, round %d of %d ===%n", round, rounds);
            List<Score> scores = new ArrayList<>();
            for (RunResult result : new Runner(RoundOptions.of(PageBenchmarks.class, postgres).build()).run()) {
                scores.add(Score.of(result));
            }
            toJdbc.addRound(scores);
            all.add(scores);
        }
        new GeneratedSection(docs.resolve("performance.md"), "pages").write(table(toJdbc, all));
    }

    private static String table(Ratios toJdbc, List<List<Score>> rounds) {
        StringBuilder text = new StringBuilder("Measured on ").append(LocalDate.now()).append(", ")
                .append(Runtime.getRuntime().availableProcessors()).append(" cores, Java ")
                .append(System.getProperty("java.vm.version")).append("; ")
                .append("500,050 rows, an index on (name, id); ").append(rounds.size())
                .append(" paired rounds, each cell the median of the per-round values. Microseconds a page,"
                        + " and each reader's time relative to hand-written JDBC in the same round:\n\n")
                .append("| database | reader | first page | to JDBC | page 10,000 | to JDBC | page 10,000 to first |\n")
                .append("|---|---|---|---|---|---|---|\n");
        for (Database database : Database.EVERY_BENCHMARK) {
            for (PageBenchmarks.Reader reader : PageBenchmarks.Reader.values()) {
                List<Double> firsts = new ArrayList<>();
                List<Double> deeps = new ArrayList<>();
                List<Double> deepToFirst = new ArrayList<>();
                for (List<Score> round : rounds) {
                    double first = time(round, database, reader, "firstPage");
                    double deep = time(round, database, reader, "deepPage");
                    firsts.add(first);
                    deeps.add(deep);
                    deepToFirst.add(deep / first);
                }
                String reads = reader.name().toLowerCase(Locale.ROOT);
                text.append(String.format(Locale.ROOT, "| %s | %s | %.1f | %.2f | %.1f | %.2f | %.2f |%n", database, reads,
                        Ratios.median(firsts), toJdbc.median("firstPage " + database, reader.name()),
                        Ratios.median(deeps), toJdbc.median("deepPage " + database, reader.name()),
                        Ratios.median(deepToFirst)));
            }
        }
        return text.toString();
    }

    private static double time(List<Score> scores, Database database, PageBenchmarks.Reader reader, String operation) {
        return scores.stream()
                .filter(s -> s.database() == database && s.contender().equals(reader.name()) && s.operation().equals(operation))
                .mapToDouble(Score::time)
                .findFirst()
                .orElseThrow(() -> new IllegalStateException("no score for " + operation + " " + database + " " + reader));
    }
}
