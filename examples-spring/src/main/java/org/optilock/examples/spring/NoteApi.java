package org.optilock.examples.spring;

import org.optilock.spring.web.VersionPreconditions;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.context.request.WebRequest;

/**
 * The JSON API: GET answers the version as an ETag (304 when the client has it), PUT needs
 * {@code If-Match} (412 when stale, 428 when missing), and a writer that comes in between still makes
 * it a 409, as problem details.
 */
@RestController
@RequestMapping("/api/notes")
public class NoteApi {

    private final NoteDao notes;
    private final NoteService service;

    public NoteApi(NoteDao notes, NoteService service) {
        this.notes = notes;
        this.service = service;
    }

    @GetMapping("/{id}")
    public ResponseEntity<Note> read(@PathVariable("id") long id, WebRequest request) {
        return notes.findById(id)
                .map(note -> VersionPreconditions.notModified(request, note.version)
                        ? ResponseEntity.status(HttpStatus.NOT_MODIFIED).eTag(VersionPreconditions.eTag(note.version)).<Note>build()
                        : ResponseEntity.ok().eTag(VersionPreconditions.eTag(note.version)).body(note))
                .orElseGet(() -> ResponseEntity.notFound().build());
    }

    @PutMapping("/{id}")
    public ResponseEntity<Note> replace(@PathVariable("id") long id, WebRequest request, @RequestBody Note note) {
        Long current = notes.currentVersion(id).orElse(null);
        if (current == null) {
            return ResponseEntity.notFound().build();
        }
        VersionPreconditions.requireMatch(request, current);
        note.id = id;
        note.version = current;
        Note saved = service.save(note, "api");
        return ResponseEntity.ok().eTag(VersionPreconditions.eTag(saved.version)).body(saved);
    }
}
