package org.optilock.processor.writing;

import static org.optilock.processor.writing.RuntimeContract.BIND_INSTANT;
import static org.optilock.processor.writing.RuntimeContract.BINDER;
import static org.optilock.processor.writing.RuntimeContract.CONNECTION_SOURCE;
import static org.optilock.processor.writing.RuntimeContract.FIND;
import static org.optilock.processor.writing.RuntimeContract.FIND_STATEMENT;
import static org.optilock.processor.writing.RuntimeContract.IGNORING_CASE;
import static org.optilock.processor.writing.RuntimeContract.NO_PARAMETERS;
import static org.optilock.processor.writing.RuntimeContract.REPOSITORY_OPERATIONS;
import static org.optilock.processor.writing.RuntimeContract.REPOSITORY_STATEMENTS;
import static org.optilock.processor.writing.RuntimeContract.REPOSITORY_STATEMENTS_OF;
import static org.optilock.processor.writing.RuntimeContract.SETTINGS;
import static org.optilock.processor.writing.RuntimeContract.SORT_ASC;
import static org.optilock.processor.writing.RuntimeContract.SORT_DESC;
import static org.optilock.processor.writing.RuntimeContract.SORT_KEY;

import com.palantir.javapoet.AnnotationSpec;
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
import java.sql.SQLException;
import java.time.Instant;
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
import org.optilock.processor.model.RepositoryMethod.Condition;
import org.optilock.processor.model.RepositoryMethod.Many;
import org.optilock.processor.model.RepositoryMethod.Result;
import org.optilock.processor.model.RepositoryModel;

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
    private final EntityModel entity;
    private final TypeName entityType;
    private final List<FieldSpec> constants = new ArrayList<>();
    private final Set<String> constantNames = new HashSet<>();
    private boolean bindsInstant;

    private RepositoryWriter(RepositoryModel repository) {
        this.repository = repository;
        this.entity = repository.entity();
        this.entityType = entity.entity();
    }

    /** The source file of {@code repository}'s implementation, marked {@code @Generated} where {@code annotated}. */
    public static JavaFile write(RepositoryModel repository, Element origin, boolean annotated) {
        return new RepositoryWriter(repository).javaFile(origin, annotated);
    }

    private JavaFile javaFile(Element origin, boolean annotated) {
        ClassName implementation = repository.implementation();
        TypeName operationsType = ParameterizedTypeName.get(REPOSITORY_OPERATIONS, entityType, entity.key().type());
        constants.add(FieldSpec.builder(REPOSITORY_STATEMENTS, "STATEMENTS", Modifier.PRIVATE, Modifier.STATIC,
                        Modifier.FINAL)
                .initializer(statements())
                .build());
        List<MethodSpec> methods = new ArrayList<>();
        for (RepositoryMethod method : repository.methods()) {
            methods.add(implement(method));
        }
        TypeSpec.Builder type = TypeSpec.classBuilder(implementation)
                .addOriginatingElement(origin)
                .addJavadoc("The {@link $T} repository over {@link $T} rows, as Jakarta Data specifies it: every\n"
                        + "update and delete through {@link $T}, conditional on the version that was read; a\n"
                        + "conflict throws {@code OptimisticLockingFailureException}, caused by Optilock's own exception\n"
                        + "with the row as it is now. Each query is its condition and declared order below; the\n"
                        + "runtime appends what a call adds (its order, limit, page or cursor), every value a parameter.\n"
                        + "\n<p>Generated by Optilock from {@code $L}. Do not edit.\n",
                        repository.repository(), entityType, entity.dao(), repository.repository().simpleName())
                .addModifiers(Modifier.PUBLIC, Modifier.FINAL)
                .addSuperinterface(repository.repository())
                .addFields(constants)
                .addField(operationsType, "operations", Modifier.PRIVATE, Modifier.FINAL)
                .addMethods(constructors())
                .addMethods(methods);
        if (bindsInstant) {
            type.addMethod(MethodSpec.methodBuilder(BIND_INSTANT)
                    .addModifiers(Modifier.PRIVATE)
                    .addParameter(PreparedStatement.class, "statement")
                    .addParameter(int.class, "index")
                    .addParameter(Instant.class, "value")
                    .addException(SQLException.class)
                    .addStatement("operations.$N(statement, index, value)", BIND_INSTANT)
                    .build());
        }
        if (annotated) {
            type.addAnnotation(AnnotationSpec.builder(GENERATED).addMember("value", "$S", PROCESSOR).build());
        }
        return JavaFile.builder(implementation.packageName(), type.build())
                .skipJavaLangImports(true)
                .indent("    ")
                .build();
    }

    /** The table, the attributes and their columns in the order the DAO reads them, and the key. */
    private CodeBlock statements() {
        List<PropertyModel> properties = entity.properties();
        return CodeBlock.of("$T.$N($S,\n$>$>$T.of($L),\n$T.of($L),\n$T.of($L))$<$<", REPOSITORY_STATEMENTS,
                REPOSITORY_STATEMENTS_OF, entity.table(),
                List.class, strings(properties.stream().map(PropertyModel::name).toList()),
                List.class, strings(properties.stream().map(PropertyModel::column).toList()),
                List.class, strings(entity.key().properties().stream().map(PropertyModel::name).toList()));
    }

    private static CodeBlock strings(List<String> values) {
        return values.stream().map(value -> CodeBlock.of("$S", value)).collect(CodeBlock.joining(", "));
    }

    // ---- constructors: the DAO's, each making the DAO the repository writes through --------------------

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
            constructors.add(MethodSpec.constructorBuilder()
                    .addModifiers(Modifier.PUBLIC)
                    .addJavadoc(does[i] + ",\nwith {@link $T#global()}.\n", SETTINGS)
                    .addParameter(sources[i])
                    .addStatement("this(new $T($N))", entity.dao(), sources[i])
                    .build());
            constructors.add(MethodSpec.constructorBuilder()
                    .addModifiers(Modifier.PUBLIC)
                    .addJavadoc(does[i] + ".\n")
                    .addParameter(sources[i])
                    .addParameter(SETTINGS, "settings")
                    .addStatement("this(new $T($N, settings))", entity.dao(), sources[i])
                    .build());
        }
        constructors.add(MethodSpec.constructorBuilder()
                .addModifiers(Modifier.PRIVATE)
                .addParameter(entity.dao(), "dao")
                .addStatement("this.operations = new $T<>(dao)", REPOSITORY_OPERATIONS)
                .build());
        return constructors;
    }

    // ---- methods ---------------------------------------------------------------------------------------

    private MethodSpec implement(RepositoryMethod method) {
        MethodSpec.Builder builder = method.signature().toBuilder();
        if (method instanceof RepositoryMethod.Lifecycle lifecycle) {
            new LifecycleBody(lifecycle, entity, builder).write();
        } else if (method instanceof RepositoryMethod.Find find) {
            find(find, builder);
        } else if (method instanceof RepositoryMethod.DeleteWhere delete) {
            deleteWhere(delete, builder);
        } else if (method instanceof RepositoryMethod.ById byId) {
            if (byId.delete()) {
                builder.addStatement("operations.deleteById($N)", byId.parameter());
            } else {
                builder.addStatement("return operations.findById($N)", byId.parameter());
            }
        }
        return builder.build();
    }

    private void find(RepositoryMethod.Find find, MethodSpec.Builder builder) {
        String constant = constantName(find.signature().name());
        CodeBlock orderBy = find.orderBy().stream()
                .map(key -> CodeBlock.of(", $T.$N($S)$L", SORT_KEY, key.descending() ? SORT_DESC : SORT_ASC,
                        key.attribute(), key.ignoreCase() ? "." + IGNORING_CASE + "()" : ""))
                .collect(CodeBlock.joining(""));
        constants.add(FieldSpec.builder(FIND_STATEMENT, constant, Modifier.PRIVATE, Modifier.STATIC, Modifier.FINAL)
                .initializer("STATEMENTS.$N($S, $S$L)", FIND, find.signature().name(), condition(find.conditions()),
                        orderBy)
                .build());
        CodeBlock binder = binder(find.conditions(), find.signature(), builder);
        CodeBlock sorts = find.sorts().isEmpty()
                ? CodeBlock.of("$T.of()", List.class)
                : CodeBlock.of("$T.sorts($L)", REPOSITORY_OPERATIONS, find.sorts().stream()
                        .map(sort -> switch (sort.kind()) {
                            case ORDER -> CodeBlock.of("$N", sort.name());
                            case SORT, SORTS -> CodeBlock.of("$T.of($N)", List.class, sort.name());
                        })
                        .collect(CodeBlock.joining(", ")));
        CodeBlock limit = find.limit()
                .map(name -> CodeBlock.of("$N.maxResults(), $N.startAt()", name, name))
                .orElse(CodeBlock.of("0, 1"));
        String page = find.pageRequest().orElse(null);
        CodeBlock call = switch (find.result()) {
            case ONE -> CodeBlock.of("operations.single($N, $L, $L)", constant, binder, sorts);
            case OPTIONAL -> CodeBlock.of("operations.optional($N, $L, $L)", constant, binder, sorts);
            case LIST -> CodeBlock.of("operations.list($N, $L, $L, $L)", constant, binder, sorts, limit);
            case ARRAY -> CodeBlock.of("operations.list($N, $L, $L, $L).toArray(new $T[0])", constant, binder, sorts,
                    limit, entityType);
            case STREAM -> CodeBlock.of("operations.stream($N, $L, $L, $L)", constant, binder, sorts, limit);
            case PAGE -> CodeBlock.of("operations.page($N, $L, $L, $N)", constant, binder, sorts, page);
            case CURSORED_PAGE -> CodeBlock.of("operations.cursoredPage($N, $L, $L, $N)", constant, binder, sorts, page);
            default -> throw new IllegalStateException("A query cannot return " + find.result());
        };
        builder.addStatement("return $L", call);
    }

    private void deleteWhere(RepositoryMethod.DeleteWhere delete, MethodSpec.Builder builder) {
        String constant = constantName(delete.signature().name());
        String condition = condition(delete.conditions());
        constants.add(FieldSpec.builder(String.class, constant, Modifier.PRIVATE, Modifier.STATIC, Modifier.FINAL)
                .initializer("$S", "DELETE FROM " + entity.table() + (condition.isEmpty() ? "" : " WHERE " + condition))
                .build());
        CodeBlock call = CodeBlock.of("operations.delete($N, $L)", constant, binder(delete.conditions(), delete.signature(), builder));
        switch (delete.result()) {
            case VOID -> builder.addStatement("$L", call);
            case INT -> builder.addStatement("return (int) $L", call);
            default -> builder.addStatement("return $L", call);
        }
    }

    /** {@code a = ? AND b = ?}: each condition on its column. */
    private static String condition(List<Condition> conditions) {
        return String.join(" AND ", conditions.stream().map(c -> c.property().column() + " = ?").toList());
    }

    /**
     * What binds each condition's parameter, typed as its attribute: {@code NONE} when there is none,
     * else a local lambda that {@code method} declares first, and this names. Its names are ones the
     * method's parameters do not take.
     */
    private CodeBlock binder(List<Condition> conditions, MethodSpec signature, MethodSpec.Builder method) {
        if (conditions.isEmpty()) {
            return CodeBlock.of("$T.$N", BINDER, NO_PARAMETERS);
        }
        Set<String> taken = new HashSet<>();
        signature.parameters().forEach(parameter -> taken.add(parameter.name()));
        String statement = unused("statement", taken);
        String parameters = unused("parameters", taken);
        List<CodeBlock> binds = new ArrayList<>();
        for (int i = 0; i < conditions.size(); i++) {
            Condition condition = conditions.get(i);
            bindsInstant |= condition.property().columnType() == ColumnType.INSTANT;
            binds.add(ColumnCodec.bind(condition.property().columnType(), statement, i + 1,
                    CodeBlock.of("$N", condition.parameter())));
        }
        if (binds.size() == 1) {
            method.addStatement("$T $N = $N -> $L", BINDER, parameters, statement, binds.get(0));
        } else {
            CodeBlock.Builder body = CodeBlock.builder();
            binds.forEach(bind -> body.add("$L;\n", bind));
            method.addCode("$T $N = $N -> {\n$>$L$<};\n", BINDER, parameters, statement, body.build());
        }
        return CodeBlock.of("$N", parameters);
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
        for (int n = 2; !constantNames.add(name) || name.equals("STATEMENTS"); n++) {
            name = base + "_" + n;
        }
        return name;
    }

    /** Writes the body of a lifecycle method: one call of the runtime, the result shaped as the method returns it. */
    private record LifecycleBody(RepositoryMethod.Lifecycle method, EntityModel entity, MethodSpec.Builder builder) {

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
                case VOID -> builder.addStatement("operations.$N($N)", operation, parameter);
                case INT, LONG -> builder.addStatement("operations.$N($N)", operation, parameter)
                        .addStatement("return 1");
                default -> {
                    if (!entity.isImmutable()) {
                        // The DAO sets the key and version on the object it is given, and returns it.
                        builder.addStatement("operations.$N($N)", operation, parameter)
                                .addStatement("return $N", parameter);
                    } else if (method.typeVariable()) {
                        builder.addAnnotation(unchecked())
                                .addComment("$T is final: the type variable can only be $T itself.", entity.entity(),
                                        entity.entity())
                                .addStatement("return ($T) operations.$N($N)", method.signature().returnType(), operation,
                                        parameter);
                    } else {
                        builder.addStatement("return operations.$N($N)", operation, parameter);
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
                case VOID -> builder.addStatement("operations.$N($L)", all, list);
                case INT, LONG -> {
                    builder.addStatement("$T<$T> entities = $L", List.class, entityType, list)
                            .addStatement("operations.$N(entities)", all)
                            .addStatement("return entities.size()");
                }
                case ARRAY -> {
                    if (!entity.isImmutable() && method.many() == Many.ARRAY) {
                        builder.addStatement("operations.$N($L)", all, list).addStatement("return $N", parameter);
                    } else {
                        builder.addStatement("return operations.$N($L).toArray(new $T[0])", all, list, entityType);
                    }
                }
                default -> {
                    if (!entity.isImmutable() && method.many() == Many.LIST) {
                        builder.addStatement("operations.$N($N)", all, parameter).addStatement("return $N", parameter);
                    } else if (method.typeVariable()) {
                        builder.addAnnotation(unchecked())
                                .addComment("$T is final: the type variable can only be $T itself.", entityType,
                                        entityType)
                                .addStatement("return ($T) operations.$N($L)", method.signature().returnType(), all, list);
                    } else {
                        builder.addStatement("return operations.$N($L)", all, list);
                    }
                }
            }
        }

        private static AnnotationSpec unchecked() {
            return AnnotationSpec.builder(SuppressWarnings.class).addMember("value", "$S", "unchecked").build();
        }
    }
}
