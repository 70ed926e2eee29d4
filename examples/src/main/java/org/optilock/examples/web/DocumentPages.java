package org.optilock.examples.web;

import com.sun.net.httpserver.HttpExchange;
import java.io.IOException;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.stream.Collectors;
import org.optilock.examples.Document;
import org.optilock.examples.DocumentDao;
import org.optilock.runtime.BatchConflictException;
import org.optilock.runtime.BatchPolicy;
import org.optilock.runtime.BatchResult;
import org.optilock.runtime.RecordModifiedException;
import org.optilock.runtime.http.VersionSignatureException;
import org.optilock.runtime.http.VersionSigner;

/**
 * The HTML side: a list that edits several documents at once and deletes a selection, an edit form
 * with a signed hidden version, and the conflict page that shows both versions side by side.
 */
final class DocumentPages {

    private static final String KIND = "Document";

    private final DocumentDao documents;
    private final VersionSigner signer;

    DocumentPages(DocumentDao documents, VersionSigner signer) {
        this.documents = documents;
        this.signer = signer;
    }

    void handle(HttpExchange exchange) throws IOException {
        String path = exchange.getRequestURI().getPath();
        String method = exchange.getRequestMethod();
        try {
            if (path.equals("/") || path.equals("/documents")) {
                if (method.equals("GET")) {
                    list(exchange);
                    return;
                }
            } else if (path.equals("/documents/save") && method.equals("POST")) {
                saveAll(exchange);
                return;
            } else if (path.equals("/documents/delete") && method.equals("POST")) {
                deleteSelected(exchange);
                return;
            } else if (path.matches("/documents/\\d+/edit") && method.equals("GET")) {
                edit(exchange, Long.parseLong(path.split("/")[2]));
                return;
            } else if (path.matches("/documents/\\d+") && method.equals("POST")) {
                save(exchange, Long.parseLong(path.split("/")[2]));
                return;
            }
            Responses.html(exchange, 404, "Not found", "<h1>Not found</h1><p><a href=\"/documents\">Documents</a></p>");
        } catch (VersionSignatureException e) {
            Responses.html(exchange, 400, "Bad form", "<h1>This form cannot be saved</h1><p class=\"error\">"
                    + Html.escape(e.getMessage()) + "</p><p><a href=\"/documents\">Back to the documents</a></p>");
        }
    }

    private void list(HttpExchange exchange) throws IOException {
        String message = queryParameter(exchange, "message");
        StringBuilder rows = new StringBuilder();
        for (Document document : documents.findAll()) {
            long id = document.getId();
            rows.append("<tr><td><input type=\"checkbox\" name=\"selected\" value=\"").append(id).append("\"></td>")
                    .append("<td>").append(id).append("</td>")
                    .append("<td><input type=\"text\" name=\"title-").append(id).append("\" value=\"")
                    .append(Html.escape(document.getTitle())).append("\">")
                    .append("<input type=\"hidden\" name=\"id\" value=\"").append(id).append("\">")
                    .append("<input type=\"hidden\" name=\"original-").append(id).append("\" value=\"")
                    .append(Html.escape(document.getTitle())).append("\">")
                    .append("<input type=\"hidden\" name=\"version-").append(id).append("\" value=\"")
                    .append(signer.sign(KIND, id, document.getVersion())).append("\"></td>")
                    .append("<td>").append(document.getVersion()).append("</td>")
                    .append("<td><a href=\"/documents/").append(id).append("/edit\">Edit</a></td></tr>\n");
        }
        Responses.html(exchange, 200, "Documents", "<h1>Documents</h1>\n"
                + (message == null ? "" : "<p class=\"message\" id=\"message\">" + Html.escape(message) + "</p>\n")
                + "<form method=\"post\" action=\"/documents/save\">\n"
                + "<table id=\"documents\"><tr><th>Select</th><th>#</th><th>Title</th><th>Version</th><th></th></tr>\n"
                + rows + "</table>\n"
                + "<p><label>When a row was changed meanwhile: <select name=\"policy\">"
                + "<option value=\"SILENT\">save the other rows</option>"
                + "<option value=\"ABORT_ALL\">save nothing</option></select></label></p>\n"
                + "<p><button id=\"save-all\">Save all</button> "
                + "<button id=\"delete-selected\" formaction=\"/documents/delete\">Delete selected</button></p>\n"
                + "</form>");
    }

    /** Saves the rows whose title was edited, with the policy the user chose. */
    private void saveAll(HttpExchange exchange) throws IOException {
        FormData form = FormData.parse(Responses.body(exchange));
        List<Document> edited = new ArrayList<>();
        for (String idText : form.all("id")) {
            long id = Long.parseLong(idText);
            String title = form.get("title-" + idText);
            if (title == null || title.equals(form.get("original-" + idText))) {
                continue;
            }
            long version = Long.parseLong(signer.verify(KIND, id, form.get("version-" + idText)));
            Document document = documents.findById(id).orElseGet(Document::new);
            document.setId(id);
            document.setTitle(title);
            document.setVersion(version);
            edited.add(document);
        }
        BatchPolicy policy = "ABORT_ALL".equals(form.get("policy")) ? BatchPolicy.ABORT_ALL : BatchPolicy.SILENT;
        String message;
        try {
            BatchResult<Document> result = documents.updateAll(edited, policy);
            message = "Saved " + result.applied().size() + " of " + edited.size() + " edited rows."
                    + (result.isClean() ? "" : " Changed by someone else meanwhile, so not saved: "
                            + ids(result.conflicts()) + ".");
        } catch (BatchConflictException e) {
            message = "Nothing was saved: " + ids(e.conflicts()) + " changed meanwhile. Reload and edit again.";
        }
        Responses.redirect(exchange, "/documents?message=" + URLEncoder.encode(message, StandardCharsets.UTF_8));
    }

