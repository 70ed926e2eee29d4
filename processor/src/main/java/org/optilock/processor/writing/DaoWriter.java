package org.optilock.processor.writing;

import static org.optilock.processor.writing.RuntimeContract.ABSTRACT_VERSIONED_DAO;
import static org.optilock.processor.writing.RuntimeContract.BIND_COLUMN;
import static org.optilock.processor.writing.RuntimeContract.CONNECTION_SOURCE;
import static org.optilock.processor.writing.RuntimeContract.COUNTER_INT;
import static org.optilock.processor.writing.RuntimeContract.COUNTER_LONG;
import static org.optilock.processor.writing.RuntimeContract.COLLECTION;
import static org.optilock.processor.writing.RuntimeContract.DAO_STATEMENTS;
import static org.optilock.processor.writing.RuntimeContract.ELEMENT_COLLECTION;
import static org.optilock.processor.writing.RuntimeContract.ELEMENT_COLLECTION_OF;
import static org.optilock.processor.writing.RuntimeContract.DELETE;
import static org.optilock.processor.writing.RuntimeContract.DELETE_ROWS;
import static org.optilock.processor.writing.RuntimeContract.DELETE_UNCHECKED;
import static org.optilock.processor.writing.RuntimeContract.DIALECT;
import static org.optilock.processor.writing.RuntimeContract.EXPECTED_UNSET;
import static org.optilock.processor.writing.RuntimeContract.EXPECTED_VERSION;
import static org.optilock.processor.writing.RuntimeContract.GENERATES_KEY;
import static org.optilock.processor.writing.RuntimeContract.INCREMENT;
import static org.optilock.processor.writing.RuntimeContract.INSERT;
import static org.optilock.processor.writing.RuntimeContract.INSERTED;
import static org.optilock.processor.writing.RuntimeContract.INSERT_WITH_KEY;
import static org.optilock.processor.writing.RuntimeContract.KEY_OTHER;
import static org.optilock.processor.writing.RuntimeContract.KEY_TYPE;
import static org.optilock.processor.writing.RuntimeContract.NEW_VERSION;
import static org.optilock.processor.writing.RuntimeContract.READ_KEY;
import static org.optilock.processor.writing.RuntimeContract.RECORD_MODIFIED;
import static org.optilock.processor.writing.RuntimeContract.REGISTER;
import static org.optilock.processor.writing.RuntimeContract.SELECTS;
import static org.optilock.processor.writing.RuntimeContract.SETTINGS;
import static org.optilock.processor.writing.RuntimeContract.STATEMENTS_OF;
import static org.optilock.processor.writing.RuntimeContract.TABLE_DEFINITION;
import static org.optilock.processor.writing.RuntimeContract.TABLE_OF;
import static org.optilock.processor.writing.RuntimeContract.TABLE_ON;
import static org.optilock.processor.writing.RuntimeContract.TABLE_WITH;
import static org.optilock.processor.writing.RuntimeContract.TIMESTAMP_INSTANT;
import static org.optilock.processor.writing.RuntimeContract.TIMESTAMP_LOCAL_DATE_TIME;
import static org.optilock.processor.writing.RuntimeContract.TIMESTAMP_MICROS;
import static org.optilock.processor.writing.RuntimeContract.TIMESTAMP_OFFSET_DATE_TIME;
import static org.optilock.processor.writing.RuntimeContract.TRIGGER;
import static org.optilock.processor.writing.RuntimeContract.TRIGGER_TARGET;
import static org.optilock.processor.writing.RuntimeContract.TRIGGER_TARGETS;
import static org.optilock.processor.writing.RuntimeContract.UPDATE;
import static org.optilock.processor.writing.RuntimeContract.UPDATE_ROWS;
import static org.optilock.processor.writing.RuntimeContract.UNVERSIONED;
import static org.optilock.processor.writing.RuntimeContract.UNVERSIONED_TYPE;
import static org.optilock.processor.writing.RuntimeContract.UPDATE_UNCHECKED;
import static org.optilock.processor.writing.RuntimeContract.VALUE;
import static org.optilock.processor.writing.RuntimeContract.VERSION_TYPE;
import static org.optilock.processor.writing.RuntimeContract.WITH_VERSION;

