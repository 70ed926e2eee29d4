package org.optilock.processor.writing;

import static org.optilock.processor.writing.RuntimeContract.BIND_ID;
import static org.optilock.processor.writing.RuntimeContract.KEY_OF;
import static org.optilock.processor.writing.RuntimeContract.KEY_OTHER;
import static org.optilock.processor.writing.RuntimeContract.READ;
import static org.optilock.processor.writing.RuntimeContract.VERSIONED;

import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.CodeBlock;
import com.palantir.javapoet.MethodSpec;
import com.palantir.javapoet.TypeName;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import org.optilock.processor.model.EntityModel;
import org.optilock.processor.model.IdClassModel;
import org.optilock.processor.model.KeyModel;
import org.optilock.processor.model.PropertyModel;
import org.optilock.processor.sql.SqlStatements;

/**
 * Writes the DAO's reading side: the mapping of a row to an entity, the key of an entity as the id
 * type the DAO's methods take, and the binding of that id to a SELECT by key.
 */
final class ReadMethodsWriter {

    private final EntityModel entity;
    private final EntityAccess access;
    private final TypeName type;
    private final ClassName entityClass;
    private final TypeName idType;
    private final KeyModel key;
    private final PropertyModel version;
    private final SqlStatements sql;
    private final StatementBinder binder;

    ReadMethodsWriter(EntityModel entity, EntityAccess access, SqlStatements sql) {
        this.entity = entity;
        this.access = access;
        this.sql = sql;
        this.type = access.declaredType();
        this.entityClass = entity.entity();
        this.key = entity.key();
        this.idType = key.type();
        this.version = entity.isVersioned() ? entity.version().property() : null;
        this.binder = new StatementBinder(entity, access);
    }

    /**
     * The reading methods: the row mapping, and where the runtime cannot do it, the key of an entity
     * (for a composite key, or one its column converts: the runtime takes others from {@code value})
     * and the binding of a key (for a key its {@code KeyType} does not cover).
     */
    List<MethodSpec> methods() {
        List<MethodSpec> methods = new ArrayList<>();
        methods.add(read());
        if (key.isComposite() || !ColumnCodec.valueIsField(key.single().columnType())) {
            methods.add(keyOf());
        }
        if (ColumnCodec.keyType(key).equals(KEY_OTHER)) {
            methods.add(bindId());
        }
        return methods;
    }

    /** Binds the key a finder was given, to the first parameters of a SELECT by key. */
    private MethodSpec bindId() {
        return DaoWriter.override(BIND_ID, void.class)
                .addParameter(PreparedStatement.class, "statement")
                .addParameter(idType, "id")
                .addException(SQLException.class)
                .addCode(binder.bindId(sql.selectById().parameters()))
                .build();
    }

    private MethodSpec read() {
        MethodSpec.Builder method = DaoWriter.override(READ, type)
                .addParameter(ResultSet.class, "resultSet")
                .addParameter(int[].class, "columns")
                .addException(SQLException.class);
        List<PropertyModel> properties = entity.properties();
        if (entity.wrapped()) {
            // The entity is built from its columns; its version goes beside it, in the wrapper.
            method.addStatement("$T value = new $T()", entityClass, entityClass);
            CodeBlock versionRead = null;
            for (int i = 0; i < properties.size(); i++) {
                PropertyModel property = properties.get(i);
                CodeBlock read = ColumnCodec.read(property.columnType(), property.type(), "resultSet", "columns[" + i + "]");
                if (property.equals(version)) {
                    versionRead = read;
                } else {
                    method.addStatement(access.setOn(CodeBlock.of("value"), property, read));
                }
            }
            return method.addStatement("return new $T<>(value, $L)", VERSIONED, versionRead)
                    .build();
        }
        if (entity.isConstructed()) {
            CodeBlock.Builder arguments = CodeBlock.builder();
            for (int i = 0; i < properties.size(); i++) {
                PropertyModel property = properties.get(i);
                arguments.add(i == 0 ? "\n" : ",\n")
                        .add(ColumnCodec.read(property.columnType(), property.type(), "resultSet", "columns[" + i + "]"));
            }
            return method.addStatement("return new $T($L)", entityClass, arguments.build()).build();
        }
        method.addStatement("$T entity = new $T()", entityClass, entityClass);
        for (int i = 0; i < properties.size(); i++) {
            PropertyModel property = properties.get(i);
            method.addStatement(access.set("entity", property,
                    ColumnCodec.read(property.columnType(), property.type(), "resultSet", "columns[" + i + "]")));
        }
        return method.addStatement("return entity").build();
    }

    /** The key of an entity: its key field, or for a composite key a new id object made from its key fields. */
    private MethodSpec keyOf() {
        if (key.isComposite()) {
            return compositeKeyOf();
        }
        return DaoWriter.override(KEY_OF, idType)
                .addParameter(type, "entity")
                .addStatement("return $L", access.get("entity", key.single()))
                .build();
    }

    /** The id object of an entity with a composite key, made from its key fields. */
    private MethodSpec compositeKeyOf() {
        IdClassModel idClass = key.idClass().orElseThrow();
        MethodSpec.Builder method = DaoWriter.override(KEY_OF, idClass.type())
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
