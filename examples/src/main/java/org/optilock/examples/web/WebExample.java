package org.optilock.examples.web;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.security.SecureRandom;
import java.util.concurrent.Executors;
import javax.sql.DataSource;
import org.optilock.examples.Document;
import org.optilock.examples.DocumentDao;
import org.optilock.runtime.http.VersionSigner;

/**
 * The web example, on the JDK's HTTP server: pages to edit documents (open the same one in two tabs
 * and save both to see a conflict) and a JSON API with ETags. No framework.
 */
public final class WebExample implements AutoCloseable {

    private final HttpServer server;

    private WebExample(HttpServer server) {
        this.server = server;
    }

    /** Starts the example on {@code port} (0 for any free one) over the {@code Document} table of {@code dataSource}. */
    public static WebExample start(DataSource dataSource, int port) throws IOException {
        DocumentDao documents = new DocumentDao(dataSource);
        byte[] key = new byte[32];
        new SecureRandom().nextBytes(key); // a real application keeps its key in its configuration
        DocumentPages pages = new DocumentPages(documents, new VersionSigner(key));
        DocumentApi api = new DocumentApi(documents);
        HttpServer server = HttpServer.create(new InetSocketAddress("localhost", port), 0);
        server.createContext("/", exchange -> {
            try (exchange) {
                pages.handle(exchange);
            }
        });
        server.createContext("/api/", exchange -> {
            try (exchange) {
                api.handle(exchange);
            }
        });
        server.setExecutor(Executors.newFixedThreadPool(4));
        server.start();
        return new WebExample(server);
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
