package org.optilock.examples.web;

import com.sun.net.httpserver.HttpExchange;
import jakarta.data.page.CursoredPage;
import jakarta.data.page.PageRequest;
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
import org.optilock.examples.Documents;
import org.optilock.runtime.BatchConflictException;
import org.optilock.runtime.BatchPolicy;
import org.optilock.runtime.BatchResult;
import org.optilock.runtime.Merge;
import org.optilock.runtime.RecordModifiedException;
import org.optilock.runtime.http.SignedBase;
import org.optilock.runtime.http.VersionSignatureException;
import org.optilock.runtime.http.VersionSigner;

/**
 * The HTML side: a list that edits several documents at once and deletes a selection, an edit form
 * whose hidden version is signed with the values it showed, a save that merges edits of different
 * fields, and the conflict page for edits of the same field.
 */
final class DocumentPages {

    private static final String KIND = "Document";
    /** How many saves a merge may run into before the user is shown where things stand. */
    private static final int MERGE_ATTEMPTS = 3;

    /** How many documents a page of the list shows, unless the request says {@code size}. */
    private static final int PAGE_SIZE = 20;

    private final DocumentDao documents;
    private final Documents repository;
    private final VersionSigner signer;

    DocumentPages(DocumentDao documents, Documents repository, VersionSigner signer) {
        this.documents = documents;
        this.repository = repository;
        this.signer = signer;
    }

    void handle(HttpExchange exchange) throws IOException {
        String path = exchange.getRequestURI().getPath();
        String method = exchange.getRequestMethod();
        boolean reading = method.equals("GET") || method.equals("HEAD");
        try {
            if (path.equals("/") || path.equals("/documents")) {
                if (reading) {
                    list(exchange);
                } else {
                    Responses.notAllowed(exchange, "GET, HEAD");
                }
            } else if (path.equals("/documents/save") || path.equals("/documents/delete") || path.matches("/documents/\\d+")) {
                if (!method.equals("POST")) {
                    Responses.notAllowed(exchange, "POST");
                    return;
                }
                FormData form = FormData.parse(Responses.body(exchange));
                if (!CsrfGuard.allows(exchange, form)) {
                    Responses.html(exchange, 403, "Refused", "<h1>This form was not sent from this site's own page</h1>"
                            + "<p><a href=\"/documents\">Open the documents</a> and send it from there.</p>");
                } else if (path.equals("/documents/save")) {
                    saveAll(exchange, form);
                } else if (path.equals("/documents/delete")) {
                    deleteSelected(exchange, form);
                } else {
                    save(exchange, Long.parseLong(path.split("/")[2]), form);
                }
            } else if (path.matches("/documents/\\d+/edit")) {
                if (reading) {
                    edit(exchange, Long.parseLong(path.split("/")[2]));
                } else {
                    Responses.notAllowed(exchange, "GET, HEAD");
                }
            } else {
                Responses.html(exchange, 404, "Not found", "<h1>Not found</h1><p><a href=\"/documents\">Documents</a></p>");
            }
        } catch (VersionSignatureException e) {
            Responses.html(exchange, 400, "Bad form", "<h1>This form cannot be saved</h1><p class=\"error\">"
                    + Html.escape(e.getMessage()) + "</p><p><a href=\"/documents\">Back to the documents</a></p>");
        }
    }

    private void list(HttpExchange exchange) throws IOException {
        String message = queryParameter(exchange, "message");
        String search = Optional.ofNullable(queryParameter(exchange, "q")).filter(q -> !q.isBlank()).orElse(null);
        CursoredPage<Document> page = page(exchange, search);
        StringBuilder rows = new StringBuilder();
        for (Document document : page) {
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
                + "<form method=\"get\" action=\"/documents\" id=\"search\"><input type=\"search\" name=\"q\""
                + " placeholder=\"Title\" value=\"" + Html.escape(search == null ? "" : search) + "\"> "
                + "<button id=\"search-button\">Find</button></form>\n"
                + (message == null ? "" : "<p class=\"message\" id=\"message\">" + Html.escape(message) + "</p>\n")
                + "<form method=\"post\" action=\"/documents/save\">\n" + CsrfGuard.hiddenField(exchange) + "\n"
                + "<table id=\"documents\"><tr><th>Select</th><th>#</th><th>Title</th><th>Version</th><th></th></tr>\n"
                + rows + "</table>\n"
                + pageLinks(page, search)
                + "<p><label>When a row was changed meanwhile: <select name=\"policy\">"
                + "<option value=\"SILENT\">save the other rows</option>"
                + "<option value=\"ABORT_ALL\">save nothing</option></select></label></p>\n"
                + "<p><button id=\"save-all\">Save all</button> "
                + "<button id=\"delete-selected\" formaction=\"/documents/delete\">Delete selected</button></p>\n"
                + "</form>");
    }

