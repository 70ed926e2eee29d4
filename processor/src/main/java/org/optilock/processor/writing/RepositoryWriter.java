package org.optilock.processor.writing;

import static org.optilock.processor.writing.RuntimeContract.BIND_INSTANT;
import static org.optilock.processor.writing.RuntimeContract.BINDER;
import static org.optilock.processor.writing.RuntimeContract.CONNECTION_SOURCE;
import static org.optilock.processor.writing.RuntimeContract.DIALECT;
import static org.optilock.processor.writing.RuntimeContract.ENUMERATED;
import static org.optilock.processor.writing.RuntimeContract.EXPANDED;
import static org.optilock.processor.writing.RuntimeContract.FIND;
import static org.optilock.processor.writing.RuntimeContract.FIND_STATEMENT;
import static org.optilock.processor.writing.RuntimeContract.IGNORING_CASE;
import static org.optilock.processor.writing.RuntimeContract.NO_PARAMETERS;
import static org.optilock.processor.writing.RuntimeContract.REPOSITORY_OPERATIONS;
import static org.optilock.processor.writing.RuntimeContract.REPOSITORY_STATEMENTS;
import static org.optilock.processor.writing.RuntimeContract.REPOSITORY_STATEMENTS_OF;
import static org.optilock.processor.writing.RuntimeContract.SELECT;
import static org.optilock.processor.writing.RuntimeContract.SIZE;
import static org.optilock.processor.writing.RuntimeContract.SETTINGS;
import static org.optilock.processor.writing.RuntimeContract.SORT_ASC;
import static org.optilock.processor.writing.RuntimeContract.SORT_DESC;
import static org.optilock.processor.writing.RuntimeContract.SORT_KEY;
import static org.optilock.processor.writing.RuntimeContract.SQL_TEXT;
import static org.optilock.processor.writing.RuntimeContract.SQL_TEXT_OF;
import static org.optilock.processor.writing.RuntimeContract.SQL_TEXT_ON;

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
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import javax.lang.model.element.Element;
import javax.lang.model.element.Modifier;
import javax.sql.DataSource;
import org.optilock.processor.model.ColumnType;
import org.optilock.processor.model.EntityModel;
import org.optilock.processor.model.PropertyModel;
import org.optilock.processor.model.RepositoryMethod;
import org.optilock.processor.model.RepositoryMethod.Binding;
import org.optilock.processor.model.RepositoryMethod.Form;
import org.optilock.processor.model.RepositoryMethod.Many;
import org.optilock.processor.model.RepositoryMethod.Projection;
import org.optilock.processor.model.RepositoryMethod.Restriction;
import org.optilock.processor.model.RepositoryMethod.Result;
import org.optilock.processor.model.RepositoryModel;
import org.optilock.processor.model.SqlText;
import org.optilock.processor.model.SqlDialect;

/**
 * Writes the implementation of one Jakarta Data repository: its queries as constants (each one's
 * condition and declared order), and each method as a call of the runtime's
 * {@code RepositoryOperations}, which writes through the entity's DAO and runs the queries. The
 * parameters of each query are bound here, typed, with no reflection.
 */
public final class RepositoryWriter {

    private static final ClassName GENERATED = ClassName.get("javax.annotation.processing", "Generated");
    private static final String PROCESSOR = "org.optilock.processor.OptilockProcessor";

    private final RepositoryModel repository;
    private final List<FieldSpec> constants = new ArrayList<>();
    private final Set<String> constantNames = new HashSet<>();
    /** The entity whose methods are being written, its type, and the names of its statements and operations. */
    private EntityModel entity;
    private TypeName entityType;
    private String statements;
    private String operations;

    private RepositoryWriter(RepositoryModel repository) {
        this.repository = repository;
    }

    /** The source file of {@code repository}'s implementation, marked {@code @Generated} where {@code annotated}. */
    public static JavaFile write(RepositoryModel repository, Element origin, boolean annotated) {
        return new RepositoryWriter(repository).javaFile(origin, annotated);
    }

