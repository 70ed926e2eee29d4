package org.optilock.processor.writing;

import com.palantir.javapoet.CodeBlock;
import java.util.List;
import org.optilock.processor.model.EntityModel;
import org.optilock.processor.model.IdClassModel;
import org.optilock.processor.model.KeyModel;
import org.optilock.processor.model.PropertyModel;
import org.optilock.processor.sql.Parameter;

/**
 * Writes the {@code set…} calls that bind the key a finder was given, by walking a SELECT's parameter
 * list, each call commented with the column it binds. Everything else the runtime binds, by column
 * number, through the DAO's {@code bindColumn}.
 */
final class StatementBinder {

    private final EntityModel entity;
    private final EntityAccess access;

    StatementBinder(EntityModel entity, EntityAccess access) {
        this.entity = entity;
        this.access = access;
    }

    /** The {@code set…} calls on {@code statement} of {@code id} for the key parts among {@code parameters}. */
    CodeBlock bindId(List<Parameter> parameters) {
        CodeBlock.Builder code = CodeBlock.builder();
        for (int i = 0; i < parameters.size(); i++) {
            if (parameters.get(i) instanceof Parameter.KeyPart part) {
                code.add("$L; // key $L\n", bindKey(part.property(), i + 1), part.property().column());
            }
        }
        return code.build();
    }

    private CodeBlock bindKey(PropertyModel part, int index) {
        KeyModel key = entity.key();
        if (!key.isComposite()) {
            return ColumnCodec.bind(part.columnType().boxed(), "statement", index, CodeBlock.of("id"));
        }
        IdClassModel idClass = key.idClass().orElseThrow();
        PropertyModel component = new PropertyModel(part.name(), part.column(), part.type(), part.columnType(),
                idClass.components().get(key.properties().indexOf(part)));
        return ColumnCodec.bind(part.columnType(), "statement", index, access.get("id", component));
    }
}
