package org.optilock.processor;

import static com.google.testing.compile.CompilationSubject.assertThat;
import static org.junit.jupiter.api.Assertions.assertEquals;

import com.google.testing.compile.Compilation;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import javax.tools.JavaFileObject;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The generated DAO of one entity per strategy and access style, and a repository with its entity's
 * DAO, compared letter for letter with the reviewed text under {@code src/test/resources/golden}. After a deliberate change to the
 * generated code, rewrite them with {@code mvn test -pl processor -Doptilock.golden.update=true}
 * and review the diff.
 */
class GoldenDaoTest {

    @ParameterizedTest(name = "{0}")
    @CsvSource({
        "com.acme.Article,    as_is,      fields, identity key, COUNTER long",
        "com.acme.Customer,   as_is,      JavaBean accessors, UUID key, TIMESTAMP Instant",
        "com.acme.Note,       as_is,      record, COUNTER Integer",
        "com.acme.Meter,      as_is,      TIMESTAMP long microseconds",
        "com.acme.ReadingLog, snake_case, snake_case names, enums, OffsetDateTime version",
        "com.acme.Ticket,     as_is,      TRIGGER long, SQL per dialect, trigger registration",
        "com.acme.Profile,    as_is,      conditional checkFields, COUNTER Integer",
        "com.acme.Page,       as_is,      record, conditional ignoreFields, TIMESTAMP Instant",
        "com.acme.OrderLine,  as_is,      composite key with a record @IdClass",
    })
    void generatedDaoMatchesGoldenFile(String entity, String naming, String what) throws IOException {
        JavaFileObject source = Sources.entity(entity);
        Compilation compilation = Sources.compile(List.of("-Aoptilock.naming=" + naming), source);

        assertThat(compilation).succeededWithoutWarnings();
        String dao = entity + "Dao";
        String generated = compilation.generatedSourceFile(dao).orElseThrow().getCharContent(false).toString();
        String goldenPath = "/golden/" + dao.replace('.', '/') + ".java";
        if (Boolean.getBoolean("optilock.golden.update")) {
            Path file = Path.of(System.getProperty("optilock.golden.dir"), dao.replace('.', '/') + ".java");
            Files.createDirectories(file.getParent());
            Files.writeString(file, generated, StandardCharsets.UTF_8);
            return;
        }
        assertEquals(Sources.resource(goldenPath), generated, "generated " + dao + " (" + what + ")");
    }

    /**
     * A repository of queries by method name and JDQL over an entity with an element collection: the
     * repository's implementation and the entity's DAO, each compared with its golden file.
     */
    @ParameterizedTest(name = "{0}")
    @CsvSource({
        "com.acme.CatalogImpl, method names, JDQL per database, In lists, a projection, an UPDATE",
        "com.acme.ProductDao,  an element collection, a char column, an enum sorted in declared order",
    })
    void generatedRepositoryMatchesGoldenFile(String type, String what) throws IOException {
        Compilation compilation = Sources.compile(Sources.entity("com.acme.Product"), Sources.entity("com.acme.Catalog"));

        assertThat(compilation).succeededWithoutWarnings();
        String generated = compilation.generatedSourceFile(type).orElseThrow().getCharContent(false).toString();
        if (Boolean.getBoolean("optilock.golden.update")) {
            Path file = Path.of(System.getProperty("optilock.golden.dir"), type.replace('.', '/') + ".java");
            Files.createDirectories(file.getParent());
            Files.writeString(file, generated, StandardCharsets.UTF_8);
            return;
        }
        assertEquals(Sources.resource("/golden/" + type.replace('.', '/') + ".java"), generated,
                "generated " + type + " (" + what + ")");
    }
}
