package org.optilock.benchmarks;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;
import java.util.function.IntUnaryOperator;
import java.util.function.LongFunction;
import java.util.function.Predicate;
import org.optilock.runtime.Triggers;

/**
 * The batch matrix: {@code updateAll}, {@code deleteAll} and {@code insertAll} of documents whose
 * text is short, 250 characters or 2,000, in batches of 10 to 10,000 rows (100,000 for the short one)
 * of a table of 20,000 more rows; of ledger entries (a timestamp, a decimal, a note missing on every
 * other row); and {@code updateAll} of documents whose version a trigger moves or that moves only when
 * the title or body changes. On every database and on PostgreSQL both tuned and as it comes, against
 * the hand-written JDBC batch and, where Optilock sends set-based statements, the hand-written
 * set-based statement: over arrays on PostgreSQL, joined to a derived table on MariaDB (with a
 * multi-row {@code VALUES} for inserts); Spring Data JDBC's {@code saveAll} and {@code deleteAll} and
 * Hibernate's {@code StatelessSession} batches where they have a dialect; on PostgreSQL also the JDBC
 * batch with {@code reWriteBatchedInserts}.
 *
 * <p>The contenders take turns within each round, in an order that moves by one each round, so a
 * server that drifts over seconds moves every side alike; each contender's time in a round is divided
 * by the JDBC batch's in the same round, and the table shows the median of those ratios with its
 * quartiles. Writes the section {@code batch-matrix} of docs/performance.md and a chart per database.
 *
 * <pre>mvn -Pbenchmarks -pl benchmarks -am -DskipTests verify</pre>
 *
 * <p>{@code -Doptilock.bench.matrix.sizes=10,100}, {@code -Doptilock.bench.matrix.large=} (none),
 * {@code -Doptilock.bench.matrix.databases=H2,SQLITE} and {@code -Doptilock.bench.matrix.rows=trigger,conditional}
 * (the rows' labels as the tables name them) narrow it; a narrowed run is for a look at one change,
 * and writes its own smaller section.
 */
public final class BatchMatrix {

    /** How long the text of a document is. */
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

