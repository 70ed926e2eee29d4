package org.optilock.runtime.internal;

import jdk.jfr.Category;
import jdk.jfr.Description;
import jdk.jfr.Event;
import jdk.jfr.Label;
import jdk.jfr.Name;
import jdk.jfr.StackTrace;

/** The JFR event of an {@code insertAll}, {@code updateAll} or {@code deleteAll}: {@code org.optilock.Batch}. */
@Name("org.optilock.Batch")
@Label("Optilock Batch")
@Category({"Optilock"})
@Description("A DAO's batch write: its rows, the rows that conflicted, and the statements it ran")
@StackTrace(false)
final class BatchEvent extends Event {

    @Label("Entity")
    Class<?> entity;

    @Label("Operation")
    String operation;

    @Label("Outcome")
    String outcome;

    @Label("Rows")
    @Description("The rows the call was asked to write")
    int rows;

    @Label("Conflicts")
    @Description("The rows not written because their version had moved")
    int conflicts;

    @Label("Statements")
    @Description("The SQL statements run on the entity's table; a JDBC batch of n rows counts n")
    int statements;
}
