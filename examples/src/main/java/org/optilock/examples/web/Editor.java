package org.optilock.examples.web;

import com.sun.net.httpserver.HttpExchange;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;

/**
 * Who is editing: the example has no accounts, so the edit form asks for a name and a cookie
 * remembers it for the next form.
 */
final class Editor {

    private static final String COOKIE = "editor";
    private static final String NOBODY = "someone";

    private Editor() {}

    /** The name the browser's cookie remembers, or the empty text. */
    static String of(HttpExchange exchange) {
        String name = Cookies.get(exchange, COOKIE);
        return name == null ? "" : name;
    }

    /** The name a form gave, trimmed, or "someone" when it gave none. */
    static String named(String name) {
        return name == null || name.isBlank() ? NOBODY : name.strip();
    }

    /** "Alice's", or "someone else's" for a row saved without a name. */
    static String possessive(String name) {
        return (name == null || name.equals(NOBODY) ? "someone else" : name) + "'s";
    }

    /** Has the browser remember {@code name} for the next form. */
    static void remember(HttpExchange exchange, String name) {
        exchange.getResponseHeaders().add("Set-Cookie", COOKIE + "=" + URLEncoder.encode(name, StandardCharsets.UTF_8)
                + "; Path=/; HttpOnly; SameSite=Lax");
    }
}
