package org.optilock.processor;

import static com.google.testing.compile.CompilationSubject.assertThat;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.testing.compile.Compilation;
import com.google.testing.compile.Compiler;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.util.List;
import java.util.Set;
import javax.annotation.processing.AbstractProcessor;
import javax.annotation.processing.RoundEnvironment;
import javax.annotation.processing.SupportedAnnotationTypes;
import javax.lang.model.SourceVersion;
import javax.lang.model.element.TypeElement;
import javax.tools.Diagnostic;
import javax.tools.JavaFileObject;
import org.junit.jupiter.api.Test;

/** One test per message code: the code, the file and the line it is reported on. */
class MessagesTest {

    private static final String IMPORTS = "import jakarta.persistence.*; import org.optilock.*; import java.time.*;";

    /** An entity in package {@code com.acme} whose body is {@code lines}. */
    private static JavaFileObject entity(String name, String... lines) {
        String[] all = new String[lines.length + 2];
        all[0] = "package com.acme;";
        all[1] = IMPORTS;
        System.arraycopy(lines, 0, all, 2, lines.length);
        return Sources.source("com.acme." + name, all);
    }

    private static void assertError(String code, JavaFileObject source, String line) {
        Compilation compilation = Sources.compile(source);
        assertThat(compilation).failed();
        assertThat(compilation).hadErrorContaining("[" + code + "]").inFile(source).onLineContaining(line);
    }

    @Test
    void opl001UnknownNamingOption() {
        Compilation compilation = Sources.compile(List.of("-Aoptilock.naming=camel"), Sources.entity("com.acme.Article"));
        assertThat(compilation).hadErrorContaining("[OPL-001] Unknown value 'camel' for option optilock.naming");
    }

    @Test
    void opl002DaoNameTakenByAHandWrittenClass() {
        JavaFileObject source = entity("Article", "public class Article { @Id Long id; @Version long version; }");
        JavaFileObject handWritten = Sources.source("com.acme.ArticleDao", "package com.acme;", "public class ArticleDao {}");
        Compilation compilation = Sources.compile(source, handWritten);
        assertThat(compilation).hadErrorContaining("[OPL-002] Could not write com.acme.ArticleDao")
                .inFile(source).onLineContaining("public class Article");
    }

    @Test
    void opl101NoId() {
        assertError("OPL-101", entity("Article",
                "public class Article {",
                "  Long id;",
                "  @Version long version;",
                "}"), "public class Article");
    }

    @Test
    void opl102MoreThanOneVersion() {
        JavaFileObject source = entity("Article",
                "public class Article {",
                "  @Id Long id;",
                "  @Version long version;",
                "  @VersionField Instant touched;",
                "}");
        assertError("OPL-102", source, "Instant touched");
    }

    @Test
    void opl103InterfaceAndEnum() {
        assertError("OPL-103", entity("Versioned",
                "public interface Versioned {",
                "  @Version long VERSION = 1;",
                "}"), "interface Versioned");
        assertError("OPL-103", entity("Kind",
                "public enum Kind {",
                "  ONE;",
                "  @Id Long id;",
                "  @Version long version;",
                "}"), "public enum Kind");
    }

    @Test
    void subclassesInheritTheVersionAndTheFieldsOfTheirBaseClasses() {
        JavaFileObject base = Sources.source("com.acme.base.Audited",
                "package com.acme.base;",
                IMPORTS,
                "@MappedSuperclass public abstract class Audited<K> {",
                "  @Id protected K id;",
                "  @Version private long version;",
                "  public K getId() { return id; }",
                "  public void setId(K id) { this.id = id; }",
                "  public long getVersion() { return version; }",
                "  public void setVersion(long version) { this.version = version; }",
                "}");
        JavaFileObject invoice = entity("Invoice",
                "@Entity public class Invoice extends com.acme.base.Audited<String> {",
                "  String customer;",
                "}");
        Compilation compilation = Sources.compile(base, invoice);
        assertThat(compilation).succeededWithoutWarnings();
        assertTrue(compilation.generatedSourceFile("com.acme.base.AuditedDao").isEmpty());
        assertThat(compilation).generatedSourceFile("com.acme.InvoiceDao").contentsAsUtf8String()
                .contains("extends AbstractVersionedDao<Invoice, String, Long>");
        assertThat(compilation).generatedSourceFile("com.acme.InvoiceDao").contentsAsUtf8String()
                .contains("\"INSERT INTO Invoice (id, version, customer) VALUES (?, ?, ?)\"");
        assertThat(compilation).generatedSourceFile("com.acme.InvoiceDao").contentsAsUtf8String()
                .contains("entity.setVersion(");
    }

