package org.optilock.it.support;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/** The end of a server's log, for the message of a test that could not start it. */
final class LogTail {

    private LogTail() {}

    /** The last {@code count} lines of {@code log}, or why it cannot be read. */
    static String of(Path log, int count) {
        try {
            List<String> lines = Files.readAllLines(log);
            return String.join("\n", lines.subList(Math.max(0, lines.size() - count), lines.size()));
        } catch (IOException e) {
            return "(" + log + " could not be read: " + e.getMessage() + ")";
        }
    }
}
