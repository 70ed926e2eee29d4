package org.optilock.spring;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.optilock.runtime.SchemaMismatchException;
import org.optilock.spring.app.MemoApplication;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/** The schema check at start-up, against a {@code memo} table whose version column was never created. */
class SchemaCheckTest {

    private static final AtomicInteger DATABASES = new AtomicInteger();

    /**
     * The test application on a database of its own whose {@code memo} table has no version column;
     * {@code properties} as command-line arguments, which win over {@code application.properties}.
     */
    private static ConfigurableApplicationContext startOnBrokenSchema(WebApplicationType web, String... properties) {
        List<String> arguments = new ArrayList<>(List.of(
                "spring.datasource.url=jdbc:h2:mem:broken" + DATABASES.incrementAndGet() + ";DB_CLOSE_DELAY=-1",
                "spring.sql.init.schema-locations=classpath:broken-schema.sql", "server.port=0",
                "management.endpoints.web.exposure.include=health", "management.endpoint.health.show-details=always"));
        arguments.addAll(List.of(properties));
        return new SpringApplicationBuilder(MemoApplication.class).web(web)
                .run(arguments.stream().map(argument -> "--" + argument).toArray(String[]::new));
    }

    @Test
    void theApplicationRefusesToStartNamingTheMissingVersionColumn() {
        RuntimeException refused = assertThrows(RuntimeException.class,
                () -> startOnBrokenSchema(WebApplicationType.NONE).close());
        Throwable cause = refused;
        while (cause != null && !(cause instanceof SchemaMismatchException)) {
            cause = cause.getCause();
        }
        assertTrue(cause instanceof SchemaMismatchException, () -> "the start-up failed with " + refused);
        assertTrue(cause.getMessage().contains("column version (the version) missing in table Memo: add it with"
                + " ALTER TABLE Memo ADD COLUMN version BIGINT NOT NULL"), cause.getMessage());
    }

    @Test
    void asAWarningItStartsAndTheHealthIndicatorIsDown() throws Exception {
        try (ConfigurableApplicationContext context = startOnBrokenSchema(WebApplicationType.SERVLET,
                "optilock.schema-check=warn")) {
            String port = context.getEnvironment().getProperty("local.server.port");
            HttpResponse<String> health = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                    URI.create("http://localhost:" + port + "/actuator/health/optilock")).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertEquals(503, health.statusCode(), health.body());
            assertTrue(health.body().contains("\"status\":\"DOWN\""), health.body());
            assertTrue(health.body().contains("column version (the version) missing in table Memo"), health.body());
        }
    }

    @Test
    void offItDoesNotLook() {
        startOnBrokenSchema(WebApplicationType.NONE, "optilock.schema-check=off").close();
    }
}