    @Test
    void entitiesWithoutAVersionAreLeftAlone() {
        Compilation compilation = Sources.compile(entity("Plain",
                "@Entity public class Plain {",
                "  String name;",
                "}"));
        assertThat(compilation).succeededWithoutWarnings();
        assertTrue(compilation.generatedSourceFile("com.acme.PlainDao").isEmpty());
    }

    @Test
    void opl102VersionFieldsAcrossTheHierarchy() {
        JavaFileObject base = entity("Base",
                "public abstract class Base {",
                "  @Id Long id;",
                "  @Version long version;",
                "}");
        JavaFileObject child = entity("Child",
                "@Entity public class Child extends Base {",
                "  @Version long revision;",
                "}");
        Compilation compilation = Sources.compile(base, child);
        assertThat(compilation).hadErrorContaining("[OPL-102] Child already has the version field 'version'")
                .inFile(child).onLineContaining("long revision");
    }

    @Test
    void mappedSuperclassGetsNoDaoAndNoError() {
        Compilation compilation = Sources.compile(entity("Base",
                "@MappedSuperclass public abstract class Base {",
                "  @Id Long id;",
                "  @Version long version;",
                "}"));
        assertThat(compilation).succeededWithoutWarnings();
        assertTrue(compilation.generatedSourceFile("com.acme.BaseDao").isEmpty());
    }

    @Test
    void opl104NoUsableConstructor() {
        assertError("OPL-104", entity("Article",
                "public class Article {",
                "  @Id Long id;",
                "  @Version long version;",
                "  public Article(Long id) { this.id = id; }",
                "}"), "public class Article");
    }

    @Test
    void opl105EntityTheDaoCannotReach() {
        assertError("OPL-105", entity("Outer",
                "public class Outer {",
                "  public class Inner {",
                "    @Id Long id;",
                "    @Version long version;",
                "  }",
                "}"), "public class Inner");
        assertError("OPL-105", entity("Outer",
                "public class Outer {",
                "  private static class Hidden {",
                "    @Id Long id;",
                "    @Version long version;",
                "  }",
                "}"), "private static class Hidden");
    }

    @Test
    void entitiesNamedLikeTheTypesADaoUsesStillCompile() {
        for (String name : new String[] {"Rows", "Connection", "Optional", "Statement", "Versioned", "DaoContext"}) {
            Compilation compilation = Sources.compile(entity(name,
                    "@Table(name = \"things\")",
                    "public class " + name + " {",
                    "  @Id Long id;",
                    "  String entity;",
                    "  String context;",
                    "  @Version long version;",
                    "}"));
            assertThat(compilation).succeededWithoutWarnings();
        }
    }

    @Test
    void nestedStaticEntityGetsAnUnderscoredDao() {
        Compilation compilation = Sources.compile(entity("Outer",
                "public class Outer {",
                "  public static class Entry {",
                "    @Id Long id;",
                "    @Version long version;",
                "  }",
                "}"));
        assertThat(compilation).succeededWithoutWarnings();
        assertThat(compilation).generatedSourceFile("com.acme.Outer_EntryDao");
    }

    @Test
    void opl106UnsupportedKeyGeneration() {
        assertError("OPL-106", entity("Article",
                "public class Article {",
                "  @Id @GeneratedValue(strategy = GenerationType.SEQUENCE) Long id;",
                "  @Version long version;",
                "}"), "GenerationType.SEQUENCE");
    }

    @Test
    void opl107MoreThanOneId() {
        assertError("OPL-107", entity("Article",
                "public class Article {",
                "  @Id Long id;",
                "  @Id Long tenant;",
                "  @Version long version;",
                "}"), "Long tenant");
    }

    @Test
    void opl108TransientRecordComponent() {
        assertError("OPL-108", entity("Note",
                "public record Note(@Id long id, @Transient String cache, @Version int version) {}"),
                "public record Note");
    }

    @Test
    void opl109VersionOnAMethod() {
        assertError("OPL-109", entity("Article",
                "public class Article {",
                "  @Id Long id;",
                "  long version;",
                "  @Version public long getVersion() { return version; }",
                "}"), "public long getVersion()");
    }

