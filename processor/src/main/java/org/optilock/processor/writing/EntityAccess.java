package org.optilock.processor.writing;

import com.palantir.javapoet.CodeBlock;
import java.util.Map;
import org.optilock.processor.model.EntityModel;
import org.optilock.processor.model.PropertyModel;

/** The expressions that read, assign and construct one entity's properties in generated code. */
final class EntityAccess {

    private final EntityModel entity;

    EntityAccess(EntityModel entity) {
        this.entity = entity;
    }

    /** Reads {@code property} of the object in variable {@code variable}. */
    CodeBlock get(String variable, PropertyModel property) {
        return switch (property.access().style()) {
            case FIELD -> CodeBlock.of("$N.$N", variable, property.name());
            case ACCESSORS -> CodeBlock.of("$N.$N()", variable, property.access().getter());
            case RECORD_COMPONENT -> CodeBlock.of("$N.$N()", variable, property.name());
        };
    }

    /** A statement that stores {@code value} in {@code property} of a class instance. Not for records. */
    CodeBlock set(String variable, PropertyModel property, CodeBlock value) {
        return switch (property.access().style()) {
            case FIELD -> CodeBlock.of("$N.$N = $L", variable, property.name(), value);
            case ACCESSORS -> CodeBlock.of("$N.$N($L)", variable, property.access().setter(), value);
            case RECORD_COMPONENT -> throw new IllegalArgumentException("records are constructed, not assigned");
        };
    }

    /**
     * {@code new Entity(...)} for a record, each component taken from {@code replaced} if it is
     * there, else from the record in {@code variable}.
     */
    CodeBlock newRecord(String variable, Map<PropertyModel, CodeBlock> replaced) {
        CodeBlock arguments = entity.properties().stream()
                .map(p -> replaced.getOrDefault(p, get(variable, p)))
                .collect(CodeBlock.joining(", "));
        return CodeBlock.of("new $T($L)", entity.entity(), arguments);
    }
}
