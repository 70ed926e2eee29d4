package org.optilock.it.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.UserPrincipal;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import javax.sql.DataSource;
import org.postgresql.ds.PGSimpleDataSource;

/**
 * A real PostgreSQL high-availability cluster on this machine, as teams run one: three PostgreSQL
 * servers under Patroni, which keeps one primary and two streaming replicas and fails over when the
 * primary dies, with one etcd holding the leader key; all from Debian's packages ({@code patroni},
 * {@code etcd-server}, {@code postgresql}, which {@code .ci/run} installs), on loopback ports. PostgreSQL
 * will not run as root, so where the tests run as root the nodes run as the {@code postgres} user the
 * package made. One per test JVM, stopped when the JVM exits.
 */
public final class PatroniCluster {

    private static final Path PATRONI = Path.of("/usr/bin/patroni");
    private static final Path ETCD = Path.of("/usr/bin/etcd");
    private static final Path SETPRIV = Path.of("/usr/bin/setpriv");
    private static final Path POSTGRESQL_VERSIONS = Path.of("/usr/lib/postgresql");
    private static final Duration START = Duration.ofMinutes(3);
    private static final int NODES = 3;
    /** Seconds the leader key lives without the leader renewing it: how long a dead primary goes unnoticed. */
    private static final int LEADER_TTL = 10;
    /**
     * Bytes of WAL a replica may lag behind the dead primary and still be promoted. Patroni's default
     * (1 MB) is a safety of asynchronous replication: a replica further behind is never promoted, and the
     * cluster stays without a primary. In one CI run no replica was promoted for two minutes after the
     * asynchronous primary was killed; that run kept no logs, and this limit is the likeliest cause on
     * two loaded cores, so the asynchronous run allows 64 MB and shows what a failover then loses. A
     * synchronous replica has every acknowledged commit, whatever this says.
     */
    private static final int MAXIMUM_LAG_ON_FAILOVER = 64 * 1024 * 1024;

    private static PatroniCluster shared;

    private final Path folder;
    private final Path binaries;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    private final List<Node> nodes = new ArrayList<>();
    private Process etcd;
    private int etcdPort;

    /** One PostgreSQL server and the Patroni that runs it. */
    private static final class Node {
        final int index;
        final int port;
        final int restPort;
        final Path folder;
        Process patroni;

        Node(int index, int port, int restPort, Path folder) {
            this.index = index;
            this.port = port;
            this.restPort = restPort;
            this.folder = folder;
        }

        String name() {
            return "node" + index;
        }
    }

    private PatroniCluster(Path folder, Path binaries) {
        this.folder = folder;
        this.binaries = binaries;
    }

    /** What this machine lacks for the cluster, or an empty string. */
    public static String missing() {
        List<String> missing = Stream.of(PATRONI, ETCD).filter(path -> !Files.exists(path)).map(Path::toString)
                .collect(Collectors.toCollection(ArrayList::new));
        if (postgresqlBinaries().isEmpty()) {
            missing.add(POSTGRESQL_VERSIONS + "/<version>/bin/postgres");
        }
        if (runsAsRoot() && !Files.exists(SETPRIV)) {
            missing.add(SETPRIV.toString());
        }
        if (runsAsRoot() && !hasPostgresUser()) {
            missing.add("the postgres user (made by Debian's postgresql package)");
        }
        return String.join(", ", missing);
    }

    /** The newest PostgreSQL server installed by Debian's packages. */
    private static Optional<Path> postgresqlBinaries() {
        if (!Files.isDirectory(POSTGRESQL_VERSIONS)) {
            return Optional.empty();
        }
        try (Stream<Path> versions = Files.list(POSTGRESQL_VERSIONS)) {
            return versions.map(version -> version.resolve("bin")).filter(bin -> Files.isExecutable(bin.resolve("postgres")))
                    .max(Comparator.comparingInt(bin -> Integer.parseInt(bin.getParent().getFileName().toString()
                            .replaceAll("\\D", "0"))));
        } catch (IOException e) {
            return Optional.empty();
        }
    }

