package org.optilock.runtime;

import java.util.List;
import java.util.Objects;

/**
 * The three-way merge of an edit with the row as it is now: what a DAO's
 * {@code merge(base, mine, theirs)} returns after a conflict.
 *
 * <pre>{@code
 * } catch (RecordModifiedException conflict) {
 *     Article theirs = conflict.<Article>current().orElseThrow();
 *     Merge<Article> merge = articles.merge(base, mine, theirs);
 *     if (merge.isClean()) {
 *         articles.update(merge.merged());   // both edits; conflicts again only if the row moved again
 *     } else {
 *         show(merge.conflictingFields());   // both changed these, differently
 *     }
 * }
 * }</pre>
 *
 * @param merged {@code theirs}, with its key and version, plus every field that only {@code mine}
 *     changed; a field both changed to different values keeps the value of {@code theirs}
 * @param conflictingFields the fields both sides changed to different values, in declaration order
 * @param <T> the entity type
 */
public record Merge<T>(T merged, List<String> conflictingFields) {

    public Merge {
        Objects.requireNonNull(merged, "merged");
        conflictingFields = List.copyOf(conflictingFields);
    }

    /** Whether no field was changed differently on both sides, so {@link #merged()} holds both edits. */
    public boolean isClean() {
        return conflictingFields.isEmpty();
    }
}