    private JavaFile javaFile(Element origin, boolean annotated) {
        ClassName implementation = repository.implementation();
        List<FieldSpec> fields = new ArrayList<>();
        List<MethodSpec> methods = new ArrayList<>();
        for (RepositoryModel.Part part : repository.parts()) {
            select(part);
            constantNames.add(statements);
            constants.add(FieldSpec.builder(REPOSITORY_STATEMENTS, statements, Modifier.PRIVATE, Modifier.STATIC,
                            Modifier.FINAL)
                    .initializer(statements())
                    .build());
            fields.add(FieldSpec.builder(ParameterizedTypeName.get(REPOSITORY_OPERATIONS, entityType,
                    entity.key().type()), operations, Modifier.PRIVATE, Modifier.FINAL).build());
            for (RepositoryMethod method : part.methods()) {
                methods.add(implement(method));
            }
        }
        EntityModel primary = repository.parts().get(0).entity();
        TypeSpec.Builder type = TypeSpec.classBuilder(implementation)
                .addOriginatingElement(origin)
                .addJavadoc("The {@link $T} repository over {@link $T} rows, as Jakarta Data specifies it: every\n"
                        + "update and delete through {@link $T}, conditional on the version that was read; a\n"
                        + "conflict throws {@code OptimisticLockingFailureException}, caused by Optilock's own exception\n"
                        + "with the row as it is now. Each query is its condition and declared order below; the\n"
                        + "runtime appends what a call adds (its order, limit, page or cursor), every value a parameter.\n"
                        + "\n<p>Generated by Optilock from {@code $L}. Do not edit.\n",
                        repository.repository(), primary.entity(), primary.dao(), repository.repository().simpleName())
                .addModifiers(Modifier.PUBLIC, Modifier.FINAL)
                .addSuperinterface(repository.repository())
                .addFields(constants)
                .addFields(fields)
                .addMethods(constructors())
                .addMethods(methods);
        if (annotated) {
            type.addAnnotation(AnnotationSpec.builder(GENERATED).addMember("value", "$S", PROCESSOR).build());
        }
        return JavaFile.builder(implementation.packageName(), type.build())
                .skipJavaLangImports(true)
                .indent("    ")
                .build();
    }

    /**
     * Writes {@code part}'s methods next: a repository of one entity has {@code STATEMENTS} and
     * {@code operations}; one of several names them after each entity ({@code BOX_STATEMENTS},
     * {@code boxOperations}).
     */
    private void select(RepositoryModel.Part part) {
        entity = part.entity();
        entityType = entity.entity();
        boolean several = repository.parts().size() > 1;
        String name = entity.entity().simpleName();
        statements = several ? name.replaceAll("([a-z0-9])([A-Z])", "$1_$2").toUpperCase(Locale.ROOT) + "_STATEMENTS"
                : "STATEMENTS";
        operations = several ? Character.toLowerCase(name.charAt(0)) + name.substring(1) + "Operations" : "operations";
    }

    /** The table, the attributes and their columns in the order the DAO reads them, and the key. */
    private CodeBlock statements() {
        List<PropertyModel> properties = entity.properties();
        CodeBlock.Builder code = CodeBlock.builder().add("$T.$N($S,\n$>$>$T.of($L),\n$T.of($L),\n$T.of($L))",
                REPOSITORY_STATEMENTS, REPOSITORY_STATEMENTS_OF, entity.table(),
                List.class, strings(properties.stream().map(PropertyModel::name).toList()),
                List.class, strings(properties.stream().map(PropertyModel::column).toList()),
                List.class, strings(entity.key().properties().stream().map(PropertyModel::name).toList()));
        // An enum stored by name sorts in its declared order, as Java compares enums.
        properties.stream().filter(property -> property.columnType() == ColumnType.ENUM_BY_NAME).forEach(property ->
                code.add("\n.$N($S, $T.class)", ENUMERATED, property.name(), property.type()));
        return code.add("$<$<").build();
    }

    private static CodeBlock strings(List<String> values) {
        return values.stream().map(value -> CodeBlock.of("$S", value)).collect(CodeBlock.joining(", "));
    }

    // ---- constructors: the DAO's, each making the DAOs the repository writes through -------------------

