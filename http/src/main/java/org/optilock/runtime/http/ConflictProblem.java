package org.optilock.runtime.http;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.optilock.runtime.Merge;
import org.optilock.runtime.RecordModifiedException;

/**
 * A conflict described for an HTTP client: what the client tried to write, the row as it is now, and
 * the fields that differ, ready to send as RFC 9457 problem details ({@code application/problem+json})
 * with status 409, or 412 when it answers a failed {@code If-Match}. The values come from the
 * application, as maps from field name to value: nothing is read reflectively.
 *
 * <pre>{@code
 * catch (RecordModifiedException conflict) {
 *     ConflictProblem problem = ConflictProblem.of(conflict, attempted.toMap(),
 *             conflict.<Article>current().map(Article::toMap).orElse(null));
 *     response.setStatus(problem.status());
 *     response.setContentType(ConflictProblem.MEDIA_TYPE);
 *     response.getWriter().write(problem.toJson());
 * }
 * }</pre>
 *
 * @param status 409, or 412 for a failed precondition
 * @param title a short, human summary
 * @param detail what happened and what to do, in an HTTP client's words (the exception's message speaks to the
 *     Java code that caught it instead)
 * @param currentVersion the version the row has now; {@code null} when it is gone
 * @param attempted what the client tried to write
 * @param current the row as it is now; {@code null} when it is gone or not shown
 * @param differences the names of the fields whose attempted value differs from the current one
 * @param conflictingFields when a three-way merge was tried, the fields both sides changed to
 *     different values ({@link Merge#conflictingFields()}); {@code null} when none was tried
 */
public record ConflictProblem(
        int status, String title, String detail, Object currentVersion,
        Map<String, Object> attempted, Map<String, Object> current, List<String> differences,
        List<String> conflictingFields) {

    /** The media type of problem details (RFC 9457). */
    public static final String MEDIA_TYPE = "application/problem+json";

    /** The problem type: a stable identifier clients can switch on. */
    public static final String TYPE = "https://optilock.org/problems/record-modified";

    public ConflictProblem {
        attempted = Collections.unmodifiableMap(new LinkedHashMap<>(attempted));
        current = current == null ? null : Collections.unmodifiableMap(new LinkedHashMap<>(current));
        differences = List.copyOf(differences);
        conflictingFields = conflictingFields == null ? null : List.copyOf(conflictingFields);
    }

    /** A 409 conflict from the exception a DAO threw. */
    public static ConflictProblem of(
            RecordModifiedException conflict, Map<String, ?> attempted, Map<String, ?> current) {
        return of(409, conflict.isDeleted(), conflict.isDeleted() ? null : conflict.currentVersion(),
                detail(conflict), attempted, current);
    }

    /**
     * What happened, told to an HTTP client: which record, which version it sent and which the record
     * has now, and what to do in HTTP terms (read it again, send its ETag in {@code If-Match}).
     */
    static String detail(RecordModifiedException conflict) {
        String record = conflict.entityType().getSimpleName() + " " + conflict.id();
        if (conflict.isDeleted()) {
            return record + " no longer exists: it was deleted after version " + conflict.expectedVersion()
                    + " was read. Nothing was written; read the collection again.";
        }
        return record + " was changed by someone else: the request was based on version "
                + conflict.expectedVersion() + ", and the record is at version " + conflict.currentVersion()
                + " now. Nothing was written; read the record again (its ETag is " + EntityTag.ofVersion(
                        conflict.currentVersion()) + "), reapply the change and send it with that ETag in If-Match.";
    }

    /**
     * A problem with the given status: 409, or 412 when a request's {@code If-Match} named an older
     * version than {@code currentVersion}.
     */
    public static ConflictProblem of(
            int status, Object currentVersion, String detail, Map<String, ?> attempted, Map<String, ?> current) {
        return of(status, currentVersion == null, currentVersion, detail, attempted, current);
    }

    /** The title says "deleted" from what is known of the row, never from a missing map of its values. */
    private static ConflictProblem of(int status, boolean deleted, Object currentVersion, String detail,
            Map<String, ?> attempted, Map<String, ?> current) {
        List<String> differences = new ArrayList<>();
        if (current != null) {
            for (Map.Entry<String, ?> field : attempted.entrySet()) {
                if (current.containsKey(field.getKey()) && !Objects.equals(field.getValue(), current.get(field.getKey()))) {
                    differences.add(field.getKey());
                }
            }
        }
        String title = deleted
                ? "The record was deleted by someone else"
                : "The record was changed by someone else";
        return new ConflictProblem(status, title, detail, currentVersion,
                new LinkedHashMap<>(attempted), current == null ? null : new LinkedHashMap<>(current), differences,
                null);
    }

    /**
     * This problem after a merge that did not come out clean: it lists the fields both sides changed,
     * so that a client asks its user about those alone.
     *
     * <pre>{@code
     * Merge<Article> merge = articles.merge(base, mine, theirs);
     * if (!merge.isClean()) {
     *     send(ConflictProblem.of(conflict, mine.toMap(), theirs.toMap()).afterMerge(merge));
     * }
     * }</pre>
     */
    public ConflictProblem afterMerge(Merge<?> merge) {
        String both = merge.isClean() ? "" : " Both sides changed: " + String.join(", ", merge.conflictingFields()) + ".";
        return new ConflictProblem(status, title, detail + both, currentVersion, attempted, current, differences,
                merge.conflictingFields());
    }

    /** The problem details document. */
    public String toJson() {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("type", TYPE);
        json.put("title", title);
        json.put("status", status);
        json.put("detail", detail);
        json.put("currentVersion", currentVersion);
        json.put("currentETag", currentVersion == null ? null : EntityTag.ofVersion(currentVersion).toString());
        json.put("attempted", attempted);
        json.put("current", current);
        json.put("differences", differences);
        if (conflictingFields != null) {
            json.put("conflictingFields", conflictingFields);
        }
        return JsonText.of(json);
    }
}