import com.palantir.javapoet.AnnotationSpec;
import com.palantir.javapoet.ArrayTypeName;
import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.CodeBlock;
import com.palantir.javapoet.FieldSpec;
import com.palantir.javapoet.JavaFile;
import com.palantir.javapoet.MethodSpec;
import com.palantir.javapoet.ParameterSpec;
import com.palantir.javapoet.ParameterizedTypeName;
import com.palantir.javapoet.TypeName;
import com.palantir.javapoet.TypeSpec;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import java.util.LinkedHashSet;
import java.util.Map;
import javax.lang.model.element.Element;
import javax.lang.model.element.Modifier;
import javax.sql.DataSource;
import org.optilock.Strategy;
import org.optilock.processor.model.ColumnType;
import org.optilock.processor.model.ElementCollectionModel;
import org.optilock.processor.model.EntityModel;
import org.optilock.processor.model.PropertyModel;
import org.optilock.processor.sql.Parameter;
import org.optilock.processor.sql.SqlStatement;
import org.optilock.processor.sql.SqlStatements;
import org.optilock.processor.sql.TableDdl;
import org.optilock.processor.sql.UpdateStatement;

/**
 * Writes the DAO of one entity: its statements as data for the runtime's {@code AbstractVersionedDao},
 * which runs every operation, and the few typed methods that say how this entity's columns are
 * bound and read and how its version moves. What every DAO would repeat is in the runtime, written
 * once; what is particular to one entity is here, with no reflection.
 */
public final class DaoWriter {

    private static final ClassName GENERATED = ClassName.get("javax.annotation.processing", "Generated");
    private static final String PROCESSOR = "org.optilock.processor.OptilockProcessor";
    private static final String INDENT = "    ";

    private final EntityModel entity;
    private final EntityAccess access;
    private final SqlStatements sql;
    private final TypeName type;
    private final ClassName entityClass;
    private final TypeName versionType;
    private final PropertyModel version;
    private final ReadMethodsWriter reads;

    private DaoWriter(EntityModel entity) {
        this.entity = entity;
        this.access = new EntityAccess(entity);
        this.sql = SqlStatements.of(entity);
        this.type = access.declaredType();
        this.entityClass = entity.entity();
        this.version = entity.isVersioned() ? entity.version().property() : null;
        this.versionType = entity.isVersioned() ? version.type().box() : UNVERSIONED;
        this.reads = new ReadMethodsWriter(entity, access, sql);
    }

    /**
     * The source file of {@code entity}'s DAO, with {@code origin} as its one originating element;
     * marked {@code @Generated} where {@code annotated} (see {@link GeneratedAnnotation}).
     */
    public static JavaFile write(EntityModel entity, Element origin, boolean annotated) {
        return new DaoWriter(entity).javaFile(origin, annotated);
    }

    private JavaFile javaFile(Element origin, boolean annotated) {
        TypeName idType = entity.key().type();
        TypeSpec.Builder dao = TypeSpec.classBuilder(entity.dao())
                .addOriginatingElement(origin)
                .addJavadoc(entity.isVersioned() ? versionedJavadoc() : unversionedJavadoc())
                .addModifiers(Modifier.PUBLIC, Modifier.FINAL)
                .superclass(ParameterizedTypeName.get(ABSTRACT_VERSIONED_DAO, type, idType, versionType))
                .addFields(constants())
                .addMethods(constructors())
                .addMethods(columnMethods())
                .addMethods(reads.methods())
                .addMethods(versionMethods())
                .addMethods(keyMethods())
                .addMethod(new MergeWriter(entity, access).write());
        if (annotated) {
            dao.addAnnotation(AnnotationSpec.builder(GENERATED).addMember("value", "$S", PROCESSOR).build());
        }
        CodeBlock.Builder registrations = CodeBlock.builder()
                .add("// Lets Schema.create(dataSource, $T.class) find the table without reflection.\n", entityClass)
                .addStatement("$T.$N($T.class, TABLE)", TABLE_DEFINITION, REGISTER, entityClass);
        if (entity.hasTrigger()) {
            registrations.add("// And Triggers.create(dataSource, $T.class) its trigger.\n", entityClass)
                    .addStatement("$T.$N($T.class, TRIGGER)", TRIGGER_TARGETS, REGISTER, entityClass);
        }
        dao.addStaticBlock(registrations.build());
        return JavaFile.builder(entity.dao().packageName(), dao.build())
                .skipJavaLangImports(true)
                .indent(INDENT)
                .build();
    }

