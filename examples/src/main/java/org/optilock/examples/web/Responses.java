package org.optilock.examples.web;

import com.sun.net.httpserver.HttpExchange;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;

/** Writes the example's responses. */
final class Responses {

    private Responses() {}

    static String body(HttpExchange exchange) throws IOException {
        try (InputStream in = exchange.getRequestBody()) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    static void send(HttpExchange exchange, int status, String contentType, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", contentType + "; charset=utf-8");
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