    @Test
    void opl110GenericEntity() {
        assertError("OPL-110", entity("Box",
                "public class Box<T> {",
                "  @Id Long id;",
                "  @Version long version;",
                "}"), "public class Box<T>");
    }

    @Test
    void opl111PrivateFieldWithoutAccessors() {
        JavaFileObject source = entity("Article",
                "public class Article {",
                "  @Id Long id;",
                "  private String title;",
                "  @Version long version;",
                "  public String getTitle() { return title; }",
                "}");
        assertError("OPL-111", source, "private String title");
        assertThat(Sources.compile(source)).hadErrorContaining("has no setter setTitle(...)");
    }

    @Test
    void opl112FinalField() {
        assertError("OPL-112", entity("Article",
                "public class Article {",
                "  @Id Long id;",
                "  final String title = \"x\";",
                "  @Version long version;",
                "}"), "final String title");
    }

    @Test
    void opl114IdClassWithoutAMatchingComponent() {
        assertError("OPL-114", entity("Line",
                "@IdClass(Line.Key.class)",
                "public class Line {",
                "  public record Key(long order, String number) {}",
                "  @Id long order;",
                "  @Id int number;",
                "  @Version long version;",
                "}"), "@IdClass(Line.Key.class)");
    }

    @Test
    void opl115IdClassTheDaoCannotMake() {
        assertError("OPL-115", entity("Line",
                "@IdClass(Line.Key.class)",
                "public class Line {",
                "  public static class Key { long order; int number; Key(long order, int number) {} }",
                "  @Id long order;",
                "  @Id int number;",
                "  @Version long version;",
                "}"), "@IdClass(Line.Key.class)");
    }

    @Test
    void opl116GeneratedCompositeKey() {
        assertError("OPL-116", entity("Line",
                "@IdClass(Line.Key.class)",
                "public class Line {",
                "  public record Key(long order, int number) {}",
                "  @Id @GeneratedValue long order;",
                "  @Id int number;",
                "  @Version long version;",
                "}"), "@Id @GeneratedValue long order");
    }

    @Test
    void opl117EmbeddedId() {
        assertError("OPL-117", entity("Line",
                "public class Line {",
                "  @Embeddable public static class Key { long order; int number; }",
                "  @EmbeddedId @Id Key key;",
                "  @Version long version;",
                "}"), "@EmbeddedId @Id Key key");
    }

    private static JavaFileObject libraryClass(String... body) {
        String[] lines = new String[body.length + 1];
        lines[0] = "package com.library;";
        System.arraycopy(body, 0, lines, 1, body.length);
        return Sources.source("com.library.User", lines);
    }

    @Test
    void versionedTableWritesADaoForAClassWithoutAnnotations() {
        JavaFileObject user = libraryClass(
                "public class User {",
                "  public Long id;",
                "  private String email;",
                "  public String getEmail() { return email; }",
                "  public void setEmail(String email) { this.email = email; }",
                "}");
        Compilation compilation = Sources.compile(user, entity("Users",
                "@VersionedTable(entity = com.library.User.class, table = \"auth_user\", id = \"id\")",
                "interface Users {}"));
        assertThat(compilation).succeededWithoutWarnings();
        assertThat(compilation).generatedSourceFile("com.acme.UserDao").contentsAsUtf8String()
                .contains("extends AbstractVersionedDao<Versioned<User>, Long, Long>");
        assertThat(compilation).generatedSourceFile("com.acme.UserDao").contentsAsUtf8String()
                .contains("\"UPDATE auth_user SET email = ?, version = ? WHERE id = ? AND (version = ? OR (version IS NULL AND ? = 1))\"");
    }

    @Test
    void opl303TwoPropertiesOfAVersionedClassInOneColumn() {
        JavaFileObject user = libraryClass("public class User { public Long id; public String email; public String EMAIL; }");
        JavaFileObject declaration = entity("Users",
                "@VersionedTable(entity = com.library.User.class, table = \"auth_user\", id = \"id\")",
                "interface Users {}");
        Compilation compilation = Sources.compile(user, declaration);
        assertThat(compilation).hadErrorContaining("[OPL-303] Column email of 'email' and column EMAIL of 'EMAIL' are one column")
                .inFile(declaration).onLineContaining("@VersionedTable");
    }

