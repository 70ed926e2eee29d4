package org.optilock.spring.web;

import java.util.Objects;
import org.optilock.runtime.Merge;
import org.optilock.runtime.RecordModifiedException;

/**
 * A conflict whose three-way merge did not come out clean: both sides changed some fields to
 * different values. {@link ConflictProblemHandler} answers it with 409 problem details that list
 * {@code conflictingFields} and carry the {@code merged} values (the row as it is now plus every change
 * that did not collide), so that the client asks its user about the colliding fields alone.
 *
 * <pre>{@code
 * } catch (RecordModifiedException conflict) {
 *     Merge<Note> merge = notes.merge(base, mine, conflict.<Note>current().orElseThrow(() -> conflict));
 *     if (!merge.isClean()) {
 *         throw new MergeConflictException(conflict, merge);
 *     }
 *     return notes.update(merge.merged());
 * }
 * }</pre>
 */
public class MergeConflictException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final transient RecordModifiedException conflict;
    private final transient Merge<?> merge;

    /**
     * @param conflict the conflict the save ran into
     * @param merge the merge of the edit with the row as it is now, with at least one conflicting field
     */
    public MergeConflictException(RecordModifiedException conflict, Merge<?> merge) {
        super(Objects.requireNonNull(conflict, "conflict").getMessage() + " Both sides changed: "
                + String.join(", ", Objects.requireNonNull(merge, "merge").conflictingFields()) + ".", conflict);
        this.conflict = conflict;
        this.merge = merge;
    }

    /** The conflict the save ran into. */
    public RecordModifiedException conflict() {
        return conflict;
    }

    /** The merge that did not come out clean. */
    public Merge<?> merge() {
        return merge;
    }
}