        /** The body of every document of this shape: quotes, braces and commas included. */
        String body() {
            String text = "Lorem ipsum dolor sit amet, \"consectetur\" {adipiscing} elit; sed do eiusmod tempor. ";
            return text.repeat(length / text.length() + 1).substring(0, length);
        }
    }

    /** What a batch does. */
    enum Operation {
        UPDATE_ALL("updateAll"),
        DELETE_ALL("deleteAll"),
        INSERT_ALL("insertAll");

        final String method;

        Operation(String method) {
            this.method = method;
        }

        <E> void run(BatchContender<E> contender, List<E> rows) {
            switch (this) {
                case UPDATE_ALL -> contender.updateAll(rows);
                case DELETE_ALL -> contender.deleteAll(rows);
                case INSERT_ALL -> contender.insertAll(rows);
            }
        }
    }

    /**
     * One part of the matrix on one database: a table, the row of each key, how an update changes a
     * row, the batches measured, the contenders that write it, and the one that seeds it (untimed).
     *
     * @param label the rows' name in the table: the text's length, or what kind of row it is
     * @param table the table's name
     * @param columns the table's columns, as {@code CREATE TABLE} lists them
     */
    record Workload<E>(String label, String table, String columns, LongFunction<E> row, Consumer<E> change,
            List<Operation> operations, Map<String, BatchContender<E>> contenders, BatchContender<E> seeder) {

        /** The rows of a batch of {@code size}, keys 1 to {@code size}. */
        List<E> rows(int size) {
            List<E> rows = new ArrayList<>(size);
            for (long id = 1; id <= size; id++) {
                rows.add(row.apply(id));
            }
            return rows;
        }
    }

    /**
     * Rows the table holds besides a batch's: a batch writes some rows of a table, not all of it, and
     * a table of only the batch's ten rows would be planned as no real table is.
     */
    static final int BACKGROUND_ROWS = 20_000;

    /** Where the background rows' keys start: above every batch's. */
    private static final long BACKGROUND_KEYS = 1_000_000;

    static final String JDBC = "JDBC batch";
    /**
     * The JDBC batch again, the same code as {@link #JDBC} taking a turn of its own: its ratio to the
     * JDBC batch is what the cell's noise alone does to a ratio, the yardstick for every other.
     */
    static final String JDBC_AGAIN = "JDBC batch again";
    static final String OPTILOCK = "Optilock";
    static final String SET_BASED = "hand-written set-based";
    static final String REWRITE = "JDBC batch, reWriteBatchedInserts";
    static final String SPRING_DATA = "Spring Data JDBC";
    static final String HIBERNATE = "Hibernate StatelessSession";

    /**
     * Above this many rows the matrix leaves out Spring Data JDBC and Hibernate, which take five times
     * the JDBC batch's time and more: their figures at 10,000 rows already say where they stand.
     */
    private static final int FRAMEWORKS_UP_TO = 10_000;

    /**
     * How many warm-ups of ten times a 10-row cell's rounds each operation runs before a table's first
     * cell (20,000 rounds in the full run), fewer if {@link #WARM_UP_LIMIT} passes first.
     */
    private static final int WARM_UP_PARTS = 10;

    /** The longest the warm-up of one operation's 10-row batches runs. */
    private static final Duration WARM_UP_LIMIT = Duration.ofSeconds(20);

    /**
     * The least time a cell's own warm-up runs, its contenders taking turns as in its rounds. A fifth
     * of a 10-row cell's rounds takes a few milliseconds: where such a cell followed batches of a
     * thousand rows, it timed the JIT compiling the code anew for ten, which a steady workload pays
     * once. H2's first 10-row {@code updateAll}, three runs each: 1.22 to 1.39 times the JDBC batch
     * after the table's warm-up, whose last batches had 1,000 rows; 0.94 to 0.97 with its batches of
     * 10 last; 1.02 to 1.04 with a cell's warm-up of one second, 0.95 to 0.99 with three.
     */
    private static final Duration CELL_WARM_UP = Duration.ofSeconds(3);

    private BatchMatrix() {}

    public static void main(String[] args) throws IOException, SQLException {
        System.setProperty("java.awt.headless", "true");
        Path docs = Path.of(args.length > 0 ? args[0] : "docs");
        int[] sizes = sizes(System.getProperty("optilock.bench.matrix.sizes", "10,100,1000,10000"));
        int[] large = sizes(System.getProperty("optilock.bench.matrix.large", "100000"));
        List<Database> databases = Arrays.stream(System.getProperty("optilock.bench.matrix.databases",
                "H2,SQLITE,MARIADB,POSTGRESQL,POSTGRESQL_DEFAULTS").split(",")).map(Database::valueOf).toList();
        String rowList = System.getProperty("optilock.bench.matrix.rows", "");
        Predicate<String> rows = rowList.isBlank() ? label -> true : Set.of(rowList.split(","))::contains;

        StringBuilder section = new StringBuilder();
        section.append(String.format(Locale.ROOT, "Measured %s on %d cores, %s %s; time per call is the median of its"
                + " rounds (200 for 10 rows, 9 for 10,000 and 100,000; first a fifth as many warm-up rounds, or as many"
                + " as " + CELL_WARM_UP.toSeconds() + " seconds take, and,"
                + " before a table's first cell, 20,000 rounds of 10 rows (or as many as 20 seconds take) and 20 of 1,000 of each"
                + " operation), each"
                + " ratio the median of the per-round ratios to the JDBC batch with its quartiles. Spring Data JDBC"
                + " and Hibernate are left out above 10,000 rows.%n", LocalDate.now(),
                Runtime.getRuntime().availableProcessors(), System.getProperty("java.vm.name"),
                System.getProperty("java.version")));
        Path images = docs.resolve("images");
        Files.createDirectories(images);
        for (Database database : databases) {
            List<Cell> cells = measure(database, sizes, large, BatchMatrix::rounds, CELL_WARM_UP, rows);
            section.append(table(database, cells));
            PerformanceCharts.ratioBars(images.resolve("batch-matrix-" + database.name().toLowerCase(Locale.ROOT) + ".png"),
                    "Batches on " + database, "rows and batch size", "Optilock time / JDBC batch (below 1 is faster)",
                    optilockToJdbc(cells));
            section.append(String.format("%n![Optilock against the JDBC batch on %s](images/batch-matrix-%s.png)%n",
                    database, database.name().toLowerCase(Locale.ROOT)));
        }
        new GeneratedSection(docs.resolve("performance.md"), "batch-matrix").write(section.toString());
        System.exit(0); // the embedded servers' shutdown hooks stop them
    }

    private static int[] sizes(String list) {
        return list.isBlank() ? new int[0] : Arrays.stream(list.split(",")).mapToInt(Integer::parseInt).toArray();
    }

    /** Optilock's median ratio to the JDBC batch, by operation, then by rows and size: the chart's bars. */
    private static Map<String, Map<String, Double>> optilockToJdbc(List<Cell> cells) {
        Map<String, Map<String, Double>> ratios = new LinkedHashMap<>();
        for (Cell cell : cells) {
            ratios.computeIfAbsent(cell.operation().method, operation -> new LinkedHashMap<>())
                    .put(cell.rows() + " " + cell.size(), cell.medianRatio(OPTILOCK, JDBC));
        }
        return ratios;
    }

    /** Small batches are cheap and noisy: many rounds; large ones a few. */
    private static int rounds(int size) {
        return Math.max(9, Math.min(200, 20_000 / size));
    }

    /**
     * Every cell of one database: each workload by sizes by operations, each over the rounds {@code
     * rounds} gives its size, and a fifth as many warm-up rounds before them; the narrow documents
     * also in batches of {@code large}.
     */
    static List<Cell> measure(Database database, int[] sizes, int[] large, IntUnaryOperator rounds) throws SQLException {
        return measure(database, sizes, large, rounds, Duration.ZERO, label -> true);
    }

    /**
     * {@link #measure(Database, int[], int[], IntUnaryOperator)} of only the rows whose labels {@code rows}
     * accepts, each cell warming up for at least {@code cellWarmUp} ({@link #CELL_WARM_UP} in a run whose
     * figures count).
     */
    static List<Cell> measure(Database database, int[] sizes, int[] large, IntUnaryOperator rounds, Duration cellWarmUp,
            Predicate<String> rows)
            throws SQLException {
        List<Cell> cells = new ArrayList<>();
        try (HikariDataSource pool = database.pool(); HikariDataSource rewriting = rewriting(database, pool);
                SpringDataDocuments springData = database == Database.SQLITE ? null : new SpringDataDocuments(pool);
                HibernateStatelessDocuments hibernate = database == Database.SQLITE ? null : new HibernateStatelessDocuments(pool)) {
            Map<String, BatchContender<Document>> contenders = new LinkedHashMap<>();
            contenders.put(JDBC, new HandJdbcDocuments(pool));
            contenders.put(JDBC_AGAIN, new HandJdbcDocuments(pool));
            contenders.put(OPTILOCK, new OptilockBatches<>(new DocumentDao(pool)));
            if (springData != null) {
                contenders.put(SPRING_DATA, springData);
                contenders.put(HIBERNATE, hibernate);
            }
            if (rewriting != null) {
                contenders.put(SET_BASED, HandArrayRows.documents(pool));
                contenders.put(REWRITE, new HandJdbcDocuments(rewriting));
            }
            if (database == Database.MARIADB) {
                contenders.put(SET_BASED, new HandJoinedDocuments(pool));
            }
            if (database == Database.H2) {
                contenders.put(SET_BASED, HandMergedRows.documents(pool));
            }
            for (Shape shape : Shape.values()) {
                if (!rows.test(shape.name().toLowerCase(Locale.ROOT))) {
                    continue;
                }
                String body = shape.body();
                Workload<Document> documents = new Workload<>(shape.name().toLowerCase(Locale.ROOT), "bench_document",
                        "id BIGINT PRIMARY KEY, title VARCHAR(200), body VARCHAR(4000), counter BIGINT NOT NULL,"
                                + " version BIGINT NOT NULL",
                        id -> new Document(id, "Document " + id, body), document -> document.counter++,
                        List.of(Operation.values()), contenders, new HandJdbcDocuments(pool));
                cells.addAll(measure(database, pool, documents, shape == Shape.NARROW, rounds, cellWarmUp,
                        shape == Shape.NARROW ? concat(sizes, large) : sizes));
            }
            for (Workload<?> workload : kinds(database, pool, rewriting != null)) {
                if (!rows.test(workload.label())) {
                    continue;
                }
                cells.addAll(measure(database, pool, workload, true, rounds, cellWarmUp, sizes));
            }
        }
        return cells;
    }

    private static int[] concat(int[] first, int[] second) {
        int[] both = Arrays.copyOf(first, first.length + second.length);
        System.arraycopy(second, 0, both, first.length, second.length);
        return both;
    }

    /**
     * The rows besides documents: ledger entries, with timestamps, decimals and missing values; and
     * documents whose version the database decides, by a trigger or by what the update changes, of
     * which only {@code updateAll} differs from a counter's.
     */
    private static List<Workload<?>> kinds(Database database, HikariDataSource pool, boolean overArrays) {
        String body = Shape.NARROW.body();
        LocalDateTime start = LocalDateTime.of(2026, 1, 1, 8, 0);
        Map<String, BatchContender<Entry>> entries = new LinkedHashMap<>();
        entries.put(JDBC, new HandJdbcEntries(pool));
        entries.put(JDBC_AGAIN, new HandJdbcEntries(pool));
        entries.put(OPTILOCK, new OptilockBatches<>(new EntryDao(pool)));
        if (overArrays) {
            entries.put(SET_BASED, HandArrayRows.entries(pool));
        }
        if (database == Database.H2) {
            entries.put(SET_BASED, HandMergedRows.entries(pool));
        }
        Map<String, BatchContender<TriggeredDocument>> triggered = new LinkedHashMap<>();
        triggered.put(JDBC, HandReadBackUpdates.triggered(pool));
        triggered.put(JDBC_AGAIN, HandReadBackUpdates.triggered(pool));
        triggered.put(OPTILOCK, new OptilockBatches<>(new TriggeredDocumentDao(pool)));
        Map<String, BatchContender<ConditionalDocument>> conditional = new LinkedHashMap<>();
        conditional.put(JDBC, HandReadBackUpdates.conditional(pool, database));
        conditional.put(JDBC_AGAIN, HandReadBackUpdates.conditional(pool, database));
        conditional.put(OPTILOCK, new OptilockBatches<>(new ConditionalDocumentDao(pool)));
        if (database == Database.MARIADB) {
            triggered.put(SET_BASED, HandJoinedReadBack.triggered(pool));
            conditional.put(SET_BASED, HandJoinedReadBack.conditional(pool));
        }
        String timestamp = database == Database.MARIADB ? "DATETIME(6)" : "TIMESTAMP";
        String documentColumns = "id BIGINT PRIMARY KEY, title VARCHAR(200), body VARCHAR(4000), counter BIGINT NOT NULL,"
                + " version BIGINT NOT NULL";
        return List.of(
                new Workload<>("typed", "bench_entry", "id BIGINT PRIMARY KEY, booked_at " + timestamp
                        + " NOT NULL, amount DECIMAL(19, 4) NOT NULL, note VARCHAR(200), counter BIGINT NOT NULL,"
                        + " version BIGINT NOT NULL",
                        id -> new Entry(id, start.plusSeconds(id * 61).plusNanos(id % 1_000 * 1_000),
                                BigDecimal.valueOf(id * 1_234_567, 4), id % 2 == 0 ? "Note " + id + " {\"paid\", late}" : null),
                        entry -> entry.counter++, List.of(Operation.values()), entries, new HandJdbcEntries(pool)),
                new Workload<>("trigger", "bench_triggered", documentColumns,
                        id -> new TriggeredDocument(id, "Document " + id, body), document -> document.counter++,
                        List.of(Operation.UPDATE_ALL), triggered, new OptilockBatches<>(new TriggeredDocumentDao(pool))),
                // Half the rows change their title each round, so half the versions move.
                new Workload<>("conditional", "bench_conditional", documentColumns,
                        id -> new ConditionalDocument(id, "Document " + id, body), document -> {
                            document.counter++;
                            if (document.id % 2 == 0) {
                                document.title = "Document " + document.id + ", edit " + document.counter;
                            }
                        }, List.of(Operation.UPDATE_ALL), conditional,
                        new OptilockBatches<>(new ConditionalDocumentDao(pool))));
    }

    /**
     * The cells of {@code workload}: its table made anew with the background rows, then, after a
     * warm-up when {@code warmUp}, each size by each operation.
     */
    private static <E> List<Cell> measure(Database database, HikariDataSource pool, Workload<E> workload, boolean warmUp,
            IntUnaryOperator rounds, Duration cellWarmUp, int[] sizes) throws SQLException {
        createTable(database, pool, workload);
        List<E> background = new ArrayList<>(BACKGROUND_ROWS);
        for (long id = 1; id <= BACKGROUND_ROWS; id++) {
            background.add(workload.row().apply(BACKGROUND_KEYS + id));
        }
        workload.seeder().insertAll(background);
        if (warmUp) {
            // Every contender compiled before the first cell, its work per batch as well as per row:
            // else the first cells time the JIT compiling whichever side has more code, which no
            // steady workload pays.
            // 2,000 rounds of 10 rows left H2's first cells 1.1 to 1.3 times the JDBC batch, and
            // 20,000 took them to 1.06 to 1.10: the first cells were timing the JIT. On a server a
            // 10-row batch takes ten times as long, so the time limit keeps its warm-up in bounds.
            for (Operation operation : workload.operations()) {
                long deadline = System.nanoTime() + WARM_UP_LIMIT.toNanos();
                for (int part = 0; part < WARM_UP_PARTS && System.nanoTime() < deadline; part++) {
                    measure(database, pool, workload, 10, operation, 10 * rounds.applyAsInt(10), Duration.ZERO);
                }
                measure(database, pool, workload, 1_000, operation, rounds.applyAsInt(1_000), Duration.ZERO);
            }
        }
        List<Cell> cells = new ArrayList<>();
        for (int size : sizes) {
            for (Operation operation : workload.operations()) {
                Cell cell = measure(database, pool, workload, size, operation, rounds.applyAsInt(size), cellWarmUp);
                System.out.println(cell);
                cells.add(cell);
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

    /** {@code workload}'s table, empty, with its version trigger where it has one. */
    private static void createTable(Database database, HikariDataSource pool, Workload<?> workload) throws SQLException {
        try (Connection connection = pool.getConnection(); Statement statement = connection.createStatement()) {
            statement.execute("DROP TABLE IF EXISTS " + workload.table());
            statement.execute("CREATE TABLE " + workload.table() + " (" + workload.columns() + ")");
        }
        if (workload.table().equals("bench_triggered")) {
            Triggers.create(pool, TriggeredDocument.class);
        }
    }

    /**
     * One cell: every contender that does {@code operation}, in turns, for {@code rounds} rounds, after
     * a fifth as many rounds of warm-up, or as many as {@code warmUpTime} takes.
     */
    private static <E> Cell measure(Database database, HikariDataSource pool, Workload<E> workload, int size,
            Operation operation, int rounds, Duration warmUpTime) throws SQLException {
        List<String> names = workload.contenders().keySet().stream()
                .filter(name -> !name.equals(REWRITE) || operation == Operation.INSERT_ALL)
                .filter(name -> size <= FRAMEWORKS_UP_TO || !(name.equals(SPRING_DATA) || name.equals(HIBERNATE)))
                .toList();
        int warmUp = Math.max(1, rounds / 5);
        Map<String, double[]> times = new LinkedHashMap<>();
        names.forEach(name -> times.put(name, new double[rounds]));
        List<E> rows = workload.rows(size);
        reseed(pool, workload, rows);
        analyze(database, pool, workload.table());
        long warmUpEnds = System.nanoTime() + warmUpTime.toNanos();
        for (int round = 0; round < warmUp || System.nanoTime() < warmUpEnds; round++) {
            for (int turn = 0; turn < names.size(); turn++) {
                run(pool, workload, size, operation, names.get(Math.floorMod(round + turn, names.size())), rows);
            }
        }
        for (int round = 0; round < rounds; round++) {
            for (int turn = 0; turn < names.size(); turn++) {
                String name = names.get(Math.floorMod(round + turn, names.size()));
                times.get(name)[round] = run(pool, workload, size, operation, name, rows);
            }
        }
        return new Cell(database, workload.label(), size, operation, times);
    }

    /** One turn of contender {@code name}: the rows made ready for {@code operation}, then timed; its time in ms. */
    private static <E> double run(HikariDataSource pool, Workload<E> workload, int size, Operation operation, String name,
            List<E> rows) throws SQLException {
        switch (operation) {
            case UPDATE_ALL -> rows.forEach(workload.change());
            case DELETE_ALL -> reseed(pool, workload, rows);
            case INSERT_ALL -> empty(pool, workload.table(), size);
        }
        long start = System.nanoTime();
        operation.run(workload.contenders().get(name), rows);
        return (System.nanoTime() - start) / 1e6;
    }

    /** The batch's rows back in the table at their first version. */
    private static <E> void reseed(HikariDataSource pool, Workload<E> workload, List<E> rows) throws SQLException {
        empty(pool, workload.table(), rows.size());
        workload.seeder().insertAll(rows);
    }

    /**
     * On PostgreSQL, the table's statistics as a live server keeps them, read once a cell: analyzing
     * before every round would make every statement plan anew, which a live server seldom does.
     */
    private static void analyze(Database database, HikariDataSource pool, String table) throws SQLException {
        if (database == Database.POSTGRESQL || database == Database.POSTGRESQL_DEFAULTS) {
            try (Connection connection = pool.getConnection(); Statement statement = connection.createStatement()) {
                statement.execute("ANALYZE " + table);
            }
        }
    }

    /** The table without the rows of a batch of {@code size}, keys 1 to {@code size}; the background stays. */
    private static void empty(HikariDataSource pool, String table, int size) throws SQLException {
        try (Connection connection = pool.getConnection(); Statement statement = connection.createStatement()) {
            statement.execute("DELETE FROM " + table + " WHERE id <= " + size);
        }
    }

    /** The section's table of one database; a contender a cell left out has an empty field. */
    private static String table(Database database, List<Cell> cells) {
        boolean setBased = cells.stream().anyMatch(cell -> cell.times().containsKey(SET_BASED));
        boolean rewrite = cells.stream().anyMatch(cell -> cell.times().containsKey(REWRITE));
        boolean springData = cells.stream().anyMatch(cell -> cell.times().containsKey(SPRING_DATA));
        String kind = switch (database) {
            case MARIADB -> "joined";
            case H2 -> "merged";
            default -> "over arrays";
        };
        StringBuilder table = new StringBuilder(String.format("%n#### %s%n%n", database));
        table.append("| text | rows | batch | JDBC batch, ms | Optilock, ms | Optilock ÷ JDBC batch (quartiles)"
                + " | JDBC batch again ÷ JDBC batch");
        table.append(setBased ? " | " + kind + ", ms | Optilock ÷ " + kind + " (quartiles)" : "");
        table.append(springData ? " | Spring Data JDBC ÷ JDBC batch | Hibernate stateless ÷ JDBC batch" : "");
        table.append(rewrite ? " | reWriteBatchedInserts ÷ JDBC |\n" : " |\n");
        table.append("|---|---:|---|---:|---:|---|---|").append(setBased ? "---:|---|" : "").append(springData ? "---|---|" : "")
                .append(rewrite ? "---|\n" : "\n");
        for (Cell cell : cells) {
            table.append(String.format(Locale.ROOT, "| %s | %,d | %s | %.2f | %.2f | %s", cell.rows(), cell.size(),
                    cell.operation().method, cell.median(JDBC), cell.median(OPTILOCK), cell.ratio(OPTILOCK, JDBC)));
            table.append(" | ").append(cell.ratioIfMeasured(JDBC_AGAIN));
            if (setBased) {
                table.append(cell.times().containsKey(SET_BASED) ? String.format(Locale.ROOT, " | %.2f | %s",
                        cell.median(SET_BASED), cell.ratio(OPTILOCK, SET_BASED)) : " | | ");
            }
            if (springData) {
                table.append(" | ").append(cell.ratioIfMeasured(SPRING_DATA)).append(" | ").append(cell.ratioIfMeasured(HIBERNATE));
            }
            if (rewrite) {
                table.append(" | ").append(cell.ratioIfMeasured(REWRITE));
            }
            table.append(" |\n");
        }
        return table.append(noise(cells, setBased ? kind : null)).toString();
    }

    /**
     * What the table says once its noise is counted: how many cells are slower than the JDBC batch in
     * three rounds of four, for Optilock and for the JDBC batch against itself, and how many of
     * Optilock's lie above even the noisiest quarter of the same code's; and, where {@code kind} names a
     * set-based statement written by hand, how many are over 1.10 times it.
     */
    static String noise(List<Cell> cells, String kind) {
        List<Cell> controlled = cells.stream().filter(cell -> cell.times().containsKey(JDBC_AGAIN)).toList();
        StringBuilder text = new StringBuilder();
        if (!controlled.isEmpty()) {
            long optilock = controlled.stream().filter(cell -> cell.ratioQuantile(OPTILOCK, JDBC, 0.25) > 1).count();
            long again = controlled.stream().filter(cell -> cell.ratioQuantile(JDBC_AGAIN, JDBC, 0.25) > 1).count();
            long beyond = controlled.stream().filter(cell -> cell.ratioQuantile(OPTILOCK, JDBC, 0.25)
                    > Math.max(1, cell.ratioQuantile(JDBC_AGAIN, JDBC, 0.75))).count();
            text.append(String.format(Locale.ROOT, "%nCells whose lower quartile is above 1 (slower than the JDBC batch"
                    + " in three rounds of four): Optilock %d of %d, the JDBC batch again, the same code, %d of %d."
                    + " Optilock's lower quartile above the JDBC batch again's upper quartile as well: %d of %d.%n",
                    optilock, controlled.size(), again, controlled.size(), beyond, controlled.size()));
        }
        List<Cell> setBased = cells.stream().filter(cell -> cell.times().containsKey(SET_BASED)).toList();
        if (kind != null && !setBased.isEmpty()) {
            long median = setBased.stream().filter(cell -> cell.ratioQuantile(OPTILOCK, SET_BASED, 0.5) > 1.10).count();
            long lower = setBased.stream().filter(cell -> cell.ratioQuantile(OPTILOCK, SET_BASED, 0.25) > 1.10).count();
            text.append(String.format(Locale.ROOT, "%nCells over 1.10 times the statement written by hand (%s):"
                    + " by the median %d of %d, by the lower quartile %d of %d.%n", kind, median, setBased.size(),
                    lower, setBased.size()));
        }
        return text.toString();
    }

    /**
     * One measured cell: each contender's time per round, in milliseconds.
     *
     * @param times by contender, a time per round; round {@code r} of every contender ran in the same turn
     */
    record Cell(Database database, String rows, int size, Operation operation, Map<String, double[]> times) {

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

        /** {@code contender}'s ratio to the JDBC batch, as {@link #ratio}; empty where it did not run. */
        String ratioIfMeasured(String contender) {
            return times.containsKey(contender) ? ratio(contender, JDBC) : "";
        }

        /** The median of the per-round ratios of {@code contender} to {@code baseline}. */
        double medianRatio(String contender, String baseline) {
            return ratioQuantile(contender, baseline, 0.5);
        }

        /** The quantile {@code q} of the per-round ratios of {@code contender} to {@code baseline}. */
        double ratioQuantile(String contender, String baseline, double q) {
            return quantile(ratios(contender, baseline), q);
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
            StringBuilder line = new StringBuilder(String.format(Locale.ROOT, "%s %s %d %s:", database, rows, size,
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
