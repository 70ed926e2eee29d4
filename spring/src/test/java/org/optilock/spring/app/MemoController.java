package org.optilock.spring.app;

import java.util.List;
import org.optilock.runtime.BatchPolicy;
import org.optilock.runtime.Merge;
import org.optilock.runtime.RecordModifiedException;
import org.optilock.spring.web.MergeConflictException;
import org.optilock.spring.web.VersionPreconditions;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.context.request.WebRequest;

/** Memos over HTTP: ETags out, If-Match in, and a version in the body for the form-like endpoint. */
@RestController
public class MemoController {

    private final MemoDao memos;

    public MemoController(MemoDao memos) {
        this.memos = memos;
    }

    @GetMapping("/memos/{id}")
    public ResponseEntity<Memo> read(@PathVariable("id") long id, WebRequest request) {
        Memo memo = memos.findById(id).orElseThrow();
        if (VersionPreconditions.notModified(request, memo.version)) {
            return ResponseEntity.status(HttpStatus.NOT_MODIFIED).eTag(VersionPreconditions.eTag(memo.version)).build();
        }
        return ResponseEntity.ok().eTag(VersionPreconditions.eTag(memo.version)).body(memo);
    }

    /** The API: the version comes from If-Match. */
    @PutMapping("/memos/{id}")
    public ResponseEntity<Memo> replace(
            @PathVariable("id") long id, WebRequest request, @RequestBody Memo memo) {
        Long current = memos.currentVersion(id).orElse(null);
        VersionPreconditions.requireMatch(request, current);
        memo.id = id;
        memo.version = current;
        memos.update(memo);
        return ResponseEntity.ok().eTag(VersionPreconditions.eTag(memo.version)).body(memo);
    }

    /** What a client read ({@code base}) and what it wants saved ({@code mine}, with the version it read). */
    public record MemoEdit(Memo base, Memo mine) {}

    /** Saves an edit; after a conflict, merges it with the row as it is now, or answers 409 with the collisions. */
    @PutMapping("/memos/{id}/merging")
    public Memo saveMerging(@PathVariable("id") long id, @RequestBody MemoEdit edit) {
        Memo mine = edit.mine();
        mine.id = id;
        try {
            return memos.update(mine);
        } catch (RecordModifiedException conflict) {
            Merge<Memo> merge = memos.merge(edit.base(), mine, conflict.<Memo>current().orElseThrow(() -> conflict));
            if (!merge.isClean()) {
                throw new MergeConflictException(conflict, merge);
            }
            return memos.update(merge.merged());
        }
    }

    /** Form-like: the version the client read travels in the body. */
    @PutMapping("/memos/{id}/body")
    public Memo save(@PathVariable("id") long id, @RequestBody Memo memo) {
        memo.id = id;
        return memos.update(memo);
    }

    /** Saves several memos, each with the version it was read at: all of them, or none. */
    @PutMapping("/memos")
    public List<Memo> saveAll(@RequestBody List<Memo> edited) {
        return memos.updateAll(edited, BatchPolicy.ABORT_ALL).applied();
    }
}
