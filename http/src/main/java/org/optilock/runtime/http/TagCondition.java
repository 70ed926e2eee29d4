package org.optilock.runtime.http;

import java.util.List;
import java.util.Optional;

/**
 * A parsed {@code If-Match} or {@code If-None-Match} header: {@code *}, or a list of entity tags.
 *
 * @param any whether the header is {@code *}
 * @param tags the tags listed; empty for {@code *}
 */
public record TagCondition(boolean any, List<EntityTag> tags) {

    public TagCondition {
        tags = List.copyOf(tags);
    }

    /**
     * Parses a header value; empty when the header is absent.
     *
     * @throws IllegalArgumentException if it is malformed
     */
    public static Optional<TagCondition> parse(String header) {
        if (header == null) {
            return Optional.empty();
        }
        String trimmed = header.strip();
        if (trimmed.equals("*")) {
            return Optional.of(new TagCondition(true, List.of()));
        }
        return Optional.of(new TagCondition(false, EntityTag.parseList(trimmed)));
    }

    /** {@code If-Match}: whether it holds for the current tag ({@code null} when there is no resource). */
    public boolean matchesForWrite(EntityTag current) {
        if (current == null) {
            return false;
        }
        return any || tags.stream().anyMatch(tag -> tag.matchesStrongly(current));
    }

    /** {@code If-None-Match}: whether the client's copy is current, so a GET may answer 304. */
    public boolean matchesForRead(EntityTag current) {
        if (current == null) {
            return false;
        }
        return any || tags.stream().anyMatch(tag -> tag.matchesWeakly(current));
    }
}
