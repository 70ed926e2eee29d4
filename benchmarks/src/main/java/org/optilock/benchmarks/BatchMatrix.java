package org.optilock.benchmarks;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.BiConsumer;
import java.util.function.IntUnaryOperator;

/**
 * The batch matrix: {@code updateAll}, {@code deleteAll} and {@code insertAll} of documents whose
 * text is short, 250 characters or 2,000, in batches of 10 to 10,000 rows of a table of 20,000 more
 * rows, on every database and on
 * PostgreSQL both tuned and as it comes, against the hand-written JDBC batch and, where Optilock sends
 * set-based statements, the hand-written set-based statement: over arrays on PostgreSQL, joined to a
 * derived table on MariaDB (with a multi-row {@code VALUES} for inserts); Spring Data JDBC's
 * {@code saveAll} and {@code deleteAll} and Hibernate's {@code StatelessSession} batches where they
 * have a dialect; on PostgreSQL also the JDBC batch with {@code reWriteBatchedInserts}.
 *
 * <p>The contenders take turns within each round, in an order that moves by one each round, so a
 * server that drifts over seconds moves every side alike; each contender's time in a round is divided
 * by the JDBC batch's in the same round, and the table shows the median of those ratios with its
 * quartiles. Writes the section {@code batch-matrix} of docs/performance.md and a chart per database.
 *
 * <pre>mvn -Pbenchmarks -pl benchmarks -am -DskipTests verify</pre>
 *
 * <p>{@code -Doptilock.bench.matrix.sizes=10,100} and {@code -Doptilock.bench.matrix.databases=H2,SQLITE}
 * narrow it.
 */
public final class BatchMatrix {

    /** How long the text of a row is. */
    enum Shape {
        /** A 10-character body: the row is its numbers. */
        NARROW(10),
        /** A body of 250 characters, a description or a comment. */
        TEXT_250(250),
        /** A body of 2,000 characters, an article. */
        TEXT_2K(2_000);

        final int length;

        Shape(int length) {
            this.length = length;
        }
    }

    /** What a batch does. */
    enum Operation {
        UPDATE_ALL("updateAll", BatchContender::updateAll),
        DELETE_ALL("deleteAll", BatchContender::deleteAll),
        INSERT_ALL("insertAll", BatchContender::insertAll);

        final String method;
        final BiConsumer<BatchContender<Document>, List<Document>> run;

        Operation(String method, BiConsumer<BatchContender<Document>, List<Document>> run) {
            this.method = method;
            this.run = run;
        }
    }

    /**
     * Rows the table holds besides a batch's: a batch writes some rows of a table, not all of it, and
     * a table of only the batch's ten rows would be planned as no real table is.
     */
    static final int BACKGROUND_ROWS = 20_000;

    static final String JDBC = "JDBC batch";
    static final String OPTILOCK = "Optilock";
    static final String SET_BASED = "hand-written set-based";
    static final String REWRITE = "JDBC batch, reWriteBatchedInserts";
    static final String SPRING_DATA = "Spring Data JDBC";
    static final String HIBERNATE = "Hibernate StatelessSession";

    private BatchMatrix() {}

    public static void main(String[] args) throws IOException, SQLException {
        System.setProperty("java.awt.headless", "true");
        Path docs = Path.of(args.length > 0 ? args[0] : "docs");
        int[] sizes = Arrays.stream(System.getProperty("optilock.bench.matrix.sizes", "10,100,1000,10000").split(","))
                .mapToInt(Integer::parseInt).toArray();
        List<Database> databases = Arrays.stream(System.getProperty("optilock.bench.matrix.databases",
                "H2,SQLITE,MARIADB,POSTGRESQL,POSTGRESQL_DEFAULTS").split(",")).map(Database::valueOf).toList();

        StringBuilder section = new StringBuilder();
        section.append(String.format(Locale.ROOT, "Measured %s on %d cores, %s %s; time per call is the median of its"
                + " rounds (200 for 10 rows, 9 for 10,000; a fifth as many warm-up rounds first, and, before a database's first cell, 2,000 rounds of 10 rows and 20 of 1,000 of each operation), each ratio the median of the per-round ratios to the JDBC batch with"
                + " its quartiles.%n", LocalDate.now(), Runtime.getRuntime().availableProcessors(),
                System.getProperty("java.vm.name"), System.getProperty("java.version")));
        Path images = docs.resolve("images");
        Files.createDirectories(images);
        for (Database database : databases) {
            List<Cell> cells = measure(database, sizes, BatchMatrix::rounds);
            section.append(table(database, cells));
            PerformanceCharts.ratioBars(images.resolve("batch-matrix-" + database.name().toLowerCase(Locale.ROOT) + ".png"),
                    "Batches on " + database, "text and rows", "Optilock time / JDBC batch (below 1 is faster)",
                    optilockToJdbc(cells));
            section.append(String.format("%n![Optilock against the JDBC batch on %s](images/batch-matrix-%s.png)%n",
                    database, database.name().toLowerCase(Locale.ROOT)));
        }
        new GeneratedSection(docs.resolve("performance.md"), "batch-matrix").write(section.toString());
        System.exit(0); // the embedded servers' shutdown hooks stop them
    }

