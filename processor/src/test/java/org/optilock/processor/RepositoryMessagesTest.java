package org.optilock.processor;

import static com.google.testing.compile.CompilationSubject.assertThat;

import com.google.testing.compile.Compilation;
import javax.tools.JavaFileObject;
import org.junit.jupiter.api.Test;

/** Each misuse of a repository is a compile error with its code, on the method or parameter it concerns. */
class RepositoryMessagesTest {

    private static final JavaFileObject ARTICLE = Sources.source("com.acme.Article",
            "package com.acme;",
            "import jakarta.persistence.*;",
            "@Entity public class Article {",
            "    @Id @GeneratedValue(strategy = GenerationType.IDENTITY) Long id;",
            "    String title;",
            "    @Version long version;",
            "}");

    private static JavaFileObject repository(String... body) {
        String[] lines = new String[body.length + 6];
        lines[0] = "package com.acme;";
        lines[1] = "import jakarta.data.*;";
        lines[2] = "import jakarta.data.page.*;";
        lines[3] = "import jakarta.data.repository.*;";
        lines[4] = "import java.util.*;";
        System.arraycopy(body, 0, lines, 5, body.length);
        lines[lines.length - 1] = "";
        return Sources.source("com.acme.Articles", lines);
    }

    private static void assertError(String code, String text, String line, String... body) {
        JavaFileObject source = repository(body);
        Compilation compilation = Sources.compile(ARTICLE, source);
        assertThat(compilation).hadErrorContaining("[" + code + "] " + text).inFile(source).onLineContaining(line);
    }

    @Test
    void aValidRepositoryCompilesWithoutWarnings() {
        Compilation compilation = Sources.compile(ARTICLE, repository(
                "@Repository public interface Articles extends CrudRepository<Article, Long> {",
                "    @Find List<Article> byTitle(String title, Order<Article> order);",
                "    @Find CursoredPage<Article> pages(PageRequest page, Order<Article> order);",
                "    @Delete long removeTitled(@By(\"title\") String title);",
                "    @Find List<Article> named(@By(\"title\") String statement, @By(\"id\") Long parameters);",
                "}"));
        assertThat(compilation).succeededWithoutWarnings();
        assertThat(compilation).generatedSourceFile("com.acme.ArticlesImpl");
    }

    @Test
    void aRepositoryOfARecordCompilesWithoutWarnings() {
        JavaFileObject note = Sources.source("com.acme.Note", "package com.acme;", "import jakarta.persistence.*;",
                "@Entity public record Note(@Id Long id, String text, @Version long version) {}");
        JavaFileObject notes = Sources.source("com.acme.Notes", "package com.acme;",
                "import jakarta.data.repository.*;", "import java.util.List;",
                "@Repository public interface Notes extends CrudRepository<Note, Long> {",
                "    @Update Note[] change(Note... notes);",
                "}");
        Compilation compilation = Sources.compile(note, notes);
        assertThat(compilation).succeededWithoutWarnings();
        assertThat(compilation).generatedSourceFile("com.acme.NotesImpl").contentsAsUtf8String()
                .contains("return (S) operations.save(entity);");
    }

    @Test
    void aMisspeltAttributeSuggestsTheOneMeant() {
        assertError("OPL-404", "Article has no attribute 'titel'. Did you mean 'title'?", "String titel",
                "@Repository public interface Articles extends DataRepository<Article, Long> {",
                "    @Find List<Article> byTitle(String titel);",
                "}");
    }

    @Test
    void aMisspeltOrderByAttributeIsReportedOnTheMethod() {
        assertError("OPL-404", "Article has no attribute 'tilte'. Did you mean 'title'?", "List<Article> ordered",
                "@Repository public interface Articles extends DataRepository<Article, Long> {",
                "    @Find @OrderBy(\"tilte\") List<Article> ordered();",
                "}");
    }

    @Test
    void aParameterOfTheWrongType() {
        assertError("OPL-405", "Parameter 'title' is int, but attribute 'title' of Article is java.lang.String",
                "int title", "@Repository public interface Articles extends DataRepository<Article, Long> {",
                "    @Find List<Article> byTitle(int title);",
                "}");
    }