    private static boolean hasPostgresUser() {
        try {
            Path.of("/").getFileSystem().getUserPrincipalLookupService().lookupPrincipalByName("postgres");
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    private static boolean runsAsRoot() {
        return "root".equals(System.getProperty("user.name"));
    }

    /** The cluster of this JVM, started on first use (about half a minute). */
    public static synchronized PatroniCluster shared() {
        if (shared == null) {
            try {
                PatroniCluster cluster = new PatroniCluster(Files.createTempDirectory("optilock-patroni"),
                        postgresqlBinaries().orElseThrow());
                Runtime.getRuntime().addShutdownHook(new Thread(cluster::stop));
                cluster.start();
                shared = cluster;
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return shared;
    }

    private void start() throws IOException {
        List<Integer> ports = FreePorts.take(2 + NODES * 2);
        etcdPort = ports.get(0);
        Path etcdFolder = Files.createDirectories(folder.resolve("etcd"));
        String client = "http://127.0.0.1:" + etcdPort;
        String peer = "http://127.0.0.1:" + ports.get(1);
        etcd = new ProcessBuilder(ETCD.toString(), "--name", "etcd0", "--data-dir", etcdFolder.resolve("data").toString(),
                "--listen-client-urls", client, "--advertise-client-urls", client, "--listen-peer-urls", peer,
                "--initial-advertise-peer-urls", peer, "--initial-cluster", "etcd0=" + peer).redirectErrorStream(true)
                .redirectOutput(etcdFolder.resolve("etcd.log").toFile()).start();
        if (runsAsRoot()) {
            UserPrincipal postgres = folder.getFileSystem().getUserPrincipalLookupService().lookupPrincipalByName("postgres");
            Files.setOwner(folder, postgres);
        }
        for (int i = 0; i < NODES; i++) {
            Node node = new Node(i, ports.get(2 + 2 * i), ports.get(3 + 2 * i), folder.resolve("node" + i));
            Files.createDirectories(node.folder);
            Files.writeString(node.folder.resolve("patroni.yml"), configuration(node));
            if (runsAsRoot()) {
                Files.setOwner(node.folder, Files.getOwner(folder));
                Files.setOwner(node.folder.resolve("patroni.yml"), Files.getOwner(folder));
            }
            nodes.add(node);
        }
        // The first node bootstraps alone, so that it is the first primary; the others then copy it.
        launch(nodes.get(0));
        awaitPrimary(START);
        launch(nodes.get(1));
        launch(nodes.get(2));
        awaitReplicas(START);
    }

    /**
     * Each node's Patroni configuration. The dynamic part (under {@code bootstrap.dcs}) is the cluster's,
     * in etcd: a short leader TTL and loop, so that a failover takes seconds, not the half minute of the
     * defaults; {@code pg_rewind}, so that an old primary rejoins as a replica.
     */
    private String configuration(Node node) {
        String members = "127.0.0.1/32";
        return String.join("\n",
                "scope: optilock",
                "name: " + node.name(),
                "restapi:",
                "  listen: 127.0.0.1:" + node.restPort,
                "  connect_address: 127.0.0.1:" + node.restPort,
                "etcd3:",
                "  host: 127.0.0.1:" + etcdPort,
                "bootstrap:",
                "  dcs:",
                "    ttl: " + LEADER_TTL,
                "    loop_wait: 1",
                "    retry_timeout: 4",
                "    maximum_lag_on_failover: " + MAXIMUM_LAG_ON_FAILOVER,
                "    synchronous_mode: true",
                "    postgresql:",
                "      use_pg_rewind: true",
                "      use_slots: true",
                "      parameters:",
                "        wal_level: replica",
                "        hot_standby: 'on'",
                "        wal_log_hints: 'on'",
                "        max_wal_senders: 10",
                "        max_replication_slots: 10",
                "  initdb:",
                "    - encoding: UTF8",
                "    - auth: trust",
                "  pg_hba:",
                "    - local all all trust",
                "    - host replication replicator " + members + " trust",
                "    - host all all " + members + " trust",
                "postgresql:",
                "  listen: 127.0.0.1:" + node.port,
                "  connect_address: 127.0.0.1:" + node.port,
                "  data_dir: " + node.folder.resolve("data"),
                "  bin_dir: " + binaries,
                "  pgpass: " + node.folder.resolve("pgpass"),
                "  authentication:",
                "    replication: {username: replicator, password: replicator}",
                "    superuser: {username: postgres, password: postgres}",
                "    rewind: {username: postgres, password: postgres}",
                "  parameters:",
                "    unix_socket_directories: " + node.folder,
                "    shared_buffers: 32MB",
                "    max_connections: 100",
                "");
    }

    private void launch(Node node) throws IOException {
        List<String> command = new ArrayList<>();
        if (runsAsRoot()) {
            command.addAll(List.of(SETPRIV.toString(), "--reuid=postgres", "--regid=postgres", "--init-groups"));
        }
        command.addAll(List.of(PATRONI.toString(), node.folder.resolve("patroni.yml").toString()));
        node.patroni = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(node.folder.resolve("patroni.log").toFile())).start();
    }

    /** A multi-host JDBC URL of every node, which connects to whichever is the primary. */
    public String jdbcUrl() {
        String hosts = nodes.stream().map(node -> "127.0.0.1:" + node.port).collect(Collectors.joining(","));
        // hostRecheckSeconds: a host found to be a replica (or down) is tried again after a second, not ten.
        return "jdbc:postgresql://" + hosts + "/postgres?user=postgres&targetServerType=primary&hostRecheckSeconds=1"
                + "&connectTimeout=2&loginTimeout=4&socketTimeout=10";
    }

    /** A data source on the multi-host URL. */
    public DataSource dataSource() {
        PGSimpleDataSource dataSource = new PGSimpleDataSource();
        dataSource.setURL(jdbcUrl());
        return dataSource;
    }

    /** A new schema holding the test tables, made on the primary and so on every node. */
    public TestDatabase createDatabase(String name) {
        DataSource server = dataSource();
        TestDatabase.run(server, "CREATE SCHEMA " + name);
        PGSimpleDataSource inSchema = new PGSimpleDataSource();
        inSchema.setURL(jdbcUrl() + "&currentSchema=" + name);
        return TestDatabase.withSchema(DatabaseKind.POSTGRESQL, inSchema, jdbcUrl() + "&currentSchema=" + name,
                () -> TestDatabase.run(server, "DROP SCHEMA " + name + " CASCADE"));
    }

    /** The index of the node that is the primary now, if one is. */
    private Optional<Integer> primary() {
        return IntStream.range(0, NODES).filter(i -> answers(nodes.get(i), "/primary")).boxed().findFirst();
    }

    /** Waits up to {@code wait} for a primary; returns its index. */
    public int awaitPrimary(Duration wait) {
        long deadline = System.nanoTime() + wait.toNanos();
        while (System.nanoTime() < deadline) {
            Optional<Integer> primary = primary();
            if (primary.isPresent()) {
                return primary.get();
            }
            sleep(100);
        }
        throw new IllegalStateException("No primary after " + wait + "; the end of each node's log:\n" + describe());
    }

    /**
     * Waits until every node other than the primary is a running replica, streaming from it, on its
     * timeline. The timeline matters: an old primary that rejoins first runs as a replica of the
     * timeline it left, passing Patroni's lag check, until Patroni stops it to rewind it onto the new
     * one; a switchover to it then fails.
     */
    public void awaitReplicas(Duration wait) {
        long deadline = System.nanoTime() + wait.toNanos();
        while (System.nanoTime() < deadline) {
            int primary = awaitPrimary(wait);
            Optional<Integer> timeline = timeline(nodes.get(primary));
            if (timeline.isPresent() && IntStream.range(0, NODES).filter(i -> i != primary)
                    .allMatch(i -> answers(nodes.get(i), "/replica?lag=1MB") && timeline(nodes.get(i)).equals(timeline))
                    && (!isSynchronous() || IntStream.range(0, NODES).anyMatch(i -> answers(nodes.get(i), "/sync")))) {
                return;
            }
            sleep(200);
        }
        throw new IllegalStateException("The replicas did not catch up in " + wait + ":\n" + describe());
    }

    /** The timeline the node's PostgreSQL runs on, as its Patroni says; empty when it does not answer. */
    private Optional<Integer> timeline(Node node) {
        try {
            Matcher timeline = Pattern.compile("\"timeline\": (\\d+)").matcher(get(node, "/patroni"));
            return timeline.find() ? Optional.of(Integer.parseInt(timeline.group(1))) : Optional.empty();
        } catch (RuntimeException e) {
            return Optional.empty();
        }
    }

    /**
     * Waits until every replica has replayed all the primary has written so far, so that what a test
     * just made is on every node. {@link #awaitReplicas} cannot tell: a replica that lags by less than a
     * megabyte of WAL passes it without a table made a moment ago, and with asynchronous replication a
     * failover to that replica loses the table itself, not only the last writes.
     */
    public void awaitReplayed(Duration wait) {
        int primary = awaitPrimary(wait);
        String written = queryOn(nodes.get(primary), "SELECT pg_current_wal_lsn()::text");
        if (written == null) {
            throw new IllegalStateException("The primary, " + nodes.get(primary).name() + ", did not answer:\n" + describe());
        }
        long deadline = System.nanoTime() + wait.toNanos();
        for (int i = 0; i < NODES; i++) {
            if (i == primary) {
                continue;
            }
            while (!"t".equals(queryOn(nodes.get(i), "SELECT pg_last_wal_replay_lsn() >= '" + written + "'::pg_lsn"))) {
                if (System.nanoTime() > deadline) {
                    throw new IllegalStateException(nodes.get(i).name() + " did not replay the primary's WAL up to " + written
                            + " in " + wait + ":\n" + describe());
                }
                sleep(100);
            }
        }
    }

    /** The one value a query answers on one node, connected to it alone; null where the node does not answer. */
    private String queryOn(Node node, String query) {
        PGSimpleDataSource direct = new PGSimpleDataSource();
        direct.setURL("jdbc:postgresql://127.0.0.1:" + node.port + "/postgres?user=postgres&connectTimeout=2&socketTimeout=10");
        try (Connection connection = direct.getConnection(); Statement statement = connection.createStatement();
                ResultSet answer = statement.executeQuery(query)) {
            return answer.next() ? answer.getString(1) : null;
        } catch (SQLException e) {
            return null; // starting, or restarting as a replica: asked again
        }
    }

    /** Whether a commit waits for a replica to have it ({@code synchronous_mode}). */
    public boolean isSynchronous() {
        return get(nodes.get(awaitPrimary(START)), "/config").contains("\"synchronous_mode\": true");
    }

    /**
     * Turns synchronous replication on or off, as the cluster's configuration in etcd says it; returns
     * once the primary has a synchronous replica, or has none.
     */
    public void setSynchronous(boolean synchronous) {
        Node primary = nodes.get(awaitPrimary(START));
        send(primary, "PATCH", "/config", "{\"synchronous_mode\": " + synchronous + "}");
        long deadline = System.nanoTime() + START.toNanos();
        while (IntStream.range(0, NODES).anyMatch(i -> answers(nodes.get(i), "/sync")) != synchronous) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("synchronous_mode did not become " + synchronous);
            }
            sleep(200);
        }
    }

    /**
     * Kills node {@code index}, Patroni and PostgreSQL, with SIGKILL, as a crash of its host would.
     * Patroni starts PostgreSQL detached from itself, so that a Patroni that dies leaves the database
     * running; the postmaster is found by its pid file and killed with what it started.
     */
    public void kill(int index) throws InterruptedException {
        Node node = nodes.get(index);
        Optional<ProcessHandle> postmaster = postmaster(node);
        node.patroni.descendants().forEach(ProcessHandle::destroyForcibly);
        node.patroni.destroyForcibly();
        node.patroni.waitFor();
        postmaster.ifPresent(process -> {
            process.descendants().forEach(ProcessHandle::destroyForcibly);
            process.destroyForcibly();
            process.onExit().join();
        });
    }

    /** The node's running postmaster, as its pid file names it. */
    private static Optional<ProcessHandle> postmaster(Node node) {
        try {
            Path pidFile = node.folder.resolve("data").resolve("postmaster.pid");
            if (!Files.exists(pidFile)) {
                return Optional.empty();
            }
            return ProcessHandle.of(Long.parseLong(Files.readAllLines(pidFile).get(0).strip()));
        } catch (IOException | RuntimeException e) {
            return Optional.empty(); // not started, or stopping: nothing to kill
        }
    }

    /** Starts node {@code index} again after {@link #kill}: it rejoins as a replica (with pg_rewind). */
    public void restart(int index) throws IOException {
        launch(nodes.get(index));
        awaitReplicas(START);
    }

    /**
     * A planned switchover, as an operator runs before maintenance: the primary hands over to a
     * replica (the synchronous one, where there is one), and rejoins as a replica. Returns the new
     * primary's index once it serves.
     */
    public int switchover() {
        int promoted = -1;
        // Patroni fails a switchover whose candidate stops meanwhile (to be rewound, say): once every
        // replica is ready again, it is asked once more.
        for (int attempt = 1; promoted < 0; attempt++) {
            int primary = awaitPrimary(START);
            int candidate = IntStream.range(0, NODES).filter(i -> i != primary)
                    .filter(i -> !isSynchronous() || answers(nodes.get(i), "/sync")).findFirst().orElseThrow();
            String answer = send(nodes.get(primary), "POST", "/switchover", "{\"leader\": \"" + nodes.get(primary).name()
                    + "\", \"candidate\": \"" + nodes.get(candidate).name() + "\"}");
            if (answer.contains("Switchover failed") && attempt < 3) {
                awaitReplicas(START);
                continue;
            }
            promoted = answer.contains("Successfully") ? candidate : handedTo(answer);
        }
        int chosen = promoted;
        long deadline = System.nanoTime() + START.toNanos();
        while (primary().filter(p -> p == chosen).isEmpty()) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("node" + chosen + " did not become the primary:\n" + describe());
            }
            sleep(100);
        }
        return chosen;
    }

    /**
     * The node a switchover went to when Patroni chose another replica than the one asked for, because
     * that one was not ready ({@code Switched over to "node2" instead of "node1"}): still a planned
     * switchover, which is what the tests run. Any other answer is a refusal.
     */
    private int handedTo(String answer) {
        Matcher elsewhere = Pattern.compile("Switched over to \"([^\"]+)\" instead of").matcher(answer);
        if (elsewhere.find()) {
            for (int i = 0; i < NODES; i++) {
                if (nodes.get(i).name().equals(elsewhere.group(1))) {
                    return i;
                }
            }
        }
        throw new IllegalStateException("The switchover was refused: " + answer);
    }

    private boolean answers(Node node, String path) {
        try {
            return http.send(HttpRequest.newBuilder(rest(node, path)).timeout(Duration.ofSeconds(2)).GET().build(),
                    HttpResponse.BodyHandlers.discarding()).statusCode() == 200;
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private String get(Node node, String path) {
        return send(node, "GET", path, null);
    }

    private String send(Node node, String method, String path, String body) {
        HttpRequest.BodyPublisher publisher = body == null ? HttpRequest.BodyPublishers.noBody()
                : HttpRequest.BodyPublishers.ofString(body);
        try {
            return http.send(HttpRequest.newBuilder(rest(node, path)).timeout(Duration.ofSeconds(30))
                    .method(method, publisher).build(), HttpResponse.BodyHandlers.ofString()).body();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static URI rest(Node node, String path) {
        return URI.create("http://127.0.0.1:" + node.restPort + path);
    }

    /** Each node's state as its Patroni tells it, and the end of its log: for the message of a failed test. */
    public String describe() {
        return nodes.stream().map(node -> {
            String state;
            try {
                state = get(node, "/patroni");
            } catch (RuntimeException e) {
                state = "no answer (" + e.getMessage() + ")";
            }
            return node.name() + ": " + state + "\n" + LogTail.of(node.folder.resolve("patroni.log"), 15);
        }).collect(Collectors.joining("\n"));
    }

    private void stop() {
        for (Node node : nodes) {
            if (node.patroni != null) {
                try {
                    kill(node.index);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
        }
        if (etcd != null) {
            etcd.destroyForcibly();
            etcd.onExit().join();
        }
        try (Stream<Path> files = Files.walk(folder)) {
            files.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
        } catch (IOException e) {
            // the JVM is exiting; a temporary folder left behind is all it costs
        }
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
