package org.optilock.examples.web;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.AfterEach;
import org.optilock.examples.Examples;

/**
 * The web example running over a fresh H2 database of its own, and a client that speaks to it over
 * real HTTP, posting forms as the site's own pages do.
 */
abstract class RunningWebExample {

    private static final AtomicInteger DATABASES = new AtomicInteger();

    final JdbcDataSource dataSource = new JdbcDataSource();
    private final Connection keepAlive;
    WebExample web;
    final HttpClient client = HttpClient.newHttpClient();

    RunningWebExample() throws SQLException, IOException {
        dataSource.setURL("jdbc:h2:mem:web" + DATABASES.incrementAndGet() + ";DB_CLOSE_DELAY=-1");
        keepAlive = dataSource.getConnection();
        Examples.createTables(keepAlive);
        WebExample.seed(dataSource);
        web = WebExample.start(dataSource, 0);
    }

    @AfterEach
    void stop() throws SQLException {
        web.close();
        keepAlive.createStatement().execute("SHUTDOWN");
    }

    URI uri(String path) {
        return URI.create("http://localhost:" + web.port() + path);
    }

    HttpResponse<String> send(HttpRequest.Builder request) throws IOException, InterruptedException {
        return client.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    HttpResponse<String> put(long id, String ifMatch, String json) throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(uri("/api/documents/" + id))
                .header("Content-Type", "application/json")
                .PUT(HttpRequest.BodyPublishers.ofString(json));
        if (ifMatch != null) {
            request.header("If-Match", ifMatch);
        }
        return send(request);
    }

    /** The CSRF token the server gave this client in its cookie, taken from the first page. */
    String csrf;

    /** Posts {@code form} as this site's own page would: with the CSRF cookie and field. */
    HttpResponse<String> postForm(String path, String form) throws IOException, InterruptedException {
        if (csrf == null) {
            String cookie = send(HttpRequest.newBuilder(uri("/documents"))).headers().allValues("Set-Cookie").stream()
                    .filter(c -> c.startsWith("csrf=")).findFirst().orElseThrow();
            csrf = cookie.substring("csrf=".length(), cookie.indexOf(';'));
        }
        return send(HttpRequest.newBuilder(uri(path))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .header("Cookie", "csrf=" + csrf)
                .POST(HttpRequest.BodyPublishers.ofString(form + "&csrf=" + csrf)));
    }

    static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }

    static String hidden(String html, String name) {
        Matcher matcher = Pattern.compile("name=\"" + Pattern.quote(name) + "\" value=\"([^\"]*)\"").matcher(html);
        assertTrue(matcher.find(), "no field " + name);
        return matcher.group(1);
    }

}
