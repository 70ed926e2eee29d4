package org.optilock.runtime;

/**
 * What {@code updateAll} and {@code deleteAll} do when some rows have been changed by another writer
 * (django admin's {@code list_editable} policies).
 */
public enum BatchPolicy {
    /** Write every row that is still current; report the others in {@link BatchResult#conflicts()}. */
    SILENT,
    /**
     * Write all rows or none: on any conflict leave the database exactly as it was before the call
     * and throw {@link BatchConflictException} naming every conflicting row.
     */
    ABORT_ALL
}
