package org.optilock.examples.spring;

import jakarta.data.page.CursoredPage;
import jakarta.data.page.PageRequest;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.LinkedHashMap;
import java.util.Map;
import org.optilock.runtime.Merge;
import org.optilock.runtime.RecordModifiedException;
import org.optilock.runtime.http.SignedBase;
import org.optilock.runtime.http.VersionSigner;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.util.HtmlUtils;

/**
 * The edit page: a form that carries the version and the values it showed, signed; a stale save that
 * changed other fields than the one saved meanwhile is merged and saved, one that changed the same
 * field gets the conflict page, with both versions side by side and the merge in the form.
 */
@Controller
public class NotePages {

    private static final String KIND = "Note";
    private static final MediaType HTML = MediaType.TEXT_HTML;

    private final NoteDao notes;
    private final Notes repository;
    private final NoteService service;
    // A development key, new at each start; a real application reads one from its configuration, so
    // forms survive a restart and work across nodes.
    private final VersionSigner signer;

    public NotePages(NoteDao notes, Notes repository, NoteService service) {
        this.notes = notes;
        this.repository = repository;
        this.service = service;
        byte[] key = new byte[32];
        new SecureRandom().nextBytes(key);
        this.signer = new VersionSigner(key);
    }

    /**
     * The notes by title, a page at a time: the first page, or the one after or before the title and key
     * of a row (the cursor of keyset paging); {@code q} keeps those with exactly that title.
     */
    @GetMapping({"/", "/notes"})
    public ResponseEntity<String> list(@RequestParam(name = "q", required = false) String search,
            @RequestParam(name = "size", defaultValue = "20") int size,
            @RequestParam(name = "after", required = false) String after,
            @RequestParam(name = "afterId", required = false) Long afterId,
            @RequestParam(name = "before", required = false) String before,
            @RequestParam(name = "beforeId", required = false) Long beforeId) {
        PageRequest request = PageRequest.ofSize(Math.max(1, Math.min(size, 500))).withoutTotal(); // no count shown
        if (afterId != null) {
            request = request.afterCursor(PageRequest.Cursor.forKey(after, afterId));
        } else if (beforeId != null) {
            request = request.beforeCursor(PageRequest.Cursor.forKey(before, beforeId));
        }
        String title = search == null || search.isBlank() ? null : search;
        CursoredPage<Note> page = title == null ? repository.byTitle(request) : repository.titled(title, request);
        StringBuilder rows = new StringBuilder();
        for (Note note : page) {
            rows.append("<li><a href=\"/notes/").append(note.id).append("/edit\">").append(escape(note.title))
                    .append("</a> <span class=\"body\">").append(escape(note.body)).append("</span> (version ")
                    .append(note.version).append(")</li>");
        }
        String form = "<form method=\"get\" action=\"/notes\"><input type=\"search\" name=\"q\" value=\""
                + escape(title) + "\"> <button id=\"search-button\">Find</button></form>";
        return page(HttpStatus.OK, "Notes", form + "<ul id=\"notes\">" + rows + "</ul>" + pageLinks(page, title));
    }

    /** Links to the next and previous pages, each carrying the cursor of the row it starts from. */
    private static String pageLinks(CursoredPage<Note> page, String title) {
        String common = (title == null ? "" : "q=" + encode(title) + "&") + "size=" + page.pageRequest().size();
        StringBuilder links = new StringBuilder("<p>");
        if (page.hasContent() && page.hasPrevious()) {
            Note first = page.content().get(0);
            links.append("<a id=\"previous\" href=\"/notes?").append(common).append("&before=")
                    .append(encode(first.title)).append("&beforeId=").append(first.id).append("\">Previous</a> ");
        }
        if (page.hasContent() && page.hasNext()) {
            Note last = page.content().get(page.numberOfElements() - 1);
            links.append("<a id=\"next\" href=\"/notes?").append(common).append("&after=")
                    .append(encode(last.title)).append("&afterId=").append(last.id).append("\">Next</a>");
        }
        return links.append("</p>").toString();
    }

    private static String encode(String text) {
        return URLEncoder.encode(text, StandardCharsets.UTF_8);
    }

    @GetMapping("/notes/{id}/edit")
    public ResponseEntity<String> edit(@PathVariable("id") long id) {
        return notes.findById(id)
                .map(note -> page(HttpStatus.OK, "Edit note", form(note, note.title, note.body, "Save")))
                .orElseGet(() -> page(HttpStatus.NOT_FOUND, "No such note", "<p><a href=\"/notes\">Back</a></p>"));
    }

