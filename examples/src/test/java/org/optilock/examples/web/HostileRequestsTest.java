package org.optilock.examples.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.optilock.examples.DocumentDao;

/** What a hostile or sloppy client sends: each gets its status, and nothing is written. */
class HostileRequestsTest extends RunningWebExample {

    HostileRequestsTest() throws SQLException, IOException {
        super();
    }

    private HttpResponse<String> putWith(String ifMatch, String json) throws IOException, InterruptedException {
        return put(1, ifMatch, json);
    }

    @Test
    void malformedValuesAre400ProblemsAndWriteNothing() throws Exception {
        HttpResponse<String> wrongType = putWith("\"1\"", "{\"title\": 1, \"body\": \"b\"}");
        assertEquals(400, wrongType.statusCode());
        assertEquals("application/problem+json; charset=utf-8", wrongType.headers().firstValue("Content-Type").orElseThrow());

        HttpResponse<String> tooLong = putWith("\"1\"", "{\"title\": \"" + "x".repeat(300) + "\", \"body\": \"b\"}");
        assertEquals(400, tooLong.statusCode(), tooLong.body());
        assertTrue(tooLong.body().contains("does not fit its column"), tooLong.body());

        assertEquals(400, send(HttpRequest.newBuilder(uri("/api/documents/99999999999999999999"))).statusCode());
        assertEquals(400, send(HttpRequest.newBuilder(uri("/documents/99999999999999999999/edit"))).statusCode());
        assertEquals(400, postForm("/documents/1", "title=%zz&body=b").statusCode(), "bad percent-encoding");
        assertEquals(400, postForm("/documents/save", "id=one&title-one=x").statusCode(), "a non-numeric id");
        assertEquals("Release notes", new DocumentDao(dataSource).findById(1L).orElseThrow().getTitle());
    }

    @Test
    void aLargeBodyIs413AndIsNeitherReadWholeNorEchoed() throws Exception {
        String huge = "{\"title\": \"" + "x".repeat(200_000) + "\", \"body\": \"b\"}";
        HttpResponse<String> refused = putWith("\"7\"", huge);
        assertEquals(413, refused.statusCode());
        assertTrue(refused.body().length() < 1_000, "the answer does not echo the body");
        assertEquals(1L, new DocumentDao(dataSource).findById(1L).orElseThrow().getVersion());
    }

    @Test
    void clientsThatAnnounceABodyAndStallNeitherBlockOthersNorStayForever() throws Exception {
        List<Socket> stalled = new ArrayList<>();
        try {
            for (int i = 0; i < 6; i++) {
                Socket socket = new Socket("localhost", uri("/").getPort());
                socket.getOutputStream().write(("PUT /api/documents/1 HTTP/1.1\r\nHost: localhost\r\nIf-Match: \"1\"\r\n"
                        + "Content-Type: application/json\r\nContent-Length: 60000\r\n\r\n{\"title\": \"")
                        .getBytes(StandardCharsets.US_ASCII));
                socket.getOutputStream().flush();
                stalled.add(socket);
            }

            // Sooner than the server drops the stalled ones: only free threads can answer in time.
            HttpRequest.Builder meanwhile = HttpRequest.newBuilder(uri("/api/documents/1")).timeout(Duration.ofMillis(1500));
            assertEquals(200, send(meanwhile).statusCode(), "other clients are still served");

            for (Socket socket : stalled) {
                socket.setSoTimeout(30_000); // only a server that never drops them reaches this
                assertEquals(-1, socket.getInputStream().read(), "the server drops a client that stalls");
            }
        } finally {
            for (Socket socket : stalled) {
                socket.close();
            }
        }
        assertEquals(1L, new DocumentDao(dataSource).findById(1L).orElseThrow().getVersion(), "nothing was written");
    }

    @Test
    void headAnswersLikeGetAndEvery405SaysWhatIsAllowed() throws Exception {
        HttpResponse<String> head = send(HttpRequest.newBuilder(uri("/api/documents/1")).method("HEAD",
                HttpRequest.BodyPublishers.noBody()));
        assertEquals(200, head.statusCode());
        assertEquals("\"1\"", head.headers().firstValue("ETag").orElseThrow());
        assertEquals("", head.body());

        HttpResponse<String> patch = send(HttpRequest.newBuilder(uri("/api/documents/1")).method("PATCH",
                HttpRequest.BodyPublishers.ofString("{}")));
        assertEquals(405, patch.statusCode());
        assertEquals("GET, HEAD, PUT, DELETE", patch.headers().firstValue("Allow").orElseThrow());
        HttpResponse<String> listPost = send(HttpRequest.newBuilder(uri("/documents"))
                .POST(HttpRequest.BodyPublishers.ofString("")));
        assertEquals(405, listPost.statusCode());
        assertEquals("GET, HEAD", listPost.headers().firstValue("Allow").orElseThrow());
        assertEquals("POST", send(HttpRequest.newBuilder(uri("/documents/1"))).headers().firstValue("Allow").orElseThrow());
    }