    /** Optilock's median ratio to the JDBC batch, by operation, then by text and rows: the chart's bars. */
    private static Map<String, Map<String, Double>> optilockToJdbc(List<Cell> cells) {
        Map<String, Map<String, Double>> ratios = new LinkedHashMap<>();
        for (Cell cell : cells) {
            ratios.computeIfAbsent(cell.operation().method, operation -> new LinkedHashMap<>())
                    .put(cell.shape().name().toLowerCase(Locale.ROOT) + " " + cell.size(), cell.medianRatio(OPTILOCK, JDBC));
        }
        return ratios;
    }

    /** Small batches are cheap and noisy: many rounds; large ones a few. */
    private static int rounds(int size) {
        return Math.max(9, Math.min(200, 20_000 / size));
    }

    /**
     * Every cell of one database: shapes by sizes by operations, each over the rounds {@code rounds}
     * gives its size, and a fifth as many warm-up rounds before them.
     */
    static List<Cell> measure(Database database, int[] sizes, IntUnaryOperator rounds) throws SQLException {
        List<Cell> cells = new ArrayList<>();
        try (HikariDataSource pool = database.pool(); HikariDataSource rewriting = rewriting(database, pool);
                SpringDataDocuments springData = database == Database.SQLITE ? null : new SpringDataDocuments(pool);
                HibernateStatelessDocuments hibernate = database == Database.SQLITE ? null : new HibernateStatelessDocuments(pool)) {
            Map<String, BatchContender<Document>> contenders = new LinkedHashMap<>();
            contenders.put(JDBC, new HandJdbcDocuments(pool));
            contenders.put(OPTILOCK, new OptilockBatches<>(new DocumentDao(pool)));
            if (springData != null) {
                contenders.put(SPRING_DATA, springData);
                contenders.put(HIBERNATE, hibernate);
            }
            if (rewriting != null) {
                contenders.put(SET_BASED, new HandArrayDocuments(pool));
                contenders.put(REWRITE, new HandJdbcDocuments(rewriting));
            }
            if (database == Database.MARIADB) {
                contenders.put(SET_BASED, new HandJoinedDocuments(pool));
            }
            for (Shape shape : Shape.values()) {
                createTable(pool);
                List<Document> background = documents(BACKGROUND_ROWS, shape);
                background.forEach(document -> document.id += 1_000_000);
                new HandJdbcDocuments(pool).insertAll(background);
                if (shape.ordinal() == 0) {
                    // Every contender compiled before the first cell, its work per batch as well as per row:
                    // else the first cells time the JIT compiling whichever side has more code, which no
                    // steady workload pays.
                    for (Operation operation : Operation.values()) {
                        measure(database, pool, contenders, shape, 10, operation, 10 * rounds.applyAsInt(10));
                        measure(database, pool, contenders, shape, 1_000, operation, rounds.applyAsInt(1_000));
                    }
                }
                for (int size : sizes) {
                    for (Operation operation : Operation.values()) {
                        Cell cell = measure(database, pool, contenders, shape, size, operation, rounds.applyAsInt(size));
                        System.out.println(cell);
                        cells.add(cell);
                    }
                }
            }
        }
        return cells;
    }