    /** What the DAO of a versioned entity is, and how its statements read. */
    private CodeBlock versionedJavadoc() {
        return CodeBlock.of("Reads and writes {@link $T} rows; every update and delete is conditional on the version\n"
                        + "that was read, and throws {@link $T} when another writer came first.\n"
                        + "\n<p>Columns are numbered as the SELECTs list them: $L. Rows of other SQL are read by\n"
                        + "column label ({@code read(ResultSet)}, {@code mapRow}).\n"
                        + "\n<p>Each statement lists what its parameters bind, in order: a column by its number and\n"
                        + "name, or a code of the runtime: the version the write gives the row ({@code NEW_VERSION}),\n"
                        + "the one that was read ({@code EXPECTED_VERSION}; {@code EXPECTED_UNSET} matches a row\n"
                        + "whose version is NULL), or how far the database moves it ({@code INCREMENT}). The unchecked\n"
                        + "statements, without the version condition, serve writes inside\n"
                        + "{@code Concurrency.disabled(...)} or with the check switched off in the settings, and\n"
                        + "writes of an unset version where the settings do not require one.\n"
                        + "\n<p>Generated by Optilock from {@code $L}. Do not edit.\n",
                        entityClass, RECORD_MODIFIED, columnList(), entityClass.simpleName());
    }

    /** What the DAO of an unversioned entity is: one a repository needs, writing by key alone. */
    private CodeBlock unversionedJavadoc() {
        return CodeBlock.of("Reads and writes {@link $T} rows by key alone: $L has no version, so an update or delete fails\n"
                + "only when the row is gone, and the last writer wins. Written because a Jakarta Data repository\n"
                + "names $L; give it a version field to have its writes checked.\n"
                + "\n<p>Columns are numbered as the SELECTs list them: $L. Rows of other SQL are read by\n"
                + "column label ({@code read(ResultSet)}, {@code mapRow}).\n"
                + "\n<p>Generated by Optilock from {@code $L}. Do not edit.\n",
                entityClass, entityClass.simpleName(), entityClass.simpleName(), columnList(), entityClass.simpleName());
    }

    /** "1 id, 2 title, 3 body, 4 version". */
    private String columnList() {
        List<String> columns = new ArrayList<>();
        for (int i = 0; i < entity.properties().size(); i++) {
            columns.add((i + 1) + " " + entity.properties().get(i).column());
        }
        return String.join(", ", columns);
    }

    // ---- constants: the enum constants read by ordinal, the trigger, and every statement ----------

    private List<FieldSpec> constants() {
        List<FieldSpec> constants = new ArrayList<>();
        Stream.concat(entity.properties().stream(), entity.collections().stream().map(ElementCollectionModel::values))
                .filter(p -> p.columnType() == ColumnType.ENUM_BY_ORDINAL)
                .map(PropertyModel::type)
                .distinct()
                .forEach(enumType -> constants.add(FieldSpec.builder(ArrayTypeName.of(enumType),
                                ColumnCodec.ordinalsConstant(enumType), Modifier.PRIVATE, Modifier.STATIC, Modifier.FINAL)
                        .initializer("$T.values()", enumType)
                        .build()));
        if (entity.hasTrigger()) {
            constants.add(FieldSpec.builder(TRIGGER_TARGET, "TRIGGER", Modifier.PRIVATE, Modifier.STATIC, Modifier.FINAL)
                    .initializer("new $T($S, $T.of($L), $S, $S)", TRIGGER_TARGET, entity.table(), List.class,
                            entity.key().properties().stream().map(p -> CodeBlock.of("$S", p.column()))
                                    .collect(CodeBlock.joining(", ")),
                            version.column(), entity.version().triggerName())
                    .build());
        }
        constants.add(FieldSpec.builder(TABLE_DEFINITION, "TABLE", Modifier.PRIVATE, Modifier.STATIC, Modifier.FINAL)
                .initializer(table())
                .build());
        constants.add(FieldSpec.builder(DAO_STATEMENTS, "STATEMENTS", Modifier.PRIVATE, Modifier.STATIC, Modifier.FINAL)
                .initializer(statements())
                .build());
        return constants;
    }

    /** The table's CREATE TABLE on each database, for {@code Schema}: the DDL to start a migration from. */
    private CodeBlock table() {
        CodeBlock.Builder code = CodeBlock.builder().add("$T.$N($S)$>$>", TABLE_DEFINITION, TABLE_OF, entity.table());
        TableDdl.of(entity).forEach((dialect, create) ->
                code.add("\n.$N($T.$L,\n$>$L)$<", TABLE_ON, DIALECT, dialect, literal(create)));
        for (ElementCollectionModel collection : entity.collections()) {
            code.add("\n.$N($T.$N($S)$>$>", TABLE_WITH, TABLE_DEFINITION, TABLE_OF, collection.table());
            TableDdl.of(entity, collection).forEach((dialect, create) ->
                    code.add("\n.$N($T.$L,\n$>$L)$<", TABLE_ON, DIALECT, dialect, literal(create)));
            code.add(")$<$<");
        }
        return code.add("$<$<").build();
    }

