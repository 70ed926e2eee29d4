package org.optilock.processor.writing;

import static org.optilock.processor.model.RuntimeTypes.BATCHED_UPDATE_ROWS;
import static org.optilock.processor.model.RuntimeTypes.BATCH_ROWS;
import static org.optilock.processor.model.RuntimeTypes.COLUMN_VALUES;
import static org.optilock.processor.model.RuntimeTypes.RECORD_MODIFIED;

import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.CodeBlock;
import com.palantir.javapoet.MethodSpec;
import com.palantir.javapoet.ParameterizedTypeName;
import com.palantir.javapoet.TypeName;
import com.palantir.javapoet.TypeSpec;
import com.palantir.javapoet.WildcardTypeName;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javax.lang.model.element.Modifier;
import org.optilock.processor.model.EntityModel;
import org.optilock.processor.model.PropertyModel;
import org.optilock.processor.sql.SqlStatements;
import org.optilock.processor.sql.UpdateStatement;

/**
 * Writes the DAO's private inner class {@code Rows}, which hands the runtime's batch operations what
 * they need of this DAO: its SQL, its binding and its comparisons.
 */
final class BatchRowsWriter {

    static final String NAME = "Rows";

    private final EntityModel entity;
    private final EntityAccess access;
    private final TypeName type;
    private final ClassName entityClass;
    private final TypeName versionType;
    private final PropertyModel version;
    private final CodeBlock idOfEntity;
    private final SqlStatements sql;

    BatchRowsWriter(EntityModel entity, EntityAccess access, CodeBlock idOfEntity, SqlStatements sql) {
        this.entity = entity;
        this.sql = sql;
        this.access = access;
        this.type = entity.declaredType();
        this.entityClass = entity.entity();
        this.version = entity.version().property();
        this.versionType = version.type().box();
        this.idOfEntity = idOfEntity;
    }

    TypeSpec write() {
        ClassName dao = entity.dao();
        boolean batched = sql.update() instanceof UpdateStatement.Plain;
        TypeSpec.Builder rows = TypeSpec.classBuilder(NAME)
                .addJavadoc("What the runtime's {@code insertAll}, {@code updateAll} and {@code deleteAll} need of this DAO.\n")
                .addModifiers(Modifier.PRIVATE, Modifier.FINAL)
                .addSuperinterface(ParameterizedTypeName.get(batched ? BATCHED_UPDATE_ROWS : BATCH_ROWS, type, versionType))
                .addMethod(override("entityType", ParameterizedTypeName.get(ClassName.get(Class.class), WildcardTypeName.subtypeOf(Object.class)))
                        .addStatement("return $T.class", entityClass)
                        .build())
                .addMethod(override("checked", boolean.class)
                        .addParameter(type, "entity")
                        .addStatement("return context.checksVersion($T.class, $L)", entityClass, access.get("entity", version))
                        .build())
                .addMethod(override("version", versionType)
                        .addParameter(type, "entity")
                        .addStatement("return $L", access.get("entity", version))
                        .build())
                .addMethod(override("key", Object.class)
                        .addParameter(type, "entity")
                        .addStatement("return $L", idOfEntity)
                        .build());
        if (batched) {
            rows.addMethod(override("updateSql", String.class)
                            .addStatement("return UPDATE")
                            .build())
                    .addMethod(override("bindUpdate", versionType)
                            .addParameter(PreparedStatement.class, "statement")
                            .addParameter(type, "entity")
                            .addException(SQLException.class)
                            .addStatement("$T newVersion = newVersion(entity)", version.type())
                            .addStatement("$T.this.bindUpdate(statement, entity, newVersion)", dao)
                            .addStatement("return newVersion")
                            .build())
                    .addMethod(override("updateRowsSql", String.class)
                            .addStatement("return UPDATE_ROWS_POSTGRESQL")
                            .build())
                    .addMethod(override("updateRowsTypes", String.class)
                            .addStatement("return UPDATE_ROWS_TYPES")
                            .build())
                    .addMethod(override("updateValues", versionType)
                            .addParameter(type, "entity")
                            .addParameter(Object[].class, "values")
                            .addStatement("$T newVersion = newVersion(entity)", version.type())
                            .addStatement("$T expectedVersion = $L", version.type(), access.get("entity", version))
                            .addCode(new StatementBinder(entity, access, idOfEntity).values(sql.update().parameters()))
                            .addStatement("return newVersion")
                            .build());
        }
        return rows
                .addMethod(override("write", versionType)
                        .addParameter(Connection.class, "connection")
                        .addParameter(type, "entity")
                        .addParameter(boolean.class, "checked")
                        .addException(SQLException.class)
                        .addStatement("return $T.this.write(connection, entity, checked)", dao)
                        .build())
                .addMethod(override("deleteSql", String.class)
                        .addParameter(boolean.class, "checked")
                        .addStatement("return checked ? DELETE : DELETE_UNCHECKED")
                        .build())
                .addMethod(override("bindDelete", void.class)
                        .addParameter(PreparedStatement.class, "statement")
                        .addParameter(type, "entity")
                        .addParameter(boolean.class, "checked")
                        .addException(SQLException.class)
                        .beginControlFlow("if (checked)")
                        .addStatement("$T.this.bindDelete(statement, entity)", dao)
                        .nextControlFlow("else")
                        .addStatement("bindDeleteUnchecked(statement, entity)")
                        .endControlFlow()
                        .build())
                .addMethod(override("deleteRowsSql", String.class)
                        .addStatement("return DELETE_ROWS_POSTGRESQL")
                        .build())
                .addMethod(override("deleteRowsTypes", String.class)
                        .addStatement("return DELETE_ROWS_TYPES")
                        .build())
                .addMethod(override("deleteValues", void.class)
                        .addParameter(type, "entity")
                        .addParameter(Object[].class, "values")
                        .addStatement("$T expectedVersion = $L", version.type(), access.get("entity", version))
                        .addCode(new StatementBinder(entity, access, idOfEntity).values(sql.delete().parameters()))
                        .build())
                .addMethod(override("current", type)
                        .addParameter(Connection.class, "connection")
                        .addParameter(type, "entity")
                        .addException(SQLException.class)
                        .addStatement("return selectById(connection, $L)", idOfEntity)
                        .build())
                .addMethod(holds())
                .addMethod(override("conflict", RECORD_MODIFIED)
                        .addParameter(type, "entity")
                        .addParameter(type, "current")
                        .addStatement("return $T.this.conflict(entity, current)", dao)
                        .build())
                .addMethod(withVersion())
                .addMethods(insertion())
                .build();
    }