    private List<MethodSpec> constructors() {
        List<MethodSpec> constructors = new ArrayList<>();
        ParameterSpec[] sources = {
            ParameterSpec.builder(DataSource.class, "dataSource").build(),
            ParameterSpec.builder(Connection.class, "connection").build(),
            ParameterSpec.builder(CONNECTION_SOURCE, "connections").build()};
        String[] does = {
            "A repository that borrows a connection from {@code dataSource} for each call",
            "A repository on the caller's {@code connection}, never committing, rolling back or closing it",
            "A repository that takes the connection of each call from {@code connections}, which also decides\n"
                    + "who commits, rolls back and closes it"};
        for (int i = 0; i < sources.length; i++) {
            ParameterSpec source = sources[i];
            constructors.add(MethodSpec.constructorBuilder()
                    .addModifiers(Modifier.PUBLIC)
                    .addJavadoc(does[i] + ",\nwith {@link $T#global()}.\n", SETTINGS)
                    .addParameter(source)
                    .addStatement("this($L)", repository.parts().stream()
                            .map(part -> CodeBlock.of("new $T($N)", part.entity().dao(), source))
                            .collect(CodeBlock.joining(", ")))
                    .build());
            constructors.add(MethodSpec.constructorBuilder()
                    .addModifiers(Modifier.PUBLIC)
                    .addJavadoc(does[i] + ".\n")
                    .addParameter(source)
                    .addParameter(SETTINGS, "settings")
                    .addStatement("this($L)", repository.parts().stream()
                            .map(part -> CodeBlock.of("new $T($N, settings)", part.entity().dao(), source))
                            .collect(CodeBlock.joining(", ")))
                    .build());
        }
        MethodSpec.Builder daos = MethodSpec.constructorBuilder().addModifiers(Modifier.PRIVATE);
        boolean several = repository.parts().size() > 1;
        for (RepositoryModel.Part part : repository.parts()) {
            select(part);
            String dao = several ? operations.replace("Operations", "Dao") : "dao";
            daos.addParameter(entity.dao(), dao)
                    .addStatement("this.$N = new $T<>($N)", operations, REPOSITORY_OPERATIONS, dao);
        }
        constructors.add(daos.build());
        return constructors;
    }

    // ---- methods ---------------------------------------------------------------------------------------

    private MethodSpec implement(RepositoryMethod method) {
        MethodSpec.Builder builder = method.signature().toBuilder();
        if (method instanceof RepositoryMethod.Lifecycle lifecycle) {
            new LifecycleBody(lifecycle, entity, operations, builder).write();
        } else if (method instanceof RepositoryMethod.Find find) {
            find(find, builder);
        } else if (method instanceof RepositoryMethod.Count count) {
            count(count, builder);
        } else if (method instanceof RepositoryMethod.Change change) {
            change(change, builder);
        } else if (method instanceof RepositoryMethod.ById byId) {
            if (byId.delete()) {
                builder.addStatement("$N.deleteById($N)", operations, byId.parameter());
            } else {
                builder.addStatement("return $N.findById($N)", operations, byId.parameter());
            }
        }
        return builder.build();
    }