    @Test
    void aReturnTypeAFindCannotHave() {
        assertError("OPL-406", "Articles.titles cannot return java.util.List<java.lang.String>", "titles",
                "@Repository public interface Articles extends DataRepository<Article, Long> {",
                "    @Find List<String> titles();",
                "}");
    }

    @Test
    void aLifecycleMethodOnSomethingElse() {
        assertError("OPL-407", "@Insert method Articles.add takes java.lang.String", "String title",
                "@Repository public interface Articles extends DataRepository<Article, Long> {",
                "    @Insert void add(String title);",
                "}");
    }

    @Test
    void aCursoredPageWithoutAnOrder() {
        assertError("OPL-408", "Articles.pages returns a CursoredPage but orders its rows by nothing", "pages",
                "@Repository public interface Articles extends DataRepository<Article, Long> {",
                "    @Find CursoredPage<Article> pages(PageRequest page);",
                "}");
    }

    @Test
    void aPageWithoutARequest() {
        assertError("OPL-409", "Articles.all returns a Page but takes no PageRequest", "all",
                "@Repository public interface Articles extends DataRepository<Article, Long> {",
                "    @Find Page<Article> all();",
                "}");
    }

    @Test
    void anAbstractMethodWithoutAnAnnotation() {
        assertError("OPL-410", "Articles.findByTitle is abstract but has none of @Find", "findByTitle",
                "@Repository public interface Articles extends DataRepository<Article, Long> {",
                "    List<Article> findByTitle(String title);",
                "}");
    }

    @Test
    void aPageRequestWhereNoPageIsReturned() {
        assertError("OPL-411", "Parameter 'page' (PageRequest) does not fit Articles.all", "PageRequest page",
                "@Repository public interface Articles extends DataRepository<Article, Long> {",
                "    @Find List<Article> all(PageRequest page);",
                "}");
    }

    @Test
    void aLifecycleMethodWithTwoParameters() {
        assertError("OPL-412", "@Update method Articles.both takes 2 parameters", "both",
                "@Repository public interface Articles extends DataRepository<Article, Long> {",
                "    @Update void both(Article a, Article b);",
                "}");
    }

    @Test
    void aClassIsNotARepository() {
        assertError("OPL-401", "@Repository Articles is a class", "class Articles",
                "@Repository public abstract class Articles {}");
    }

    @Test
    void aRepositoryWithoutAnEntity() {
        assertError("OPL-402", "Articles names no entity", "interface Articles",
                "@Repository public interface Articles {}");
    }

    @Test
    void anEntityWithoutAVersionGetsADaoThatWritesByKey() {
        JavaFileObject plain = Sources.source("com.acme.Plain", "package com.acme;", "import jakarta.persistence.*;",
                "@Entity public class Plain { @Id Long id; String name; }");
        JavaFileObject source = repository(
                "@Repository public interface Articles extends CrudRepository<Plain, Long> {",
                "    @Find List<Plain> byName(String name);",
                "}");
        Compilation compilation = Sources.compile(plain, source);
        assertThat(compilation).succeededWithoutWarnings();
        assertThat(compilation).generatedSourceFile("com.acme.PlainDao").contentsAsUtf8String()
                .contains("UPDATE Plain SET name = ? WHERE id = ?");
    }

    @Test
    void anEntityWithErrorsIsReportedOnItselfAndOnTheRepository() {
        JavaFileObject plain = Sources.source("com.acme.Plain", "package com.acme;", "import jakarta.persistence.*;",
                "@Entity public class Plain { Long id; String name; }");
        JavaFileObject source = repository("@Repository public interface Articles extends DataRepository<Plain, Long> {}");
        Compilation compilation = Sources.compile(plain, source);
        assertThat(compilation).hadErrorContaining("[OPL-101] Plain has no @Id field").inFile(plain)
                .onLineContaining("class Plain");
        assertThat(compilation).hadErrorContaining("[OPL-403] Plain is the entity of Articles").inFile(source)
                .onLineContaining("interface Articles");
    }
}