    @Test
    void opl303APropertyOfAVersionedClassInTheVersionColumn() {
        JavaFileObject user = libraryClass("public class User { public Long id; public long Version; }");
        JavaFileObject declaration = entity("Users",
                "@VersionedTable(entity = com.library.User.class, table = \"auth_user\", id = \"id\")",
                "interface Users {}");
        Compilation compilation = Sources.compile(user, declaration);
        assertThat(compilation).hadErrorContaining("[OPL-303] Column Version of 'Version' and column version of 'the version'")
                .inFile(declaration).onLineContaining("@VersionedTable");
    }

    @Test
    void anImmutableClassIsCreatedThroughTheConstructorThatNamesItsFields() {
        JavaFileObject parcel = entity("Parcel",
                "@Entity public class Parcel {",
                "  @Id final Long id;",
                "  final String label;",
                "  @Version final long version;",
                "  Parcel(long version, String label, Long id) { this.id = id; this.label = label; this.version = version; }",
                "}");
        Compilation compilation = Sources.compile(parcel);
        assertThat(compilation).succeededWithoutWarnings();
        assertThat(compilation).generatedSourceFile("com.acme.ParcelDao").contentsAsUtf8String()
                .contains("return new Parcel(version, entity.label, entity.id)");
    }

    @Test
    void opl124PrivateFinalFieldWithoutGetter() {
        assertError("OPL-124", entity("Parcel",
                "@Entity public class Parcel {",
                "  @Id private final Long id;",
                "  @Version private final long version;",
                "  Parcel(Long id, long version) { this.id = id; this.version = version; }",
                "  public long getVersion() { return version; }",
                "}"), "private final Long id;");
    }

    @Test
    void opl125ImmutableClassWithoutAConstructorTakingItsFields() {
        JavaFileObject parcel = entity("Parcel",
                "@Entity public class Parcel {",
                "  @Id final Long id;",
                "  @Version final long version;",
                "  Parcel(Long id) { this.id = id; this.version = 0; }",
                "}");
        Compilation compilation = Sources.compile(parcel);
        assertThat(compilation).hadErrorContaining("[OPL-125] Every field of Parcel is final")
                .inFile(parcel).onLineContaining("public class Parcel");
        assertThat(compilation).hadErrorContaining("(java.lang.Long id, long version)");
    }

    @Test
    void opl118VersionedClassWithoutAPublicConstructor() {
        JavaFileObject user = libraryClass("public class User { public Long id; User(int x) {} }");
        JavaFileObject declaration = entity("Users",
                "@VersionedTable(entity = com.library.User.class, table = \"auth_user\", id = \"id\")",
                "interface Users {}");
        Compilation compilation = Sources.compile(user, declaration);
        assertThat(compilation).hadErrorContaining("[OPL-118]").inFile(declaration).onLineContaining("@VersionedTable");
    }

    @Test
    void opl119UnknownKeyPropertyWithSuggestion() {
        JavaFileObject user = libraryClass("public class User { public Long userId; public String name; }");
        JavaFileObject declaration = entity("Users",
                "@VersionedTable(entity = com.library.User.class, table = \"auth_user\",",
                "    id = \"userid\")",
                "interface Users {}");
        Compilation compilation = Sources.compile(user, declaration);
        assertThat(compilation).hadErrorContaining("[OPL-119]").inFile(declaration).onLineContaining("id = \"userid\"");
        assertThat(compilation).hadErrorContaining("Did you mean 'userId'?");
    }

    @Test
    void opl120PropertyWithoutAColumnType() {
        JavaFileObject user = libraryClass("public class User { public Long id; public java.util.List<String> roles; }");
        JavaFileObject declaration = entity("Users",
                "@VersionedTable(entity = com.library.User.class, table = \"auth_user\", id = \"id\")",
                "interface Users {}");
        Compilation compilation = Sources.compile(user, declaration);
        assertThat(compilation).hadErrorContaining("[OPL-120] Property 'roles'").inFile(declaration)
                .onLineContaining("@VersionedTable");
        assertThat(compilation).hadErrorContaining("Add \"roles\" to ignore");
    }

    @Test
    void opl113VersionThatIsNotPersistent() {
        assertError("OPL-113", entity("Article",
                "public class Article {",
                "  @Id Long id;",
                "  @Version transient long version;",
                "}"), "transient long version");
        assertError("OPL-113", entity("Article",
                "public class Article {",
                "  @Id @Version Long id;",
                "}"), "@Id @Version Long id");
    }