    /** On PostgreSQL, a pool whose driver rewrites a batch of inserts into multi-row inserts; else null. */
    private static HikariDataSource rewriting(Database database, HikariDataSource pool) {
        if (database != Database.POSTGRESQL && database != Database.POSTGRESQL_DEFAULTS) {
            return null;
        }
        HikariConfig config = new HikariConfig();
        config.setMaximumPoolSize(2);
        config.setJdbcUrl(pool.getJdbcUrl() + (pool.getJdbcUrl().contains("?") ? "&" : "?") + "reWriteBatchedInserts=true");
        return new HikariDataSource(config);
    }

    private static void createTable(HikariDataSource pool) throws SQLException {
        try (Connection connection = pool.getConnection(); Statement statement = connection.createStatement()) {
            statement.execute("DROP TABLE IF EXISTS bench_document");
            statement.execute("CREATE TABLE bench_document (id BIGINT PRIMARY KEY, title VARCHAR(200),"
                    + " body VARCHAR(4000), counter BIGINT NOT NULL, version BIGINT NOT NULL)");
        }
    }

    /** One cell: every contender that does {@code operation}, in turns, for {@code rounds} rounds. */
    private static Cell measure(Database database, HikariDataSource pool, Map<String, BatchContender<Document>> contenders,
            Shape shape, int size, Operation operation, int rounds) throws SQLException {
        List<String> names = contenders.keySet().stream()
                .filter(name -> !name.equals(REWRITE) || operation == Operation.INSERT_ALL).toList();
        int warmUp = Math.max(1, rounds / 5);
        Map<String, double[]> times = new LinkedHashMap<>();
        names.forEach(name -> times.put(name, new double[rounds]));
        List<Document> documents = documents(size, shape);
        reseed(pool, documents);
        analyze(database, pool);
        for (int round = -warmUp; round < rounds; round++) {
            for (int turn = 0; turn < names.size(); turn++) {
                String name = names.get(Math.floorMod(round + turn, names.size()));
                switch (operation) {
                    case UPDATE_ALL -> documents.forEach(document -> document.counter++);
                    case DELETE_ALL -> reseed(pool, documents);
                    case INSERT_ALL -> empty(pool, size);
                }
                long start = System.nanoTime();
                operation.run.accept(contenders.get(name), documents);
                double millis = (System.nanoTime() - start) / 1e6;
                if (round >= 0) {
                    times.get(name)[round] = millis;
                }
            }
        }
        return new Cell(database, shape, size, operation, times);
    }

    /** {@code size} documents with bodies of {@code shape}'s length: quotes, braces and commas included. */
    private static List<Document> documents(int size, Shape shape) {
        String text = "Lorem ipsum dolor sit amet, \"consectetur\" {adipiscing} elit; sed do eiusmod tempor. ";
        String body = text.repeat(shape.length / text.length() + 1).substring(0, shape.length);
        List<Document> documents = new ArrayList<>(size);
        for (long id = 1; id <= size; id++) {
            documents.add(new Document(id, "Document " + id, body));
        }
        return documents;
    }

    /** The batch's rows, {@code documents}, back in the table at version 1. */
    private static void reseed(HikariDataSource pool, List<Document> documents) throws SQLException {
        empty(pool, documents.size());
        new HandJdbcDocuments(pool).insertAll(documents);
    }

    /**
     * On PostgreSQL, the table's statistics as a live server keeps them, read once a cell: analyzing
     * before every round would make every statement plan anew, which a live server seldom does.
     */
    private static void analyze(Database database, HikariDataSource pool) throws SQLException {
        if (database == Database.POSTGRESQL || database == Database.POSTGRESQL_DEFAULTS) {
            try (Connection connection = pool.getConnection(); Statement statement = connection.createStatement()) {
                statement.execute("ANALYZE bench_document");
            }
        }
    }

    /** The table without the rows of a batch of {@code size}, keys 1 to {@code size}; the background stays. */
    private static void empty(HikariDataSource pool, int size) throws SQLException {
        try (Connection connection = pool.getConnection(); Statement statement = connection.createStatement()) {
            statement.execute("DELETE FROM bench_document WHERE id <= " + size);
        }
    }

