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
 * {@code /usr/bin/time}.
 *
 * <p>Three more runs split the cost. Each processor's output, kept from a run before the rounds, is
 * written again by {@link SourceReplayProcessor}, which does nothing else: the processor's run less
 * that one is the processor's own work, and that one less {@code -proc:none} is what javac spends on
 * the output, its rounds included. The third writes, per entity, the least a DAO can be under the
 * contract: its class, extending the runtime's base, with its six constructors and nothing else.
 *
 * <p>All take turns for a few rounds, so a machine that drifts moves them alike; each figure is the
 * median of its rounds. Writes the result into docs/performance.md between its compile markers.
 *
 * <p>Arguments: the docs directory, the processor jar, and optionally the number of entities (1,000).
 * {@code -Doptilock.bench.compile.rounds=N} sets the rounds (5: single runs on a machine of two cores spread by a third).
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
        int rounds = Integer.getInteger("optilock.bench.compile.rounds", 5);
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
        // Each processor's output, from a run of its own before the rounds, kept for the replays.
        for (Variant variant : List.of(hibernate, optilock)) {
            javac(work, variant.name() + "-kept", sources, classPath, variant.options());
        }
        writeLeastDaos(work.resolve("least-output"), entities);
        Variant hibernateOutput = replay(work, "hibernate-replayed", "hibernate-kept-generated",
                "Hibernate's output alone, written by a processor that does nothing else");
        Variant optilockOutput = replay(work, "optilock-replayed", "optilock-kept-generated",
                "Optilock's output alone, written the same way");
        Variant least = replay(work, "least-replayed", "least-output",
                "the least DAO the contract allows (its class and six constructors), written the same way");
        List<Variant> variants = List.of(none, hibernate, optilock, hibernateOutput, optilockOutput, least);
        Map<Variant, Run> medians = takeTurns(work, variants, sources, classPath, rounds);
        Run plain = medians.get(none);
        Run peer = medians.get(hibernate);
        Run ours = medians.get(optilock);

        StringBuilder table = new StringBuilder(String.format("""
                %,d entities of 6 fields each (%,d lines), compiled by javac %s in a process of its own, the six
                runs taking turns for %d rounds; each figure is the median of its rounds:

                | | wall time | peak memory (RSS) | time ÷ no processor | lines written per entity |
                |---|---|---|---|---|
                """, entities, lines(work.resolve("src")), Runtime.version().feature(), rounds));
        for (Variant variant : variants) {
            Run run = medians.get(variant);
            table.append(String.format("| %s | %.1f s | %.0f MiB | %.1f× | %.0f |%n", variant.label(), run.seconds(),
                    run.mebibytes(), run.seconds() / plain.seconds(), (double) lines(work.resolve(variant.name() + "-generated")) / entities));
        }
        table.append(String.format("%nOptilock's processor against Hibernate's: %.2f× the time, %.2f× the memory.%n",
                ours.seconds() / peer.seconds(), ours.mebibytes() / peer.mebibytes()));
        table.append(String.format("""

                Each processor's own work (its run less the run that only writes its output): Optilock %s, \
                Hibernate %s. What javac spends on the output alone, rounds included (that run less \
                `-proc:none`): Optilock's %s, Hibernate's %s. The least DAO the contract allows, written \
                the same way, costs %.2f× Hibernate's whole run.
                """, difference(ours, medians.get(optilockOutput)), difference(peer, medians.get(hibernateOutput)),
                difference(medians.get(optilockOutput), plain), difference(medians.get(hibernateOutput), plain),
                medians.get(least).seconds() / peer.seconds()));
        System.out.println(table);

        new GeneratedSection(docs.resolve("performance.md"), "compile").write(table.toString());
    }

    /**
     * Runs every variant once a round, each round starting one further along the list, so a machine
     * that drifts moves them alike; returns the median run of each.
     */
    private static Map<Variant, Run> takeTurns(Path work, List<Variant> variants, List<Path> sources, String classPath,
            int rounds) throws IOException, InterruptedException {
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
        Map<Variant, Run> medians = new LinkedHashMap<>();
        runs.forEach((variant, itsRuns) -> medians.put(variant, median(itsRuns)));
        return medians;
    }

    /** A run in which {@link SourceReplayProcessor} writes the sources kept in {@code folder} of {@code work}. */
    private static Variant replay(Path work, String name, String folder, String label) {
        String benchmarks = SourceReplayProcessor.class.getProtectionDomain().getCodeSource().getLocation().getPath();
        return new Variant(name, label, List.of(
                "-processorpath", benchmarks,
                "-processor", SourceReplayProcessor.class.getName(),
                "-A" + SourceReplayProcessor.FOLDER + "=" + work.resolve(folder)));
    }

    /**
     * Per entity, the least DAO the contract allows: a public class of the DAO's name extending the
     * runtime's base class, with the six public constructors a DAO has and no method. It is declared
     * abstract, which spares it the base class's hooks: no DAO can be less.
     */
    private static void writeLeastDaos(Path folder, int count) throws IOException {
        Path source = folder.resolve("com/example/model");
        Files.createDirectories(source);
        for (int i = 0; i < count; i++) {
            Files.writeString(source.resolve("Entity" + i + "Dao.java"), """
                    package com.example.model;

                    import java.sql.Connection;
                    import javax.sql.DataSource;
                    import org.optilock.runtime.ConnectionSource;
                    import org.optilock.runtime.OptilockSettings;
                    import org.optilock.runtime.internal.AbstractVersionedDao;

                    public abstract class Entity%1$dDao extends AbstractVersionedDao<Entity%1$d, Long, Long> {
                        public Entity%1$dDao(DataSource dataSource) {
                            super(null, dataSource);
                        }

                        public Entity%1$dDao(DataSource dataSource, OptilockSettings settings) {
                            super(null, dataSource, settings);
                        }

                        public Entity%1$dDao(Connection connection) {
                            super(null, connection);
                        }

                        public Entity%1$dDao(Connection connection, OptilockSettings settings) {
                            super(null, connection, settings);
                        }

                        public Entity%1$dDao(ConnectionSource connections) {
                            super(null, connections);
                        }

                        public Entity%1$dDao(ConnectionSource connections, OptilockSettings settings) {
                            super(null, connections, settings);
                        }
                    }
                    """.formatted(i), StandardCharsets.UTF_8);
        }
    }

    /** How much longer {@code run} took than {@code part}: a medians' difference, which noise can turn negative. */
    private static String difference(Run run, Run part) {
        double seconds = run.seconds() - part.seconds();
        return seconds < 0.05 ? "nothing measurable" : String.format("%.1f s", seconds);
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