    /**
     * What {@code insertAll} needs: the INSERT, binding it with the initial version, and, for a key
     * the database generates, reading it back.
     */
    private List<MethodSpec> insertion() {
        List<MethodSpec> methods = new ArrayList<>();
        ClassName dao = entity.dao();
        MethodSpec.Builder bind = override("bindInsert", versionType)
                .addParameter(PreparedStatement.class, "statement")
                .addParameter(type, "entity")
                .addParameter(boolean.class, "generatesKey")
                .addException(SQLException.class)
                .addStatement("$T newVersion = initialVersion()", version.type());
        MethodSpec.Builder inserted = override("inserted", type)
                .addParameter(type, "entity")
                .addParameter(Object.class, "generatedKey")
                .addParameter(versionType, "version");
        Map<PropertyModel, CodeBlock> written = new LinkedHashMap<>();
        if (entity.generatedId()) {
            PropertyModel id = entity.key().single();
            CodeBlock current = access.get("entity", id);
            methods.add(override("generatesKey", boolean.class)
                    .addParameter(type, "entity")
                    .addStatement("return $L == $L", current, id.type().isPrimitive() ? "0" : "null")
                    .build());
            methods.add(override("insertSql", String.class)
                    .addParameter(boolean.class, "generatesKey")
                    .addStatement("return generatesKey ? INSERT : INSERT_WITH_KEY")
                    .build());
            methods.add(override("generatedKeyColumns", String[].class)
                    .addStatement("return GENERATED_KEY")
                    .build());
            methods.add(override("generatedKey", Object.class)
                    .addParameter(ResultSet.class, "keys")
                    .addException(SQLException.class)
                    .addStatement("return $L", ColumnCodec.read(id.columnType(), id.type(), "keys", 1))
                    .build());
            bind.beginControlFlow("if (generatesKey)")
                    .addStatement("$T.this.bindInsert(statement, entity, newVersion)", dao)
                    .nextControlFlow("else")
                    .addStatement("bindInsertWithKey(statement, entity, newVersion)")
                    .endControlFlow();
            inserted.addStatement("$T id = generatedKey == null ? $L : ($T) generatedKey", id.type(), current, id.type().box());
            written.put(id, CodeBlock.of("id"));
        } else {
            methods.add(override("insertSql", String.class)
                    .addParameter(boolean.class, "generatesKey")
                    .addStatement("return INSERT")
                    .build());
            bind.addStatement("$T.this.bindInsert(statement, entity, newVersion)", dao);
        }
        written.put(version, CodeBlock.of("version"));
        methods.add(bind.addStatement("return newVersion").build());
        methods.add(inserted.addCode(access.writtenBack("entity", written)).build());
        return methods;
    }

    private MethodSpec holds() {
        CodeBlock.Builder same = CodeBlock.builder();
        for (PropertyModel property : entity.updatedProperties()) {
            same.add("$T.sameValue($L, $L)\n&& ", COLUMN_VALUES,
                    access.get("stored", property), access.get("entity", property));
        }
        same.add("$T.sameValue($L, version)", COLUMN_VALUES, access.get("stored", version));
        return override("holds", boolean.class)
                .addParameter(type, "stored")
                .addParameter(type, "entity")
                .addParameter(versionType, "version")
                .addStatement("return $L", same.build())
                .build();
    }

    private MethodSpec withVersion() {
        MethodSpec.Builder method = override("withVersion", type)
                .addParameter(type, "entity")
                .addParameter(versionType, "version");
        if (entity.isImmutable()) {
            return method.addStatement("return $L", access.newRecord("entity", Map.of(version, CodeBlock.of("version"))))
                    .build();
        }
        return method.addStatement(access.set("entity", version, CodeBlock.of("version")))
                .addStatement("return entity")
                .build();
    }

    private static MethodSpec.Builder override(String name, TypeName returns) {
        return MethodSpec.methodBuilder(name).addAnnotation(Override.class).addModifiers(Modifier.PUBLIC).returns(returns);
    }

    private static MethodSpec.Builder override(String name, Class<?> returns) {
        return override(name, TypeName.get(returns));
    }
}