    /** The section's table of one database. */
    private static String table(Database database, List<Cell> cells) {
        boolean setBased = cells.get(0).times().containsKey(SET_BASED);
        boolean rewrite = cells.stream().anyMatch(cell -> cell.times().containsKey(REWRITE));
        boolean springData = cells.get(0).times().containsKey(SPRING_DATA);
        String kind = database == Database.MARIADB ? "joined" : "over arrays";
        StringBuilder table = new StringBuilder(String.format("%n#### %s%n%n", database));
        table.append("| text | rows | batch | JDBC batch, ms | Optilock, ms | Optilock ÷ JDBC batch (quartiles)");
        table.append(setBased ? " | " + kind + ", ms | Optilock ÷ " + kind + " (quartiles)" : "");
        table.append(springData ? " | Spring Data JDBC ÷ JDBC batch | Hibernate stateless ÷ JDBC batch" : "");
        table.append(rewrite ? " | reWriteBatchedInserts ÷ JDBC |\n" : " |\n");
        table.append("|---|---:|---|---:|---:|---|").append(setBased ? "---:|---|" : "").append(springData ? "---|---|" : "")
                .append(rewrite ? "---|\n" : "\n");
        for (Cell cell : cells) {
            table.append(String.format(Locale.ROOT, "| %s | %,d | %s | %.2f | %.2f | %s", cell.shape().name().toLowerCase(Locale.ROOT),
                    cell.size(), cell.operation().method, cell.median(JDBC), cell.median(OPTILOCK), cell.ratio(OPTILOCK, JDBC)));
            if (setBased) {
                table.append(String.format(Locale.ROOT, " | %.2f | %s", cell.median(SET_BASED), cell.ratio(OPTILOCK, SET_BASED)));
            }
            if (springData) {
                table.append(" | ").append(cell.ratio(SPRING_DATA, JDBC)).append(" | ").append(cell.ratio(HIBERNATE, JDBC));
            }
            if (rewrite) {
                table.append(" | ").append(cell.times().containsKey(REWRITE) ? cell.ratio(REWRITE, JDBC) : "");
            }
            table.append(" |\n");
        }
        return table.toString();
    }

    /**
     * One measured cell: each contender's time per round, in milliseconds.
     *
     * @param times by contender, a time per round; round {@code r} of every contender ran in the same turn
     */
    record Cell(Database database, Shape shape, int size, Operation operation, Map<String, double[]> times) {

        /** The median time of {@code contender}. */
        double median(String contender) {
            return quantile(times.get(contender).clone(), 0.5);
        }

        /** The per-round ratios of {@code contender} to {@code baseline}: the median, and the quartiles in brackets. */
        String ratio(String contender, String baseline) {
            double[] ratios = ratios(contender, baseline);
            return String.format(Locale.ROOT, "%.2f (%.2f–%.2f)", quantile(ratios, 0.5), quantile(ratios, 0.25),
                    quantile(ratios, 0.75));
        }

        /** The median of the per-round ratios of {@code contender} to {@code baseline}. */
        double medianRatio(String contender, String baseline) {
            return quantile(ratios(contender, baseline), 0.5);
        }

        private double[] ratios(String contender, String baseline) {
            double[] of = times.get(contender);
            double[] to = times.get(baseline);
            double[] ratios = new double[of.length];
            for (int round = 0; round < of.length; round++) {
                ratios[round] = of[round] / to[round];
            }
            return ratios;
        }

        private static double quantile(double[] values, double q) {
            Arrays.sort(values);
            double position = q * (values.length - 1);
            int below = (int) Math.floor(position);
            int above = Math.min(values.length - 1, below + 1);
            return values[below] + (values[above] - values[below]) * (position - below);
        }

        @Override
        public String toString() {
            StringBuilder line = new StringBuilder(String.format(Locale.ROOT, "%s %s %d %s:", database, shape, size,
                    operation.method));
            for (String contender : times.keySet()) {
                line.append(String.format(Locale.ROOT, " %s %.2f ms", contender, median(contender)));
                if (!contender.equals(JDBC)) {
                    line.append(String.format(Locale.ROOT, " (%s)", ratio(contender, JDBC)));
                }
                line.append(';');
            }
            return line.toString();
        }
    }
}