    @Test
    void opl201UnsupportedVersionType() {
        assertError("OPL-201", entity("Article",
                "public class Article {",
                "  @Id Long id;",
                "  @Version String version;",
                "}"), "String version");
    }

    @Test
    void opl202UnsupportedColumnType() {
        assertError("OPL-202", entity("Article",
                "public class Article {",
                "  @Id Long id;",
                "  java.util.List<String> tags;",
                "  @Version long version;",
                "}"), "List<String> tags");
    }

    @Test
    void opl203StrategyThatDoesNotFitTheType() {
        assertError("OPL-203", entity("Article",
                "public class Article {",
                "  @Id Long id;",
                "  @VersionField(",
                "      strategy = Strategy.TRIGGER)",
                "  Instant version;",
                "}"), "strategy = Strategy.TRIGGER");
        assertError("OPL-203", entity("Article",
                "public class Article {",
                "  @Id Long id;",
                "  @VersionField(strategy = Strategy.TIMESTAMP) int version;",
                "}"), "Strategy.TIMESTAMP");
        assertError("OPL-203", entity("Article",
                "public class Article {",
                "  @Id Long id;",
                "  @VersionField(strategy = Strategy.COUNTER) Instant version;",
                "}"), "Strategy.COUNTER");
    }

    @Test
    void opl204FinalVersionField() {
        assertError("OPL-204", entity("Article",
                "public class Article {",
                "  @Id Long id;",
                "  @Version final long version = 0;",
                "}"), "final long version");
    }

    @Test
    void opl205GeneratedKeyThatIsNotANumber() {
        assertError("OPL-205", entity("Article",
                "public class Article {",
                "  @Id @GeneratedValue String id;",
                "  @Version long version;",
                "}"), "String id");
    }

    @Test
    void opl206TypeThatNeverResolves() {
        JavaFileObject source = entity("Article",
                "public class Article {",
                "  @Id Long id;",
                "  NotGenerated missing;",
                "  @Version long version;",
                "}");
        assertError("OPL-206", source, "NotGenerated missing");
    }

    /** Writes {@code com.acme.Money}, an enum, in its first round: what another processor would do. */
    @SupportedAnnotationTypes("*")
    static final class MoneyWriter extends AbstractProcessor {
        private boolean written;

        @Override
        public SourceVersion getSupportedSourceVersion() {
            return SourceVersion.latestSupported();
        }

        @Override
        public boolean process(Set<? extends TypeElement> annotations, RoundEnvironment round) {
            if (!written) {
                written = true;
                try (Writer out = processingEnv.getFiler().createSourceFile("com.acme.Money").openWriter()) {
                    out.write("package com.acme; public enum Money { EUR, USD }");
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            }
            return false;
        }
    }

    @Test
    void aTypeAnotherProcessorWritesIsWaitedFor() {
        JavaFileObject source = entity("Price",
                "public class Price {",
                "  @Id Long id;",
                "  Money currency;",
                "  @Version long version;",
                "}");
        Compilation compilation = Compiler.javac()
                .withProcessors(new MoneyWriter(), new OptilockProcessor())
                .withOptions("-Xlint:all,-processing")
                .compile(source);
        assertThat(compilation).succeededWithoutWarnings();
        assertThat(compilation).generatedSourceFile("com.acme.PriceDao").contentsAsUtf8String()
                .contains("ColumnValues.getEnumByName(resultSet, columns[1], Money.class)");
    }

    @Test
    void opl301InvalidTableName() {
        assertError("OPL-301", entity("Article",
                "@Table(name = \"article; DROP TABLE users\")",
                "public class Article {",
                "  @Id Long id;",
                "  @Version long version;",
                "}"), "DROP TABLE users");
        assertError("OPL-301", entity("Order",
                "public class Order {",
                "  @Id Long id;",
                "  @Version long version;",
                "}"), "public class Order");
    }

    @Test
    void opl302InvalidColumnName() {
        assertError("OPL-302", entity("Article",
                "public class Article {",
                "  @Id Long id;",
                "  @Column(name = \"title = 'x', version\") String title;",
                "  @Version long version;",
                "}"), "@Column(name = \"title = 'x', version\")");
        assertError("OPL-302", entity("Article",
                "public class Article {",
                "  @Id Long id;",
                "  String select;",
                "  @Version long version;",
                "}"), "String select");
    }