    private void find(RepositoryMethod.Find find, MethodSpec.Builder builder) {
        String name = find.signature().name();
        String constant = constantName(name);
        Restriction restriction = find.restriction();
        CodeBlock orderBy = find.orderBy().stream()
                .map(key -> CodeBlock.of(",$W$T.$N($S)$L", SORT_KEY, key.descending() ? SORT_DESC : SORT_ASC,
                        key.attribute(), key.ignoreCase() ? "." + IGNORING_CASE + "()" : ""))
                .collect(CodeBlock.joining(""));
        constants.add(FieldSpec.builder(FIND_STATEMENT, constant, Modifier.PRIVATE, Modifier.STATIC, Modifier.FINAL)
                .initializer(find.projection()
                        .map(projection -> CodeBlock.of("$N.$N($S, $L,\n$>$>$L$L)$<$<", statements, SELECT, name,
                                sqlText(projection.expression()), sqlText(restriction.condition()), orderBy))
                        .orElseGet(() -> CodeBlock.of("$N.$N($S,$W$L$L)", statements, FIND, name,
                                condition(restriction.condition()), orderBy)))
                .build());
        CodeBlock statement = expanded(constant, restriction.bindings());
        CodeBlock binder = binder(restriction.bindings(), find.signature(), builder);
        CodeBlock query = find.projection()
                .map(projection -> CodeBlock.of("$L,$W$L,$W$L", statement, reader(projection, find.signature()), binder))
                .orElse(CodeBlock.of("$L,$W$L", statement, binder));
        CodeBlock sorts = find.sorts().isEmpty()
                ? CodeBlock.of("$T.of()", List.class)
                : CodeBlock.of("$T.sorts($L)", REPOSITORY_OPERATIONS, find.sorts().stream()
                        .map(sort -> switch (sort.kind()) {
                            case ORDER -> CodeBlock.of("$N", sort.name());
                            case SORT, SORTS -> CodeBlock.of("$T.of($N)", List.class, sort.name());
                        })
                        .collect(CodeBlock.joining(", ")));
        CodeBlock limit = find.limit()
                .map(limitName -> CodeBlock.of("$N.maxResults(), $N.startAt()", limitName, limitName))
                .orElse(CodeBlock.of("$L, 1", find.first()));
        String page = find.pageRequest().orElse(null);
        TypeName element = find.projection().map(projection -> projection.javaType().box()).orElse(entityType);
        CodeBlock call = switch (find.result()) {
            case ONE -> find.first() > 0 ? CodeBlock.of("$N.first($L,$W$L)", operations, query, sorts)
                    : CodeBlock.of("$N.single($L,$W$L)", operations, query, sorts);
            case OPTIONAL -> find.first() > 0
                    ? CodeBlock.of("$N.optionalFirst($L,$W$L)", operations, query, sorts)
                    : CodeBlock.of("$N.optional($L,$W$L)", operations, query, sorts);
            case LIST -> CodeBlock.of("$N.list($L,$W$L,$W$L)", operations, query, sorts, limit);
            case ARRAY -> CodeBlock.of("$N.list($L,$W$L,$W$L).toArray(new $T[0])", operations, query, sorts, limit, element);
            case STREAM -> CodeBlock.of("$N.stream($L,$W$L,$W$L)", operations, query, sorts, limit);
            case PAGE -> CodeBlock.of("$N.page($L,$W$L,$W$N)", operations, query, sorts, page);
            case CURSORED_PAGE -> CodeBlock.of("$N.cursoredPage($L,$W$L,$W$N)", operations, query, sorts, page);
            default -> throw new IllegalStateException("A query cannot return " + find.result());
        };
        if (find.result() == Result.ARRAY && find.projection().isPresent()
                && find.signature().returnType() instanceof ArrayTypeName array && array.componentType().isPrimitive()) {
            // A List of boxes cannot become an array of primitives by toArray.
            call = CodeBlock.of("$N.list($L,$W$L,$W$L).stream().mapTo$L($T::$LValue).toArray()", operations, query, sorts,
                    limit, capitalized(array.componentType().toString()), element, array.componentType());
        }
        builder.addStatement("return $L", call);
    }

    private void count(RepositoryMethod.Count count, MethodSpec.Builder builder) {
        String name = count.signature().name();
        String constant = constantName(name);
        Restriction restriction = count.restriction();
        constants.add(FieldSpec.builder(FIND_STATEMENT, constant, Modifier.PRIVATE, Modifier.STATIC, Modifier.FINAL)
                .initializer("$N.$N($S,$W$L)", statements, FIND, name, condition(restriction.condition()))
                .build());
        CodeBlock statement = expanded(constant, restriction.bindings());
        CodeBlock binder = binder(restriction.bindings(), count.signature(), builder);
        switch (count.result()) {
            case BOOLEAN -> builder.addStatement("return $N.exists($L,$W$L)", operations, statement, binder);
            case INT -> builder.addStatement("return $T.toIntExact($N.count($L,$W$L))", Math.class, operations,
                    statement, binder);
            default -> builder.addStatement("return $N.count($L,$W$L)", operations, statement, binder);
        }
    }

    private void change(RepositoryMethod.Change change, MethodSpec.Builder builder) {
        String name = change.signature().name();
        String constant = constantName(name);
        constants.add(FieldSpec.builder(SQL_TEXT, constant, Modifier.PRIVATE, Modifier.STATIC, Modifier.FINAL)
                .initializer(sqlText(change.statement()))
                .build());
        CodeBlock call = CodeBlock.of("$N.execute($S,$W$L,$W$L)", operations, name, expanded(constant, change.bindings()),
                binder(change.bindings(), change.signature(), builder));
        switch (change.result()) {
            case VOID -> builder.addStatement("$L", call);
            case INT -> builder.addStatement("return $T.toIntExact($L)", Math.class, call);
            case BOOLEAN -> builder.addStatement("return $L > 0", call);
            default -> builder.addStatement("return $L", call);
        }
    }

    /** A condition the same on every database as a string, else as the runtime's {@code SqlText}. */
    private static CodeBlock condition(SqlText condition) {
        return condition.variants().isEmpty() ? CodeBlock.of("$S", condition.standard()) : sqlText(condition);
    }

