package org.optilock.it.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import javax.sql.DataSource;
import org.mariadb.jdbc.MariaDbDataSource;

/**
 * A real three-node MariaDB Galera cluster on this machine, started from Debian's packages
 * ({@code mariadb-server}, {@code galera-4}, {@code mariadb-backup}, which {@code .ci/run} installs):
 * the first node bootstraps the cluster, the others join it by a state transfer from it
 * (mariabackup), all on the loopback address. One per test JVM, stopped when the JVM exits.
 */
public final class GaleraCluster {

    private static final Path SERVER = Path.of("/usr/sbin/mariadbd");
    private static final Path PROVIDER = Path.of("/usr/lib/galera/libgalera_smm.so");
    private static final List<Path> TOOLS = List.of(Path.of("/usr/bin/mariadb-install-db"), Path.of("/usr/bin/mariabackup"),
            Path.of("/usr/bin/socat"));
    private static final Path IPTABLES = Path.of("/usr/sbin/iptables");
    /** The comment on this JVM's firewall rules, so that healing removes exactly them. */
    private static final String FIREWALL_MARK = "optilock-galera-" + ProcessHandle.current().pid();
    private static final Duration START = Duration.ofMinutes(3);
    private static final int NODES = 3;

    private static GaleraCluster shared;

    private final Path folder;
    private final List<Node> nodes = new ArrayList<>();

    /** One server of the cluster. */
    private static final class Node {
        final int index;
        /**
         * The loopback address the node alone uses, for its clients and its peers alike, so that a
         * firewall rule can cut it off from the others by address.
         */
        final String host;
        final int port;
        final int groupPort;
        final Path folder;
        Process process;

        Node(int index, int port, int groupPort, Path folder) {
            this.index = index;
            this.host = "127.0.0." + (11 + index);
            this.port = port;
            this.groupPort = groupPort;
            this.folder = folder;
        }
    }

    private GaleraCluster(Path folder) {
        this.folder = folder;
    }

    /** Whether this machine has what the cluster needs; where not, the reason, else empty. */
    public static String missing() {
        List<Path> needed = new ArrayList<>(List.of(SERVER, PROVIDER));
        needed.addAll(TOOLS);
        return needed.stream().filter(path -> !Files.exists(path)).map(Path::toString).collect(Collectors.joining(", "));
    }

    /**
     * The cluster of this JVM, started on first use (about half a minute). A node that exits while the
     * cluster starts (a port taken between choosing it and binding it, a state transfer that failed)
     * makes it start once more, anew, on other ports: the tests are about Optilock, not about a start.
     */
    public static synchronized GaleraCluster shared() {
        if (shared == null) {
            try {
                shared = started();
            } catch (IllegalStateException first) {
                System.err.println("The Galera cluster did not start, so it starts once more: " + first.getMessage());
                try {
                    shared = started();
                } catch (IllegalStateException second) {
                    second.addSuppressed(first);
                    throw second;
                }
            }
        }
        return shared;
    }