    /** Django's guarded delete action: all selected rows, or none if any changed meanwhile. */
    private void deleteSelected(HttpExchange exchange) throws IOException {
        FormData form = FormData.parse(Responses.body(exchange));
        List<Document> selected = new ArrayList<>();
        for (String idText : form.all("selected")) {
            long id = Long.parseLong(idText);
            Document document = new Document();
            document.setId(id);
            document.setVersion(Long.parseLong(signer.verify(KIND, id, form.get("version-" + idText))));
            selected.add(document);
        }
        String message;
        try {
            message = "Deleted " + documents.deleteAll(selected, BatchPolicy.ABORT_ALL).applied().size() + " rows.";
        } catch (BatchConflictException e) {
            message = "Nothing was deleted: " + ids(e.conflicts()) + " changed meanwhile. Look again before deleting.";
        }
        Responses.redirect(exchange, "/documents?message=" + URLEncoder.encode(message, StandardCharsets.UTF_8));
    }

    private void edit(HttpExchange exchange, long id) throws IOException {
        Optional<Document> found = documents.findById(id);
        if (found.isEmpty()) {
            Responses.html(exchange, 404, "Not found", "<h1>Document " + id + " does not exist</h1>"
                    + "<p><a href=\"/documents\">Documents</a></p>");
            return;
        }
        Document document = found.get();
        Responses.html(exchange, 200, "Edit " + document.getTitle(), "<h1>Edit document " + id + "</h1>\n"
                + form(id, document.getTitle(), document.getBody(), document.getVersion(), "Save"));
    }

    private String form(long id, String title, String body, long version, String button) {
        return "<form method=\"post\" action=\"/documents/" + id + "\">\n"
                + "<p><label>Title<br><input type=\"text\" name=\"title\" value=\"" + Html.escape(title) + "\"></label></p>\n"
                + "<p><label>Body<br><textarea name=\"body\">" + Html.escape(body) + "</textarea></label></p>\n"
                + "<input type=\"hidden\" name=\"version\" value=\"" + signer.sign(KIND, id, version) + "\">\n"
                + "<p><button id=\"save\">" + Html.escape(button) + "</button> "
                + "<a href=\"/documents\">Cancel</a></p>\n</form>";
    }

    private void save(HttpExchange exchange, long id) throws IOException {
        FormData form = FormData.parse(Responses.body(exchange));
        Document mine = new Document();
        mine.setId(id);
        mine.setTitle(form.get("title"));
        mine.setBody(form.get("body"));
        mine.setVersion(Long.parseLong(signer.verify(KIND, id, form.get("version"))));
        try {
            documents.update(mine);
            Responses.redirect(exchange, "/documents?message="
                    + URLEncoder.encode("Saved document " + id + ", now version " + mine.getVersion() + ".",
                            StandardCharsets.UTF_8));
        } catch (RecordModifiedException conflict) {
            conflictPage(exchange, mine, conflict);
        }
    }

    /** Both versions side by side, differences highlighted, with re-apply and discard. */
    private void conflictPage(HttpExchange exchange, Document mine, RecordModifiedException conflict) throws IOException {
        Optional<Document> current = conflict.current(Document.class);
        if (current.isEmpty()) {
            Responses.html(exchange, 409, "Deleted", "<h1>Someone else deleted this document</h1>\n"
                    + "<p class=\"error\">" + Html.escape(conflict.getMessage()) + "</p>\n"
                    + "<p><a href=\"/documents\">Back to the documents</a></p>");
            return;
        }
        Document theirs = current.get();
        Map<String, String[]> fields = new LinkedHashMap<>();
        fields.put("Title", new String[] {mine.getTitle(), theirs.getTitle()});
        fields.put("Body", new String[] {mine.getBody(), theirs.getBody()});
        String rows = fields.entrySet().stream()
                .map(field -> {
                    String[] values = field.getValue();
                    boolean differs = !Objects.equals(values[0], values[1]);
                    return "<tr" + (differs ? " class=\"differs\"" : "") + "><td>" + field.getKey() + "</td><td>"
                            + Html.escape(values[0]) + "</td><td>" + Html.escape(values[1]) + "</td></tr>";
                })
                .collect(Collectors.joining("\n"));
        long id = mine.getId();
        Responses.html(exchange, 409, "Conflict", "<h1>Someone else changed this document</h1>\n"
                + "<p class=\"error\">While you were editing, the document was saved as version "
                + theirs.getVersion() + ". Nothing of yours was written yet.</p>\n"
                + "<table id=\"conflict\"><tr><th>Field</th><th>Your changes</th><th>Saved now (version "
                + theirs.getVersion() + ")</th></tr>\n" + rows + "</table>\n"
                + "<h2>Re-apply your changes over the saved version</h2>\n"
                + form(id, mine.getTitle(), mine.getBody(), theirs.getVersion(), "Re-apply my changes")
                + "\n<p><a id=\"discard\" href=\"/documents/" + id + "/edit\">Discard my changes and edit the saved version</a></p>");
    }

    private static String ids(List<RecordModifiedException> conflicts) {
        return conflicts.stream().map(c -> "#" + c.id()).collect(Collectors.joining(", "));
    }

    private static String queryParameter(HttpExchange exchange, String name) {
        String query = exchange.getRequestURI().getRawQuery();
        if (query == null) {
            return null;
        }
        for (String pair : query.split("&")) {
            if (pair.startsWith(name + "=")) {
                return URLDecoder.decode(pair.substring(name.length() + 1), StandardCharsets.UTF_8);
            }
        }
        return null;
    }
}