    /** The statements as data: each one's SQL, and what each of its parameters binds. */
    private CodeBlock statements() {
        CodeBlock.Builder code = CodeBlock.builder()
                .add("$T.$N($T.class, $T.$L, $T.$L, $L)$>$>", DAO_STATEMENTS, STATEMENTS_OF, entityClass, VERSION_TYPE,
                        versionTypeConstant(), KEY_TYPE, ColumnCodec.keyType(entity.key()), entity.properties().stream()
                                .map(p -> literal(p.column())).collect(Collectors.joining(", ")));
        call(code, INSERT, sql.insert());
        sql.insertWithKey().ifPresent(insert -> code.add("\n.$N($L, $S$L)",
                INSERT_WITH_KEY, literal(insert.sql()), sql.generatedKeyColumn(), parameters(insert.parameters())));
        update(code, UPDATE, sql.update());
        sql.update().fromArrays().ifPresent(arrays -> {
            if (sql.update() instanceof UpdateStatement.Plain) {
                code.add("\n.$N($L,\n$>$L)$<", UPDATE_ROWS, literal(arrays.statement().sql()),
                        literal(arrays.columnTypes()));
            } else {
                // Its own parameters: not the one-row statement's, as a plain update's are.
                code.add("\n.$N($L,\n$>$L$L)$<", UPDATE_ROWS, literal(arrays.statement().sql()),
                        literal(arrays.columnTypes()), parameters(arrays.statement().parameters()));
            }
        });
        update(code, UPDATE_UNCHECKED, sql.updateUnchecked());
        call(code, DELETE, sql.delete());
        code.add("\n.$N($L,\n$>$L)$<", DELETE_ROWS, literal(sql.deleteRows().statement().sql()),
                literal(sql.deleteRows().columnTypes()));
        call(code, DELETE_UNCHECKED, sql.deleteUnchecked());
        code.add("\n.$N($L,\n$>$L,\n$L,\n$L)$<", SELECTS, literal(sql.selectById().sql()), literal(sql.selectAll().sql()),
                literal(sql.selectVersion().sql()), literal(sql.selectByIdAndVersion().sql()));
        if (entity.hasTrigger()) {
            code.add("\n.$N(TRIGGER)", TRIGGER);
        }
        for (ElementCollectionModel collection : entity.collections()) {
            code.add("\n.$N($L)", COLLECTION, elementCollection(collection));
        }
        return code.add("$<$<").build();
    }

    /**
     * {@code ElementCollection.of(...)}: the collection's table and columns, how the field is read and
     * assigned (a new LinkedHashSet or ArrayList of the values read), and how one value is bound and read.
     */
    private CodeBlock elementCollection(ElementCollectionModel collection) {
        PropertyModel values = collection.values();
        TypeName element = values.type().box();
        CodeBlock read = access.getFrom(CodeBlock.of("entity"), values);
        CodeBlock assign = access.setOn(CodeBlock.of("entity"), values,
                CodeBlock.of("new $T<>(read)", collection.list() ? ArrayList.class : LinkedHashSet.class));
        return CodeBlock.of("$T.<$T, $T>$N($S, $S, $S,\n$>$>entity -> $L,\n(entity, read) -> $L,\n"
                        + "(statement, index, value) -> $L,\n(resultSet, column) -> $L)$<$<",
                ELEMENT_COLLECTION, entityClass, element, ELEMENT_COLLECTION_OF, collection.table(),
                collection.ownerColumn(), values.column(), read, assign,
                ColumnCodec.bind(values.columnType().boxed(), "statement", "index", CodeBlock.of("value")),
                ColumnCodec.read(values.columnType().boxed(), element, "resultSet", "column"));
    }

    private void call(CodeBlock.Builder code, String method, SqlStatement statement) {
        code.add("\n.$N($L$L)", method, literal(statement.sql()), parameters(statement.parameters()));
    }

