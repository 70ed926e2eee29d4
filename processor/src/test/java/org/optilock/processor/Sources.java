package org.optilock.processor;

import com.google.testing.compile.Compilation;
import com.google.testing.compile.Compiler;
import com.google.testing.compile.JavaFileObjects;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import javax.tools.JavaFileObject;

/** Compiles test sources with the processor, the way a user's build runs it. */
final class Sources {

    private Sources() {}

    /** A source file from {@code src/test/resources/entities}. */
    static JavaFileObject entity(String qualifiedName) {
        String path = "/entities/" + qualifiedName.replace('.', '/') + ".java";
        return JavaFileObjects.forSourceString(qualifiedName, resource(path));
    }

    /** A source file written in the test. */
    static JavaFileObject source(String qualifiedName, String... lines) {
        return JavaFileObjects.forSourceLines(qualifiedName, lines);
    }

    /** Compiles with every lint warning on, and as errors, as strict builds do: generated code that warns fails. */
    static Compilation compile(List<String> options, JavaFileObject... files) {
        List<String> all = new ArrayList<>(List.of("-Xlint:all,-processing", "-Werror"));
        all.addAll(options);
        return Compiler.javac().withProcessors(new OptilockProcessor()).withOptions(all).compile(files);
    }

    static Compilation compile(JavaFileObject... files) {
        return compile(List.of(), files);
    }

    static String resource(String path) {
        try (InputStream in = Sources.class.getResourceAsStream(path)) {
            if (in == null) {
                throw new IllegalArgumentException("No test resource " + path);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