    @PostMapping("/notes/{id}")
    public ResponseEntity<String> save(@PathVariable("id") long id, @RequestParam("title") String title,
            @RequestParam("body") String body, @RequestParam("version") String token) {
        SignedBase read = signer.verifyWithBase(KIND, id, token);
        Note mine = note(id, title, body, read);
        try {
            service.save(mine, "page");
            return ResponseEntity.status(HttpStatus.SEE_OTHER).header("Location", "/notes").build();
        } catch (RecordModifiedException conflict) {
            return mergeOrAsk(note(id, read.value("title"), read.value("body"), read), mine, conflict, true);
        }
    }

    /**
     * Edits of different fields are merged and saved; edits of the same field, or a merge that another
     * save overtook, go to the user.
     */
    private ResponseEntity<String> mergeOrAsk(Note base, Note mine, RecordModifiedException conflict, boolean mayMerge) {
        Note theirs = conflict.<Note>current().orElse(null);
        if (theirs == null) {
            return page(HttpStatus.CONFLICT, "Someone deleted this note",
                    "<p>Your changes were not saved.</p><p><a href=\"/notes\">Back to the notes</a></p>");
        }
        Merge<Note> merge = notes.merge(base, mine, theirs);
        if (merge.isClean() && mayMerge) {
            try {
                service.save(merge.merged(), "page (merged)");
                return ResponseEntity.status(HttpStatus.SEE_OTHER).header("Location", "/notes").build();
            } catch (RecordModifiedException overtaken) {
                return mergeOrAsk(base, mine, overtaken, false);
            }
        }
        return conflictPage(mine, theirs, merge);
    }

    private static Note note(long id, String title, String body, SignedBase read) {
        Note note = new Note(title, body);
        note.id = id;
        note.version = Long.parseLong(read.version());
        return note;
    }

    private ResponseEntity<String> conflictPage(Note mine, Note theirs, Merge<Note> merge) {
        String table = "<table id=\"conflict\"><tr><th></th><th>Yours (not saved)</th><th>Saved now (version " + theirs.version
                + ")</th></tr>"
                + row("Title", mine.title, theirs.title, merge.conflictingFields().contains("title"))
                + row("Body", mine.body, theirs.body, merge.conflictingFields().contains("body"))
                + "</table>";
        Note merged = merge.merged();
        return page(HttpStatus.CONFLICT, "Someone changed this note while you were editing it",
                "<p>Nothing of yours was saved. You both changed the highlighted fields; the form holds the saved"
                        + " value there and your edit everywhere else.</p>"
                        + table
                        + form(theirs, merged.title, merged.body, "Save the merge")
                        + "<p><a id=\"discard\" href=\"/notes/" + mine.id + "/edit\">Discard my changes</a></p>");
    }

    private static String row(String field, String mine, String theirs, boolean colliding) {
        String marked = colliding ? " class=\"differs\"" : "";
        return "<tr" + marked + "><th>" + field + "</th><td>" + escape(mine) + "</td><td>" + escape(theirs) + "</td></tr>";
    }

    /** The edit form: the version of {@code read}, signed with its title and body, the base of a merge. */
    private String form(Note read, String title, String body, String button) {
        Map<String, String> base = new LinkedHashMap<>();
        base.put("title", read.title);
        base.put("body", read.body);
        return "<form method=\"post\" action=\"/notes/" + read.id + "\">"
                + "<input type=\"hidden\" name=\"version\" value=\""
                + escape(signer.signWithBase(KIND, read.id, read.version, base)) + "\">"
                + "<p><label>Title <input name=\"title\" value=\"" + escape(title) + "\"></label></p>"
                + "<p><label>Body <textarea name=\"body\">" + escape(body) + "</textarea></label></p>"
                + "<p><button id=\"save\" type=\"submit\">" + escape(button) + "</button></p></form>";
    }

    private static ResponseEntity<String> page(HttpStatus status, String title, String content) {
        String html = "<!doctype html><html><head><meta charset=\"utf-8\"><title>" + escape(title) + "</title>"
                + "<style>body{font-family:sans-serif;margin:2em}td,th{border:1px solid #ccc;padding:.4em}"
                + "tr.differs td{background:#fde2e2}</style></head><body><h1>" + escape(title) + "</h1>"
                + content + "</body></html>";
        return ResponseEntity.status(status).contentType(HTML).body(html);
    }

    private static String escape(String text) {
        return text == null ? "" : HtmlUtils.htmlEscape(text);
    }
}