    /** {@code SqlText.of("...")}, then {@code .on(Dialect.X, "...")} for each database that spells it otherwise. */
    private static CodeBlock sqlText(SqlText text) {
        CodeBlock.Builder code = CodeBlock.builder().add("$T.$N($S)", SQL_TEXT, SQL_TEXT_OF, text.standard());
        for (SqlDialect dialect : SqlDialect.values()) {
            if (text.variants().containsKey(dialect)) {
                code.add("\n$>$>.$N($T.$N, $S)$<$<", SQL_TEXT_ON, DIALECT, dialect.name(), text.variants().get(dialect));
            }
        }
        return code.build();
    }

    /** {@code constant}, expanded by the sizes of the collections its lists take their values from. */
    private static CodeBlock expanded(String constant, List<Binding> bindings) {
        List<CodeBlock> sizes = bindings.stream()
                .filter(binding -> binding.form() == Form.EACH)
                .map(binding -> CodeBlock.of("$T.$N($N)", REPOSITORY_OPERATIONS, SIZE, binding.parameter()))
                .toList();
        return sizes.isEmpty() ? CodeBlock.of("$N", constant)
                : CodeBlock.of("$N.$N($L)", constant, EXPANDED, CodeBlock.join(sizes, ", "));
    }

    /** Reads the one value a projection selects, typed. */
    private CodeBlock reader(Projection projection, MethodSpec signature) {
        Set<String> taken = new HashSet<>();
        signature.parameters().forEach(parameter -> taken.add(parameter.name()));
        String resultSet = unused("resultSet", taken);
        return CodeBlock.of("$N -> $L", resultSet, ColumnCodec.read(projection.type(), projection.javaType(), resultSet, 1));
    }

    /**
     * What binds each parameter of a statement, typed as its attribute: {@code NONE} when there is none,
     * else a local lambda that {@code method} declares first, and this names. Its names are ones the
     * method's parameters do not take. A collection binds each of its values, so parameters are
     * counted as they are bound.
     */
    private CodeBlock binder(List<Binding> bindings, MethodSpec signature, MethodSpec.Builder method) {
        if (bindings.isEmpty()) {
            return CodeBlock.of("$T.$N", BINDER, NO_PARAMETERS);
        }
        Set<String> taken = new HashSet<>();
        signature.parameters().forEach(parameter -> taken.add(parameter.name()));
        String statement = unused("statement", taken);
        String parameters = unused("parameters", taken);
        String index = unused("index", taken);
        String value = unused("value", taken);
        boolean counted = bindings.stream().anyMatch(binding -> binding.form() == Form.EACH);
        List<CodeBlock> binds = new ArrayList<>();
        if (counted) {
            binds.add(CodeBlock.of("int $N = 0", index));
        }
        for (int i = 0; i < bindings.size(); i++) {
            Binding binding = bindings.get(i);
            Object position = counted ? CodeBlock.of("++$N", index) : i + 1;
            if (binding.form() == Form.EACH) {
                binds.add(CodeBlock.of("for ($T $N : $N) {\n$>$L;\n$<}", binding.elementType(), value,
                        binding.parameter(), bind(binding.type(), statement, position, CodeBlock.of("$N", value))));
            } else {
                binds.add(bind(binding.type(), statement, position, bound(binding)));
            }
        }
        if (binds.size() == 1) {
            method.addStatement("$T $N = $N -> $L", BINDER, parameters, statement, binds.get(0));
        } else {
            CodeBlock.Builder body = CodeBlock.builder();
            binds.forEach(bind -> body.add(bind.toString().startsWith("for (") ? "$L\n" : "$L;\n", bind));
            method.addCode("$T $N = $N -> {\n$>$L$<};\n", BINDER, parameters, statement, body.build());
        }
        return CodeBlock.of("$N", parameters);
    }

    /** Binds one value; an {@code Instant} as the entity's DAO binds it, on its database. */
    private CodeBlock bind(ColumnType type, String statement, Object position, CodeBlock value) {
        return type == ColumnType.INSTANT
                ? CodeBlock.of("$N.$N($N, $L, $L)", operations, BIND_INSTANT, statement, position, value)
                : ColumnCodec.bind(type, statement, position, value);
    }

    /** The value a binding binds: its parameter, or the pattern made of it. */
    private static CodeBlock bound(Binding binding) {
        return switch (binding.form()) {
            case CONTAINS -> CodeBlock.of("\"%\" + $N + \"%\"", binding.parameter());
            case STARTS_WITH -> CodeBlock.of("$N + \"%\"", binding.parameter());
            case ENDS_WITH -> CodeBlock.of("\"%\" + $N", binding.parameter());
            default -> CodeBlock.of("$N", binding.parameter());
        };
    }

