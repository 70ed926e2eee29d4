package org.optilock.examples.web;

import com.sun.net.httpserver.HttpExchange;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;

/** Writes the example's responses. */
final class Responses {

    private Responses() {}

    /** The largest request body the example reads: a document's fields, with room to spare. */
    static final int MAX_BODY = 64 * 1024;

    /**
     * The request body as text, read up to {@link #MAX_BODY} bytes.
     *
     * @throws BodyTooLargeException if it is longer
     */
    static String body(HttpExchange exchange) throws IOException {
        String announced = exchange.getRequestHeaders().getFirst("Content-Length");
        // A client that announces a large body is refused before a byte of it is read.
        if (announced != null && (announced.strip().length() > 9 || Long.parseLong(announced.strip()) > MAX_BODY)) {
            throw new BodyTooLargeException();
        }
        try (InputStream in = exchange.getRequestBody()) {
            byte[] bytes = in.readNBytes(MAX_BODY + 1);
            if (bytes.length > MAX_BODY) {
                throw new BodyTooLargeException();
            }
            return new String(bytes, StandardCharsets.UTF_8);
        }
    }

    /** A request body over {@link #MAX_BODY} bytes: answered 413, never read whole. */
    static final class BodyTooLargeException extends RuntimeException {
        private static final long serialVersionUID = 1L;

        BodyTooLargeException() {
            super("The request body is over " + MAX_BODY + " bytes.");
        }
    }

    /**
     * Headers every answer carries: no content sniffing, no framing by other sites, and pages that load
     * nothing but their own inline style.
     */
    static void secure(HttpExchange exchange) {
        exchange.getResponseHeaders().set("X-Content-Type-Options", "nosniff");
        exchange.getResponseHeaders().set("Content-Security-Policy",
                "default-src 'none'; style-src 'unsafe-inline'; form-action 'self'; frame-ancestors 'none'");
        exchange.getResponseHeaders().set("Referrer-Policy", "same-origin");
    }

    /** An RFC 9457 problem, for the JSON API. */
    static void problem(HttpExchange exchange, int status, String title, String detail) throws IOException {
        Map<String, Object> problem = new LinkedHashMap<>();
        problem.put("title", title);
        problem.put("status", status);
        problem.put("detail", detail);
        send(exchange, status, "application/problem+json", FlatJson.write(problem));
    }

    /** 405, with the methods the resource does allow. */
    static void notAllowed(HttpExchange exchange, String allowed) throws IOException {
        exchange.getResponseHeaders().set("Allow", allowed);
        status(exchange, 405);
    }

    static void send(HttpExchange exchange, int status, String contentType, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", contentType + "; charset=utf-8");
        if (exchange.getRequestMethod().equals("HEAD")) {
            // The headers of a GET, and no body.
            exchange.sendResponseHeaders(status, -1);
            return;
        }
        exchange.sendResponseHeaders(status, bytes.length == 0 ? -1 : bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }

    static void html(HttpExchange exchange, int status, String title, String content) throws IOException {
        send(exchange, status, "text/html", """
                <!DOCTYPE html>
                <html lang="en"><head><meta charset="utf-8"><title>%s</title>
                <style>
                  body { font-family: system-ui, sans-serif; margin: 2rem; max-width: 60rem; }
                  table { border-collapse: collapse; margin: 1rem 0; }
                  th, td { border: 1px solid #ccc; padding: .4rem .6rem; text-align: left; vertical-align: top; }
                  tr.differs td { background: #ffe08a; }
                  .message { padding: .6rem; background: #eef; border-left: 4px solid #66f; }
                  .error { padding: .6rem; background: #fee; border-left: 4px solid #d33; }
                  textarea { width: 30rem; height: 6rem; } input[type=text] { width: 20rem; }
                </style></head>
                <body>%s</body></html>
                """.formatted(Html.escape(title), content));
    }

    static void status(HttpExchange exchange, int status) throws IOException {
        exchange.sendResponseHeaders(status, -1);
        exchange.close();
    }

    static void redirect(HttpExchange exchange, String location) throws IOException {
        exchange.getResponseHeaders().set("Location", location);
        status(exchange, 303);
    }
}
