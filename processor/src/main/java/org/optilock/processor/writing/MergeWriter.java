package org.optilock.processor.writing;

import static org.optilock.processor.writing.RuntimeContract.FIELD_MERGE;
import static org.optilock.processor.writing.RuntimeContract.MERGED;
import static org.optilock.processor.writing.RuntimeContract.MERGE_FIELD;
import static org.optilock.processor.writing.RuntimeContract.VERSIONED;

import com.palantir.javapoet.CodeBlock;
import com.palantir.javapoet.MethodSpec;
import com.palantir.javapoet.TypeName;
import org.optilock.processor.model.EntityModel;
import org.optilock.processor.model.PropertyModel;

/**
 * Writes the DAO's {@code merged(fields, base, mine, theirs)}, which the runtime's {@code merge} calls:
 * a new entity with the key and version of {@code theirs}, and every other field chosen by the
 * runtime's {@code FieldMerge}, in declaration order, so the conflicting fields come out in that order
 * too. Each choice names its type ({@code fields.<String>field(...)}), which spares javac inferring
 * it: a thousand DAOs compile seconds faster.
 */
final class MergeWriter {

    private final EntityModel entity;
    private final EntityAccess access;

    MergeWriter(EntityModel entity, EntityAccess access) {
        this.entity = entity;
        this.access = access;
    }

    MethodSpec write() {
        TypeName type = access.declaredType();
        MethodSpec.Builder method = DaoWriter.override(MERGED, type)
                .addParameter(FIELD_MERGE, "fields")
                .addParameter(type, "base")
                .addParameter(type, "mine")
                .addParameter(type, "theirs");
        if (entity.isConstructed()) {
            CodeBlock.Builder arguments = CodeBlock.builder();
            for (int i = 0; i < entity.properties().size(); i++) {
                arguments.add(i == 0 ? "\n" : ",\n").add(value(entity.properties().get(i)));
            }
            return method.addStatement("return new $T($L)", entity.entity(), arguments.build()).build();
        }
        method.addStatement("$T merged = new $T()", entity.entity(), entity.entity());
        for (PropertyModel property : entity.properties()) {
            if (!(entity.wrapped() && entity.isVersion(property))) {
                method.addStatement(access.setOn(CodeBlock.of("merged"), property, value(property)));
            }
        }
        if (entity.wrapped()) {
            return method.addStatement("return new $T<>(merged, $L)", VERSIONED,
                    access.get("theirs", entity.version().property())).build();
        }
        return method.addStatement("return merged").build();
    }

    /** The merged value of {@code property}: the key and the version are those of {@code theirs}. */
    private CodeBlock value(PropertyModel property) {
        if (entity.key().properties().contains(property) || entity.isVersion(property)) {
            return access.get("theirs", property);
        }
        return CodeBlock.of("fields.<$T>$N($S, $L, $L, $L)", property.type().box(), MERGE_FIELD, property.name(),
                access.get("base", property), access.get("mine", property), access.get("theirs", property));
    }
}
