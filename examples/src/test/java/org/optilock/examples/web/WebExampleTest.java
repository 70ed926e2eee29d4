package org.optilock.examples.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.URLDecoder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.sql.SQLException;
import java.time.Duration;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import jdk.jfr.Recording;
import jdk.jfr.consumer.RecordedEvent;
import jdk.jfr.consumer.RecordingFile;
import org.junit.jupiter.api.Test;
import org.optilock.examples.Document;
import org.optilock.examples.DocumentDao;

/** The web example over real HTTP: two clients race for the same document, and nothing is lost. */
class WebExampleTest extends RunningWebExample {

    WebExampleTest() throws SQLException, IOException {
        super();
    }

    @Test
    void twoApiClientsRaceAndTheLoserGets412WithTheCurrentVersion() throws Exception {
        HttpResponse<String> alice = send(HttpRequest.newBuilder(uri("/api/documents/1")));
        HttpResponse<String> bob = send(HttpRequest.newBuilder(uri("/api/documents/1")));
        assertEquals(200, alice.statusCode());
        String etag = alice.headers().firstValue("ETag").orElseThrow();
        assertEquals("\"1\"", etag);
        assertEquals(etag, bob.headers().firstValue("ETag").orElseThrow());

        HttpResponse<String> won = put(1, etag, "{\"title\": \"Alice's title\", \"body\": \"a\"}");
        HttpResponse<String> lost = put(1, etag, "{\"title\": \"Bob's title\", \"body\": \"b\"}");

        assertEquals(200, won.statusCode());
        assertEquals("\"2\"", won.headers().firstValue("ETag").orElseThrow());
        assertEquals(412, lost.statusCode());
        assertEquals("application/problem+json; charset=utf-8", lost.headers().firstValue("Content-Type").orElseThrow());
        assertEquals("\"2\"", lost.headers().firstValue("ETag").orElseThrow());
        assertTrue(lost.body().contains("\"currentVersion\":2"), lost.body());
        assertTrue(lost.body().contains("\"differences\":[\"title\",\"body\"]"), lost.body());
        assertEquals("Alice's title", new DocumentDao(dataSource).findById(1L).orElseThrow().getTitle(), "nothing lost");
    }

    @Test
    void aStaleVersionInTheBodyIs409() throws Exception {
        put(1, "\"1\"", "{\"title\": \"first\", \"body\": \"x\"}");
        HttpResponse<String> stale = put(1, null, "{\"title\": \"second\", \"body\": \"y\", \"version\": 1}");
        assertEquals(409, stale.statusCode());
        assertTrue(stale.body().contains("\"current\":{\"title\":\"first\",\"body\":\"x\"}"), stale.body());
    }

    @Test
    void writesWithoutAVersionAre428AndMalformedOnes400() throws Exception {
        assertEquals(428, put(1, null, "{\"title\": \"t\", \"body\": \"b\"}").statusCode());
        assertEquals(400, put(1, "1", "{\"title\": \"t\", \"body\": \"b\"}").statusCode());
        assertEquals(412, put(1, "W/\"1\"", "{\"title\": \"t\", \"body\": \"b\"}").statusCode(), "weak tags never match");
        assertEquals(428, send(HttpRequest.newBuilder(uri("/api/documents/1")).DELETE()).statusCode());
        assertEquals(400, put(1, "\"1\"", "{not json").statusCode());
    }

