package org.optilock.processor.writing;

import static org.optilock.processor.model.RuntimeTypes.FIELD_MERGE;
import static org.optilock.processor.model.RuntimeTypes.MERGE;
import static org.optilock.processor.model.RuntimeTypes.VERSIONED;

import com.palantir.javapoet.CodeBlock;
import com.palantir.javapoet.MethodSpec;
import com.palantir.javapoet.ParameterizedTypeName;
import com.palantir.javapoet.TypeName;
import java.util.Objects;
import javax.lang.model.element.Modifier;
import org.optilock.processor.model.EntityModel;
import org.optilock.processor.model.PropertyModel;

/**
 * Writes the DAO's {@code merge(base, mine, theirs)}: a new entity with the key and version of
 * {@code theirs}, and every other field chosen by the runtime's {@code FieldMerge}, in declaration
 * order, so the conflicting fields come out in that order too.
 */
final class MergeWriter {

    private final EntityModel entity;
    private final EntityAccess access;

    MergeWriter(EntityModel entity, EntityAccess access) {
        this.entity = entity;
        this.access = access;
    }

    MethodSpec write() {
        TypeName type = entity.declaredType();
        MethodSpec.Builder method = MethodSpec.methodBuilder("merge")
                .addAnnotation(Override.class)
                .addModifiers(Modifier.PUBLIC)
                .returns(ParameterizedTypeName.get(MERGE, type))
                .addParameter(type, "base")
                .addParameter(type, "mine")
                .addParameter(type, "theirs");
        for (String side : new String[] {"base", "mine", "theirs"}) {
            method.addStatement("$T.requireNonNull($N, $S)", Objects.class, side, side);
        }
        method.addStatement("$T fields = new $T()", FIELD_MERGE, FIELD_MERGE);
        if (entity.isRecord()) {
            CodeBlock.Builder arguments = CodeBlock.builder();
            for (int i = 0; i < entity.properties().size(); i++) {
                arguments.add(i == 0 ? "\n" : ",\n").add(value(entity.properties().get(i)));
            }
            return method.addStatement("return fields.result(new $T($L))", entity.entity(), arguments.build()).build();
        }
        method.addStatement("$T merged = new $T()", entity.entity(), entity.entity());
        PropertyModel version = entity.version().property();
        for (PropertyModel property : entity.properties()) {
            if (!(entity.wrapped() && property.equals(version))) {
                method.addStatement(access.setOn(CodeBlock.of("merged"), property, value(property)));
            }
        }
        if (entity.wrapped()) {
            return method.addStatement("return fields.result(new $T<>(merged, $L))", VERSIONED,
                    access.get("theirs", version)).build();
        }
        return method.addStatement("return fields.result(merged)").build();
    }

    /** The merged value of {@code property}: the key and the version are those of {@code theirs}. */
    private CodeBlock value(PropertyModel property) {
        if (entity.key().properties().contains(property) || property.equals(entity.version().property())) {
            return access.get("theirs", property);
        }
        return CodeBlock.of("fields.field($S, $L, $L, $L)", property.name(),
                access.get("base", property), access.get("mine", property), access.get("theirs", property));
    }
}