    /** A plain update in one call; one that reads back in one call per dialect. */
    private void update(CodeBlock.Builder code, String method, UpdateStatement update) {
        if (update instanceof UpdateStatement.ReadingBack readingBack) {
            readingBack.statements().forEach((dialect, statement) -> code.add("\n.$N($T.$L, $L$L)",
                    method, DIALECT, dialect, literal(statement.sql()), parameters(statement.parameters())));
        } else {
            call(code, method, ((UpdateStatement.Plain) update).statement());
        }
    }

    /**
     * What the parameters bind, in order, as the one string the runtime reads: a column as its number
     * and name ({@code 2 title}), or a code of the runtime ({@code NEW_VERSION}), after a comma. One
     * constant instead of a number per parameter: javac resolves a call of many arguments over again
     * for each of them, which cost every build more than the rest of the statement table.
     */
    private String parameters(List<Parameter> parameters) {
        List<String> bound = new ArrayList<>();
        for (Parameter parameter : parameters) {
            PropertyModel property = parameter instanceof Parameter.Value value ? value.property()
                    : parameter instanceof Parameter.Compared compared ? compared.property()
                    : parameter instanceof Parameter.KeyPart part ? part.property()
                    : null;
            bound.add(property != null ? column(property) + " " + property.column() : code(parameter));
        }
        return ", " + literal(String.join(", ", bound));
    }

    /** {@code value} as a Java literal: see {@link StringLiteral}. */
    private static String literal(String value) {
        return StringLiteral.of(value, INDENT);
    }

    /** The runtime's code for a parameter that is not a column. */
    private static String code(Parameter parameter) {
        if (parameter instanceof Parameter.NewVersion) {
            return NEW_VERSION;
        }
        if (parameter instanceof Parameter.ExpectedVersion) {
            return EXPECTED_VERSION;
        }
        if (parameter instanceof Parameter.ExpectedUnset) {
            return EXPECTED_UNSET;
        }
        if (parameter instanceof Parameter.Increment) {
            return INCREMENT;
        }
        throw new IllegalArgumentException("unknown parameter " + parameter);
    }

    /** The number of {@code property}'s column in the SELECTs, from 1. */
    private int column(PropertyModel property) {
        return entity.properties().indexOf(property) + 1;
    }

    // ---- constructors ----------------------------------------------------------------------------

    private List<MethodSpec> constructors() {
        ParameterSpec dataSource = ParameterSpec.builder(DataSource.class, "dataSource").build();
        ParameterSpec connection = ParameterSpec.builder(Connection.class, "connection").build();
        ParameterSpec connections = ParameterSpec.builder(CONNECTION_SOURCE, "connections").build();
        String perCall = "A DAO that borrows a connection from {@code dataSource} for each call";
        String callers = "A DAO that works on the caller's {@code connection}, never committing, rolling back or closing it";
        String given = "A DAO that takes the connection of each call from {@code connections}, which also decides\n"
                + "who commits, rolls back and closes it";
        return List.of(
                constructor(perCall, dataSource, false),
                constructor(perCall, dataSource, true),
                constructor(callers, connection, false),
                constructor(callers, connection, true),
                constructor(given, connections, false),
                constructor(given, connections, true));
    }

    /** A public constructor taking {@code parameter}, with the global settings or the ones given. */
    private static MethodSpec constructor(String does, ParameterSpec parameter, boolean withSettings) {
        MethodSpec.Builder constructor = MethodSpec.constructorBuilder()
                .addModifiers(Modifier.PUBLIC)
                .addParameter(parameter);
        if (withSettings) {
            return constructor.addJavadoc(does + ".\n")
                    .addParameter(SETTINGS, "settings")
                    .addStatement("super(STATEMENTS, $N, settings)", parameter)
                    .build();
        }
        return constructor.addJavadoc(does + ",\nand follows {@link $T#global()}.\n", SETTINGS)
                .addStatement("super(STATEMENTS, $N)", parameter)
                .build();
    }

    // ---- the entity's columns --------------------------------------------------------------------

