package org.optilock.examples.web;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.sql.SQLException;
import java.util.concurrent.Executors;
import javax.sql.DataSource;
import org.optilock.examples.Document;
import org.optilock.examples.DocumentDao;
import org.optilock.examples.DocumentsImpl;
import org.optilock.runtime.DataAccessException;
import org.optilock.runtime.http.VersionSigner;

/**
 * The web example, on the JDK's HTTP server: pages to edit documents (open the same one in two tabs
 * and save both to see a conflict) and a JSON API with ETags. No framework.
 */
public final class WebExample implements AutoCloseable {

    private static final System.Logger LOG = System.getLogger(WebExample.class.getName());

    /**
     * Seconds a client has to send its whole request, headers and body, before the server drops the
     * connection: a client that announces a body and stalls holds a thread only that long.
     */
    static final String REQUEST_SECONDS = "10";
    /**
     * How much of a refused body the JDK's server reads and discards, unbuffered, before it answers:
     * past it the server closes a connection whose client is still sending, and the client's network
     * stack may drop the 413 with the reset. One MiB keeps the answer for any body a browser or API
     * client plausibly sends, and costs bandwidth, not memory.
     */
    static final String DRAIN_BYTES = String.valueOf(1024 * 1024);

    /** Threads that answer requests; a stalled client holds one until its request time runs out. */
    private static final int THREADS = 16;

    private final HttpServer server;

    private WebExample(HttpServer server) {
        this.server = server;
    }

    /** Starts the example on {@code port} (0 for any free one) over the {@code Document} table of {@code dataSource}. */
    public static WebExample start(DataSource dataSource, int port) throws IOException {
        DocumentDao documents = new DocumentDao(dataSource);
        DocumentPages pages = new DocumentPages(documents, new DocumentsImpl(dataSource),
                new VersionSigner(SigningKey.fromConfiguration()));
        DocumentApi api = new DocumentApi(documents);
        // The JDK's server reads its request deadline and drain amount once, for the whole JVM, when
        // its first server starts: a value set on the command line wins.
        System.getProperties().putIfAbsent("sun.net.httpserver.maxReqTime", REQUEST_SECONDS);
        System.getProperties().putIfAbsent("sun.net.httpserver.drainAmount", DRAIN_BYTES);
        HttpServer server = HttpServer.create(new InetSocketAddress("localhost", port), 0);
        server.createContext("/", exchange -> serve(exchange, pages::handle, false));
        server.createContext("/api/", exchange -> serve(exchange, api::handle, true));
        server.setExecutor(Executors.newFixedThreadPool(THREADS));
        server.start();
        return new WebExample(server);
    }

    /** One part of the example that answers requests. */
    private interface Handler {
        void handle(HttpExchange exchange) throws IOException;
    }

    /**
     * Answers one request with {@code handler}, with the security headers, and turns what a client got
     * wrong into 400 or 413 and anything else into a logged 500, so no request goes unanswered.
     */
    private static void serve(HttpExchange exchange, Handler handler, boolean api) throws IOException {
        try (exchange) {
            Responses.secure(exchange);
            try {
                handler.handle(exchange);
            } catch (Responses.BodyTooLargeException e) {
                fail(exchange, api, 413, "Request too large", e.getMessage());
            } catch (IllegalArgumentException | ClassCastException e) {
                // Malformed JSON, a member of the wrong type, a number too large, bad percent-encoding.
                fail(exchange, api, 400, "Malformed request", e.getMessage());
            } catch (DataAccessException e) {
                SQLException sql = e.getCause();
                if (sql != null && sql.getSQLState() != null && sql.getSQLState().startsWith("22")) {
                    // SQLSTATE class 22, a data exception: a value too long for its column, say.
                    fail(exchange, api, 400, "Value not accepted", "A value does not fit its column: " + sql.getMessage());
                } else {
                    unexpected(exchange, api, e);
                }
            } catch (RuntimeException e) {
                unexpected(exchange, api, e);
            }
        }
    }

    private static void unexpected(HttpExchange exchange, boolean api, RuntimeException e) throws IOException {
        LOG.log(System.Logger.Level.ERROR, "Request " + exchange.getRequestMethod() + " " + exchange.getRequestURI()
                + " failed", e);
        fail(exchange, api, 500, "Server error", "The request failed on the server; it is logged.");
    }

    private static void fail(HttpExchange exchange, boolean api, int status, String title, String detail) throws IOException {
        if (exchange.getResponseCode() != -1) {
            return; // an answer is under way already; the connection closes with the exchange
        }
        if (api) {
            Responses.problem(exchange, status, title, detail);
        } else {
            Responses.html(exchange, status, title, "<h1>" + Html.escape(title) + "</h1><p class=\"error\">"
                    + Html.escape(detail) + "</p><p><a href=\"/documents\">Back to the documents</a></p>");
        }
    }

    /** Adds a few documents to edit. */
    public static void seed(DataSource dataSource) {
        DocumentDao documents = new DocumentDao(dataSource);
        documents.insert(new Document("Release notes", "What is new in this release."));
        documents.insert(new Document("Roadmap", "Where we go next."));
        documents.insert(new Document("Style guide", "How we write."));
    }

    /** The port the server listens on. */
    public int port() {
        return server.getAddress().getPort();
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
