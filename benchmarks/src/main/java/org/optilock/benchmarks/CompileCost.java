package org.optilock.benchmarks;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

/**
 * What the processor costs a build: {@code javac} compiling generated entities with it and without
 * it ({@code -proc:none}), each in a process of its own, timed with its peak resident memory by
 * {@code /usr/bin/time}. Writes the result into docs/performance.md between its compile markers.
 *
 * <p>Arguments: the docs directory, the processor jar, and optionally the number of entities (1,000).
 */
public final class CompileCost {


    /** One javac run: seconds of wall time and peak resident memory in MiB. */
    record Run(double seconds, double mebibytes) {}

    private CompileCost() {}

    public static void main(String[] args) throws IOException, InterruptedException {
        Path docs = Path.of(args[0]);
        Path processor = Path.of(args[1]);
        int entities = args.length > 2 ? Integer.parseInt(args[2]) : 1_000;
        Path work = Files.createTempDirectory("optilock-compile-cost");
        List<Path> sources = writeEntities(work.resolve("src"), entities);
        String classPath = classPath();

        Run without = javac(work, "without", sources, classPath, List.of("-proc:none"));
        // The processor's one dependency, the annotations, goes on the processor path with it.
        Run with = javac(work, "with", sources, classPath,
                List.of("-processorpath", processor + File.pathSeparator + entry("optilock-annotations", "annotations")));
        long entityLines = lines(work.resolve("src"));
        long generatedLines = lines(work.resolve("with-generated"));

        String table = String.format("""
                %,d entities of 6 fields each (%,d lines), compiled by javac %s in a process of its own:

                | | wall time | peak memory (RSS) |
                |---|---|---|
                | without the processor (`-proc:none`) | %.1f s | %.0f MiB |
                | with the processor | %.1f s | %.0f MiB |
                | ratio | %.1f× | %.1f× |

                The processor wrote %,d lines of DAOs, %.0f per entity (%.1f× the entity's own source).
                """, entities, entityLines, Runtime.version().feature(), without.seconds(), without.mebibytes(),
                with.seconds(), with.mebibytes(), with.seconds() / without.seconds(), with.mebibytes() / without.mebibytes(),
                generatedLines, (double) generatedLines / entities, (double) generatedLines / entityLines);
        System.out.println(table);

        new GeneratedSection(docs.resolve("performance.md"), "compile").write(table);
    }

    private static List<Path> writeEntities(Path folder, int count) throws IOException {
        Path source = folder.resolve("com/example/model");
        Files.createDirectories(source);
        List<Path> files = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            Path file = source.resolve("Entity" + i + ".java");
            Files.writeString(file, """
                    package com.example.model;

                    import jakarta.persistence.Entity;
                    import jakarta.persistence.GeneratedValue;
                    import jakarta.persistence.GenerationType;
                    import jakarta.persistence.Id;
                    import jakarta.persistence.Version;
                    import java.math.BigDecimal;
                    import java.time.Instant;

                    @Entity
                    public class Entity%1$d {
                        @Id
                        @GeneratedValue(strategy = GenerationType.IDENTITY)
                        Long id;

                        String name;
                        String description;
                        BigDecimal amount;
                        Instant due;
                        boolean done;

                        @Version
                        long version;
                    }
                    """.formatted(i), StandardCharsets.UTF_8);
            files.add(file);
        }
        return files;
    }

    /** The jars the entities compile against: the annotations, the runtime and the persistence API. */
    private static String classPath() {
        return String.join(File.pathSeparator, entry("optilock-annotations", "annotations"),
                entry("optilock-runtime", "runtime"), entry("jakarta.persistence-api", "jakarta.persistence-api"));
    }

    /**
     * The class path entry of an artifact: its jar, or in a reactor build its module's classes.
     */
    private static String entry(String artifact, String module) {
        String reactorClasses = File.separator + module + File.separator + "target" + File.separator + "classes";
        return Arrays.stream(System.getProperty("java.class.path").split(File.pathSeparator))
                .filter(entry -> entry.contains(artifact) || entry.endsWith(reactorClasses))
                .findFirst()
                .orElseThrow(() -> new IllegalStateException(artifact + " is not on the class path"));
    }

    private static Run javac(Path work, String name, List<Path> sources, String classPath, List<String> options)
            throws IOException, InterruptedException {
        Path classes = work.resolve(name + "-classes");
        Path generated = work.resolve(name + "-generated");
        Files.createDirectories(classes);
        Files.createDirectories(generated);
        Path sourceList = work.resolve(name + "-sources.txt");
        Files.write(sourceList, sources.stream().map(Path::toString).toList());
        Path javac = Path.of(System.getProperty("java.home"), "bin", "javac");
        List<String> command = new ArrayList<>(List.of("/usr/bin/time", "-f", "%e %M", javac.toString(),
                "--release", "17", "-d", classes.toString(), "-s", generated.toString(), "-cp", classPath));
        command.addAll(options);
        command.add("@" + sourceList);
        Path report = work.resolve(name + "-time.txt");
        Process process = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(report.toFile()).start();
        if (process.waitFor() != 0) {
            throw new IllegalStateException("javac failed: " + Files.readString(report));
        }
        List<String> output = Files.readAllLines(report);
        String[] measured = output.get(output.size() - 1).trim().split(" ");
        return new Run(Double.parseDouble(measured[0]), Double.parseDouble(measured[1]) / 1024);
    }

    private static long lines(Path folder) throws IOException {
        try (Stream<Path> files = Files.walk(folder)) {
            long total = 0;
            for (Path file : files.filter(f -> f.toString().endsWith(".java")).sorted(Comparator.naturalOrder()).toList()) {
                total += Files.readAllLines(file).size();
            }
            return total;
        }
    }
}
