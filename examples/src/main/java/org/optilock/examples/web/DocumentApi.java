package org.optilock.examples.web;

import com.sun.net.httpserver.HttpExchange;
import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import org.optilock.examples.Document;
import org.optilock.examples.DocumentDao;
import org.optilock.runtime.RecordModifiedException;
import org.optilock.runtime.http.ConflictProblem;
import org.optilock.runtime.http.EntityTag;
import org.optilock.runtime.http.Preconditions;
import org.optilock.runtime.http.Preconditions.Precondition;

/**
 * The JSON API: {@code /api/documents/{id}} with the version as ETag. GET answers 200 or 304; PUT
 * and DELETE take the version from {@code If-Match} (412 when stale, 428 when there is none) or, for
 * PUT, from a {@code "version"} member of the body (409 when stale); POST to {@code /api/documents}
 * answers 201.
 */
final class DocumentApi {

    private static final String JSON = "application/json";

    private final DocumentDao documents;

    DocumentApi(DocumentDao documents) {
        this.documents = documents;
    }

    void handle(HttpExchange exchange) throws IOException {
        String path = exchange.getRequestURI().getPath();
        String method = exchange.getRequestMethod();
        try {
            if (path.equals("/api/documents") && method.equals("POST")) {
                create(exchange);
            } else if (path.matches("/api/documents/\\d+")) {
                long id = Long.parseLong(path.substring("/api/documents/".length()));
                switch (method) {
                    case "GET" -> read(exchange, id);
                    case "PUT" -> replace(exchange, id);
                    case "DELETE" -> delete(exchange, id);
                    default -> Responses.status(exchange, 405);
                }
            } else {
                problem(exchange, 404, "No such resource", path);
            }
        } catch (IllegalArgumentException e) {
            problem(exchange, 400, "Malformed request", e.getMessage());
        }
    }

    private void read(HttpExchange exchange, long id) throws IOException {
        Optional<Document> found = documents.findById(id);
        if (found.isEmpty()) {
            problem(exchange, 404, "No such document", "Document " + id + " does not exist.");
            return;
        }
        Document document = found.get();
        exchange.getResponseHeaders().set("ETag", EntityTag.ofVersion(document.getVersion()).toString());
        Precondition check = Preconditions.forRead(exchange.getRequestHeaders().getFirst("If-None-Match"), document.getVersion());
        if (check == Precondition.NOT_MODIFIED) {
            Responses.status(exchange, 304);
            return;
        }
        Responses.send(exchange, 200, JSON, FlatJson.write(fields(document)));
    }

    private void create(HttpExchange exchange) throws IOException {
        Map<String, Object> body = FlatJson.parse(Responses.body(exchange));
        Document document = new Document((String) body.get("title"), (String) body.get("body"));
        documents.insert(document);
        exchange.getResponseHeaders().set("Location", "/api/documents/" + document.getId());
        exchange.getResponseHeaders().set("ETag", EntityTag.ofVersion(document.getVersion()).toString());
        Responses.send(exchange, 201, JSON, FlatJson.write(fields(document)));
    }

    private void replace(HttpExchange exchange, long id) throws IOException {
        Map<String, Object> body = FlatJson.parse(Responses.body(exchange));
        String ifMatch = exchange.getRequestHeaders().getFirst("If-Match");
        Document mine = new Document((String) body.get("title"), (String) body.get("body"));
        mine.setId(id);
        if (ifMatch != null) {
            Optional<Long> current = documents.currentVersion(id);
            Precondition check = Preconditions.forWrite(ifMatch, current.orElse(null), true);
            if (check != Precondition.PROCEED) {
                refuse(exchange, check, mine, id);
                return;
            }
            mine.setVersion(current.orElseThrow());
        } else if (body.get("version") instanceof Long version) {
            mine.setVersion(version);
        } else {
            problem(exchange, 428, "Precondition required",
                    "Send If-Match with the ETag you read, or a \"version\" member, so that no change is lost.");
            return;
        }
        try {
            documents.update(mine);
        } catch (RecordModifiedException conflict) {
            // With If-Match, a writer slipped in between the check and the write: the precondition failed.
            int status = ifMatch != null ? 412 : 409;
            conflict(exchange, ConflictProblem.of(status, conflict.currentVersion(), conflict.getMessage(), content(mine),
                    conflict.current(Document.class).map(DocumentApi::content).orElse(null)));
            return;
        }
        exchange.getResponseHeaders().set("ETag", EntityTag.ofVersion(mine.getVersion()).toString());
        Responses.send(exchange, 200, JSON, FlatJson.write(fields(mine)));
    }

    private void delete(HttpExchange exchange, long id) throws IOException {
        Optional<Long> current = documents.currentVersion(id);
        Precondition check = Preconditions.forWrite(exchange.getRequestHeaders().getFirst("If-Match"),
                current.orElse(null), true);
        Document document = new Document();
        document.setId(id);
        if (check != Precondition.PROCEED) {
            refuse(exchange, check, document, id);
            return;
        }
        document.setVersion(current.orElseThrow());
        try {
            documents.delete(document);
        } catch (RecordModifiedException conflict) {
            conflict(exchange, ConflictProblem.of(412, conflict.currentVersion(), conflict.getMessage(), Map.of(),
                    conflict.current(Document.class).map(DocumentApi::content).orElse(null)));
            return;
        }
        Responses.status(exchange, 204);
    }

    private void refuse(HttpExchange exchange, Precondition check, Document mine, long id) throws IOException {
        switch (check) {
            case REQUIRED -> problem(exchange, 428, "Precondition required",
                    "Send If-Match with the ETag you read, so that no change is lost.");
            case MALFORMED -> problem(exchange, 400, "Malformed If-Match", "If-Match must list quoted entity tags, or be *.");
            default -> {
                Optional<Document> current = documents.findById(id);
                conflict(exchange, ConflictProblem.of(412, current.map(Document::getVersion).orElse(null),
                        current.isPresent()
                                ? "Document " + id + " is now at version " + current.get().getVersion()
                                        + ", not the one your If-Match names. Read it again, reapply your change and retry."
                                : "Document " + id + " was deleted.",
                        content(mine), current.map(DocumentApi::content).orElse(null)));
            }
        }
    }

    private static void conflict(HttpExchange exchange, ConflictProblem problem) throws IOException {
        if (problem.currentVersion() != null) {
            exchange.getResponseHeaders().set("ETag", EntityTag.ofVersion(problem.currentVersion()).toString());
        }
        Responses.send(exchange, problem.status(), ConflictProblem.MEDIA_TYPE, problem.toJson());
    }

    private static void problem(HttpExchange exchange, int status, String title, String detail) throws IOException {
        Map<String, Object> problem = new LinkedHashMap<>();
        problem.put("title", title);
        problem.put("status", status);
        problem.put("detail", detail);
        Responses.send(exchange, status, ConflictProblem.MEDIA_TYPE, FlatJson.write(problem));
    }

    /** What a client edits, for the two sides of a conflict. */
    private static Map<String, Object> content(Document document) {
        Map<String, Object> content = new LinkedHashMap<>();
        content.put("title", document.getTitle());
        content.put("body", document.getBody());
        return content;
    }

    private static Map<String, Object> fields(Document document) {
        Map<String, Object> fields = new LinkedHashMap<>();
        fields.put("id", document.getId());
        fields.put("title", document.getTitle());
        fields.put("body", document.getBody());
        fields.put("version", document.getVersion());
        return fields;
    }
}
