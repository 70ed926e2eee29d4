package org.optilock.benchmarks;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * A part of a hand-written page that a run rewrites: the text between {@code <!-- name:start -->} and
 * {@code <!-- name:end -->}, everything around it kept as written.
 */
record GeneratedSection(Path page, String name) {

    /** Replaces the section's text with {@code content}. */
    void write(String content) throws IOException {
        String start = "<!-- " + name + ":start -->";
        String end = "<!-- " + name + ":end -->";
        String text = Files.readString(page);
        int from = text.indexOf(start);
        int to = text.indexOf(end);
        if (from < 0 || to < from) {
            throw new IllegalStateException(page + " has no " + start + " ... " + end + " markers to write between");
        }
        Files.writeString(page, text.substring(0, from + start.length()) + "\n" + content + text.substring(to));
    }
}
