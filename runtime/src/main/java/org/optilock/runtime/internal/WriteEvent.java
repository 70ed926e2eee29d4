package org.optilock.runtime.internal;

import jdk.jfr.Category;
import jdk.jfr.Description;
import jdk.jfr.Event;
import jdk.jfr.Label;
import jdk.jfr.Name;
import jdk.jfr.StackTrace;

/** The JFR event of one row's insert, update or delete: {@code org.optilock.Write}, its duration the call's. */
@Name("org.optilock.Write")
@Label("Optilock Write")
@Category({"Optilock"})
@Description("A DAO's insert, update or delete of one row: how it ended and how many statements it ran")
@StackTrace(false)
final class WriteEvent extends Event {

    @Label("Entity")
    Class<?> entity;

    @Label("Operation")
    String operation;

    @Label("Outcome")
    @Description("success, conflict, concurrent-write, timeout, connection-lost, duplicate-key or failed")
    String outcome;

    @Label("Statements")
    @Description("The SQL statements run on the entity's table")
    int statements;
}
