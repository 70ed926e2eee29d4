package org.optilock.runtime.internal;

import jdk.jfr.Category;
import jdk.jfr.Description;
import jdk.jfr.Event;
import jdk.jfr.Label;
import jdk.jfr.Name;

/** The JFR event of a {@code Retry.onConflict} that met a conflict: {@code org.optilock.Retry}, its duration every try's. */
@Name("org.optilock.Retry")
@Label("Optilock Retry")
@Category({"Optilock"})
@Description("Work retried after conflicts: how many tries it took, and whether it won or ran out of tries")
final class RetryEvent extends Event {

    @Label("Entity")
    @Description("The entity of the last conflict")
    Class<?> entity;

    @Label("Attempts")
    int attempts;

    @Label("Outcome")
    @Description("retried (the last try won), exhausted, or interrupted during a pause")
    String outcome;
}
