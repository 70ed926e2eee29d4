package org.optilock.it.support;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.sql.DataSource;

/**
 * A TCP proxy on loopback between a JDBC driver and a database server, which cuts a connection at a
 * chosen moment, as a network failure or a crashed host would: after the driver sent a message that
 * holds a marker (such as {@code COMMIT}), either before the server gets it or after the server has
 * done the work and begun to answer, so that the answer never reaches the driver. The driver sees a
 * connection reset, and only the test knows whether the server did the work. Test code only.
 */
public final class CuttingProxy implements AutoCloseable {

    /** Where the cut falls. */
    public enum Cut {
        /** The marked message never reaches the server: nothing of it was done. */
        BEFORE_THE_SERVER_GETS_IT,
        /** The server got the message and answered it: it was done, and its answer is lost. */
        AFTER_THE_SERVER_ANSWERED
    }

    private static final Pattern SERVER = Pattern.compile("localhost:(\\d+)");

    private final ServerSocket listener;
    private final int serverPort;
    private final String jdbcUrl;
    private final List<HikariDataSource> pools = new CopyOnWriteArrayList<>();
    private final List<Socket> sockets = new CopyOnWriteArrayList<>();
    private final AtomicReference<byte[]> marker = new AtomicReference<>();
    private volatile Cut cut;
    private final AtomicBoolean done = new AtomicBoolean();

    private CuttingProxy(String jdbcUrl, int serverPort) throws IOException {
        this.jdbcUrl = jdbcUrl;
        this.serverPort = serverPort;
        this.listener = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        Thread acceptor = new Thread(this::accept, "cutting-proxy-" + listener.getLocalPort());
        acceptor.setDaemon(true);
        acceptor.start();
    }

    /** A proxy in front of {@code database}'s server, whose JDBC URL names it as {@code localhost:port}. */
    public static CuttingProxy inFrontOf(TestDatabase database) {
        Matcher server = SERVER.matcher(database.jdbcUrl());
        if (!server.find()) {
            throw new IllegalArgumentException(database.jdbcUrl() + " names no server on localhost");
        }
        try {
            return new CuttingProxy(database.jdbcUrl(), Integer.parseInt(server.group(1)));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * A pool of connections to the database through this proxy; with {@code autoCommit} false the DAO
     * commits, as in a pool configured so.
     */
    public DataSource dataSource(boolean autoCommit) {
        HikariConfig config = new HikariConfig();
        config.setJdbcUrl(SERVER.matcher(jdbcUrl).replaceFirst("127.0.0.1:" + listener.getLocalPort()));
        config.setAutoCommit(autoCommit);
        config.setMaximumPoolSize(2);
        HikariDataSource pool = new HikariDataSource(config);
        pools.add(pool);
        return pool;
    }

    /** Cuts the next connection that sends a message containing {@code text}, at {@code when}. */
    public void cutAt(String text, Cut when) {
        done.set(false);
        cut = when;
        marker.set(text.getBytes(StandardCharsets.US_ASCII));
    }

    /** Whether a connection has been cut since {@link #cutAt}. */
    public boolean hasCut() {
        return done.get();
    }

    private void accept() {
        while (!listener.isClosed()) {
            try {
                Socket client = listener.accept();
                Socket server = new Socket(InetAddress.getLoopbackAddress(), serverPort);
                sockets.add(client);
                sockets.add(server);
                AtomicBoolean answerDue = new AtomicBoolean();
                pump(client, server, true, answerDue);
                pump(server, client, false, answerDue);
            } catch (IOException e) {
                return; // closed
            }
        }
    }

    /**
     * Copies {@code from} to {@code to} on a thread of its own. From the driver, a message holding the
     * marker arms the cut; from the server, the first answer after it is dropped and both ends closed.
     */
    private void pump(Socket from, Socket to, boolean fromDriver, AtomicBoolean answerDue) {
        Thread thread = new Thread(() -> {
            byte[] buffer = new byte[64 * 1024];
            try (InputStream in = from.getInputStream(); OutputStream out = to.getOutputStream()) {
                int read;
                while ((read = in.read(buffer)) >= 0) {
                    if (fromDriver && marked(buffer, read)) {
                        marker.set(null);
                        if (cut == Cut.BEFORE_THE_SERVER_GETS_IT) {
                            cutOff(from, to);
                            return;
                        }
                        answerDue.set(true);
                    } else if (!fromDriver && answerDue.get()) {
                        cutOff(to, from);
                        return;
                    }
                    out.write(buffer, 0, read);
                    out.flush();
                }
            } catch (IOException e) {
                // one end closed: the other is closed with it
            } finally {
                closeQuietly(from);
                closeQuietly(to);
            }
        }, "cutting-proxy-pump");
        thread.setDaemon(true);
        thread.start();
    }

    private boolean marked(byte[] buffer, int length) {
        byte[] text = marker.get();
        if (text == null) {
            return false;
        }
        outer:
        for (int i = 0; i + text.length <= length; i++) {
            for (int j = 0; j < text.length; j++) {
                if (buffer[i + j] != text[j]) {
                    continue outer;
                }
            }
            return true;
        }
        return false;
    }

    /** Resets the driver's connection (no orderly close) and closes the server's. */
    private void cutOff(Socket driver, Socket server) {
        done.set(true); // before the driver can see the cut and its caller ask
        try {
            driver.setSoLinger(true, 0);
        } catch (IOException e) {
            // closed already: it is cut either way
        }
        closeQuietly(driver);
        closeQuietly(server);
    }

    private static void closeQuietly(Socket socket) {
        try {
            socket.close();
        } catch (IOException e) {
            // nothing to keep
        }
    }

    @Override
    public void close() {
        pools.forEach(HikariDataSource::close);
        closeQuietly(sockets);
        try {
            listener.close();
        } catch (IOException e) {
            // nothing to keep
        }
    }

    private static void closeQuietly(List<Socket> sockets) {
        sockets.forEach(CuttingProxy::closeQuietly);
    }
}
