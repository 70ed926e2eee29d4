package org.optilock.benchmarks;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A part of a hand-written page that a run rewrites: the text between {@code <!-- name:start -->} and
 * {@code <!-- name:end -->}, everything around it kept as written.
 */
record GeneratedSection(Path page, String name) {

    private static final Pattern START = Pattern.compile("<!-- ([a-z-]+):start -->");

    /** Every section of {@code page}, in the order the page has them. */
    static List<GeneratedSection> of(Path page) throws IOException {
        List<GeneratedSection> sections = new ArrayList<>();
        Matcher start = START.matcher(Files.readString(page));
        while (start.find()) {
            sections.add(new GeneratedSection(page, start.group(1)));
        }
        return sections;
    }

    /**
     * The names of the sections written inside this one, which writing this one would wipe: none on a
     * page laid out as it should be.
     */
    List<String> nested() throws IOException {
        return nested(Files.readString(page));
    }

    private List<String> nested(String text) {
        Matcher start = START.matcher(text.substring(from(text), to(text)));
        List<String> names = new ArrayList<>();
        while (start.find()) {
            names.add(start.group(1));
        }
        return names;
    }

    /**
     * Replaces the section's text with {@code content}. Refuses when the section holds another one: the
     * other's text, and whatever was written by hand around it, would be lost.
     */
    void write(String content) throws IOException {
        String text = Files.readString(page);
        List<String> nested = nested(text);
        if (!nested.isEmpty()) {
            throw new IllegalStateException(page + ": the section " + name + " holds the sections " + nested
                    + ", which writing it would wipe; move them out of its markers first");
        }
        Files.writeString(page, text.substring(0, from(text)) + "\n" + content + text.substring(to(text)));
    }

    /** Where the section's text starts: just after its start marker. */
    private int from(String text) {
        int from = text.indexOf(start());
        if (from < 0 || text.indexOf(end()) < from) {
            throw new IllegalStateException(page + " has no " + start() + " ... " + end() + " markers to write between");
        }
        return from + start().length();
    }

    /** Where the section's text ends: at its end marker. */
    private int to(String text) {
        return text.indexOf(end());
    }

    private String start() {
        return "<!-- " + name + ":start -->";
    }

    private String end() {
        return "<!-- " + name + ":end -->";
    }
}
