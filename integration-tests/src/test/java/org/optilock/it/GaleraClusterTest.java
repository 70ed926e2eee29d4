package org.optilock.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.optilock.it.support.GaleraCluster;
import org.optilock.it.support.IncrementHistory;
import org.optilock.it.support.IncrementHistory.Result;
import org.optilock.it.support.RecordingObserver;
import org.optilock.it.support.TestDatabase;
import org.optilock.runtime.BatchConflictException;
import org.optilock.runtime.BatchPolicy;
import org.optilock.runtime.BatchResult;
import org.optilock.runtime.Concurrency;
import org.optilock.runtime.ConcurrentWriteException;
import org.optilock.runtime.DataAccessException;
import org.optilock.runtime.OptilockSettings;
import org.optilock.runtime.RecordModifiedException;
import org.optilock.runtime.Retry;
import org.optilock.runtime.WriteObserver.Outcome;

/**
 * Writers on every node of a real three-node MariaDB Galera cluster: the conditional UPDATE is the
 * whole protocol, with no lock anywhere, and nothing is lost, whoever commits, and when a node dies.
 */
class GaleraClusterTest {

    private static final int WRITERS = 6;
    private static final int INCREMENTS = 50;
    /** Increments per writer in the run a node dies in: long enough to be killed in the middle of. */
    private static final int KILL_RUN_INCREMENTS = 200;
    private static final AtomicInteger DATABASES = new AtomicInteger();
    private static final List<String> PARTITION_ROWS = List.of("r0", "r1", "r2", "r3");
    /** Acknowledged increments that show the writers are going on, after the start and after each disruption. */
    private static final int PROGRESS = 100;
    private static final Duration RECOVERY = Duration.ofMinutes(2);

    private static GaleraCluster cluster;

    private final List<HikariDataSource> pools = new ArrayList<>();
    private TestDatabase database;
    private String name;

    @BeforeAll
    static void startCluster() {
        String missing = GaleraCluster.missing();
        assumeTrue(missing.isEmpty(), "No MariaDB Galera cluster on this machine: " + missing + " missing. Install Debian's"
                + " mariadb-server, galera-4, mariadb-backup and socat (.ci/run does) to run these tests.");
        cluster = GaleraCluster.shared();
    }

    private void createDatabase() {
        name = "galera" + DATABASES.incrementAndGet();
        database = cluster.createDatabase(name);
    }

    @AfterEach
    void dropDatabase() {
        pools.forEach(HikariDataSource::close);
        if (database != null) {
            database.close();
        }
    }

    /**
     * A pool on {@code node}. Out of auto-commit the DAO commits, and a certification failure comes at
     * that commit; {@code syncWait} makes every statement wait until the node has applied every write
     * the cluster committed before it ({@code wsrep_sync_wait = 7}).
     */
    private HikariDataSource pool(int node, boolean autoCommit, boolean syncWait) {
        HikariConfig config = new HikariConfig();
        config.setDataSource(cluster.dataSource(node, name));
        config.setAutoCommit(autoCommit);
        config.setMaximumPoolSize(3);
        config.setConnectionTimeout(3_000); // a dead node fails fast, and its writers move on
        config.setPoolName(name + "-node" + node);
        if (syncWait) {
            config.setConnectionInitSql("SET SESSION wsrep_sync_wait = 7");
        }
        HikariDataSource pool = new HikariDataSource(config);
        pools.add(pool);
        return pool;
    }

    /**
     * Creates the row on the first node and waits until every node has applied it: a writer reads
     * without waiting, and a node that has not yet applied the insert would not find the row.
     */
    private void createOnEveryNode(SharedRow row) {
        row.create(database);
        for (int node = 0; node < cluster.size(); node++) {
            assertEquals(0, totalOn(node, row), row + " on node " + node);
        }
    }

