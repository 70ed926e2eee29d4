package org.optilock.spring;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.Test;
import org.optilock.runtime.RecordModifiedException;
import org.optilock.spring.app.Memo;
import org.optilock.spring.app.MemoApplication;
import org.optilock.spring.app.MemoDao;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * With Actuator on the class path and no configuration of Optilock's: the meters of a real conflict,
 * the {@code optilock} endpoint and health indicator, over real HTTP.
 */
@SpringBootTest(classes = MemoApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
    "management.endpoints.web.exposure.include=health,metrics,optilock",
    "management.endpoint.health.show-details=always"})
class ActuatorTest {

    @Value("${local.server.port}")
    int port;

    @Autowired
    MemoDao memos;

    @Autowired
    JdbcTemplate jdbc;

    private final HttpClient client = HttpClient.newHttpClient();

    private HttpResponse<String> get(String path) throws Exception {
        return client.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + path)).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void aConflictShowsInTheMetricsAndTheEndpoint() throws Exception {
        jdbc.update("DELETE FROM memo");
        memos.insert(new Memo(7, "first"));
        Memo stale = memos.findById(7L).orElseThrow();
        memos.update(memos.findById(7L).orElseThrow());
        assertThrows(RecordModifiedException.class, () -> memos.update(stale));

        HttpResponse<String> conflicts = get("/actuator/metrics/optilock.conflicts?tag=entity:Memo&tag=cause:version");
        assertEquals(200, conflicts.statusCode(), conflicts.body());
        assertTrue(conflicts.body().matches("(?s).*\"statistic\":\"COUNT\",\"value\":[1-9].*"), conflicts.body());
        HttpResponse<String> writes = get("/actuator/metrics/optilock.writes?tag=entity:Memo&tag=outcome:success");
        assertEquals(200, writes.statusCode(), writes.body());
        assertTrue(writes.body().contains("\"operation\""), "tagged by operation: " + writes.body());

        HttpResponse<String> endpoint = get("/actuator/optilock");
        assertEquals(200, endpoint.statusCode(), endpoint.body());
        assertTrue(endpoint.body().contains("\"name\":\"memoDao\",\"kind\":\"dao\",\"entity\":\"org.optilock.spring.app.Memo\","
                + "\"table\":\"Memo\",\"keyColumns\":[\"id\"],\"versionColumn\":\"version\",\"strategy\":\"COUNTER\""),
                endpoint.body());
        assertTrue(endpoint.body().matches("(?s).*\"name\":\"memoDao\"[^}]*\"conflicts\":[1-9].*"), endpoint.body());
        assertTrue(endpoint.body().contains("\"name\":\"memos\",\"kind\":\"repository\""), endpoint.body());
    }

    @Test
    void theHealthIndicatorIsUpWhenTheTablesFit() throws Exception {
        HttpResponse<String> health = get("/actuator/health/optilock");
        assertEquals(200, health.statusCode(), health.body());
        assertTrue(health.body().contains("\"status\":\"UP\""), health.body());
        assertTrue(health.body().contains("\"triggers\":[]"), health.body());
    }
}