    /**
     * {@code bindColumn}, every column but the version, and {@code value}, every column: the runtime
     * takes the key and the version from {@code value} where they are the fields themselves.
     */
    private List<MethodSpec> columnMethods() {
        CodeBlock.Builder binds = CodeBlock.builder();
        CodeBlock.Builder values = CodeBlock.builder();
        for (PropertyModel property : entity.properties()) {
            CodeBlock value = access.get("entity", property);
            if (!property.equals(version)) {
                binds.add("case $L -> $L;\n", column(property),
                        ColumnCodec.bind(property.columnType(), "statement", "index", value));
            }
            values.add("case $L -> $L;\n", column(property), ColumnCodec.value(property.columnType(), value));
        }
        CodeBlock noColumn = CodeBlock.of("default -> throw new $T($S + column);\n", IllegalArgumentException.class,
                entityClass.simpleName() + " has no column ");
        binds.add(noColumn);
        values.add(noColumn);
        return List.of(
                override(BIND_COLUMN, void.class)
                        .addParameter(PreparedStatement.class, "statement")
                        .addParameter(int.class, "index")
                        .addParameter(type, "entity")
                        .addParameter(int.class, "column")
                        .addException(SQLException.class)
                        .addCode("switch (column) {\n$>$L$<}\n", binds.build())
                        .build(),
                override(VALUE, Object.class)
                        .addParameter(type, "entity")
                        .addParameter(int.class, "column")
                        .addCode("return switch (column) {\n$>$L$<};\n", values.build())
                        .build());
    }

    // ---- the version: taken from the entity and set on it; the runtime binds, reads and moves it ----

    /**
     * {@code withVersion}, for a versioned entity whose key is not generated. The runtime takes the
     * version from {@code value}; where the key is generated, {@code inserted} with no key sets the
     * version; an unversioned entity has none to set.
     */
    private List<MethodSpec> versionMethods() {
        if (!entity.isVersioned() || entity.generatedId()) {
            return List.of();
        }
        MethodSpec.Builder withVersion = override(WITH_VERSION, type)
                .addParameter(type, "entity")
                .addParameter(versionType, "version");
        return List.of(entity.isImmutable()
                ? withVersion.addStatement("return $L", access.newRecord("entity", Map.of(version, CodeBlock.of("version"))))
                        .build()
                : withVersion.addStatement(access.set("entity", version, CodeBlock.of("version")))
                        .addStatement("return entity")
                        .build());
    }

    /** The runtime's {@code VersionType} of this entity's version. */
    private String versionTypeConstant() {
        if (!entity.isVersioned()) {
            return UNVERSIONED_TYPE;
        }
        if (entity.version().strategy() != Strategy.TIMESTAMP) {
            return versionType.equals(ClassName.get(Long.class)) ? COUNTER_LONG : COUNTER_INT;
        }
        return switch (version.columnType()) {
            case INSTANT -> TIMESTAMP_INSTANT;
            case LOCAL_DATE_TIME -> TIMESTAMP_LOCAL_DATE_TIME;
            case OFFSET_DATE_TIME -> TIMESTAMP_OFFSET_DATE_TIME;
            default -> TIMESTAMP_MICROS;
        };
    }

    // ---- a key the database generates -------------------------------------------------------------

    private List<MethodSpec> keyMethods() {
        if (!entity.generatedId()) {
            return List.of();
        }
        PropertyModel id = entity.key().single();
        CodeBlock current = access.get("entity", id);
        Map<PropertyModel, CodeBlock> written = new LinkedHashMap<>();
        written.put(id, CodeBlock.of("id"));
        if (version != null) {
            written.put(version, CodeBlock.of("version"));
        }
        List<MethodSpec> methods = new ArrayList<>();
        if (id.type().isPrimitive()) {
            // The runtime's own test is a key of null; a primitive key is unset at 0.
            methods.add(override(GENERATES_KEY, boolean.class)
                    .addParameter(type, "entity")
                    .addStatement("return $L == 0", current)
                    .build());
        }
        if (ColumnCodec.keyType(entity.key()).equals(KEY_OTHER)) {
            methods.add(override(READ_KEY, Object.class)
                    .addParameter(ResultSet.class, "keys")
                    .addException(SQLException.class)
                    .addStatement("return $L", ColumnCodec.read(id.columnType(), id.type(), "keys", 1))
                    .build());
        }
        methods.add(override(INSERTED, type)
                        .addParameter(type, "entity")
                        .addParameter(Object.class, "generatedKey")
                        .addParameter(versionType, "version")
                        .addStatement("$T id = generatedKey == null ? $L : ($T) generatedKey", id.type(), current, id.type().box())
                        .addCode(access.writtenBack("entity", written))
                        .build());
        return methods;
    }

    /** A protected method of the runtime's base class, implemented here. */
    static MethodSpec.Builder override(String name, TypeName returns) {
        return MethodSpec.methodBuilder(name).addAnnotation(Override.class).addModifiers(Modifier.PROTECTED).returns(returns);
    }

    static MethodSpec.Builder override(String name, Class<?> returns) {
        return override(name, TypeName.get(returns));
    }
}