    /** The row's number as {@code node} has it, once it has applied everything before the query. */
    private long totalOn(int node, SharedRow row) {
        try (var connection = pool(node, true, true).getConnection();
                var statement = connection.createStatement();
                var resultSet = statement.executeQuery(row.totalQuery())) {
            resultSet.next();
            return resultSet.getLong(1);
        } catch (java.sql.SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    @ParameterizedTest
    @EnumSource(SharedRow.class)
    void writersOnEveryNodeInAutoCommitLoseNothing(SharedRow row) throws Exception {
        race(row, true, cluster.size());
    }

    @ParameterizedTest
    @EnumSource(SharedRow.class)
    void writersOnEveryNodeLoseNothingWhenTheDaoCommits(SharedRow row) throws Exception {
        race(row, false, cluster.size());
    }

    /** The same six writers all on one node, for the figures of docs/clusters.md. */
    @Test
    void writersOnOneNodeLoseNothing() throws Exception {
        race(SharedRow.COUNTER, true, 1);
        dropDatabase();
        pools.clear();
        race(SharedRow.COUNTER, false, 1);
    }

    /**
     * Six writers, two per node, 50 increments each with {@link Retry#onConflict}: anything but a
     * conflict reaching a writer fails the test, and every node ends at exactly 300.
     */
    private void race(SharedRow row, boolean autoCommit, int nodesUsed) throws Exception {
        createDatabase();
        createOnEveryNode(row);
        AtomicInteger tries = new AtomicInteger();
        AtomicInteger concurrentWrites = new AtomicInteger();
        List<Runnable> writers = new ArrayList<>();
        for (int w = 0; w < WRITERS; w++) {
            Runnable increment = row.increment(pool(w % nodesUsed, autoCommit, false), tries);
            writers.add(() -> {
                for (int i = 0; i < INCREMENTS; i++) {
                    Retry.onConflict(100_000, () -> {
                        try {
                            increment.run();
                        } catch (ConcurrentWriteException e) {
                            concurrentWrites.incrementAndGet();
                            throw e;
                        }
                    });
                }
            });
        }

        RecordingObserver observer = new RecordingObserver();
        OptilockSettings before = OptilockSettings.global();
        OptilockSettings.setGlobal(before.toBuilder().writeObserver(observer).build());
        long millis;
        try {
            millis = runAll(writers);
        } finally {
            OptilockSettings.setGlobal(before);
        }

        int conflicts = tries.get() - WRITERS * INCREMENTS;
        // The observer saw every try: each increment once, each version conflict and each write the
        // cluster refused as what it was.
        Map<Outcome, Long> outcomes = observer.takeWrites().stream()
                .collect(Collectors.groupingBy(write -> write.result().outcome(), Collectors.counting()));
        assertEquals(WRITERS * INCREMENTS, outcomes.getOrDefault(Outcome.SUCCESS, 0L), outcomes::toString);
        assertEquals(concurrentWrites.get(), outcomes.getOrDefault(Outcome.CONCURRENT_WRITE, 0L), outcomes::toString);
        assertEquals(conflicts, outcomes.getOrDefault(Outcome.CONFLICT, 0L) + outcomes.getOrDefault(Outcome.CONCURRENT_WRITE, 0L),
                outcomes::toString);
        System.out.printf("Galera, writers on %d of 3 nodes, %s, %s: %d increments in %d ms (%.0f/s), %d conflicts (%.2f per increment),"
                        + " %d of them refused by the cluster (certification or deadlock)%n",
                nodesUsed, row, autoCommit ? "auto-commit" : "the DAO commits", WRITERS * INCREMENTS, millis,
                WRITERS * INCREMENTS * 1000.0 / millis, conflicts, conflicts / (double) (WRITERS * INCREMENTS),
                concurrentWrites.get());
        for (int node = 0; node < cluster.size(); node++) {
            assertEquals(WRITERS * INCREMENTS, totalOn(node, row), row + " on node " + node);
        }
    }

    /** The control: the same writers with the version check off lose increments on the cluster too. */
    @Test
    void withoutTheVersionCheckTheClusterLosesIncrements() throws Exception {
        createDatabase();
        createOnEveryNode(SharedRow.COUNTER);
        AtomicInteger tries = new AtomicInteger();
        List<Runnable> writers = new ArrayList<>();
        for (int w = 0; w < WRITERS; w++) {
            Runnable increment = SharedRow.COUNTER.increment(pool(w % cluster.size(), true, false), tries);
            writers.add(() -> {
                for (int i = 0; i < INCREMENTS; i++) {
                    Retry.onConflict(100_000, () -> Concurrency.disabled(increment));
                }
            });
        }
        runAll(writers);

        long total = totalOn(0, SharedRow.COUNTER);
        assertTrue(total < WRITERS * INCREMENTS, "kept " + total + " of " + WRITERS * INCREMENTS);
    }

    @Test
    void aStaleCopyOnAnotherNodeIsAConflictForConditionalVersionsAndBatches() {
        createDatabase();
        ProfileDao profilesOn0 = new ProfileDao(pool(0, true, true));
        ProfileDao profilesOn1 = new ProfileDao(pool(1, true, true));
        profilesOn0.insert(new Profile("cy", "Cy", "cy@example.com"));
        Profile mine = profilesOn1.findById("cy").orElseThrow();
        Profile theirs = profilesOn0.findById("cy").orElseThrow();
        theirs.email = "cyrus@example.com";
        profilesOn0.update(theirs);
        mine.name = "Cyrus";
        assertThrows(RecordModifiedException.class, () -> profilesOn1.update(mine));

        ArticleDao articlesOn1 = new ArticleDao(pool(1, true, true));
        ArticleDao articlesOn2 = new ArticleDao(pool(2, true, true));
        List<Article> copies = StaleCopies.fiveOfWhichTwoStale(articlesOn2);
        List<String> before = articlesOn1.findAll().stream().map(a -> a.title).toList();

        assertThrows(BatchConflictException.class, () -> articlesOn1.updateAll(copies, BatchPolicy.ABORT_ALL));
        assertEquals(before, articlesOn1.findAll().stream().map(a -> a.title).toList(), "ABORT_ALL wrote nothing");
        BatchResult<Article> silent = articlesOn1.updateAll(copies, BatchPolicy.SILENT);
        assertEquals(3, silent.applied().size());
        assertEquals(2, silent.conflicts().size());
        assertEquals(List.of("Article 1 (ours)", "Theirs 2", "Article 3 (ours)", "Theirs 4", "Article 5 (ours)"),
                new ArticleDao(pool(0, true, true)).findAll().stream().map(a -> a.title).toList(), "every node has it");
    }

    /**
     * A node is killed (SIGKILL) while two writers use it: they get a {@code DataAccessException}, move
     * to the next node, and go on until each has 200 increments acknowledged. The history of every
     * operation is checked against the total: every acknowledged increment is there, an update whose
     * answer died with the node at most once. The node then rejoins and holds the same total.
     */
    @Test
    void aKilledNodeLosesNothingAndRejoins() throws Exception {
        createDatabase();
        createOnEveryNode(SharedRow.COUNTER);
        List<HikariDataSource> nodes = List.of(pool(0, true, false), pool(1, true, false), pool(2, true, false));
        IncrementHistory history = new IncrementHistory();
        AtomicInteger failovers = new AtomicInteger();
        List<Runnable> writers = new ArrayList<>();
        for (int w = 0; w < WRITERS; w++) {
            int first = w % cluster.size();
            writers.add(() -> {
                int node = first;
                CounterDao counters = new CounterDao(nodes.get(node));
                int done = 0;
                while (done < KILL_RUN_INCREMENTS) {
                    try {
                        CounterDao dao = counters;
                        history.increment("shared", () -> Retry.onConflict(100_000, () -> {
                            Counter counter = dao.findById("shared").orElseThrow();
                            counter.total++;
                            return dao.update(counter);
                        }));
                        done++;
                    } catch (DataAccessException e) {
                        assertTrue(e.getMessage().startsWith("Could not "), e.getMessage());
                        failovers.incrementAndGet();
                        node = (node + 1) % cluster.size();
                        counters = new CounterDao(nodes.get(node));
                    }
                }
            });
        }
        ExecutorService executor = Executors.newFixedThreadPool(WRITERS);
        long total;
        try {
            List<Future<?>> running = new ArrayList<>();
            writers.forEach(writer -> running.add(executor.submit(writer)));
            // Mid-run: a fifth of the increments acknowledged.
            while (history.count(Result.ACKNOWLEDGED) < WRITERS * KILL_RUN_INCREMENTS / 5) {
                Thread.sleep(5);
            }
            cluster.kill(2);
            for (Future<?> writer : running) {
                writer.get(5, TimeUnit.MINUTES);
            }
            total = totalOn(0, SharedRow.COUNTER);
            assertEquals(total, totalOn(1, SharedRow.COUNTER));
        } finally {
            executor.shutdownNow();
            cluster.restart(2); // whatever happened, the next test gets three nodes
        }

        IncrementHistory.Check check = history.check(Map.of("shared", total));
        System.out.printf("Galera, node 2 killed mid-run: %d failovers; %s%n", failovers.get(), check);
        assertEquals(WRITERS * KILL_RUN_INCREMENTS, check.acknowledged());
        assertTrue(failovers.get() > 0, "the writers on the killed node moved");
        assertTrue(check.holds(), check::toString);
        assertEquals(total, totalOn(2, SharedRow.COUNTER), "the node that rejoined has every write");
    }

    /**
     * A network partition: node 2 is cut off from the other two by firewall rules while writers use
     * every node (two threads each, and a process on node 2). Outside the primary component, node 2
     * refuses reads and writes with an error that says so; the two nodes of the majority go on. Once the
     * partition heals, node 2 catches up, every node holds the same totals, and the history of every
     * operation holds against them.
     */
    @Test
    void aPartitionedNodeRefusesWorkWhileTheMajorityGoesOnAndNothingIsLost() throws Exception {
        String firewall = GaleraCluster.missingFirewall();
        assumeTrue(firewall.isEmpty(), "No network partition without " + firewall + ": install Debian's iptables and run"
                + " as root (.ci/run does).");
        createDatabase();
        for (String row : PARTITION_ROWS) {
            database.execute("INSERT INTO counter (name, total, version) VALUES ('" + row + "', 0, 1)");
        }
        for (int node = 0; node < cluster.size(); node++) {
            assertEquals(PARTITION_ROWS.size(), totalsOn(node).size(), "node " + node + " has the rows");
        }
        IncrementHistory history;
        Map<String, String> failures;
        Duration refusedAfter;
        try (WriterFleet writers = new WriterFleet(PARTITION_ROWS, true)) {
            for (int node = 0; node < cluster.size(); node++) {
                writers.threads(pool(node, true, false), 2);
            }
            writers.processes(cluster.jdbcUrl(2, name), 1);
            writers.awaitProgress(PROGRESS, RECOVERY);
            long cut = System.nanoTime();
            cluster.isolate(2);
            try {
                cluster.awaitPrimaryComponent(2, false);
                refusedAfter = Duration.ofNanos(System.nanoTime() - cut);
                writers.awaitProgress(PROGRESS, RECOVERY); // the majority goes on
            } finally {
                cluster.heal();
            }
            cluster.awaitPrimaryComponent(2, true);
            cluster.awaitSynced(2);
            writers.awaitProgress(PROGRESS, RECOVERY);
            history = writers.stop();
            failures = writers.failures();
        }
        Map<String, Long> totals = totalsOn(0);
        IncrementHistory.Check check = history.check(totals);
        System.out.printf("Galera, node 2 partitioned off (outside the primary component after %.1f s), then healed: %s;"
                + " the writers met %s%n", refusedAfter.toMillis() / 1000.0, check, failures);
        assertTrue(check.holds(), check::toString);
        assertTrue(check.failed() > 0, "the writers on node 2 were refused: " + failures);
        // The refusal says what it is; a write cut off while it replicated is in doubt, never a plain failure.
        assertTrue(failures.getOrDefault("DataAccessException (error 1047)", "").contains(
                "This node is cut off from the majority of its cluster (outside the primary component), so it refuses"
                        + " reads and writes; nothing was written."), failures::toString);
        assertFalse(failures.containsKey("DataAccessException (error 1180)"), failures::toString);
        for (int node = 1; node < cluster.size(); node++) {
            assertEquals(totals, totalsOn(node), "node " + node + " holds the same totals");
        }
    }

    /** Every row's number as {@code node} has it, once it has applied everything before the query. */
    private Map<String, Long> totalsOn(int node) {
        Map<String, Long> totals = new java.util.TreeMap<>();
        try (var connection = pool(node, true, true).getConnection();
                var statement = connection.createStatement();
                var resultSet = statement.executeQuery("SELECT name, total FROM counter")) {
            while (resultSet.next()) {
                totals.put(resultSet.getString(1), resultSet.getLong(2));
            }
            return totals;
        } catch (java.sql.SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    private static long runAll(List<Runnable> writers) throws Exception {
        ExecutorService executor = Executors.newFixedThreadPool(writers.size());
        long started = System.nanoTime();
        try {
            List<Future<?>> running = new ArrayList<>();
            writers.forEach(writer -> running.add(executor.submit(writer)));
            for (Future<?> writer : running) {
                writer.get(5, TimeUnit.MINUTES);
            }
        } finally {
            executor.shutdownNow();
        }
        return (System.nanoTime() - started) / 1_000_000;
    }
}