    @Test
    void quotedIdentifiersAreAccepted() {
        Compilation compilation = Sources.compile(entity("Order",
                "@Table(name = \"\\\"Order\\\"\")",
                "public class Order {",
                "  @Id Long id;",
                "  @Column(name = \"\\\"select\\\"\") String select;",
                "  @Version long version;",
                "}"));
        assertThat(compilation).succeededWithoutWarnings();
        assertThat(compilation).generatedSourceFile("com.acme.OrderDao")
                .contentsAsUtf8String().contains("UPDATE \\\"Order\\\" SET \\\"select\\\" = ?");
    }

    @Test
    void opl303DuplicateColumn() {
        assertError("OPL-303", entity("Article",
                "public class Article {",
                "  @Id Long id;",
                "  String title;",
                "  @Column(name = \"TITLE\") String headline;",
                "  @Version long version;",
                "}"), "String headline");
    }

    @Test
    void opl304CheckFieldsAndIgnoreFields() {
        assertError("OPL-304", entity("Article",
                "public class Article {",
                "  @Id Long id;",
                "  String title;",
                "  String body;",
                "  @VersionField(checkFields = \"title\",",
                "      ignoreFields = \"body\")",
                "  long version;",
                "}"), "ignoreFields = \"body\"");
    }

    @Test
    void opl305UnknownFieldWithSuggestion() {
        JavaFileObject source = entity("Article",
                "public class Article {",
                "  @Id Long id;",
                "  String title;",
                "  @VersionField(checkFields = {",
                "      \"titel\"})",
                "  long version;",
                "}");
        assertError("OPL-305", source, "\"titel\"");
        assertThat(Sources.compile(source)).hadErrorContaining("Did you mean 'title'?");
    }

    @Test
    void opl306ConditionalOnTheKeyOrTheVersion() {
        assertError("OPL-306", entity("Article",
                "public class Article {",
                "  @Id Long id;",
                "  String title;",
                "  @VersionField(ignoreFields = \"version\") long version;",
                "}"), "ignoreFields = \"version\"");
    }

    @Test
    void opl307TriggerNameWithoutTrigger() {
        assertError("OPL-307", entity("Article",
                "public class Article {",
                "  @Id Long id;",
                "  @VersionField(triggerName = \"bump_article\") long version;",
                "}"), "triggerName = \"bump_article\"");
    }

    @Test
    void opl308InvalidTriggerName() {
        assertError("OPL-308", entity("Article",
                "public class Article {",
                "  @Id Long id;",
                "  @VersionField(strategy = Strategy.TRIGGER, triggerName = \"bump-article\") long version;",
                "}"), "bump-article");
    }

    @Test
    void opl309ConditionalTriggerVersion() {
        assertError("OPL-309", entity("Article",
                "public class Article {",
                "  @Id Long id;",
                "  String title;",
                "  @VersionField(strategy = Strategy.TRIGGER,",
                "      checkFields = \"title\")",
                "  long version;",
                "}"), "checkFields = \"title\"");
    }

    @Test
    void opl310IgnoreFieldsThatLeaveNothingToCheck() {
        assertError("OPL-310", entity("Article",
                "public class Article {",
                "  @Id Long id;",
                "  String title;",
                "  @VersionField(ignoreFields = \"title\") long version;",
                "}"), "ignoreFields = \"title\"");
    }

    @Test
    void everyErrorOfAClassIsReportedInOneCompile() {
        JavaFileObject source = entity("Article",
                "@Table(name = \"bad name\")",
                "public class Article {",
                "  private String title;",
                "  java.util.Map<String, String> extra;",
                "  @Version String version;",
                "}");
        Compilation compilation = Sources.compile(source);
        List<String> codes = compilation.errors().stream()
                .map(d -> d.getMessage(null).substring(0, 9))
                .sorted()
                .toList();
        assertEquals(List.of("[OPL-101]", "[OPL-111]", "[OPL-201]", "[OPL-202]", "[OPL-301]"), codes);
    }

    @Test
    void oneBrokenEntityDoesNotStopTheOthers() {
        JavaFileObject broken = entity("Broken",
                "public class Broken {",
                "  @Version long version;",
                "}");
        // Compiles only if ArticleDao was written.
        JavaFileObject user = Sources.source("com.acme.Uses",
                "package com.acme;",
                "class Uses { ArticleDao articles = new ArticleDao((java.sql.Connection) null); }");
        Compilation compilation = Sources.compile(broken, Sources.entity("com.acme.Article"), user);
        assertThat(compilation).hadErrorContaining("[OPL-101]").inFile(broken);
        assertEquals(1, compilation.diagnostics().stream().filter(d -> d.getKind() == Diagnostic.Kind.ERROR).count(),
                () -> compilation.diagnostics().toString());
    }

