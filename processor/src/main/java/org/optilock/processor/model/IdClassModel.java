package org.optilock.processor.model;

import com.palantir.javapoet.ClassName;
import java.util.List;

/**
 * The {@code @IdClass} of an entity with a composite key: how to read each key component from an
 * id object and how to make one.
 *
 * @param type the id class
 * @param components per key property of the entity, in the entity's order: how the id object holds
 *     it (a field, accessors, or a record component)
 * @param isRecord whether the id class is a record, made through its canonical constructor
 * @param constructorOrder for a record, the key property names in the order of its components
 */
public record IdClassModel(ClassName type, List<Access> components, boolean isRecord, List<String> constructorOrder) {

    public IdClassModel {
        components = List.copyOf(components);
        constructorOrder = List.copyOf(constructorOrder);
    }
}
