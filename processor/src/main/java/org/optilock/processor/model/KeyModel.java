package org.optilock.processor.model;

import com.palantir.javapoet.TypeName;
import java.util.List;
import java.util.Optional;

/**
 * The key of an entity: one property, or several named by an {@code @IdClass}.
 *
 * @param properties the key properties of the entity, in declaration order
 * @param idClass the id class of a composite key; empty for a single key
 */
public record KeyModel(List<PropertyModel> properties, Optional<IdClassModel> idClass) {

    public KeyModel {
        properties = List.copyOf(properties);
    }

    /** A single-column key. */
    public static KeyModel single(PropertyModel property) {
        return new KeyModel(List.of(property), Optional.empty());
    }

    public boolean isComposite() {
        return idClass.isPresent();
    }

    /** The single key property. */
    public PropertyModel single() {
        if (isComposite()) {
            throw new IllegalStateException("a composite key has no single property");
        }
        return properties.get(0);
    }

    /** The type DAO methods take as an id: the boxed key type, or the id class. */
    public TypeName type() {
        return idClass.<TypeName>map(IdClassModel::type).orElseGet(() -> properties.get(0).type().box());
    }
}