    // ---- edges a new user hit ---------------------------------------------------------------------

    /** Compiles {@code source} and returns the codes of its errors, in the order javac reports them. */
    private static List<String> errorCodes(JavaFileObject... sources) {
        return Sources.compile(sources).errors().stream()
                .map(d -> d.getMessage(null))
                .map(m -> m.startsWith("[OPL-") ? m.substring(1, 8) : m)
                .toList();
    }

    @Test
    void opl306CoversEveryPartOfACompositeKey() {
        assertError("OPL-306", entity("Line",
                "@IdClass(Line.Key.class)",
                "public class Line {",
                "  public record Key(long order, int number) {}",
                "  @Id long order;",
                "  @Id int number;",
                "  String product;",
                "  @VersionField(checkFields = \"number\") long version;",
                "}"), "checkFields = \"number\"");
    }

    @Test
    void opl121IdClassWithASingleId() {
        JavaFileObject source = entity("Line",
                "@IdClass(Line.Key.class)",
                "public class Line {",
                "  public record Key(long order) {}",
                "  @Id long order;",
                "  @Version long version;",
                "}");
        assertError("OPL-121", source, "@IdClass(Line.Key.class)");
        assertThat(Sources.compile(source)).hadErrorContaining("has one @Id field, 'order'");
    }

    @Test
    void opl122IdClassFieldThatIsNoKeyOfTheEntity() {
        assertError("OPL-122", entity("Line",
                "@IdClass(Line.Key.class)",
                "public class Line {",
                "  public static class Key { public long order; public int number; public String extra; }",
                "  @Id long order;",
                "  @Id int number;",
                "  @Version long version;",
                "}"), "@IdClass(Line.Key.class)");
    }

    @Test
    void anInvalidKeyColumnIsReportedOnceWithoutAFollowUpAboutTheIdClass() {
        assertEquals(List.of("OPL-302"), errorCodes(entity("Line",
                "@IdClass(Line.Key.class)",
                "public class Line {",
                "  public record Key(long order, int number) {}",
                "  @Id @Column(name = \"bad name\") long order;",
                "  @Id int number;",
                "  @Version long version;",
                "}")));
    }

    @Test
    void opl123KeyThatIsNoColumn() {
        JavaFileObject source = entity("Article",
                "public class Article {",
                "  @Id @Transient Long id;",
                "  @Version long version;",
                "}");
        assertError("OPL-123", source, "@Id @Transient Long id");
        assertEquals(List.of("OPL-123"), errorCodes(source), "no \"no @Id\" on top");
        assertError("OPL-123", entity("Note",
                "public class Note {",
                "  @Id static Long id;",
                "  @Version long version;",
                "}"), "@Id static Long id");
    }

    @Test
    void opl117IsOneErrorNamingTheField() {
        JavaFileObject source = entity("Line",
                "public class Line {",
                "  public static class Key { long order; int number; }",
                "  @EmbeddedId Key key;",
                "  @Version long version;",
                "}");
        assertEquals(List.of("OPL-117"), errorCodes(source));
        assertThat(Sources.compile(source)).hadErrorContaining("@EmbeddedId on 'key' is not supported");
    }

    @Test
    void opl116NamesTheField() {
        assertThat(Sources.compile(entity("Line",
                "@IdClass(Line.Key.class)",
                "public class Line {",
                "  public record Key(long order, int number) {}",
                "  @Id @GeneratedValue long order;",
                "  @Id int number;",
                "  @Version long version;",
                "}"))).hadErrorContaining("@Id field 'order' is part of a composite key");
    }

    @Test
    void opl109VersionOnAnExplicitRecordAccessor() {
        JavaFileObject source = entity("Note",
                "public record Note(@Id long id, String text, long version) {",
                "  @Version public long version() { return version; }",
                "}");
        assertError("OPL-109", source, "@Version public long version()");
        assertThat(Sources.compile(source)).hadErrorContaining("Put the annotation on the record component");
    }

