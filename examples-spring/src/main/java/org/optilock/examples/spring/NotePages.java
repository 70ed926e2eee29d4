package org.optilock.examples.spring;

import java.security.SecureRandom;
import org.optilock.runtime.RecordModifiedException;
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
 * The edit page: a form that carries the version it showed, signed, and the conflict page a stale save
 * gets, with both versions side by side and a way to re-apply the edit on top of the current one.
 */
@Controller
public class NotePages {

    private static final String KIND = "Note";
    private static final MediaType HTML = MediaType.TEXT_HTML;

    private final NoteDao notes;
    private final NoteService service;
    // A development key, new at each start; a real application reads one from its configuration, so
    // forms survive a restart and work across nodes.
    private final VersionSigner signer;

    public NotePages(NoteDao notes, NoteService service) {
        this.notes = notes;
        this.service = service;
        byte[] key = new byte[32];
        new SecureRandom().nextBytes(key);
        this.signer = new VersionSigner(key);
    }

    @GetMapping({"/", "/notes"})
    public ResponseEntity<String> list() {
        StringBuilder rows = new StringBuilder();
        for (Note note : notes.findAll()) {
            rows.append("<li><a href=\"/notes/").append(note.id).append("/edit\">").append(escape(note.title))
                    .append("</a> (version ").append(note.version).append(")</li>");
        }
        return page(HttpStatus.OK, "Notes", "<ul>" + rows + "</ul>");
    }

    @GetMapping("/notes/{id}/edit")
    public ResponseEntity<String> edit(@PathVariable("id") long id) {
        return notes.findById(id)
                .map(note -> page(HttpStatus.OK, "Edit note", form(note.id, note.title, note.body, note.version, "Save")))
                .orElseGet(() -> page(HttpStatus.NOT_FOUND, "No such note", "<p><a href=\"/notes\">Back</a></p>"));
    }

    @PostMapping("/notes/{id}")
    public ResponseEntity<String> save(@PathVariable("id") long id, @RequestParam("title") String title,
            @RequestParam("body") String body, @RequestParam("version") String token) {
        Note edit = new Note(title, body);
        edit.id = id;
        edit.version = Long.parseLong(signer.verify(KIND, id, token));
        try {
            service.save(edit, "page");
            return ResponseEntity.status(HttpStatus.SEE_OTHER).header("Location", "/notes").build();
        } catch (RecordModifiedException conflict) {
            return conflictPage(edit, conflict);
        }
    }

    private ResponseEntity<String> conflictPage(Note mine, RecordModifiedException conflict) {
        Note theirs = conflict.<Note>current().orElse(null);
        if (theirs == null) {
            return page(HttpStatus.CONFLICT, "Someone deleted this note",
                    "<p>Your changes were not saved.</p><p><a href=\"/notes\">Back to the notes</a></p>");
        }
        String table = "<table id=\"conflict\"><tr><th></th><th>Yours (not saved)</th><th>Saved now (version " + theirs.version
                + ")</th></tr>"
                + row("Title", mine.title, theirs.title)
                + row("Body", mine.body, theirs.body)
                + "</table>";
        return page(HttpStatus.CONFLICT, "Someone changed this note while you were editing it",
                "<p>Nothing of yours was saved. Compare, then re-apply your edit on top of the saved note, or discard it.</p>"
                        + table
                        + form(mine.id, mine.title, mine.body, theirs.version, "Re-apply my changes")
                        + "<p><a id=\"discard\" href=\"/notes/" + mine.id + "/edit\">Discard my changes</a></p>");
    }

    private static String row(String field, String mine, String theirs) {
        String marked = mine != null && mine.equals(theirs) ? "" : " class=\"differs\"";
        return "<tr" + marked + "><th>" + field + "</th><td>" + escape(mine) + "</td><td>" + escape(theirs) + "</td></tr>";
    }

    private String form(long id, String title, String body, long version, String button) {
        return "<form method=\"post\" action=\"/notes/" + id + "\">"
                + "<input type=\"hidden\" name=\"version\" value=\"" + escape(signer.sign(KIND, id, version)) + "\">"
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
