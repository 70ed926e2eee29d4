package org.optilock.spring;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.optilock.spring.app.Memo;
import org.optilock.spring.app.MemoApplication;
import org.optilock.spring.app.MemoDao;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;

/** Conflicts and preconditions over real HTTP, answered as problem details. */
@SpringBootTest(classes = MemoApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class ProblemDetailsTest {

    /** The server's port; read as a property, which Spring Boot 3 and 4 both set. */
    @Value("${local.server.port}")
    int port;

    @Autowired
    MemoDao memos;

    @Autowired
    JdbcTemplate jdbc;

    private final HttpClient client = HttpClient.newHttpClient();

    @BeforeEach
    void oneMemoAtVersionTwo() {
        jdbc.update("DELETE FROM memo");
        Memo memo = memos.insert(new Memo(1, "first"));
        memos.update(memo);
    }

    private HttpResponse<String> put(String path, String body, String ifMatch) throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                .header("Content-Type", "application/json")
                .PUT(HttpRequest.BodyPublishers.ofString(body));
        if (ifMatch != null) {
            request.header("If-Match", ifMatch);
        }
        return client.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void aStaleSaveAnswers409ProblemDetailsWithTheCurrentVersion() throws Exception {
        HttpResponse<String> response = put("/memos/1/body", "{\"body\":\"stale\",\"version\":1}", null);

        assertEquals(409, response.statusCode());
        assertEquals("application/problem+json", response.headers().firstValue("Content-Type").orElseThrow());
        assertTrue(response.body().contains("\"currentVersion\":2"), response.body());
        assertTrue(response.body().contains("\"title\":\"The record was changed by someone else\""), response.body());
        assertTrue(response.body().contains("\"currentETag\":\"\\\"2\\\"\""), response.body());
        assertTrue(response.body().contains("based on version 1, and the record is at version 2 now"), response.body());
        assertTrue(response.body().contains("in If-Match"), "the detail tells the client what to send: " + response.body());
        assertFalse(response.body().contains("current()"), "no Java advice for an HTTP client: " + response.body());
        assertEquals("first", jdbc.queryForObject("SELECT body FROM memo WHERE id = 1", String.class));
    }

    @Test
    void aStaleBatchAnswers409ListingEveryConflictAndSavesNothing() throws Exception {
        HttpResponse<String> response = put("/memos", "[{\"id\":1,\"body\":\"stale\",\"version\":1}]", null);

        assertEquals(409, response.statusCode());
        assertEquals("application/problem+json", response.headers().firstValue("Content-Type").orElseThrow());
        assertTrue(response.body().contains("\"currentVersion\":2"), response.body());
        assertTrue(response.body().contains("1 record was changed by someone else"), response.body());
        assertFalse(response.body().contains("conflicts()"), "no Java advice for an HTTP client: " + response.body());
        assertEquals("first", jdbc.queryForObject("SELECT body FROM memo WHERE id = 1", String.class));
    }

    @Test
    void aWriteToARecordThatNeverExistedAnswers404WhateverItsIfMatch() throws Exception {
        for (String ifMatch : new String[] {null, "\"1\"", "*"}) {
            HttpResponse<String> response = put("/memos/999", "{\"body\":\"nowhere\"}", ifMatch);
            assertEquals(404, response.statusCode(), "If-Match " + ifMatch);
            assertEquals("application/problem+json", response.headers().firstValue("Content-Type").orElseThrow());
            assertTrue(response.body().contains("\"title\":\"No such record\""), response.body());
        }
        assertEquals(0, jdbc.queryForObject("SELECT COUNT(*) FROM memo WHERE id = 999", Integer.class));
    }

    @Test
    void ifMatchIsRequiredAndMustNameTheCurrentVersion() throws Exception {
        HttpResponse<String> stale = put("/memos/1", "{\"body\":\"stale\"}", "\"1\"");
        assertEquals(412, stale.statusCode());
        assertTrue(stale.body().contains("\"currentVersion\":2"), stale.body());

        assertEquals(428, put("/memos/1", "{\"body\":\"blind\"}", null).statusCode());
        assertEquals(400, put("/memos/1", "{\"body\":\"garbled\"}", "2").statusCode());

        HttpResponse<String> current = put("/memos/1", "{\"body\":\"current\"}", "\"2\"");
        assertEquals(200, current.statusCode());
        assertEquals("\"3\"", current.headers().firstValue("ETag").orElseThrow());
        assertEquals("current", jdbc.queryForObject("SELECT body FROM memo WHERE id = 1", String.class));
    }

    @Test
    void aReadNamingTheCurrentVersionIsNotModified() throws Exception {
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/memos/1"))
                .header("If-None-Match", "\"1\", \"2\"").GET().build();
        HttpResponse<String> response = client.send(request, HttpResponse.BodyHandlers.ofString());
        assertEquals(304, response.statusCode());
        HttpResponse<String> fresh = client.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/memos/1"))
                .GET().build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(200, fresh.statusCode());
        assertEquals("\"2\"", fresh.headers().firstValue("ETag").orElseThrow());
    }

    /** Memo 1 at version 3 with a title; someone else's save then moves it to version 4. */
    private String baseAtVersionThreeThenTheirs(String theirTitle, String theirBody) {
        Memo memo = memos.findById(1L).orElseThrow();
        memo.title = "Title";
        memos.update(memo);
        Memo theirs = memos.findById(1L).orElseThrow();
        theirs.title = theirTitle;
        theirs.body = theirBody;
        memos.update(theirs);
        return "{\"id\":1,\"title\":\"Title\",\"body\":\"first\",\"version\":3}";
    }

    @Test
    void anEditOfAnotherFieldIsMergedAndSaved() throws Exception {
        String base = baseAtVersionThreeThenTheirs("Title", "Their body");

        HttpResponse<String> response = put("/memos/1/merging",
                "{\"base\":" + base + ",\"mine\":{\"title\":\"My title\",\"body\":\"first\",\"version\":3}}", null);

        assertEquals(200, response.statusCode(), response.body());
        assertEquals(List.of("My title", "Their body", 5L), List.of(
                jdbc.queryForObject("SELECT title FROM memo WHERE id = 1", String.class),
                jdbc.queryForObject("SELECT body FROM memo WHERE id = 1", String.class),
                jdbc.queryForObject("SELECT version FROM memo WHERE id = 1", Long.class)));
    }

    @Test
    void anEditOfTheSameFieldAnswers409ListingOnlyTheCollidingFields() throws Exception {
        String base = baseAtVersionThreeThenTheirs("Their title", "Their body");

        HttpResponse<String> response = put("/memos/1/merging",
                "{\"base\":" + base + ",\"mine\":{\"title\":\"Title\",\"body\":\"My body\",\"version\":3}}", null);

        assertEquals(409, response.statusCode());
        assertEquals("application/problem+json", response.headers().firstValue("Content-Type").orElseThrow());
        assertTrue(response.body().contains("\"conflictingFields\":[\"body\"]"), response.body());
        // The merged values, in whatever order the JSON library writes members (Jackson 3 sorts them).
        String merged = response.body().substring(response.body().indexOf("\"merged\":{"));
        merged = merged.substring(0, merged.indexOf('}') + 1);
        for (String member : List.of("\"id\":1", "\"title\":\"Their title\"", "\"body\":\"Their body\"", "\"version\":4")) {
            assertTrue(merged.contains(member), merged);
        }
        assertTrue(response.body().contains("\"currentVersion\":4"), response.body());
        assertTrue(response.body().contains("Both sides changed: body."), response.body());
        assertFalse(response.body().contains("current()"), "no Java advice for an HTTP client: " + response.body());
        assertEquals("Their body", jdbc.queryForObject("SELECT body FROM memo WHERE id = 1", String.class));
    }
}