    @Test
    void opl111SaysWhichAccessorHasTheWrongType() {
        assertThat(Sources.compile(entity("Article",
                "public class Article {",
                "  @Id Long id;",
                "  private String title;",
                "  @Version long version;",
                "  public Integer getTitle() { return 1; }",
                "  public void setTitle(String title) { this.title = title; }",
                "}"))).hadErrorContaining("(getTitle() returns java.lang.Integer)");
    }

    @Test
    void aFieldOfASharedPlainSuperclassIsReportedOnce() {
        JavaFileObject source = entity("Base",
                "class Base { private String secret; }",
                "class First extends Base { @Id Long id; @Version long version; }",
                "class Other extends Base { @Id Long id; @Version long version; }");
        assertEquals(List.of("OPL-111"), errorCodes(source));
    }

    @Test
    void opl421ElementCollectionOfWhatNoColumnHolds() {
        assertError("OPL-421", entity("Article",
                "public class Article {",
                "  @Id Long id;",
                "  @ElementCollection java.util.Set<Thread> watchers;",
                "  @Version long version;",
                "}"), "watchers");
    }

    @Test
    void opl421ElementCollectionOfAnEntityWhoseKeyTheDatabaseGenerates() {
        assertError("OPL-421", entity("Article",
                "public class Article {",
                "  @Id @GeneratedValue(strategy = GenerationType.IDENTITY) Long id;",
                "  @ElementCollection java.util.List<String> tags;",
                "  @Version long version;",
                "}"), "tags");
    }

    @Test
    void opl421ElementCollectionThatIsNoCollection() {
        assertError("OPL-421", entity("Article",
                "public class Article {",
                "  @Id Long id;",
                "  @ElementCollection java.util.Map<String, String> labels;",
                "  @Version long version;",
                "}"), "labels");
    }

    @Test
    void opl311DerivedTriggerNameTooLongForPostgresql() {
        JavaFileObject source = entity("Article",
                "@Table(name = \"a_table_whose_name_is_long_enough_to_matter\")",
                "public class Article {",
                "  @Id Long id;",
                "  @Column(name = \"the_version_of_the_row\")",
                "  @VersionField(strategy = Strategy.TRIGGER) long version;",
                "}");
        assertError("OPL-311", source, "@VersionField(strategy = Strategy.TRIGGER)");
        assertThat(Sources.compile(source)).hadErrorContaining("is 75 characters long");
    }

    @Test
    void opl308ExplicitTriggerNameTooLong() {
        assertError("OPL-308", entity("Article",
                "public class Article {",
                "  @Id Long id;",
                "  @VersionField(strategy = Strategy.TRIGGER, triggerName = \"t" + "x".repeat(63) + "\") long version;",
                "}"), "triggerName = ");
    }

    @Test
    void anUnresolvedConstantInTheTableNameGetsJavacsErrorOnly() {
        List<String> errors = errorCodes(entity("Article",
                "@Table(name = Article.MISSING)",
                "public class Article {",
                "  @Id Long id;",
                "  @Version long version;",
                "}"));
        assertEquals(1, errors.size(), errors::toString);
        assertTrue(errors.get(0).contains("cannot find symbol"), errors::toString);
    }

    @Test
    void aPrivateNestedClassGetsNoSecondErrorAboutItsConstructor() {
        assertEquals(List.of("OPL-105"), errorCodes(entity("Outer",
                "public class Outer {",
                "  private static class Note { @Id Long id; @Version long version; }",
                "}")));
    }

    @Test
    void opl303QuotedAndPlainSpellingsOfOneColumn() {
        JavaFileObject source = entity("Article",
                "public class Article {",
                "  @Id Long id;",
                "  @Column(name = \"\\\"Name\\\"\") String display;",
                "  @Column(name = \"name\") String name;",
                "  @Version long version;",
                "}");
        assertError("OPL-303", source, "String name;");
        assertThat(Sources.compile(source)).hadErrorContaining("SQLite and MySQL/MariaDB ignore the case");
    }

    @Test
    void opl305ForABlankNameListsTheFields() {
        JavaFileObject source = entity("Article",
                "public class Article {",
                "  @Id Long id;",
                "  String title;",
                "  @VersionField(checkFields = \"\") long version;",
                "}");
        assertError("OPL-305", source, "checkFields = \"\"");
        assertThat(Sources.compile(source)).hadErrorContaining("Its fields are: id, title, version.");
    }
}
