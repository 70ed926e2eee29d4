package org.optilock.examples.web;

import com.sun.net.httpserver.HttpExchange;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Base64;

/**
 * Refuses form posts another site makes the browser send. Each browser gets a random token in a
 * {@code SameSite=Strict} cookie, and every form carries it in a hidden field: a post counts only if
 * the two agree and, when the browser names the page's origin, it is this server's. A signed version
 * is no such token: any page of this site hands it out, to anyone, for a given record.
 */
final class CsrfGuard {

    static final String FIELD = "csrf";
    private static final String COOKIE = "csrf";
    private static final SecureRandom RANDOM = new SecureRandom();

    private CsrfGuard() {}

    /** The browser's token, set in a cookie first if it has none yet; for the hidden field. */
    static String token(HttpExchange exchange) {
        String token = Cookies.get(exchange, COOKIE);
        if (token == null || token.isEmpty()) {
            byte[] bytes = new byte[32];
            RANDOM.nextBytes(bytes);
            token = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
            exchange.getResponseHeaders().add("Set-Cookie", COOKIE + "=" + token + "; Path=/; HttpOnly; SameSite=Strict");
        }
        return token;
    }

    /** The hidden field that carries the token. */
    static String hiddenField(HttpExchange exchange) {
        return "<input type=\"hidden\" name=\"" + FIELD + "\" value=\"" + Html.escape(token(exchange)) + "\">";
    }

    /** Whether a post with {@code form} comes from one of this server's own pages. */
    static boolean allows(HttpExchange exchange, FormData form) {
        String origin = exchange.getRequestHeaders().getFirst("Origin");
        String host = exchange.getRequestHeaders().getFirst("Host");
        if (origin != null && !origin.equals("http://" + host)) {
            return false;
        }
        String cookie = Cookies.get(exchange, COOKIE);
        String field = form.get(FIELD);
        return cookie != null && field != null && !cookie.isEmpty()
                && MessageDigest.isEqual(cookie.getBytes(StandardCharsets.US_ASCII), field.getBytes(StandardCharsets.US_ASCII));
    }
}
