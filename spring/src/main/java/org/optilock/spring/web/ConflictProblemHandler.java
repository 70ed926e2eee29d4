package org.optilock.spring.web;

import java.net.URI;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.optilock.runtime.BatchConflictException;
import org.optilock.runtime.RecordModifiedException;
import org.optilock.runtime.http.ConflictProblem;
import org.optilock.runtime.http.EntityTag;
import org.optilock.runtime.http.VersionSignatureException;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/**
 * Answers Optilock's exceptions in a Spring MVC application as RFC 9457 problem details
 * ({@code application/problem+json}): a conflict 409 with {@code currentVersion} (and, for one row,
 * {@code currentETag}), a merge that did not come out clean 409 with {@code conflictingFields} too, a
 * forged or missing signed version 400, a refused {@code If-Match} 412, 428 or 400. Turn it off with
 * {@code optilock.problem-details.enabled=false}.
 */
@RestControllerAdvice
public class ConflictProblemHandler {

    private static final MediaType PROBLEM = MediaType.APPLICATION_PROBLEM_JSON;

    /** 409: the row changed, or went, since it was read. */
    @ExceptionHandler(RecordModifiedException.class)
    public ResponseEntity<ProblemDetail> recordModified(RecordModifiedException conflict) {
        // The runtime's ConflictProblem decides title and current version, as the JDK-only helpers do.
        ConflictProblem described = ConflictProblem.of(conflict, Map.of(), null);
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.CONFLICT, described.detail());
        problem.setType(URI.create(ConflictProblem.TYPE));
        problem.setTitle(described.title());
        problem.setProperty("currentVersion", described.currentVersion());
        if (described.currentVersion() != null) {
            problem.setProperty("currentETag", EntityTag.ofVersion(described.currentVersion()).toString());
        }
        return ResponseEntity.status(HttpStatus.CONFLICT).contentType(PROBLEM).body(problem);
    }

    /**
     * 409: the row changed since it was read and the merge with the edit did not come out clean; lists
     * {@code conflictingFields} and the {@code merged} values to offer the user.
     */
    @ExceptionHandler(MergeConflictException.class)
    public ResponseEntity<ProblemDetail> mergeConflict(MergeConflictException unmerged) {
        ResponseEntity<ProblemDetail> response = recordModified(unmerged.conflict());
        ProblemDetail problem = response.getBody();
        problem.setDetail(ConflictProblem.of(unmerged.conflict(), Map.of(), null).afterMerge(unmerged.merge()).detail());
        problem.setProperty("conflictingFields", unmerged.merge().conflictingFields());
        problem.setProperty("merged", unmerged.merge().merged());
        return response;
    }

    /** 409: rows of a batch changed since they were read; each with its key and current version. */
    @ExceptionHandler(BatchConflictException.class)
    public ResponseEntity<ProblemDetail> batchConflict(BatchConflictException conflict) {
        int rows = conflict.conflicts().size();
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.CONFLICT, rows
                + (rows == 1 ? " record was" : " records were") + " changed by someone else since the request's"
                + " versions were read, so nothing of the batch was saved. conflicts lists each with its current"
                + " version: read them again, reapply the changes and send the batch again.");
        problem.setType(URI.create(ConflictProblem.TYPE));
        problem.setTitle("Records were changed by someone else; nothing was saved");
        List<Map<String, Object>> described = conflict.conflicts().stream().map(row -> {
            Map<String, Object> one = new LinkedHashMap<>();
            one.put("id", row.id());
            one.put("currentVersion", row.currentVersion());
            one.put("deleted", row.isDeleted());
            return one;
        }).toList();
        problem.setProperty("conflicts", described);
        return ResponseEntity.status(HttpStatus.CONFLICT).contentType(PROBLEM).body(problem);
    }

    /** 412, 428 or 400: the request's {@code If-Match} does not allow the write. */
    @ExceptionHandler(PreconditionException.class)
    public ResponseEntity<ProblemDetail> precondition(PreconditionException refused) {
        return ResponseEntity.status(refused.getStatusCode()).contentType(PROBLEM).body(refused.getBody());
    }

    /** 400: a signed version that is missing, malformed, forged or another record's. */
    @ExceptionHandler(VersionSignatureException.class)
    public ResponseEntity<ProblemDetail> badSignature(VersionSignatureException forged) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, forged.getMessage());
        problem.setTitle("The form's version is not one this server signed");
        return ResponseEntity.badRequest().contentType(PROBLEM).body(problem);
    }
}
