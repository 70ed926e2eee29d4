package org.optilock.benchmarks;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The sections the benchmark runs write into the documentation, and what they must not wipe. */
class GeneratedSectionTest {

    @Test
    void writesBetweenTheMarkersAndKeepsTheRest(@TempDir Path directory) throws IOException {
        Path page = Files.writeString(directory.resolve("page.md"),
                "# Title\n<!-- results:start -->\nold\n<!-- results:end -->\nprose\n");

        new GeneratedSection(page, "results").write("new\n");

        assertEquals("# Title\n<!-- results:start -->\nnew\n<!-- results:end -->\nprose\n", Files.readString(page));
    }

    @Test
    void refusesToWipeASectionWrittenInsideIt(@TempDir Path directory) throws IOException {
        String text = "<!-- results:start -->\nold\n<!-- batch-matrix:start -->\nmatrix\n<!-- batch-matrix:end -->\n"
                + "written by hand\n<!-- results:end -->\n";
        Path page = Files.writeString(directory.resolve("performance.md"), text);

        IllegalStateException refused = assertThrows(IllegalStateException.class,
                () -> new GeneratedSection(page, "results").write("new\n"));

        assertTrue(refused.getMessage().contains("holds the sections [batch-matrix]"), refused.getMessage());
        assertEquals(text, Files.readString(page));
    }

    /** The full run writes every section of the page; not one may hold another, or the run would wipe it. */
    @Test
    void noSectionOfThePerformancePageHoldsAnother() throws IOException {
        Path page = Path.of("..", "docs", "performance.md");
        List<GeneratedSection> sections = GeneratedSection.of(page);

        assertEquals(List.of("results", "batch-matrix", "pages", "observation", "compile"),
                sections.stream().map(GeneratedSection::name).toList());
        for (GeneratedSection section : sections) {
            assertEquals(List.of(), section.nested(), section.name());
        }
    }
}
