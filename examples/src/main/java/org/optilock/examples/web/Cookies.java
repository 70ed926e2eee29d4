package org.optilock.examples.web;

import com.sun.net.httpserver.HttpExchange;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.List;

/** Reads the cookies a browser sent. */
final class Cookies {

    private Cookies() {}

    /** The value of cookie {@code name}, decoded, or {@code null}. */
    static String get(HttpExchange exchange, String name) {
        for (String header : exchange.getRequestHeaders().getOrDefault("Cookie", List.of())) {
            for (String cookie : header.split(";")) {
                String pair = cookie.strip();
                if (pair.startsWith(name + "=")) {
                    return URLDecoder.decode(pair.substring(name.length() + 1), StandardCharsets.UTF_8);
                }
            }
        }
        return null;
    }
}