    @Test
    void preconditionsFollowRfc9110() throws Exception {
        assertEquals(404, put(99, "\"1\"", "{\"title\": \"t\", \"body\": \"b\"}").statusCode(), "never existed");
        assertEquals(404, send(HttpRequest.newBuilder(uri("/api/documents/99")).header("If-Match", "\"1\"").DELETE())
                .statusCode());
        HttpResponse<String> createOnly = send(HttpRequest.newBuilder(uri("/api/documents/1"))
                .header("Content-Type", "application/json").header("If-None-Match", "*")
                .PUT(HttpRequest.BodyPublishers.ofString("{\"title\": \"t\", \"body\": \"b\"}")));
        assertEquals(412, createOnly.statusCode(), "If-None-Match: * and the document exists");

        // Two If-Match lines are one list: the second names the current version.
        HttpResponse<String> twoLines = send(HttpRequest.newBuilder(uri("/api/documents/1"))
                .header("Content-Type", "application/json").header("If-Match", "\"7\"").header("If-Match", "\"1\"")
                .PUT(HttpRequest.BodyPublishers.ofString("{\"title\": \"t\", \"body\": \"b\"}")));
        assertEquals(200, twoLines.statusCode(), twoLines.body());
    }

    @Test
    void ifMatchStarWritesWhateverTheVersionAndNeverLosesARace() throws Exception {
        ExecutorService clients = Executors.newFixedThreadPool(4);
        try {
            List<Future<Integer>> statuses = new ArrayList<>();
            for (int i = 0; i < 20; i++) {
                String json = "{\"title\": \"t" + i + "\", \"body\": \"b\"}";
                statuses.add(clients.submit(() -> putWith("*", json).statusCode()));
            }
            for (Future<Integer> status : statuses) {
                assertEquals(200, status.get());
            }
        } finally {
            clients.shutdownNow();
        }
        assertEquals(21L, new DocumentDao(dataSource).findById(1L).orElseThrow().getVersion(), "every write counted");
    }

    @Test
    void crossSiteRequestsAreRefused() throws Exception {
        HttpResponse<String> noToken = send(HttpRequest.newBuilder(uri("/documents/1"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("title=x&body=y")));
        assertEquals(403, noToken.statusCode());
        postForm("/documents/1", "warm=up"); // takes this client's token
        HttpResponse<String> otherOrigin = send(HttpRequest.newBuilder(uri("/documents/delete"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .header("Cookie", "csrf=" + csrf).header("Origin", "http://evil.example")
                .POST(HttpRequest.BodyPublishers.ofString("selected=1&csrf=" + csrf)));
        assertEquals(403, otherOrigin.statusCode());
        HttpResponse<String> textPlain = send(HttpRequest.newBuilder(uri("/api/documents"))
                .header("Content-Type", "text/plain").POST(HttpRequest.BodyPublishers.ofString("{\"title\": \"x\"}")));
        assertEquals(415, textPlain.statusCode());
        assertEquals(3, new DocumentDao(dataSource).findAll().size(), "nothing created or deleted");

        HttpResponse<String> page = send(HttpRequest.newBuilder(uri("/documents")));
        assertEquals("nosniff", page.headers().firstValue("X-Content-Type-Options").orElseThrow());
        assertTrue(page.headers().firstValue("Content-Security-Policy").orElseThrow().contains("frame-ancestors 'none'"));
    }

    @Test
    void aConfiguredSigningKeyKeepsFormsValidAcrossARestart() throws Exception {
        web.close();
        System.setProperty("optilock.example.signing-key", "c2lnbmluZyBrZXkgb2YgdGhlIHdlYiBleGFtcGxlIHRlc3Q=");
        try {
            WebExample first = WebExample.start(dataSource, 0);
            String form = client.send(HttpRequest.newBuilder(URI.create("http://localhost:" + first.port()
                    + "/documents/1/edit")).build(), HttpResponse.BodyHandlers.ofString()).body();
            first.close();
            web = WebExample.start(dataSource, 0); // the restart
            HttpResponse<String> saved = postForm("/documents/1",
                    "title=After&body=restart&version=" + encode(hidden(form, "version")));
            assertEquals(303, saved.statusCode(), saved.body());
        } finally {
            System.clearProperty("optilock.example.signing-key");
        }
    }
}
