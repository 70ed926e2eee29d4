package org.optilock.benchmarks;

import java.time.Duration;
import java.util.List;
import jdk.jfr.Recording;

/** A JFR recording of the benchmarks' own JVM, as an operator's would run. */
final class OptilockRecording {

    private static final List<String> EVENTS =
            List.of("org.optilock.Write", "org.optilock.Batch", "org.optilock.Conflict", "org.optilock.Retry");

    private OptilockRecording() {}

    /** A recording started now taking every Optilock event with no threshold, so each write is one. */
    static Recording everyEvent() {
        Recording recording = new Recording();
        for (String event : EVENTS) {
            recording.enable(event).withThreshold(Duration.ZERO);
        }
        recording.start();
        return recording;
    }

    /** A recording started now that takes none of Optilock's events: what the recording costs by itself. */
    static Recording noOptilockEvent() {
        Recording recording = new Recording();
        recording.start();
        return recording;
    }
}
