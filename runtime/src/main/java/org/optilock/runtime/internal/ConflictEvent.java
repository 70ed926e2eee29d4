package org.optilock.runtime.internal;

import jdk.jfr.Category;
import jdk.jfr.Description;
import jdk.jfr.Event;
import jdk.jfr.Label;
import jdk.jfr.Name;

/**
 * The JFR event of one conflict, a row whose version had moved or that the database refused as a
 * concurrent write: {@code org.optilock.Conflict}, with the stack of the write that met it.
 */
@Name("org.optilock.Conflict")
@Label("Optilock Conflict")
@Category({"Optilock"})
@Description("A write found the row changed or deleted by somebody else, or the database refused it as a concurrent write")
final class ConflictEvent extends Event {

    @Label("Entity")
    Class<?> entity;

    @Label("Operation")
    String operation;

    @Label("Id")
    String id;

    @Label("Expected Version")
    @Description("The version the caller's copy held")
    String expectedVersion;

    @Label("Current Version")
    @Description("The row's version now; empty when the row is gone or could not be read")
    String currentVersion;

    @Label("Row Gone")
    boolean deleted;

    @Label("Concurrent Write")
    @Description("Whether the database refused the write (serialization or certification failure, deadlock)")
    boolean concurrentWrite;
}