    private static String capitalized(String name) {
        return Character.toUpperCase(name.charAt(0)) + name.substring(1);
    }

    /** {@code name}, or {@code name} with a number, whichever {@code taken} does not hold. */
    private static String unused(String name, Set<String> taken) {
        String candidate = name;
        for (int n = 2; taken.contains(candidate); n++) {
            candidate = name + n;
        }
        return candidate;
    }

    /** {@code byAuthor} becomes {@code BY_AUTHOR}; an overload gets a number. */
    private String constantName(String method) {
        String base = method.replaceAll("([a-z0-9])([A-Z])", "$1_$2").toUpperCase(Locale.ROOT);
        String name = base;
        for (int n = 2; !constantNames.add(name); n++) {
            name = base + "_" + n;
        }
        return name;
    }

    /** Writes the body of a lifecycle method: one call of the runtime, the result shaped as the method returns it. */
    private record LifecycleBody(RepositoryMethod.Lifecycle method, EntityModel entity, String operations,
            MethodSpec.Builder builder) {

        void write() {
            String parameter = method.parameter();
            String operation = switch (method.operation()) {
                case INSERT -> "insert";
                case UPDATE -> "update";
                case DELETE -> "delete";
                case SAVE -> "save";
            };
            if (method.many() == Many.ONE) {
                one(operation, parameter);
            } else {
                many(operation, parameter);
            }
        }

        private void one(String operation, String parameter) {
            switch (method.result()) {
                case VOID -> builder.addStatement("$N.$N($N)", operations, operation, parameter);
                case INT, LONG -> builder.addStatement("$N.$N($N)", operations, operation, parameter)
                        .addStatement("return 1");
                default -> {
                    if (!entity.isImmutable()) {
                        // The DAO sets the key and version on the object it is given, and returns it.
                        builder.addStatement("$N.$N($N)", operations, operation, parameter)
                                .addStatement("return $N", parameter);
                    } else if (method.typeVariable()) {
                        builder.addAnnotation(unchecked())
                                .addComment("$T is final: the type variable can only be $T itself.", entity.entity(),
                                        entity.entity())
                                .addStatement("return ($T) $N.$N($N)", method.signature().returnType(), operations, operation,
                                        parameter);
                    } else {
                        builder.addStatement("return $N.$N($N)", operations, operation, parameter);
                    }
                }
            }
        }

        private void many(String operation, String parameter) {
            CodeBlock list = switch (method.many()) {
                case ARRAY -> CodeBlock.of("$T.asList($N)", java.util.Arrays.class, parameter);
                case ITERABLE -> CodeBlock.of("$T.listOf($N)", REPOSITORY_OPERATIONS, parameter);
                default -> CodeBlock.of("$N", parameter);
            };
            String all = operation + "All";
            TypeName entityType = entity.entity();
            switch (method.result()) {
                case VOID -> builder.addStatement("$N.$N($L)", operations, all, list);
                case INT, LONG -> {
                    builder.addStatement("$T<$T> entities = $L", List.class, entityType, list)
                            .addStatement("$N.$N(entities)", operations, all)
                            .addStatement("return entities.size()");
                }
                case ARRAY -> {
                    if (!entity.isImmutable() && method.many() == Many.ARRAY) {
                        builder.addStatement("$N.$N($L)", operations, all, list).addStatement("return $N", parameter);
                    } else {
                        builder.addStatement("return $N.$N($L).toArray(new $T[0])", operations, all, list, entityType);
                    }
                }
                default -> {
                    if (!entity.isImmutable() && method.many() == Many.LIST) {
                        builder.addStatement("$N.$N($N)", operations, all, parameter).addStatement("return $N", parameter);
                    } else if (method.typeVariable()) {
                        builder.addAnnotation(unchecked())
                                .addComment("$T is final: the type variable can only be $T itself.", entityType,
                                        entityType)
                                .addStatement("return ($T) $N.$N($L)", method.signature().returnType(), operations, all, list);
                    } else {
                        builder.addStatement("return $N.$N($L)", operations, all, list);
                    }
                }
            }
        }

        private static AnnotationSpec unchecked() {
            return AnnotationSpec.builder(SuppressWarnings.class).addMember("value", "$S", "unchecked").build();
        }
    }
}
