package org.optilock.processor.writing;

import com.palantir.javapoet.CodeBlock;
import java.util.List;
import org.optilock.processor.model.EntityModel;
import org.optilock.processor.model.IdClassModel;
import org.optilock.processor.model.KeyModel;
import org.optilock.processor.model.PropertyModel;
import org.optilock.processor.sql.Parameter;

/**
 * Writes the {@code set…} calls of a statement by walking its parameter list, each call commented
 * with what it binds, so the generated code says which parameter every position is.
 */
final class StatementBinder {

    /** Where the key and the expected version come from: an entity, or the parameters of a finder. */
    enum Source {
        /** {@code entity} holds the key; {@code expectedVersion} holds the version that was read. */
        ENTITY,
        /** {@code id} is the key; {@code version} is the version asked for. */
        ID
    }

    private final EntityModel entity;
    private final EntityAccess access;
    private final CodeBlock idOfEntity;

    StatementBinder(EntityModel entity, EntityAccess access, CodeBlock idOfEntity) {
        this.entity = entity;
        this.access = access;
        this.idOfEntity = idOfEntity;
    }

    /** The {@code set…} calls on {@code statement} for {@code parameters}, one a line. */
    CodeBlock bind(List<Parameter> parameters, Source source) {
        CodeBlock.Builder code = CodeBlock.builder();
        for (int i = 0; i < parameters.size(); i++) {
            Parameter parameter = parameters.get(i);
            String description = source == Source.ID && parameter instanceof Parameter.ExpectedVersion
                    ? "the version asked for"
                    : parameter.description();
            code.add("$L; // $L\n", bindOne(parameter, i + 1, source), description);
        }
        return code.build();
    }

    /**
     * The assignments {@code values[i] = …} of an entity's values for {@code parameters}, one a line:
     * what {@link #bind} binds, as objects, for a statement that binds every row's values as arrays.
     */
    CodeBlock values(List<Parameter> parameters) {
        CodeBlock.Builder code = CodeBlock.builder();
        PropertyModel version = entity.version().property();
        for (int i = 0; i < parameters.size(); i++) {
            Parameter parameter = parameters.get(i);
            CodeBlock value;
            if (parameter instanceof Parameter.Value given) {
                value = ColumnCodec.value(given.property().columnType(), access.get("entity", given.property()));
            } else if (parameter instanceof Parameter.KeyPart part) {
                value = entity.key().isComposite() ? access.get("entity", part.property()) : idOfEntity;
            } else if (parameter instanceof Parameter.NewVersion) {
                value = CodeBlock.of("newVersion");
            } else if (parameter instanceof Parameter.ExpectedVersion) {
                value = CodeBlock.of("expectedVersion");
            } else if (parameter instanceof Parameter.ExpectedUnset) {
                value = CodeBlock.of("expectedVersion == $L ? 1 : 0", version.type().isPrimitive() ? "0" : "null");
            } else {
                throw new IllegalArgumentException(parameter + " has no value of its own in a checked update");
            }
            code.add("values[$L] = $L; // $L\n", i, value, parameter.description());
        }
        return code.build();
    }

    private CodeBlock bindOne(Parameter parameter, int index, Source source) {
        PropertyModel version = entity.version().property();
        String expected = source == Source.ENTITY ? "expectedVersion" : "version";
        // Java 17 has no pattern switch; the sealed interface keeps this list complete.
        if (parameter instanceof Parameter.Value value) {
            return bind(value.property(), index, access.get("entity", value.property()));
        }
        if (parameter instanceof Parameter.Compared compared) {
            return bind(compared.property(), index, access.get("entity", compared.property()));
        }
        if (parameter instanceof Parameter.KeyPart part) {
            return bindKey(part.property(), index, source);
        }
        if (parameter instanceof Parameter.NewVersion) {
            return bind(version, index, CodeBlock.of("newVersion"));
        }
        if (parameter instanceof Parameter.Increment) {
            return CodeBlock.of("statement.setInt($L, context.incrementsVersion() ? 1 : 0)", index);
        }
        if (parameter instanceof Parameter.ExpectedVersion) {
            return source == Source.ENTITY
                    ? bind(version, index, CodeBlock.of(expected))
                    : ColumnCodec.bind(version.columnType().boxed(), "statement", index, CodeBlock.of(expected));
        }
        if (parameter instanceof Parameter.ExpectedUnset) {
            return CodeBlock.of("statement.setInt($L, $N == $L ? 1 : 0)",
                    index, expected, version.type().isPrimitive() ? "0" : "null");
        }
        throw new IllegalArgumentException("unknown parameter " + parameter);
    }

    private CodeBlock bindKey(PropertyModel part, int index, Source source) {
        KeyModel key = entity.key();
        if (!key.isComposite()) {
            return source == Source.ENTITY
                    ? bind(part, index, idOfEntity)
                    : ColumnCodec.bind(part.columnType().boxed(), "statement", index, CodeBlock.of("id"));
        }
        if (source == Source.ENTITY) {
            return bind(part, index, access.get("entity", part));
        }
        IdClassModel idClass = key.idClass().orElseThrow();
        PropertyModel component = new PropertyModel(part.name(), part.column(), part.type(), part.columnType(),
                idClass.components().get(key.properties().indexOf(part)));
        return bind(part, index, access.get("id", component));
    }

    private static CodeBlock bind(PropertyModel property, int index, CodeBlock value) {
        return ColumnCodec.bind(property.columnType(), "statement", index, value);
    }
}