    private static GaleraCluster started() {
        try {
            GaleraCluster cluster = new GaleraCluster(Files.createTempDirectory("optilock-galera"));
            Runtime.getRuntime().addShutdownHook(new Thread(cluster::stop));
            try {
                cluster.start();
            } catch (IllegalStateException e) {
                cluster.stop();
                throw e;
            }
            return cluster;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private void start() throws IOException {
        List<Integer> ports = FreePorts.take(NODES * 4);
        for (int i = 0; i < NODES; i++) {
            Path nodeFolder = folder.resolve("node" + i);
            Files.createDirectories(nodeFolder.resolve("data"));
            nodes.add(new Node(i, ports.get(4 * i), ports.get(4 * i + 1), nodeFolder));
        }
        for (Node node : nodes) {
            Files.writeString(node.folder.resolve("my.cnf"), configuration(node, ports));
        }
        run(List.of("mariadb-install-db", "--no-defaults", "--user=root", "--datadir=" + nodes.get(0).folder.resolve("data"),
                "--lower-case-table-names=1", "--auth-root-authentication-method=normal", "--skip-test-db"),
                nodes.get(0).folder.resolve("install.log"));
        launch(nodes.get(0), true);
        awaitSynced(0);
        launch(nodes.get(1), false);
        launch(nodes.get(2), false);
        awaitSynced(1);
        awaitSynced(2);
    }

    /**
     * Each node's own option file, so that nothing of the machine's MariaDB configuration (Debian's
     * sends the state transfer's errors to a syslog that may not exist) reaches the cluster.
     */
    private String configuration(Node node, List<Integer> ports) {
        String members = nodes.stream().map(n -> n.host + ":" + n.groupPort).collect(Collectors.joining(","));
        int ist = ports.get(4 * node.index + 2);
        int sst = ports.get(4 * node.index + 3);
        return String.join("\n",
                "[mysqld]",
                "user=root",
                "datadir=" + node.folder.resolve("data"),
                "socket=" + node.folder.resolve("mysqld.sock"),
                "pid-file=" + node.folder.resolve("mysqld.pid"),
                "log-error=" + node.folder.resolve("error.log"),
                "port=" + node.port,
                "bind-address=" + node.host,
                "lower-case-table-names=1",
                "character-set-server=utf8mb4",
                "collation-server=utf8mb4_bin",
                "binlog-format=ROW",
                "innodb-autoinc-lock-mode=2",
                "innodb-buffer-pool-size=64M",
                "innodb-log-file-size=16M",
                "wsrep-on=ON",
                "wsrep-provider=" + PROVIDER,
                "wsrep-cluster-address=gcomm://" + members,
                "wsrep-node-address=" + node.host + ":" + node.groupPort,
                "wsrep-node-name=node" + node.index,
                "wsrep-provider-options=gmcast.listen_addr=tcp://" + node.host + ":" + node.groupPort + ";ist.recv_addr="
                        + node.host + ":" + ist + ";gcache.size=32M",
                "wsrep-sst-receive-address=" + node.host + ":" + sst,
                "wsrep-sst-method=mariabackup",
                "wsrep-sst-auth=root:",
                "[sst]",
                "sst-syslog=-1",
                "");
    }

    private void launch(Node node, boolean bootstrap) throws IOException {
        List<String> command = new ArrayList<>(List.of(SERVER.toString(), "--defaults-file=" + node.folder.resolve("my.cnf")));
        if (bootstrap) {
            command.add("--wsrep-new-cluster");
        }
        node.process = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(node.folder.resolve("out.log").toFile())).start();
    }

    /** Waits until node {@code index} has joined and holds every write of the cluster. */
    public void awaitSynced(int index) {
        long deadline = System.nanoTime() + START.toNanos();
        String state = "not started";
        while (System.nanoTime() < deadline) {
            Node node = nodes.get(index);
            if (node.process != null && !node.process.isAlive()) {
                throw new IllegalStateException("Galera node " + index + " exited; the end of its error log:\n"
                        + LogTail.of(node.folder.resolve("error.log"), 15));
            }
            try (Connection connection = dataSource(index, "").getConnection();
                    Statement statement = connection.createStatement();
                    ResultSet resultSet = statement.executeQuery("SHOW STATUS LIKE 'wsrep_local_state_comment'")) {
                state = resultSet.next() ? resultSet.getString(2) : "unknown";
                if (state.equals("Synced")) {
                    return;
                }
            } catch (SQLException e) {
                state = e.getMessage();
            }
            sleep(250);
        }
        throw new IllegalStateException("Galera node " + index + " not synced after " + START + ": " + state);
    }

    /** Kills node {@code index} with SIGKILL, as a crash would. */
    public void kill(int index) throws InterruptedException {
        Node node = nodes.get(index);
        destroyWithItsChildren(node.process);
        node.process.waitFor();
    }

    /**
     * Kills {@code process} and what it started (a joiner's state transfer runs scripts, socat and
     * mariabackup), so that nothing of a node outlives it and holds a port another cluster is given.
     */
    private static void destroyWithItsChildren(Process process) {
        process.descendants().forEach(ProcessHandle::destroyForcibly);
        process.destroyForcibly();
    }

    /**
     * What this machine lacks to partition the cluster: Debian's {@code iptables}, and the right to add
     * rules (root); an empty string when it has both.
     */
    public static String missingFirewall() {
        if (!Files.isExecutable(IPTABLES)) {
            return IPTABLES.toString();
        }
        try {
            Process listing = new ProcessBuilder(IPTABLES.toString(), "-w", "-S", "INPUT").redirectErrorStream(true).start();
            String output = new String(listing.getInputStream().readAllBytes());
            return listing.waitFor() == 0 ? "" : "the right to change firewall rules (" + output.strip() + ")";
        } catch (IOException e) {
            return IPTABLES + " (" + e.getMessage() + ")";
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return "an iptables that answers";
        }
    }

    /**
     * Cuts node {@code index} off from the others, as a network partition would: firewall rules drop
     * every packet between its loopback address and theirs, both ways. Its clients still reach it, and
     * learn from it that it is outside the cluster. Undone by {@link #heal}, and when the JVM exits.
     */
    public void isolate(int index) {
        Node isolated = nodes.get(index);
        for (Node other : nodes) {
            if (other != isolated) {
                firewall("-I", isolated.host, other.host);
                firewall("-I", other.host, isolated.host);
            }
        }
    }

    /** Removes every rule {@link #isolate} added: the node rejoins and catches up by itself. */
    public void heal() {
        for (Node from : nodes) {
            for (Node to : nodes) {
                while (from != to && firewall("-D", from.host, to.host)) {
                    // a rule added twice goes twice
                }
            }
        }
    }

    /** Adds ({@code -I}) or deletes ({@code -D}) the rule dropping packets from {@code from} to {@code to}; whether it did. */
    private boolean firewall(String action, String from, String to) {
        List<String> command = List.of(IPTABLES.toString(), "-w", action, "INPUT", "-s", from, "-d", to, "-m", "comment",
                "--comment", FIREWALL_MARK, "-j", "DROP");
        try {
            Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
            String output = new String(process.getInputStream().readAllBytes());
            if (process.waitFor() != 0) {
                if (action.equals("-D")) {
                    return false; // no such rule left
                }
                throw new IllegalStateException(String.join(" ", command) + " failed: " + output);
            }
            return true;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** Waits until node {@code index} says it is in the primary component ({@code true}) or outside it. */
    public void awaitPrimaryComponent(int index, boolean inside) {
        long deadline = System.nanoTime() + START.toNanos();
        String status = "unknown";
        while (System.nanoTime() < deadline) {
            try (Connection connection = dataSource(index, "").getConnection();
                    Statement statement = connection.createStatement();
                    ResultSet resultSet = statement.executeQuery("SHOW STATUS LIKE 'wsrep_cluster_status'")) {
                status = resultSet.next() ? resultSet.getString(2) : "unknown";
                if (status.equals("Primary") == inside) {
                    return;
                }
            } catch (SQLException e) {
                status = e.getMessage();
            }
            sleep(100);
        }
        throw new IllegalStateException("Galera node " + index + " is still " + status + " after " + START);
    }

    /** Starts node {@code index} again after {@link #kill}: it rejoins and catches up (IST or SST). */
    public void restart(int index) throws IOException {
        launch(nodes.get(index), false);
        awaitSynced(index);
    }

    /**
     * A new database of the test schema, created on the first node and so on every node: DDL is
     * replicated in total order. {@link TestDatabase#dataSource()} is the first node's. Returns once
     * every node has applied the whole schema: a node that has not yet would refuse a connection to
     * the database, or not know a table.
     */
    public TestDatabase createDatabase(String name) {
        DataSource server = dataSource(0, "");
        TestDatabase.run(server, "CREATE DATABASE " + name + " CHARACTER SET utf8mb4 COLLATE utf8mb4_bin");
        TestDatabase database = TestDatabase.withSchema(DatabaseKind.MARIADB, dataSource(0, name),
                "jdbc:mariadb://" + nodes.get(0).host + ":" + nodes.get(0).port + "/" + name + "?user=root",
                () -> TestDatabase.run(server, "DROP DATABASE " + name));
        int tables = tableCount(0, name);
        for (int node = 1; node < NODES; node++) {
            awaitTables(node, name, tables);
        }
        return database;
    }

    private void awaitTables(int node, String database, int tables) {
        long deadline = System.nanoTime() + START.toNanos();
        int seen;
        while ((seen = tableCount(node, database)) != tables) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("Galera node " + node + " has " + seen + " of the " + tables
                        + " tables of " + database + " after " + START);
            }
            sleep(50);
        }
    }

    /** The tables {@code node} has in {@code database}, read once it has applied what came before. */
    private int tableCount(int node, String database) {
        try (Connection connection = dataSource(node, "").getConnection();
                Statement statement = connection.createStatement();
                PreparedStatement count = connection.prepareStatement(
                        "SELECT COUNT(*) FROM information_schema.tables WHERE table_schema = ?")) {
            statement.execute("SET SESSION wsrep_sync_wait = 1");
            count.setString(1, database);
            try (ResultSet resultSet = count.executeQuery()) {
                resultSet.next();
                return resultSet.getInt(1);
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Galera node " + node + ": " + e.getMessage(), e);
        }
    }

    /** The number of nodes. */
    public int size() {
        return NODES;
    }

    /** The JDBC URL of node {@code index}, in {@code database} (empty for none). */
    public String jdbcUrl(int index, String database) {
        return "jdbc:mariadb://" + nodes.get(index).host + ":" + nodes.get(index).port + "/" + database + "?user=root";
    }

    /** A data source on node {@code index}, in {@code database} (empty for none). */
    public DataSource dataSource(int index, String database) {
        MariaDbDataSource dataSource = new MariaDbDataSource();
        try {
            dataSource.setUrl(jdbcUrl(index, database));
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
        return dataSource;
    }

    private void stop() {
        if (missingFirewall().isEmpty()) {
            heal();
        }
        for (Node node : nodes) {
            if (node.process != null) {
                destroyWithItsChildren(node.process);
                node.process.onExit().join();
            }
        }
        try (var files = Files.walk(folder)) {
            files.sorted(java.util.Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
        } catch (IOException e) {
            // the JVM is exiting; a temporary folder left behind is all it costs
        }
    }

    private static void run(List<String> command, Path log) throws IOException {
        Process process = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile())).start();
        try {
            if (process.waitFor() != 0) {
                throw new IllegalStateException(String.join(" ", command) + " failed: see " + log);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
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
