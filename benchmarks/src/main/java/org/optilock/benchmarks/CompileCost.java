package org.optilock.benchmarks;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * What the processor costs a build, against the peer a user compares it with: {@code javac}
 * compiling generated entities without any processor ({@code -proc:none}), with Hibernate's
 * processor (the JPA metamodel and Jakarta Data generator, which also writes a class per entity), and
 * with Optilock's, each in a process of its own, timed with its peak resident memory by
 * {@code /usr/bin/time}. The three take turns for a few rounds, so a machine that drifts moves them
 * alike; each figure is the median of its rounds. Writes the result into docs/performance.md between
 * its compile markers.
 *
 * <p>Arguments: the docs directory, the processor jar, and optionally the number of entities (1,000).
 * {@code -Doptilock.bench.compile.rounds=N} sets the rounds (3).
 */
public final class CompileCost {

    /** One javac run: seconds of wall time and peak resident memory in MiB. */
    record Run(double seconds, double mebibytes) {}

    /** How javac is run: its name, and the options that choose its processors. */
    record Variant(String name, String label, List<String> options) {}

    private CompileCost() {}

    public static void main(String[] args) throws IOException, InterruptedException {
        Path docs = Path.of(args[0]);
        Path processor = Path.of(args[1]);
        int entities = args.length > 2 ? Integer.parseInt(args[2]) : 1_000;
        int rounds = Integer.getInteger("optilock.bench.compile.rounds", 3);
        Path work = Files.createTempDirectory("optilock-compile-cost");
        List<Path> sources = writeEntities(work.resolve("src"), entities);
        String classPath = classPath();

        Variant none = new Variant("without", "without a processor (`-proc:none`)", List.of("-proc:none"));
        // Hibernate's processor needs Hibernate ORM itself on its path: the benchmarks' class path has it.
        Variant hibernate = new Variant("hibernate", "Hibernate's processor " + hibernateVersion(), List.of(
                "-processorpath", System.getProperty("java.class.path"),
                "-processor", "org.hibernate.processor.HibernateProcessor"));
        // The processor's one dependency, the annotations, goes on the processor path with it.
        Variant optilock = new Variant("optilock", "Optilock's processor", List.of(
                "-processorpath", processor + File.pathSeparator + entry("optilock-annotations", "annotations")));
        List<Variant> variants = List.of(none, hibernate, optilock);
        Map<Variant, List<Run>> runs = new LinkedHashMap<>();
        variants.forEach(variant -> runs.put(variant, new ArrayList<>()));
        for (int round = 0; round < rounds; round++) {
            for (int turn = 0; turn < variants.size(); turn++) {
                Variant variant = variants.get((round + turn) % variants.size());
                Run run = javac(work, variant.name(), sources, classPath, variant.options());
                System.out.printf("round %d, %s: %.1f s, %.0f MiB%n", round + 1, variant.name(), run.seconds(), run.mebibytes());
                runs.get(variant).add(run);
            }
        }
        long entityLines = lines(work.resolve("src"));
        Run plain = median(runs.get(none));
        Run peer = median(runs.get(hibernate));
        Run ours = median(runs.get(optilock));

        StringBuilder table = new StringBuilder(String.format("""
                %,d entities of 6 fields each (%,d lines), compiled by javac %s in a process of its own, the three
                taking turns for %d rounds; each figure is the median of its rounds:

                | | wall time | peak memory (RSS) | time ÷ no processor | lines written per entity |
                |---|---|---|---|---|
                """, entities, entityLines, Runtime.version().feature(), rounds));
        for (Variant variant : variants) {
            Run run = median(runs.get(variant));
            table.append(String.format("| %s | %.1f s | %.0f MiB | %.1f× | %.0f |%n", variant.label(), run.seconds(),
                    run.mebibytes(), run.seconds() / plain.seconds(), (double) lines(work.resolve(variant.name() + "-generated")) / entities));
        }
        table.append(String.format("%nOptilock's processor against Hibernate's: %.2f× the time, %.2f× the memory.%n",
                ours.seconds() / peer.seconds(), ours.mebibytes() / peer.mebibytes()));
        System.out.println(table);

        new GeneratedSection(docs.resolve("performance.md"), "compile").write(table.toString());
    }

    /** The run of median time, and the median of the peak memories. */
    private static Run median(List<Run> runs) {
        double[] seconds = runs.stream().mapToDouble(Run::seconds).sorted().toArray();
        double[] mebibytes = runs.stream().mapToDouble(Run::mebibytes).sorted().toArray();
        return new Run(seconds[seconds.length / 2], mebibytes[mebibytes.length / 2]);
    }

    /** The version of Hibernate's processor on the class path, as its jar names it. */
    private static String hibernateVersion() {
        String jar = entry("hibernate-processor", "hibernate-processor");
        return jar.substring(jar.lastIndexOf("hibernate-processor-") + "hibernate-processor-".length(), jar.length() - ".jar".length());
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
        for (Path folder : List.of(classes, generated)) {
            deleteRecursively(folder); // a round starts from nothing, as a clean build does
            Files.createDirectories(folder);
        }
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

    private static void deleteRecursively(Path folder) throws IOException {
        if (Files.exists(folder)) {
            try (Stream<Path> files = Files.walk(folder)) {
                for (Path file : files.sorted(Comparator.reverseOrder()).toList()) {
                    Files.delete(file);
                }
            }
        }
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
