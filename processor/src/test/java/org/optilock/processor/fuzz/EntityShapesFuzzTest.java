package org.optilock.processor.fuzz;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import com.google.testing.compile.Compilation;
import com.google.testing.compile.Compiler;
import com.google.testing.compile.JavaFileObjects;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Pattern;
import javax.tools.Diagnostic;
import javax.tools.JavaFileObject;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.ShrinkingMode;
import net.jqwik.api.lifecycle.AfterContainer;
import org.h2.jdbcx.JdbcDataSource;
import org.optilock.processor.OptilockProcessor;

/**
 * The processor against random entity shapes (field types it supports and some it must refuse, odd
 * and reserved names, classes and records, field and property access, key kinds, version strategies,
 * conditional field lists, mapped superclasses), ten to a compilation. Each shape either compiles
 * with no warning to a DAO that inserts, finds, updates, refuses a stale copy and deletes on H2, or
 * is refused with OPL codes on its own elements, a refused field type on that field; never a crash.
 * jqwik prints the seed of a failing try.
 */
class EntityShapesFuzzTest {

    private static final int SHAPES_PER_TRY = 10;
    private static final Pattern CODE = Pattern.compile("^\\[OPL-(?!000)\\d{3}] ");
    private static final AtomicInteger ROUND_TRIPS = new AtomicInteger();
    private static final AtomicInteger IMMUTABLE_ROUND_TRIPS = new AtomicInteger();
    private static final AtomicInteger REFUSED = new AtomicInteger();
    private static final AtomicInteger DATABASES = new AtomicInteger();
    private static final Map<String, Integer> CODES = new java.util.concurrent.ConcurrentSkipListMap<>();

    @Property(tries = 30, shrinking = ShrinkingMode.OFF)
    void everyShapeWorksOrIsRefusedOnItsOwnElements(@ForAll Random random) throws Exception {
        List<EntityShape> shapes = ShapeGenerator.batch(random, SHAPES_PER_TRY);
        Map<String, EntityShape> shapeOfFile = new HashMap<>();
        Map<EntityShape, List<JavaFileObject>> files = new HashMap<>();
        Map<String, SourceText> sources = new HashMap<>();
        for (EntityShape shape : shapes) {
            List<JavaFileObject> own = new ArrayList<>();
            own.add(file(shape.qualifiedName(), shape.source(), sources, shapeOfFile, shape));
            if (shape.hasBase()) {
                own.add(file(EntityShape.PACKAGE + "." + shape.baseName(), shape.baseSource(), sources, shapeOfFile, shape));
            }
            files.put(shape, own);
        }

        Compilation all = compile(shapes, files);
        Map<EntityShape, List<Diagnostic<? extends JavaFileObject>>> errors = new HashMap<>();
        for (Diagnostic<? extends JavaFileObject> error : all.errors()) {
            String message = error.getMessage(null);
            assertTrue(CODE.matcher(message).find(), "an error without an OPL code, or a crash: " + message);
            assertTrue(error.getSource() != null && error.getLineNumber() > 0, "an error on no element: " + message);
            EntityShape shape = shapeOfFile.get(error.getSource().toUri().getPath());
            assertTrue(shape != null, "an error outside the shapes: " + message);
            errors.computeIfAbsent(shape, s -> new ArrayList<>()).add(error);
            CODES.merge(message.substring(1, 8), 1, Integer::sum);
        }
        for (EntityShape shape : shapes) {
            for (EntityShape.Field field : shape.fields()) {
                if (!field.kind().supported()) {
                    assertTrue(errors.getOrDefault(shape, List.of()).stream().anyMatch(e ->
                                    sources.get(e.getSource().toUri().getPath()).linesOf(field.name()).contains(e.getLineNumber())),
                            shape.name() + "." + field.name() + " of type " + field.kind().javaType() + " is refused on the field: "
                                    + errors.get(shape));
                }
            }
        }

        List<EntityShape> accepted = shapes.stream().filter(shape -> !errors.containsKey(shape)).toList();
        REFUSED.addAndGet(shapes.size() - accepted.size());
        if (accepted.isEmpty()) {
            return;
        }
        Compilation clean = accepted.size() == shapes.size() ? all : compile(accepted, files);
        assertEquals(Compilation.Status.SUCCESS, clean.status(), () -> "shapes without errors compile alone: " + clean.errors());
        assertEquals(List.of(), clean.warnings(), "no warning for " + accepted.stream().map(EntityShape::name).toList());

        JdbcDataSource dataSource = new JdbcDataSource();
        dataSource.setURL("jdbc:h2:mem:fuzz" + DATABASES.incrementAndGet() + ";DB_CLOSE_DELAY=-1");
        try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement()) {
            for (EntityShape shape : accepted) {
                statement.execute(shape.createTable());
            }
            CompiledClasses classes = new CompiledClasses(clean);
            for (EntityShape shape : accepted) {
                try {
                    new RoundTrip(shape, classes, dataSource).run();
                } catch (RuntimeException | AssertionError e) {
                    fail(shape.name() + " failed its round trip:\n" + sources.get("/" + shape.qualifiedName().replace('.', '/')
                            + ".java").text(), e);
                }
                ROUND_TRIPS.incrementAndGet();
                if (shape.immutable()) {
                    IMMUTABLE_ROUND_TRIPS.incrementAndGet();
                }
            }
            statement.execute("SHUTDOWN");
        } catch (SQLException e) {
            fail("The table of a shape, or its DAO's SQL, failed: " + e.getMessage(), e);
        }
    }

    private static JavaFileObject file(String qualifiedName, SourceText source, Map<String, SourceText> sources,
            Map<String, EntityShape> shapeOfFile, EntityShape shape) {
        JavaFileObject file = JavaFileObjects.forSourceString(qualifiedName, source.text());
        sources.put(file.toUri().getPath(), source);
        shapeOfFile.put(file.toUri().getPath(), shape);
        return file;
    }

    private static Compilation compile(List<EntityShape> shapes, Map<EntityShape, List<JavaFileObject>> files) {
        List<JavaFileObject> sources = shapes.stream().flatMap(shape -> files.get(shape).stream()).toList();
        // -Werror, as strict builds compile: a warning in generated code fails the shape like an error.
        return Compiler.javac().withProcessors(new OptilockProcessor()).withOptions("-Xlint:all,-processing", "-Werror")
                .compile(sources);
    }

    /** Proof that the run was not empty: most shapes made it all the way to H2. */
    @AfterContainer
    static void report() {
        System.out.printf("Processor fuzzing: %d shapes round-tripped on H2 (%d of them immutable classes), %d refused"
                + " with OPL codes %s%n", ROUND_TRIPS.get(), IMMUTABLE_ROUND_TRIPS.get(), REFUSED.get(), CODES);
        assertTrue(ROUND_TRIPS.get() >= 100, "only " + ROUND_TRIPS.get() + " shapes reached the database");
        assertTrue(IMMUTABLE_ROUND_TRIPS.get() >= 10, "only " + IMMUTABLE_ROUND_TRIPS.get() + " immutable classes did");
    }
}
