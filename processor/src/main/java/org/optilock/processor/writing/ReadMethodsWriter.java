package org.optilock.processor.writing;

import static org.optilock.processor.model.RuntimeTypes.VERSIONED;

import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.CodeBlock;
import com.palantir.javapoet.MethodSpec;
import com.palantir.javapoet.ParameterizedTypeName;
import com.palantir.javapoet.TypeName;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import javax.lang.model.element.Modifier;
import org.optilock.processor.model.EntityModel;
import org.optilock.processor.model.IdClassModel;
import org.optilock.processor.model.KeyModel;
import org.optilock.processor.model.PropertyModel;
import org.optilock.processor.sql.SqlStatement;
import org.optilock.processor.sql.SqlStatements;

/**
 * Writes the DAO's reading side: the SELECTs on a given connection, the mapping of a row to an
 * entity, and the key of an entity as the id type the DAO's methods take.
 */
final class ReadMethodsWriter {


    private final EntityModel entity;
    private final EntityAccess access;
    private final TypeName type;
    private final ClassName entityClass;
    private final TypeName idType;
    private final TypeName versionType;
    private final KeyModel key;
    private final PropertyModel version;
    private final String name;
    private final SqlStatements sql;
    private final StatementBinder binder;

    ReadMethodsWriter(EntityModel entity, EntityAccess access, SqlStatements sql) {
        this.entity = entity;
        this.access = access;
        this.sql = sql;
        this.type = entity.declaredType();
        this.entityClass = entity.entity();
        this.key = entity.key();
        this.idType = key.type();
        this.version = entity.version().property();
        this.versionType = version.type().box();
        this.name = entityClass.simpleName();
        this.binder = new StatementBinder(entity, access, idOf("entity"));
    }

    /** The reading methods: selects, the row mapping, and {@code idOf} where the key needs one. */
    List<MethodSpec> methods() {
        List<MethodSpec> methods = new ArrayList<>(
                List.of(selectById(), selectAll(), selectVersion(), selectByIdAndVersion(), read()));
        if (key.isComposite() || !key.single().type().isPrimitive()) {
            methods.add(idOfMethod());
        }
        return methods;
    }

    /** A private method that works on the connection it is given. */
    static MethodSpec.Builder jdbc(String method) {
        return MethodSpec.methodBuilder(method)
                .addModifiers(Modifier.PRIVATE)
                .addParameter(Connection.class, "connection")
                .addException(SQLException.class);
    }

    private MethodSpec selectById() {
        return selectOne("selectById", "SELECT_BY_ID", sql.selectById(), false);
    }

    private MethodSpec selectByIdAndVersion() {
        return selectOne("selectByIdAndVersion", "SELECT_BY_ID_AND_VERSION", sql.selectByIdAndVersion(), true);
    }

    private MethodSpec selectOne(String method, String sqlConstant, SqlStatement statement, boolean withVersion) {
        MethodSpec.Builder builder = jdbc(method).returns(type).addParameter(idType, "id");
        if (withVersion) {
            builder.addParameter(versionType, "version");
        }
        builder.beginControlFlow("try ($T statement = connection.prepareStatement($N))", PreparedStatement.class, sqlConstant);
        return builder.addCode(binder.bind(statement.parameters(), StatementBinder.Source.ID)).beginControlFlow("try ($T resultSet = statement.executeQuery())", ResultSet.class)
                .addStatement("return resultSet.next() ? read(resultSet) : null")
                .endControlFlow()
                .endControlFlow()
                .build();
    }

    private MethodSpec selectAll() {
        ParameterizedTypeName list = ParameterizedTypeName.get(ClassName.get(List.class), type);
        return jdbc("selectAll").returns(list)
                .addStatement("$T entities = new $T<>()", list, ArrayList.class)
                .beginControlFlow("try ($T statement = connection.prepareStatement(SELECT_ALL);\n"
                        + "        $T resultSet = statement.executeQuery())", PreparedStatement.class, ResultSet.class)
                .beginControlFlow("while (resultSet.next())")
                .addStatement("entities.add(read(resultSet))")
                .endControlFlow()
                .endControlFlow()
                .addStatement("return entities")
                .build();
    }

