package org.optilock.examples.spring;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.optilock.runtime.RecordModifiedException;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;

/** The example over real HTTP: the API's preconditions, the edit page's conflict page, the transaction. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class NotesApplicationTest {

    @Value("${local.server.port}")
    int port;

    @Autowired
    NoteDao notes;

    @Autowired
    NoteService service;

    @Autowired
    JdbcTemplate jdbc;

    private final HttpClient client = HttpClient.newHttpClient();
    private long id;

    @BeforeEach
    void aFreshNote() {
        id = notes.insert(new Note("Plan", "first draft")).id;
    }

    private HttpResponse<String> send(HttpRequest.Builder request) throws IOException, InterruptedException {
        return client.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private HttpRequest.Builder request(String path) {
        return HttpRequest.newBuilder(URI.create("http://localhost:" + port + path));
    }

    private HttpResponse<String> putJson(String ifMatch, String json) throws IOException, InterruptedException {
        HttpRequest.Builder put = request("/api/notes/" + id).header("Content-Type", "application/json")
                .PUT(HttpRequest.BodyPublishers.ofString(json));
        if (ifMatch != null) {
            put.header("If-Match", ifMatch);
        }
        return send(put);
    }

    private HttpResponse<String> postForm(String token, String title, String body) throws IOException, InterruptedException {
        String form = "version=" + URLEncoder.encode(token, StandardCharsets.UTF_8)
                + "&title=" + URLEncoder.encode(title, StandardCharsets.UTF_8)
                + "&body=" + URLEncoder.encode(body, StandardCharsets.UTF_8);
        return send(request("/notes/" + id).header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form)));
    }

    private static String token(String page) {
        Matcher hidden = Pattern.compile("name=\"version\" value=\"([^\"]+)\"").matcher(page);
        assertTrue(hidden.find(), page);
        return hidden.group(1).replace("&#61;", "=").replace("&#45;", "-").replace("&#95;", "_");
    }

    @Test
    void theApiAnswersETagsAndPreconditions() throws Exception {
        HttpResponse<String> read = send(request("/api/notes/" + id).GET());
        assertEquals(200, read.statusCode());
        assertEquals("\"1\"", read.headers().firstValue("ETag").orElseThrow());
        assertEquals(304, send(request("/api/notes/" + id).header("If-None-Match", "\"1\"").GET()).statusCode());

        assertEquals(428, putJson(null, "{\"title\":\"blind\",\"body\":\"x\"}").statusCode());
        HttpResponse<String> saved = putJson("\"1\"", "{\"title\":\"Plan B\",\"body\":\"x\"}");
        assertEquals(200, saved.statusCode());
        assertEquals("\"2\"", saved.headers().firstValue("ETag").orElseThrow());
        HttpResponse<String> stale = putJson("\"1\"", "{\"title\":\"stale\",\"body\":\"x\"}");
        assertEquals(412, stale.statusCode());
        assertTrue(stale.body().contains("\"currentVersion\":2"), stale.body());
        assertEquals("Plan B", notes.findById(id).orElseThrow().title);
    }

    @Test
    void twoEditorsOfOnePageTheSecondGetsTheConflictPageAndReapplies() throws Exception {
        String alice = token(send(request("/notes/" + id + "/edit").GET()).body());
        String bob = token(send(request("/notes/" + id + "/edit").GET()).body());

        assertEquals(303, postForm(alice, "Plan by Alice", "first draft").statusCode());
        HttpResponse<String> conflict = postForm(bob, "Plan by Bob", "second draft");

        assertEquals(409, conflict.statusCode());
        assertTrue(conflict.body().contains("Someone changed this note while you were editing it"), conflict.body());
        assertTrue(conflict.body().contains("Plan by Alice") && conflict.body().contains("Plan by Bob"), conflict.body());
        assertEquals("Plan by Alice", notes.findById(id).orElseThrow().title, "Bob's stale save wrote nothing");

        assertEquals(303, postForm(token(conflict.body()), "Plan by Bob", "second draft").statusCode());
        assertEquals("Plan by Bob", notes.findById(id).orElseThrow().title);

        HttpResponse<String> conflicts = send(request("/actuator/metrics/optilock.conflicts?tag=entity:Note").GET());
        assertEquals(200, conflicts.statusCode(), "Actuator shows the conflict: " + conflicts.body());
        assertTrue(conflicts.body().matches("(?s).*\"statistic\":\"COUNT\",\"value\":[1-9].*"), conflicts.body());
    }

    @Test
    void twoEditorsOfDifferentFieldsAreMergedAndBothSaved() throws Exception {
        Note before = notes.findById(id).orElseThrow();
        String alice = token(send(request("/notes/" + id + "/edit").GET()).body());
        String bob = token(send(request("/notes/" + id + "/edit").GET()).body());

        assertEquals(303, postForm(alice, "Plan by Alice", before.body).statusCode());
        HttpResponse<String> merged = postForm(bob, before.title, "Bob's body");

        assertEquals(303, merged.statusCode(), merged.body());
        Note saved = notes.findById(id).orElseThrow();
        assertEquals("Plan by Alice", saved.title);
        assertEquals("Bob's body", saved.body);
        assertEquals(3L, saved.version);
        assertEquals(2, service.historyOf(id), "Alice's save and Bob's merged one");

        HttpResponse<String> merges = send(request("/actuator/metrics/optilock.conflict.resolutions?tag=resolution:merged").GET());
        assertEquals(200, merges.statusCode(), "Actuator counts the merge: " + merges.body());
    }

    @Test
    void aConflictRollsBackTheHistoryEntryOfTheSameTransaction() {
        Note stale = notes.findById(id).orElseThrow();
        Note fresh = notes.findById(id).orElseThrow();
        fresh.title = "Saved first";
        service.save(fresh, "alice");
        stale.title = "Saved second";

        assertThrows(RecordModifiedException.class, () -> service.save(stale, "bob"));

        assertEquals(1, service.historyOf(id), "bob's history entry went with his conflicting update");
        assertEquals(1, jdbc.queryForObject("SELECT COUNT(*) FROM note_history WHERE note_id = ?", Integer.class, id));
    }
}
