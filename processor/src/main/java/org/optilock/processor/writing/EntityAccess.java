package org.optilock.processor.writing;

import static org.optilock.processor.writing.RuntimeContract.VERSIONED;

import com.palantir.javapoet.CodeBlock;
import com.palantir.javapoet.ParameterizedTypeName;
import com.palantir.javapoet.TypeName;
import java.util.Map;
import org.optilock.processor.model.Access;
import org.optilock.processor.model.EntityModel;
import org.optilock.processor.model.PropertyModel;

/**
 * The expressions that read, assign and construct one entity's properties in generated code. For a
 * wrapped entity ({@code Versioned<T>}) the properties live in {@code value()} and the version
 * beside it.
 */
final class EntityAccess {

    private final EntityModel entity;

    EntityAccess(EntityModel entity) {
        this.entity = entity;
    }

    /** The type the DAO reads and writes: the entity, or {@code Versioned<Entity>} when wrapped. */
    TypeName declaredType() {
        return entity.wrapped() ? ParameterizedTypeName.get(VERSIONED, entity.entity()) : entity.entity();
    }

    /** Reads {@code property} of the entity in variable {@code variable}. */
    CodeBlock get(String variable, PropertyModel property) {
        if (property.access().style() == Access.Style.WRAPPER_VERSION) {
            return CodeBlock.of("$N.version()", variable);
        }
        return getFrom(target(variable), property);
    }

    /** A statement that stores {@code value} in {@code property} of the entity in {@code variable}. */
    CodeBlock set(String variable, PropertyModel property, CodeBlock value) {
        return setOn(target(variable), property, value);
    }

    /** Reads {@code property} of the object {@code target} itself, wrapper or not. */
    CodeBlock getFrom(CodeBlock target, PropertyModel property) {
        return switch (property.access().style()) {
            case FIELD -> CodeBlock.of("$L.$N", target, property.name());
            case ACCESSORS -> CodeBlock.of("$L.$N()", target, property.access().getter());
            case RECORD_COMPONENT -> CodeBlock.of("$L.$N()", target, property.name());
            case WRAPPER_VERSION -> throw new IllegalArgumentException("the version of a wrapper is not in the object");
        };
    }

    /** A statement that stores {@code value} in {@code property} of the object {@code target} itself. */
    CodeBlock setOn(CodeBlock target, PropertyModel property, CodeBlock value) {
        return switch (property.access().style()) {
            case FIELD -> CodeBlock.of("$L.$N = $L", target, property.name(), value);
            case ACCESSORS -> CodeBlock.of("$L.$N($L)", target, property.access().setter(), value);
            case RECORD_COMPONENT, WRAPPER_VERSION ->
                    throw new IllegalArgumentException("records and wrappers are constructed, not assigned");
        };
    }

    /**
     * A new immutable entity: {@code new Entity(...)} for a record, each component taken from
     * {@code replaced} if it is there, else from the record in {@code variable}; for a wrapper,
     * {@code new Versioned<>(variable.value(), version)}.
     */
    CodeBlock newRecord(String variable, Map<PropertyModel, CodeBlock> replaced) {
        if (entity.wrapped()) {
            return CodeBlock.of("new $T<>($N.value(), $L)", VERSIONED, variable,
                    replaced.get(entity.version().property()));
        }
        CodeBlock arguments = entity.properties().stream()
                .map(p -> replaced.getOrDefault(p, get(variable, p)))
                .collect(CodeBlock.joining(", "));
        return CodeBlock.of("new $T($L)", entity.entity(), arguments);
    }

    /**
     * Gives the entity in {@code variable} the values a write produced and returns it: assigned on a
     * class, a new instance of a record or wrapper (a wrapped entity's key is assigned on the object it
     * wraps).
     */
    CodeBlock writtenBack(String variable, Map<PropertyModel, CodeBlock> written) {
        CodeBlock.Builder code = CodeBlock.builder();
        if (entity.wrapped()) {
            PropertyModel version = entity.version().property();
            written.forEach((property, value) -> {
                if (!property.equals(version)) {
                    code.addStatement(set(variable, property, value));
                }
            });
            return code.addStatement("return $L", newRecord(variable, written)).build();
        }
        if (entity.isImmutable()) {
            return code.addStatement("return $L", newRecord(variable, written)).build();
        }
        written.forEach((property, value) -> code.addStatement(set(variable, property, value)));
        return code.addStatement("return $N", variable).build();
    }

    private CodeBlock target(String variable) {
        return entity.wrapped() ? CodeBlock.of("$N.value()", variable) : CodeBlock.of("$N", variable);
    }
}