    private MethodSpec selectVersion() {
        MethodSpec.Builder method = jdbc("selectVersion").returns(versionType).addParameter(idType, "id")
                .beginControlFlow("try ($T statement = connection.prepareStatement(SELECT_VERSION))", PreparedStatement.class);
        return method.addCode(binder.bind(sql.selectVersion().parameters(), StatementBinder.Source.ID))
                .beginControlFlow("try ($T resultSet = statement.executeQuery())", ResultSet.class)
                .addStatement("return resultSet.next() ? $L : null",
                        ColumnCodec.read(version.columnType().boxed(), versionType, "resultSet", 1))
                .endControlFlow()
                .endControlFlow()
                .build();
    }

    private MethodSpec read() {
        MethodSpec.Builder method = MethodSpec.methodBuilder("read")
                .addModifiers(Modifier.PRIVATE, Modifier.STATIC)
                .returns(type)
                .addParameter(ResultSet.class, "resultSet")
                .addException(SQLException.class);
        List<PropertyModel> properties = entity.properties();
        if (entity.wrapped()) {
            // The entity is built from its columns; its version goes beside it, in the wrapper.
            method.addStatement("$T value = new $T()", entityClass, entityClass);
            CodeBlock versionRead = null;
            for (int i = 0; i < properties.size(); i++) {
                PropertyModel property = properties.get(i);
                CodeBlock read = ColumnCodec.read(property.columnType(), property.type(), "resultSet", i + 1);
                if (property.equals(version)) {
                    versionRead = read;
                } else {
                    method.addStatement(access.setOn(CodeBlock.of("value"), property, read));
                }
            }
            return method.addStatement("return new $T<>(value, $L)", VERSIONED, versionRead)
                    .build();
        }
        if (entity.isRecord()) {
            CodeBlock.Builder arguments = CodeBlock.builder();
            for (int i = 0; i < properties.size(); i++) {
                PropertyModel property = properties.get(i);
                arguments.add(i == 0 ? "\n" : ",\n")
                        .add(ColumnCodec.read(property.columnType(), property.type(), "resultSet", i + 1));
            }
            return method.addStatement("return new $T($L)", entityClass, arguments.build()).build();
        }
        method.addStatement("$T entity = new $T()", entityClass, entityClass);
        for (int i = 0; i < properties.size(); i++) {
            PropertyModel property = properties.get(i);
            method.addStatement(access.set("entity", property,
                    ColumnCodec.read(property.columnType(), property.type(), "resultSet", i + 1)));
        }
        return method.addStatement("return entity").build();
    }

    /** The key of the entity in {@code variable}, as the DAO's id type. */
    CodeBlock idOf(String variable) {
        return !key.isComposite() && key.single().type().isPrimitive()
                ? access.get(variable, key.single())
                : CodeBlock.of("idOf($N)", variable);
    }

    private MethodSpec idOfMethod() {
        if (key.isComposite()) {
            return compositeIdOfMethod();
        }
        PropertyModel id = key.single();
        return MethodSpec.methodBuilder("idOf")
                .addModifiers(Modifier.PRIVATE, Modifier.STATIC)
                .returns(id.type())
                .addParameter(type, "entity")
                .addStatement("$T id = $L", id.type(), access.get("entity", id))
                .beginControlFlow("if (id == null)")
                .addStatement("throw new $T($S)", IllegalArgumentException.class,
                        "This " + name + " has no id: insert it before updating, deleting or comparing it")
                .endControlFlow()
                .addStatement("return id")
                .build();
    }

    /** The id object of an entity with a composite key, made from its key fields. */
    private MethodSpec compositeIdOfMethod() {
        IdClassModel idClass = key.idClass().orElseThrow();
        MethodSpec.Builder method = MethodSpec.methodBuilder("idOf")
                .addModifiers(Modifier.PRIVATE, Modifier.STATIC)
                .returns(idClass.type())
                .addParameter(type, "entity");
        if (idClass.isRecord()) {
            CodeBlock arguments = idClass.constructorOrder().stream()
                    .map(name -> access.get("entity", keyProperty(name)))
                    .collect(CodeBlock.joining(", "));
            return method.addStatement("return new $T($L)", idClass.type(), arguments).build();
        }
        method.addStatement("$T id = new $T()", idClass.type(), idClass.type());
        for (int i = 0; i < key.properties().size(); i++) {
            PropertyModel part = key.properties().get(i);
            PropertyModel component = new PropertyModel(part.name(), part.column(), part.type(), part.columnType(),
                    idClass.components().get(i));
            method.addStatement(access.set("id", component, access.get("entity", part)));
        }
        return method.addStatement("return id").build();
    }

    private PropertyModel keyProperty(String name) {
        return key.properties().stream().filter(p -> p.name().equals(name)).findFirst().orElseThrow();
    }
}
