package org.optilock.benchmarks;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.SQLException;
import java.util.Collection;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.RunnerException;
import org.openjdk.jmh.runner.options.Options;
import org.openjdk.jmh.runner.options.OptionsBuilder;
import org.openjdk.jmh.runner.options.TimeValue;

/**
 * Every benchmark, once and briefly, in the test command: they keep compiling and working, every
 * contender does what it claims, and the statements each operation costs are what the docs say.
 * Timing belongs to the full run ({@code -Pbenchmarks}), never to a test.
 */
class BenchmarksSmokeTest {

    @Test
    void everyBenchmarkRunsOnEveryDatabase() throws RunnerException {
        Options options = new OptionsBuilder()
                .include(getClass().getPackageName() + ".*Benchmarks")
                .forks(0)
                .warmupIterations(0)
                .measurementIterations(1)
                .measurementTime(TimeValue.milliseconds(20))
                .param("rows", "50")
                .param("deepPage", "20")
                .shouldFailOnError(true)
                .build();

        Collection<RunResult> results = new Runner(options).run();

        // 3 single-row benchmarks × 7 contenders × 2 databases, 3 batch benchmarks × 2 sides × 2 databases,
        // 2 page benchmarks × 3 readers × 2 databases, 1 observed update × 4 observers × 2 databases,
        // 1 alternating update × 2 databases.
        assertEquals(3 * 7 * 2 + 3 * 2 * 2 + 2 * 3 * 2 + 4 * 2 + 2, results.size());
        for (RunResult result : results) {
            assertTrue(result.getPrimaryResult().getSampleCount() > 0, result.getParams().getBenchmark());
        }
    }

    @Test
    void everyReaderReadsTheSamePages() throws SQLException {
        for (Database database : Database.EVERY_BENCHMARK) {
            Map<PageBenchmarks.Reader, List<List<Long>>> pages = new EnumMap<>(PageBenchmarks.Reader.class);
            for (PageBenchmarks.Reader reader : PageBenchmarks.Reader.values()) {
                PageBenchmarks benchmark = new PageBenchmarks();
                benchmark.database = database;
                benchmark.contender = reader;
                benchmark.deepPage = 20;
                benchmark.open();
                try {
                    pages.put(reader, List.of(ids(benchmark.firstPage()), ids(benchmark.deepPage())));
                } finally {
                    benchmark.close();
                }
            }
            List<List<Long>> jdbc = pages.get(PageBenchmarks.Reader.JDBC);
            assertEquals(PageBenchmarks.PAGE, jdbc.get(0).size(), database.toString());
            assertEquals(PageBenchmarks.PAGE, jdbc.get(1).size(), database.toString());
            assertEquals(jdbc, pages.get(PageBenchmarks.Reader.REPOSITORY), database + ": the repository reads JDBC's rows");
            assertEquals(jdbc, pages.get(PageBenchmarks.Reader.HIBERNATE), database + ": Hibernate reads JDBC's rows");
        }
    }

    private static List<Long> ids(List<Item> items) {
        return items.stream().map(item -> item.id).toList();
    }

    @Test
    void oneUpdateIsOneStatementAndAConflictOneMore() {
        for (Database database : Database.EVERY_BENCHMARK) {
            Map<Contender, int[]> counts = StatementCounts.singleRow(database);
            assertArrayEquals(new int[] {1, 1, 2}, counts.get(Contender.OPTILOCK), database + ": update, find, conflict");
            assertArrayEquals(new int[] {1, 1, 2}, counts.get(Contender.JDBC_PER_CALL), database.toString());
            assertArrayEquals(new int[] {2, 1, 2}, counts.get(Contender.HIBERNATE_MERGE),
                    database + ": merge reads the row before it writes it");
        }
    }

    @Test
    void aBatchIsOneStatementOnEitherSide() {
        for (Database database : Database.EVERY_BENCHMARK) {
            Map<BatchSide, int[]> counts = StatementCounts.batches(database, 100);
            assertArrayEquals(new int[] {1, 1, 1}, counts.get(BatchSide.JDBC), database.toString());
            assertArrayEquals(new int[] {1, 1, 1}, counts.get(BatchSide.OPTILOCK), database.toString());
        }
    }

    @Test
    void everyContenderOfTheBatchMatrixWritesEveryRowOnEveryDatabase() throws SQLException {
        for (Database database : Database.values()) {
            // Each contender refuses to return unless every row was written (and, reading versions back,
            // read every one), so one round is the check.
            List<BatchMatrix.Cell> cells = BatchMatrix.measure(database, new int[] {5}, new int[] {10_001}, size -> 1);

            // Three texts of documents at 5 rows, the narrow one at 10,001 too, and ledger entries: every
            // operation; the triggered and the conditional documents: updateAll only.
            assertEquals(5 * BatchMatrix.Operation.values().length + 2, cells.size());
            for (BatchMatrix.Cell cell : cells) {
                assertEquals(contenders(database, cell), cell.times().keySet().size(), cell.toString());
            }
        }
    }

    /**
     * The JDBC batch twice (the second the noise's yardstick) and Optilock everywhere; for documents of up to 10,000 rows Spring Data JDBC and
     * Hibernate but on SQLite; for documents and entries the hand-written set-based statements on
     * PostgreSQL and H2, and on MariaDB for documents and for the triggered and conditional ones;
     * reWriteBatchedInserts on PostgreSQL's document inserts.
     */
    private static int contenders(Database database, BatchMatrix.Cell cell) {
        boolean documents = List.of("narrow", "text_250", "text_2k").contains(cell.rows());
        boolean postgresql = database == Database.POSTGRESQL || database == Database.POSTGRESQL_DEFAULTS;
        int frameworks = documents && cell.size() <= 10_000 && database != Database.SQLITE ? 2 : 0;
        int setBased = (postgresql || database == Database.H2) && (documents || cell.rows().equals("typed"))
                || database == Database.MARIADB && !cell.rows().equals("typed") ? 1 : 0;
        int rewrite = postgresql && documents && cell.operation() == BatchMatrix.Operation.INSERT_ALL ? 1 : 0;
        return 3 + frameworks + setBased + rewrite;
    }
}