    /**
     * The page the request asks for: the first, or the one after ({@code after}, {@code afterId}) or
     * before ({@code before}, {@code beforeId}) a row's title and key, the cursor of keyset paging.
     */
    private CursoredPage<Document> page(HttpExchange exchange, String search) {
        int size = Optional.ofNullable(queryParameter(exchange, "size")).map(Integer::parseInt)
                .filter(n -> n > 0 && n <= 500).orElse(PAGE_SIZE);
        PageRequest request = PageRequest.ofSize(size).withoutTotal(); // the list shows no count
        String afterId = queryParameter(exchange, "afterId");
        String beforeId = queryParameter(exchange, "beforeId");
        if (afterId != null) {
            request = request.afterCursor(PageRequest.Cursor.forKey(queryParameter(exchange, "after"), Long.parseLong(afterId)));
        } else if (beforeId != null) {
            request = request.beforeCursor(
                    PageRequest.Cursor.forKey(queryParameter(exchange, "before"), Long.parseLong(beforeId)));
        }
        return search == null ? repository.byTitle(request) : repository.titled(search, request);
    }

    /** Links to the next and previous pages, each carrying the cursor of the row it starts from. */
    private static String pageLinks(CursoredPage<Document> page, String search) {
        String common = (search == null ? "" : "q=" + encode(search) + "&") + "size=" + page.pageRequest().size();
        StringBuilder links = new StringBuilder("<p class=\"pages\">");
        if (page.hasContent() && page.hasPrevious()) {
            Document first = page.content().get(0);
            links.append("<a id=\"previous\" href=\"/documents?").append(common).append("&before=")
                    .append(encode(first.getTitle())).append("&beforeId=").append(first.getId()).append("\">Previous</a> ");
        }
        if (page.hasContent() && page.hasNext()) {
            Document last = page.content().get(page.numberOfElements() - 1);
            links.append("<a id=\"next\" href=\"/documents?").append(common).append("&after=")
                    .append(encode(last.getTitle())).append("&afterId=").append(last.getId()).append("\">Next</a>");
        }
        return links.append("</p>\n").toString();
    }

    private static String encode(String text) {
        return URLEncoder.encode(text, StandardCharsets.UTF_8);
    }

    /** Saves the rows whose title was edited, with the policy the user chose. */
    private void saveAll(HttpExchange exchange, FormData form) throws IOException {
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
    private void deleteSelected(HttpExchange exchange, FormData form) throws IOException {
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
                + (document.getEditedBy() == null ? "" : "<p>Last saved by " + Html.escape(document.getEditedBy()) + ".</p>\n")
                + form(exchange, document, document, Editor.of(exchange), "Save"));
    }

    /**
     * The edit form: {@code values} in the fields, and the version of {@code read} signed together with
     * its title and body, the base a conflicting save is merged from.
     */
    private String form(HttpExchange exchange, Document read, Document values, String editor, String button) {
        long id = read.getId();
        Map<String, String> base = new LinkedHashMap<>();
        base.put("title", read.getTitle());
        base.put("body", read.getBody());
        return "<form method=\"post\" action=\"/documents/" + id + "\">\n" + CsrfGuard.hiddenField(exchange) + "\n"
                + "<p><label>Your name<br><input type=\"text\" name=\"editor\" value=\"" + Html.escape(editor) + "\"></label></p>\n"
                + "<p><label>Title<br><input type=\"text\" name=\"title\" value=\"" + Html.escape(values.getTitle()) + "\"></label></p>\n"
                + "<p><label>Body<br><textarea name=\"body\">" + Html.escape(values.getBody()) + "</textarea></label></p>\n"
                + "<input type=\"hidden\" name=\"version\" value=\"" + signer.signWithBase(KIND, id, read.getVersion(), base) + "\">\n"
                + "<p><button id=\"save\">" + Html.escape(button) + "</button> "
                + "<a href=\"/documents\">Cancel</a></p>\n</form>";
    }

    /**
     * Saves the form; when someone saved the document meanwhile, merges the two edits and saves the
     * merge if they touched different fields, or shows the conflict page if they did not.
     */
    private void save(HttpExchange exchange, long id, FormData form) throws IOException {
        SignedBase read = signer.verifyWithBase(KIND, id, form.get("version"));
        String editor = Editor.named(form.get("editor"));
        Document mine = document(id, form.get("title"), form.get("body"), read, editor);
        try {
            documents.update(mine);
            Editor.remember(exchange, editor);
            Responses.redirect(exchange, "/documents?message="
                    + URLEncoder.encode("Saved document " + id + ", now version " + mine.getVersion() + ".",
                            StandardCharsets.UTF_8));
        } catch (RecordModifiedException conflict) {
            // The editor is stamped on base and mine alike: who saves is not an edit to merge.
            Document base = document(id, read.value("title"), read.value("body"), read, editor);
            mergeAndSave(exchange, base, mine, conflict, editor);
        }
    }

