package org.optilock.benchmarks;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import javax.annotation.processing.AbstractProcessor;
import javax.annotation.processing.RoundEnvironment;
import javax.annotation.processing.SupportedAnnotationTypes;
import javax.annotation.processing.SupportedOptions;
import javax.lang.model.SourceVersion;
import javax.lang.model.element.TypeElement;

/**
 * An annotation processor that does nothing but write, in its first round, the source files found
 * under the folder its option {@value #FOLDER} names: the files another processor wrote in an earlier
 * run. {@link CompileCost} runs it to split a processor's cost in two: what its own work costs (the
 * processor's run less this one), and what javac spends on the files it writes, rounds included
 * (this run less {@code -proc:none}). Never registered as a service: {@code -processor} names it.
 */
@SupportedAnnotationTypes("*")
@SupportedOptions(SourceReplayProcessor.FOLDER)
public final class SourceReplayProcessor extends AbstractProcessor {

    /** The option naming the folder of sources to write. */
    static final String FOLDER = "optilock.bench.replay";

    private boolean written;

    @Override
    public SourceVersion getSupportedSourceVersion() {
        return SourceVersion.latestSupported();
    }

    @Override
    public boolean process(Set<? extends TypeElement> annotations, RoundEnvironment round) {
        if (written) {
            return false;
        }
        written = true;
        Path folder = Path.of(processingEnv.getOptions().get(FOLDER));
        try {
            for (Path source : sources(folder)) {
                String relative = folder.relativize(source).toString();
                String typeName = relative.substring(0, relative.length() - ".java".length())
                        .replace(source.getFileSystem().getSeparator(), ".");
                try (Writer writer = processingEnv.getFiler().createSourceFile(typeName).openWriter()) {
                    writer.write(Files.readString(source, StandardCharsets.UTF_8));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Could not write the sources of " + folder, e);
        }
        return false;
    }

    private static List<Path> sources(Path folder) throws IOException {
        try (Stream<Path> files = Files.walk(folder)) {
            return files.filter(file -> file.toString().endsWith(".java")).sorted().toList();
        }
    }
}
