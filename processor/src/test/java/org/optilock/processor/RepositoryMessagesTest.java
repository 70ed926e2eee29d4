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
        lines[4] = "import java.util.*; import java.util.stream.Stream;";
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
        assertError("OPL-410", "Articles.titled is abstract but has none of @Find, @Query", "titled",
                "@Repository public interface Articles extends DataRepository<Article, Long> {",
                "    List<Article> titled(String title);",
                "}");
    }

    // ---- queries by method name ----------------------------------------------------------------------

    @Test
    void everyOperatorOfAMethodNameCompilesWithoutWarnings() {
        Compilation compilation = Sources.compile(ARTICLE, repository(
                "@Repository public interface Articles extends DataRepository<Article, Long> {",
                "    List<Article> findByTitleLikeAndIdLessThanEqualOrderByTitleDesc(String pattern, long max);",
                "    Optional<Article> findFirstByTitleIgnoreCaseNotContains(String part);",
                "    Article[] findFirst3ByIdGreaterThanOrTitleStartsWith(Long min, String prefix, Sort<Article> sort);",
                "    Stream<Article> findByIdBetweenAndTitleEndsWith(long low, long high, String suffix, Limit limit);",
                "    Page<Article> findByIdNotIn(Set<Long> ids, PageRequest page, Order<Article> order);",
                "    CursoredPage<Article> findByTitleNotNullOrderById(PageRequest page);",
                "    List<Article> findByIdGreaterThanEqualAndIdLessThan(Long low, Long high);",
                "    long countByTitleNull();",
                "    int countAll();",
                "    boolean existsByIdIn(List<Long> ids);",
                "    long deleteByTitleIgnoreCase(String title);",
                "    void deleteByIdNotBetween(long low, long high);",
                "}"));
        assertThat(compilation).succeededWithoutWarnings();
    }

    @Test
    void aMisspeltAttributeInAMethodNameGetsTheClosestName() {
        assertError("OPL-404", "Article has no attribute 'titel'. Did you mean 'title'?", "findByTitelLike",
                "@Repository public interface Articles extends DataRepository<Article, Long> {",
                "    List<Article> findByTitelLike(String title);",
                "}");
    }

    @Test
    void aMethodNameThatDoesNotRead() {
        assertError("OPL-414", "Articles.findByTitleLikeOrderBy is named as a query, but its name does not read as"
                + " one", "findByTitleLikeOrderBy",
                "@Repository public interface Articles extends DataRepository<Article, Long> {",
                "    List<Article> findByTitleLikeOrderBy(String title);",
                "}");
        assertError("OPL-414", "Articles.findByIdLesser is named as a query, but its name does not read as one: 'Lesser'"
                + " follows an attribute", "findByIdLesser",
                "@Repository public interface Articles extends DataRepository<Article, Long> {",
                "    List<Article> findByIdLesser(long id);",
                "}");
    }

    @Test
    void conditionsAndParametersThatDoNotAgree() {
        assertError("OPL-415", "Articles.findByIdBetween has conditions that take 2 values (id Between: 2), but 1 of"
                + " its parameters give values", "findByIdBetween",
                "@Repository public interface Articles extends DataRepository<Article, Long> {",
                "    List<Article> findByIdBetween(long low);",
                "}");
    }

    @Test
    void anOperatorThatDoesNotFitItsAttribute() {
        assertError("OPL-416", "Articles.findByIdLike: Like does not fit attribute 'id'", "findByIdLike",
                "@Repository public interface Articles extends DataRepository<Article, Long> {",
                "    List<Article> findByIdLike(String pattern);",
                "}");
        assertError("OPL-416", "Articles.findByTitleTrue: True does not fit attribute 'title'", "findByTitleTrue",
                "@Repository public interface Articles extends DataRepository<Article, Long> {",
                "    List<Article> findByTitleTrue();",
                "}");
    }

    @Test
    void aParameterOfAnotherTypeThanItsAttribute() {
        assertError("OPL-405", "Parameter 'ids' is java.util.Set<java.lang.String>, but attribute 'id' of Article is"
                + " java.lang.Long", "findByIdIn",
                "@Repository public interface Articles extends DataRepository<Article, Long> {",
                "    List<Article> findByIdIn(Set<String> ids);",
                "}");
    }

    @Test
    void countExistsAndDeleteReturnWhatTheySay() {
        assertError("OPL-406", "Articles.countByTitle cannot return java.lang.String", "countByTitle",
                "@Repository public interface Articles extends DataRepository<Article, Long> {",
                "    String countByTitle(String title);",
                "}");
        assertError("OPL-411", "Parameter 'limit' (jakarta.data.Limit) does not fit Articles.existsByTitle: only a find"
                + " method limits, sorts or pages its rows", "existsByTitle",
                "@Repository public interface Articles extends DataRepository<Article, Long> {",
                "    boolean existsByTitle(String title, Limit limit);",
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

    // ---- JDQL ----------------------------------------------------------------------------------------

    @Test
    void everyFormOfJdqlCompilesWithoutWarnings() {
        Compilation compilation = Sources.compile(ARTICLE, repository(
                "@Repository public interface Articles extends DataRepository<Article, Long> {",
                "    @Query(\"WHERE LENGTH(title) = ?1 AND id < ?2 ORDER BY title\") List<Article> a(int n, long max);",
                "    @Query(\"SELECT title WHERE id IN (1, :id) ORDER BY id DESC\") List<String> b(long id);",
                "    @Query(\"SELECT COUNT(THIS) WHERE NOT (title LIKE 'x%' OR title IS NULL)\") long c();",
                "    @Query(\"UPDATE Article SET title = UPPER(title) || :suffix WHERE id BETWEEN 1 AND 9\")",
                "    int d(@Param(\"suffix\") String end);",
                "    @Query(\"DELETE FROM Article WHERE title = 'it''s' OR ABS(id - 3) > LENGTH(LEFT(title, 2))\")",
                "    boolean e();",
                "    @Query(\"SELECT id FROM Article ORDER BY id\") Page<Long> f(PageRequest page);",
                "}"));
        assertThat(compilation).succeededWithoutWarnings();
    }

    @Test
    void aMalformedQueryFailsWithItsPosition() {
        assertError("OPL-417", "The @Query of Articles.broken does not parse: expected a comparison (=, <>, <, <=, >, >=),"
                + " BETWEEN, LIKE, IN or IS [NOT] NULL but found 'ORDER', at character 13:\n      WHERE title ORDER BY id\n                  ^", "WHERE title ORDER",
                "@Repository public interface Articles extends DataRepository<Article, Long> {",
                "    @Query(\"WHERE title ORDER BY id\") List<Article> broken();",
                "}");
        assertError("OPL-417", "The @Query of Articles.unclosed does not parse: a string literal is not closed, at"
                + " character 15", "unclosed",
                "@Repository public interface Articles extends DataRepository<Article, Long> {",
                "    @Query(\"WHERE title = 'x\") List<Article> unclosed();",
                "}");
    }

    @Test
    void aQueryParameterTheMethodDoesNotHaveOrUse() {
        assertError("OPL-419", "The @Query of Articles.byTitle does not fit Article: :name names no parameter of the"
                + " method", "byTitle",
                "@Repository public interface Articles extends DataRepository<Article, Long> {",
                "    @Query(\"WHERE title = :name\") List<Article> byTitle(String title);",
                "}");
        assertError("OPL-418", "The @Query of Articles.byTitle does not use parameter 'extra'", "byTitle",
                "@Repository public interface Articles extends DataRepository<Article, Long> {",
                "    @Query(\"WHERE title = ?1\") List<Article> byTitle(String title, long extra);",
                "}");
    }

    @Test
    void aParameterOfAnotherTypeThanTheAttributeItIsComparedWith() {
        assertError("OPL-419", "The @Query of Articles.byTitle does not fit Article: parameter ?1 (title) is int, but"
                + " is compared with attribute 'title', which is java.lang.String. Declare the parameter as"
                + " java.lang.String, at character 15", "byTitle",
                "@Repository public interface Articles extends DataRepository<Article, Long> {",
                "    @Query(\"WHERE title = ?1\") List<Article> byTitle(int title);",
                "}");
    }

    @Test
    void aQueryOfAnotherEntity() {
        assertError("OPL-419", "The @Query of Articles.others does not fit Article: names entity Comment, but the entity"
                + " of this repository is Article, at character 13", "others",
                "@Repository public interface Articles extends DataRepository<Article, Long> {",
                "    @Query(\"DELETE FROM Comment\") long others();",
                "}");
    }

    @Test
    void aMisspeltAttributeInAQueryGetsTheClosestName() {
        assertError("OPL-420", "The @Query of Articles.byTitle names 'titel', which is no attribute of Article. Did you"
                + " mean 'title'?", "byTitle",
                "@Repository public interface Articles extends DataRepository<Article, Long> {",
                "    @Query(\"WHERE titel = ?1\") List<Article> byTitle(String title);",
                "}");
    }
}