    private static Document document(long id, String title, String body, SignedBase read, String editor) {
        Document document = new Document(title, body);
        document.setId(id);
        document.setVersion(Long.parseLong(read.version()));
        document.setEditedBy(editor);
        return document;
    }

    /**
     * Merges the edit with the row as the conflict found it and saves both edits, saying whose change it
     * was merged with; shows the conflict page when both changed a field. Should yet another save come
     * in between, merges with that one too, a few times at most.
     */
    private void mergeAndSave(HttpExchange exchange, Document base, Document mine, RecordModifiedException conflict,
            String editor) throws IOException {
        RecordModifiedException latest = conflict;
        for (int attempt = 1; ; attempt++) {
            Optional<Document> current = latest.current(Document.class);
            if (current.isEmpty()) {
                Responses.html(exchange, 409, "Deleted", "<h1>Someone else deleted this document</h1>\n"
                        + "<p class=\"error\">" + Html.escape(latest.getMessage()) + "</p>\n"
                        + "<p><a href=\"/documents\">Back to the documents</a></p>");
                return;
            }
            Document theirs = current.get();
            Merge<Document> merge = documents.merge(base, mine, theirs);
            if (!merge.isClean() || attempt == MERGE_ATTEMPTS) {
                conflictPage(exchange, mine, theirs, merge, editor);
                return;
            }
            Document merged = merge.merged();
            merged.setEditedBy(editor);
            try {
                documents.update(merged);
            } catch (RecordModifiedException again) {
                latest = again;
                continue;
            }
            String message = "Saved document " + merged.getId() + ", now version " + merged.getVersion()
                    + ": merged with " + Editor.possessive(theirs.getEditedBy()) + " change to "
                    + String.join(" and ", changed(base, theirs)) + ".";
            Editor.remember(exchange, editor);
            Responses.redirect(exchange, "/documents?message=" + URLEncoder.encode(message, StandardCharsets.UTF_8));
            return;
        }
    }

    /** The fields, as a sentence names them, that {@code theirs} changed from {@code base}. */
    private static List<String> changed(Document base, Document theirs) {
        List<String> fields = new ArrayList<>();
        if (!Objects.equals(base.getTitle(), theirs.getTitle())) {
            fields.add("the title");
        }
        if (!Objects.equals(base.getBody(), theirs.getBody())) {
            fields.add("the body");
        }
        return fields;
    }

    /**
     * The edits collided: the fields both changed are highlighted, yours beside theirs, and the form
     * holds the merge (their value where both changed, yours everywhere else), signed with their version.
     */
    private void conflictPage(HttpExchange exchange, Document mine, Document theirs, Merge<Document> merge, String editor)
            throws IOException {
        Map<String, String[]> fields = new LinkedHashMap<>();
        fields.put("title", new String[] {"Title", mine.getTitle(), theirs.getTitle()});
        fields.put("body", new String[] {"Body", mine.getBody(), theirs.getBody()});
        String rows = fields.entrySet().stream()
                .map(field -> {
                    String[] values = field.getValue();
                    boolean colliding = merge.conflictingFields().contains(field.getKey());
                    return "<tr" + (colliding ? " class=\"differs\"" : "") + "><td>" + values[0] + "</td><td>"
                            + Html.escape(values[1]) + "</td><td>" + Html.escape(values[2]) + "</td></tr>";
                })
                .collect(Collectors.joining("\n"));
        String who = theirs.getEditedBy() == null ? "someone else" : Html.escape(theirs.getEditedBy());
        Responses.html(exchange, 409, "Conflict", "<h1>Someone else changed this document</h1>\n"
                + "<p class=\"error\">While you were editing, " + who + " saved it as version " + theirs.getVersion()
                + ". Nothing of yours was written yet. The highlighted fields were changed by both of you; the form"
                + " below holds " + who + "'s value there and your changes everywhere else.</p>\n"
                + "<table id=\"conflict\"><tr><th>Field</th><th>Your changes</th><th>Saved now by " + who + " (version "
                + theirs.getVersion() + ")</th></tr>\n" + rows + "</table>\n"
                + "<h2>Save the merge</h2>\n"
                + form(exchange, theirs, merge.merged(), editor, "Save the merge")
                + "\n<p><a id=\"discard\" href=\"/documents/" + mine.getId() + "/edit\">Discard my changes and edit the saved version</a></p>");
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
