package org.optilock.processor.fuzz;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** A Java source being written line by line, remembering which lines declare each field. */
final class SourceText {

    private final List<String> lines = new ArrayList<>();
    private final Map<String, Set<Long>> fieldLines = new HashMap<>();

    SourceText(String packageName) {
        line("package " + packageName + ";");
        line("");
    }

    void line(String text) {
        lines.add(text);
    }

    /** A line that declares, or gives access to, {@code field}. */
    void field(String field, String text) {
        line(text);
        fieldLines.computeIfAbsent(field, name -> new HashSet<>()).add((long) lines.size());
    }

    /** The lines (from 1) that declare or give access to {@code field}. */
    Set<Long> linesOf(String field) {
        return fieldLines.getOrDefault(field, Set.of());
    }

    String text() {
        return String.join("\n", lines) + "\n";
    }
}
