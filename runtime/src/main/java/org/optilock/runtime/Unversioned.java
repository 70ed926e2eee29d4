package org.optilock.runtime;

/**
 * The version of an entity that has none: the version type of the DAO the processor writes for an
 * unversioned entity that a Jakarta Data repository names. Such a DAO writes by key alone; an update
 * or delete fails only when the row is gone, and every row it reads has the version {@link #NONE}.
 */
public enum Unversioned {
    /** The one value: the row exists. */
    NONE
}