    @Test
    void createReadNotModifiedAndDelete() throws Exception {
        HttpResponse<String> created = send(HttpRequest.newBuilder(uri("/api/documents")).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"title\": \"New\", \"body\": \"text\"}")));
        assertEquals(201, created.statusCode());
        String location = created.headers().firstValue("Location").orElseThrow();
        assertEquals("/api/documents/4", location);

        HttpResponse<String> cached = send(HttpRequest.newBuilder(uri(location)).header("If-None-Match", "\"1\""));
        assertEquals(304, cached.statusCode());

        assertEquals(412, send(HttpRequest.newBuilder(uri(location)).header("If-Match", "\"7\"").DELETE()).statusCode());
        assertEquals(204, send(HttpRequest.newBuilder(uri(location)).header("If-Match", "\"1\"").DELETE()).statusCode());
        assertEquals(404, send(HttpRequest.newBuilder(uri(location))).statusCode());
    }

    private HttpResponse<String> saveForm(long id, String form, String editor, String title, String body)
            throws IOException, InterruptedException {
        return postForm("/documents/" + id, "editor=" + encode(editor) + "&title=" + encode(title)
                + "&body=" + encode(body) + "&version=" + encode(hidden(form, "version")));
    }

    private static String message(HttpResponse<String> redirect) {
        return URLDecoder.decode(redirect.headers().firstValue("Location").orElseThrow(), StandardCharsets.UTF_8);
    }

    @Test
    void editsOfDifferentFieldsAreMergedAndBothSaved() throws Exception {
        String aliceForm = send(HttpRequest.newBuilder(uri("/documents/2/edit"))).body();
        String bobForm = send(HttpRequest.newBuilder(uri("/documents/2/edit"))).body();

        HttpResponse<String> alice = saveForm(2, aliceForm, "Alice", "Roadmap", "Where we go in 2027.");
        HttpResponse<String> bob = saveForm(2, bobForm, "Bob", "Our roadmap", "Where we go next.");

        assertEquals(303, alice.statusCode());
        assertEquals(303, bob.statusCode(), bob.body());
        assertTrue(message(bob).contains("Saved document 2, now version 3: merged with Alice's change to the body."),
                message(bob));
        assertTrue(bob.headers().allValues("Set-Cookie").contains("editor=Bob; Path=/; HttpOnly; SameSite=Lax"));
        Document saved = new DocumentDao(dataSource).findById(2L).orElseThrow();
        assertEquals("Our roadmap", saved.getTitle());
        assertEquals("Where we go in 2027.", saved.getBody());
        assertEquals("Bob", saved.getEditedBy());
        assertEquals(3L, saved.getVersion());
    }

    @Test
    void twoFormsRaceAndTheSecondSeesTheConflictPage() throws Exception {
        String aliceForm = send(HttpRequest.newBuilder(uri("/documents/2/edit"))).body();
        String bobForm = send(HttpRequest.newBuilder(uri("/documents/2/edit"))).body();

        HttpResponse<String> saved = saveForm(2, aliceForm, "Alice", "Alice's roadmap", "Where we go next.");
        HttpResponse<String> conflict = saveForm(2, bobForm, "Bob", "Bob's roadmap", "Bob's body.");

        assertEquals(303, saved.statusCode());
        assertEquals(409, conflict.statusCode());
        assertTrue(conflict.body().contains("Someone else changed this document"), conflict.body());
        assertTrue(conflict.body().contains("Alice saved it as version 2"), conflict.body());
        assertTrue(conflict.body().contains("<tr class=\"differs\"><td>Title</td><td>Bob&#39;s roadmap</td>"
                + "<td>Alice&#39;s roadmap</td></tr>"), conflict.body());
        assertTrue(conflict.body().contains("<tr><td>Body</td><td>Bob&#39;s body.</td>"), "only Bob changed the body");
        // The form holds the merge: Alice's title, where both changed it, and Bob's body.
        assertEquals("Alice&#39;s roadmap", hidden(conflict.body(), "title"));
        assertTrue(conflict.body().contains("<textarea name=\"body\">Bob&#39;s body.</textarea>"), conflict.body());
        assertEquals("Alice's roadmap", new DocumentDao(dataSource).findById(2L).orElseThrow().getTitle(), "nothing saved");

        // Saving the form saves over Alice's version, signed by the conflict page.
        HttpResponse<String> reapplied = saveForm(2, conflict.body(), "Bob", "Bob's roadmap", "Bob's body.");
        assertEquals(303, reapplied.statusCode());
        Document document = new DocumentDao(dataSource).findById(2L).orElseThrow();
        assertEquals("Bob's roadmap", document.getTitle());
        assertEquals(3L, document.getVersion());
    }

    @Test
    void aFormSignedWithoutItsBaseCannotBeMergedAndSays400() throws Exception {
        String form = send(HttpRequest.newBuilder(uri("/documents/1/edit"))).body();
        String token = hidden(form, "version");
        String[] parts = token.split("\\.");
        assertEquals(3, parts.length, "version, base and signature");
        HttpResponse<String> withoutBase = postForm("/documents/1",
                "title=x&body=y&version=" + encode(parts[0] + "." + parts[2]));
        assertEquals(400, withoutBase.statusCode());
        assertEquals("Release notes", new DocumentDao(dataSource).findById(1L).orElseThrow().getTitle());
    }

    @Test
    void aTamperedVersionIsRefused() throws Exception {
        String form = send(HttpRequest.newBuilder(uri("/documents/1/edit"))).body();
        String token = hidden(form, "version");
        HttpResponse<String> tampered = postForm("/documents/1",
                "title=x&body=y&version=" + encode("OQ" + token.substring(token.indexOf('.'))));
        assertEquals(400, tampered.statusCode());
        assertTrue(tampered.body().contains("altered"), tampered.body());
        HttpResponse<String> otherRecord = postForm("/documents/2", "title=x&body=y&version=" + encode(token));
        assertEquals(400, otherRecord.statusCode());
    }

    @Test
    void theListSavesWithTheChosenPolicyAndDeletesAllOrNothing() throws Exception {
        String list = send(HttpRequest.newBuilder(uri("/documents"))).body();
        put(2, "\"1\"", "{\"title\": \"Changed meanwhile\", \"body\": \"x\"}");
        String rows = "id=1&id=2&id=3"
                + "&original-1=" + encode("Release notes") + "&title-1=" + encode("Notes 2.0")
                + "&version-1=" + encode(hidden(list, "version-1"))
                + "&original-2=Roadmap&title-2=" + encode("Our roadmap") + "&version-2=" + encode(hidden(list, "version-2"))
                + "&original-3=" + encode("Style guide") + "&title-3=" + encode("Style guide")
                + "&version-3=" + encode(hidden(list, "version-3"));

        HttpResponse<String> aborted = postForm("/documents/save", rows + "&policy=ABORT_ALL");
        String message = URLDecoder.decode(aborted.headers().firstValue("Location").orElseThrow(), StandardCharsets.UTF_8);
        assertTrue(message.contains("Nothing was saved: #2 changed meanwhile"), message);
        assertEquals("Release notes", new DocumentDao(dataSource).findById(1L).orElseThrow().getTitle());

        HttpResponse<String> silent = postForm("/documents/save", rows + "&policy=SILENT");
        message = URLDecoder.decode(silent.headers().firstValue("Location").orElseThrow(), StandardCharsets.UTF_8);
        assertTrue(message.contains("Saved 1 of 2 edited rows. Changed by someone else meanwhile, so not saved: #2."), message);
        assertEquals("Notes 2.0", new DocumentDao(dataSource).findById(1L).orElseThrow().getTitle());

        String delete = "selected=2&selected=3&version-2=" + encode(hidden(list, "version-2"))
                + "&version-3=" + encode(hidden(list, "version-3"));
        HttpResponse<String> guarded = postForm("/documents/delete", delete);
        message = URLDecoder.decode(guarded.headers().firstValue("Location").orElseThrow(), StandardCharsets.UTF_8);
        assertTrue(message.contains("Nothing was deleted: #2 changed meanwhile"), message);
        assertEquals(3, new DocumentDao(dataSource).findAll().size());
    }

    /**
     * Two tabs editing the same documents, recorded with JFR as an operator would ({@code jcmd <pid>
     * JFR.start}): each round Alice saves, Bob's older form conflicts, and Bob's save goes through
     * merged (different fields) or from the conflict page (the same field). The recording is kept as
     * {@code target/web-example.jfr}, which docs/operations.md charts.
     */
    @Test
    void aRecordingOfTwoTabsHoldsEveryWriteAndConflict() throws Exception {
        int rounds = 12;
        Path file = Path.of("target", "web-example.jfr");
        Files.createDirectories(file.getParent());
        try (Recording recording = new Recording()) {
            for (String event : List.of("org.optilock.Write", "org.optilock.Conflict")) {
                recording.enable(event).withThreshold(Duration.ZERO).withStackTrace();
            }
            recording.start();
            for (int round = 0; round < rounds; round++) {
                long id = 1 + round % 3;
                String aliceForm = send(HttpRequest.newBuilder(uri("/documents/" + id + "/edit"))).body();
                String bobForm = send(HttpRequest.newBuilder(uri("/documents/" + id + "/edit"))).body();
                assertEquals(303, saveForm(id, aliceForm, "Alice", "Alice's title " + round, asTyped(aliceForm, "body"))
                        .statusCode());
                if (round % 2 == 0) {
                    assertEquals(303, saveForm(id, bobForm, "Bob", asTyped(bobForm, "title"), "Bob's body " + round)
                            .statusCode(), "merged");
                } else {
                    HttpResponse<String> conflict = saveForm(id, bobForm, "Bob", "Bob's title " + round, "Bob's body");
                    assertEquals(409, conflict.statusCode());
                    assertEquals(303, saveForm(id, conflict.body(), "Bob", "Bob's title " + round, "Bob's body")
                            .statusCode(), "saved from the conflict page");
                }
            }
            recording.stop();
            recording.dump(file);
        }
        List<RecordedEvent> events = RecordingFile.readAllEvents(file).stream()
                .filter(event -> event.getClass("entity").getName().equals(Document.class.getName())).toList();
        List<RecordedEvent> conflicts = events.stream()
                .filter(event -> event.getEventType().getName().equals("org.optilock.Conflict")).toList();
        assertEquals(rounds, conflicts.size(), "Bob's first save of each round");
        assertTrue(conflicts.stream().allMatch(event -> event.getString("operation").equals("update")
                && !event.getBoolean("deleted") && event.getStackTrace() != null));
        List<RecordedEvent> writes = events.stream()
                .filter(event -> event.getEventType().getName().equals("org.optilock.Write")).toList();
        assertEquals(List.of(2L * rounds, (long) rounds), List.of(
                writes.stream().filter(event -> event.getString("outcome").equals("success")).count(),
                writes.stream().filter(event -> event.getString("outcome").equals("conflict")).count()),
                "Alice's and Bob's saves, and Bob's conflicts");
    }

    /** The text of field {@code name} of an edit form, an input or a text area, as a browser sends it back. */
    private static String asTyped(String form, String name) {
        Matcher matcher = Pattern.compile("name=\"" + name + "\"(?: value=\"([^\"]*)\"|>([^<]*)</textarea>)").matcher(form);
        assertTrue(matcher.find(), "no field " + name);
        String html = matcher.group(1) != null ? matcher.group(1) : matcher.group(2);
        return html.replace("&#39;", "'").replace("&quot;", "\"").replace("&lt;", "<").replace("&gt;", ">")
                .replace("&amp;", "&");
    }
}
