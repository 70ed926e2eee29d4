package org.optilock.examples.web;

import com.sun.net.httpserver.HttpExchange;
import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.optilock.examples.Document;
import org.optilock.examples.DocumentDao;
import org.optilock.runtime.Concurrency;
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
        if (path.equals("/api/documents")) {
            if (method.equals("POST")) {
                if (isJson(exchange)) {
                    create(exchange);
                }
            } else {
                Responses.notAllowed(exchange, "POST");
            }
        } else if (path.matches("/api/documents/\\d+")) {
            long id = Long.parseLong(path.substring("/api/documents/".length()));
            switch (method) {
                case "GET", "HEAD" -> read(exchange, id);
                case "PUT" -> {
                    if (isJson(exchange)) {
                        replace(exchange, id);
                    }
                }
                case "DELETE" -> delete(exchange, id);
                default -> Responses.notAllowed(exchange, "GET, HEAD, PUT, DELETE");
            }
        } else {
            Responses.problem(exchange, 404, "No such resource", path);
        }
    }

    /**
     * Whether the body is declared JSON; answers 415 if not. A browser sends {@code text/plain} or a
     * form from another site without asking, but never {@code application/json}.
     */
    private static boolean isJson(HttpExchange exchange) throws IOException {
        String type = exchange.getRequestHeaders().getFirst("Content-Type");
        if (type != null && type.strip().toLowerCase(Locale.ROOT).startsWith("application/json")) {
            return true;
        }
        Responses.problem(exchange, 415, "Unsupported media type", "Send the document as application/json.");
        return false;
    }

    /** Every {@code If-Match} line of the request, as RFC 9110 reads repeated headers: one list. */
    private static List<String> ifMatch(HttpExchange exchange) {
        return exchange.getRequestHeaders().getOrDefault("If-Match", List.of());
    }

    /** Whether {@code If-Match} is {@code *}: any version, so long as the document exists. */
    private static boolean matchesAny(List<String> ifMatch) {
        return ifMatch.size() == 1 && ifMatch.get(0).strip().equals("*");
    }

    private void read(HttpExchange exchange, long id) throws IOException {
        Optional<Document> found = documents.findById(id);
        if (found.isEmpty()) {
            Responses.problem(exchange, 404, "No such document", "Document " + id + " does not exist.");
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
        Optional<Long> current = documents.currentVersion(id);
        if (current.isEmpty()) {
            Responses.problem(exchange, 404, "No such document", "Document " + id + " does not exist; POST creates one.");
            return;
        }
        String ifNoneMatch = exchange.getRequestHeaders().getFirst("If-None-Match");
        if (ifNoneMatch != null && ifNoneMatch.strip().equals("*")) {
            Responses.problem(exchange, 412, "Precondition failed", "Document " + id + " exists, and If-None-Match: * asks"
                    + " to write only one that does not.");
            return;
        }
        List<String> ifMatch = ifMatch(exchange);
        Document mine = new Document((String) body.get("title"), (String) body.get("body"));
        mine.setId(id);
        if (!ifMatch.isEmpty()) {
            Precondition check = Preconditions.forWriteLines(ifMatch, current.get(), true);
            if (check != Precondition.PROCEED) {
                refuse(exchange, check, mine, id);
                return;
            }
            mine.setVersion(current.get());
        } else if (body.get("version") instanceof Long version) {
            mine.setVersion(version);
        } else {
            Responses.problem(exchange, 428, "Precondition required",
                    "Send If-Match with the ETag you read, or a \"version\" member, so that no change is lost.");
            return;
        }
        try {
            if (matchesAny(ifMatch)) {
                // If-Match: * asks for any version, not for the one just read: no check to lose a race on.
                Concurrency.disabled(Document.class, () -> documents.update(mine));
            } else {
                documents.update(mine);
            }
        } catch (RecordModifiedException conflict) {
            // With If-Match, a writer slipped in between the check and the write: the precondition failed.
            int status = !ifMatch.isEmpty() ? 412 : 409;
            conflict(exchange, ConflictProblem.of(status, conflict.currentVersion(), conflict.getMessage(), content(mine),
                    conflict.current(Document.class).map(DocumentApi::content).orElse(null)));
            return;
        }
        exchange.getResponseHeaders().set("ETag", EntityTag.ofVersion(mine.getVersion()).toString());
        Responses.send(exchange, 200, JSON, FlatJson.write(fields(mine)));
    }

    private void delete(HttpExchange exchange, long id) throws IOException {
        Optional<Long> current = documents.currentVersion(id);
        if (current.isEmpty()) {
            Responses.problem(exchange, 404, "No such document", "Document " + id + " does not exist.");
            return;
        }
        List<String> ifMatch = ifMatch(exchange);
        Precondition check = Preconditions.forWriteLines(ifMatch, current.get(), true);
        Document document = new Document();
        document.setId(id);
        if (check != Precondition.PROCEED) {
            refuse(exchange, check, document, id);
            return;
        }
        document.setVersion(current.get());
        try {
            if (matchesAny(ifMatch)) {
                Concurrency.disabled(Document.class, () -> documents.delete(document));
            } else {
                documents.delete(document);
            }
        } catch (RecordModifiedException conflict) {
            conflict(exchange, ConflictProblem.of(412, conflict.currentVersion(), conflict.getMessage(), Map.of(),
                    conflict.current(Document.class).map(DocumentApi::content).orElse(null)));
            return;
        }
        Responses.status(exchange, 204);
    }

    private void refuse(HttpExchange exchange, Precondition check, Document mine, long id) throws IOException {
        switch (check) {
            case REQUIRED -> Responses.problem(exchange, 428, "Precondition required",
                    "Send If-Match with the ETag you read, so that no change is lost.");
            case MALFORMED -> Responses.problem(exchange, 400, "Malformed If-Match", "If-Match must list quoted entity tags, or be *.");
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
