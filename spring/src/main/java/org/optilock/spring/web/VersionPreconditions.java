package org.optilock.spring.web;

import java.util.List;
import org.optilock.runtime.http.EntityTag;
import org.optilock.runtime.http.Preconditions;
import org.optilock.runtime.http.Preconditions.Precondition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.context.request.WebRequest;

/**
 * ETag and {@code If-Match} for Spring MVC controllers, on the runtime's {@link Preconditions}:
 *
 * <pre>{@code
 * @PutMapping("/articles/{id}")
 * ResponseEntity<Article> replace(@PathVariable("id") long id, WebRequest request, @RequestBody Article article) {
 *     Long current = articles.currentVersion(id).orElse(null);
 *     VersionPreconditions.requireMatch(request, current);   // 404, 412, 428 or 400 as problem details
 *     article.setVersion(current);
 *     articles.update(article);                               // a racing writer still makes it a 409
 *     return ResponseEntity.ok().eTag(VersionPreconditions.eTag(article.getVersion())).body(article);
 * }
 * }</pre>
 */
public final class VersionPreconditions {

    private VersionPreconditions() {}

    /** The strong ETag of {@code version}, for {@code ResponseEntity.eTag}. */
    public static String eTag(Object version) {
        return EntityTag.ofVersion(version).toString();
    }

    /**
     * Goes on when every {@code If-Match} line of the request names {@code currentVersion} (or
     * {@code *}); else throws an {@link ErrorResponseException} that Spring answers as problem details:
     * 404 when there is no row ({@code currentVersion} {@code null}: a write to a record that does not
     * exist, whatever its {@code If-Match}), 412 for another version, 428 for no header, 400 for one it
     * cannot read.
     */
    public static void requireMatch(WebRequest request, Object currentVersion) {
        if (currentVersion == null) {
            ProblemDetail missing = ProblemDetail.forStatusAndDetail(HttpStatus.NOT_FOUND,
                    "There is no record at this address to write to. Create it with a POST to its collection.");
            missing.setTitle("No such record");
            throw new PreconditionException(HttpStatus.NOT_FOUND, missing);
        }
        Precondition check = Preconditions.forWriteLines(lines(request, HttpHeaders.IF_MATCH), currentVersion, true);
        if (check != Precondition.PROCEED) {
            HttpStatus status = HttpStatus.valueOf(check.status());
            ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, switch (check) {
                case FAILED -> "If-Match names another version than the current one; read the resource again.";
                case REQUIRED -> "Send If-Match with the ETag of the version you read.";
                default -> "If-Match could not be read; send one or more quoted ETags.";
            });
            if (currentVersion != null) {
                problem.setProperty("currentVersion", currentVersion);
                problem.setProperty("currentETag", eTag(currentVersion));
            }
            throw new PreconditionException(status, problem);
        }
    }

    /** Whether a GET may answer 304: an {@code If-None-Match} line names {@code currentVersion}. */
    public static boolean notModified(WebRequest request, Object currentVersion) {
        return Preconditions.forReadLines(lines(request, HttpHeaders.IF_NONE_MATCH), currentVersion)
                == Precondition.NOT_MODIFIED;
    }

    /**
     * Every line of a header. Read through {@link WebRequest}, whose API Spring Framework 6 and 7
     * share (Framework 7's {@code HttpHeaders} is no longer a {@code Map}).
     */
    private static List<String> lines(WebRequest request, String header) {
        String[] values = request.getHeaderValues(header);
        return values == null ? List.of() : List.of(values);
    }
}
