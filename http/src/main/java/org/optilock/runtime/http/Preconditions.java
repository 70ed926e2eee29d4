package org.optilock.runtime.http;

import java.util.List;
import java.util.Optional;

/**
 * Evaluates the conditional headers of a request against the version a resource has now (RFC 9110,
 * section 13), before a handler reads or writes.
 *
 * <pre>{@code
 * Precondition check = Preconditions.forWriteLines(
 *         Collections.list(request.getHeaders("If-Match")), dao.currentVersion(id).orElse(null), true);
 * if (check != Precondition.PROCEED) {
 *     response.sendError(check.status());   // 412, 428 or 400
 *     return;
 * }
 * }</pre>
 *
 * A check only tells whether to start: the write itself stays conditional on the version, so a
 * writer that comes in between still makes it fail with {@code RecordModifiedException}.
 */
public final class Preconditions {

    /** What a request may do. */
    public enum Precondition {
        /** Go on. */
        PROCEED(200),
        /** A GET whose {@code If-None-Match} holds: answer 304 Not Modified, without a body. */
        NOT_MODIFIED(304),
        /** The header is malformed: answer 400 Bad Request. */
        MALFORMED(400),
        /** {@code If-Match} names another version: answer 412 Precondition Failed. */
        FAILED(412),
        /** A write without the {@code If-Match} it must carry: answer 428 Precondition Required. */
        REQUIRED(428);

        private final int status;

        Precondition(int status) {
            this.status = status;
        }

        /** The HTTP status to answer with ({@code 200} for {@link #PROCEED}). */
        public int status() {
            return status;
        }
    }

    private Preconditions() {}

    /**
     * A PUT, PATCH or DELETE with header {@code If-Match}, against {@code currentVersion} ({@code null}
     * when there is no resource). Weak tags never match here.
     *
     * @param required whether a write without {@code If-Match} is refused with 428
     */
    public static Precondition forWrite(String ifMatch, Object currentVersion, boolean required) {
        Optional<TagCondition> condition;
        try {
            condition = TagCondition.parse(ifMatch);
        } catch (IllegalArgumentException e) {
            return Precondition.MALFORMED;
        }
        if (condition.isEmpty()) {
            return required ? Precondition.REQUIRED : Precondition.PROCEED;
        }
        EntityTag current = currentVersion == null ? null : EntityTag.ofVersion(currentVersion);
        return condition.get().matchesForWrite(current) ? Precondition.PROCEED : Precondition.FAILED;
    }

    /**
     * As {@link #forWrite(String, Object, boolean)}, for every line of a repeated {@code If-Match}
     * header (such as a servlet's {@code getHeaders}): the lines count as one comma-separated list
     * (RFC 9110, section 5.3); none at all is no header.
     */
    public static Precondition forWriteLines(List<String> ifMatch, Object currentVersion, boolean required) {
        return forWrite(joined(ifMatch), currentVersion, required);
    }

    /**
     * A GET or HEAD with header {@code If-None-Match}, against {@code currentVersion}:
     * {@link Precondition#NOT_MODIFIED} when a tag matches (weakly), {@link Precondition#MALFORMED} when
     * the header cannot be read, else {@link Precondition#PROCEED}.
     */
    public static Precondition forRead(String ifNoneMatch, Object currentVersion) {
        try {
            Optional<TagCondition> condition = TagCondition.parse(ifNoneMatch);
            EntityTag current = currentVersion == null ? null : EntityTag.ofVersion(currentVersion);
            return condition.isPresent() && condition.get().matchesForRead(current)
                    ? Precondition.NOT_MODIFIED
                    : Precondition.PROCEED;
        } catch (IllegalArgumentException e) {
            return Precondition.MALFORMED;
        }
    }

    /** As {@link #forRead(String, Object)}, for every line of a repeated {@code If-None-Match} header. */
    public static Precondition forReadLines(List<String> ifNoneMatch, Object currentVersion) {
        return forRead(joined(ifNoneMatch), currentVersion);
    }

    private static String joined(List<String> lines) {
        return lines == null || lines.isEmpty() ? null : String.join(", ", lines);
    }
}
