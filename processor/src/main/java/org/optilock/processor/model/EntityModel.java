package org.optilock.processor.model;

import com.palantir.javapoet.ClassName;
import java.util.List;
import org.optilock.Strategy;

/**
 * Everything the SQL builder and the DAO writer need to know about one entity: names, types and
 * columns, already validated. Holds no javac elements.
 *
 * @param entity the entity class
 * @param dao the DAO class to write
 * @param table the table name, already checked to be a safe identifier
 * @param properties every persistent property, id and version included: in declaration order, or for an
 *     immutable class in the order its constructor takes them
 * @param key the key: one property, or several with an {@code @IdClass}
 * @param generatedId whether the database generates the (single) key on insert
 * @param version the version property and its strategy; {@code null} for an unversioned entity, which
 *     gets a DAO only as the entity of a repository, and is written by key alone
 * @param isConstructed whether the entity is created through a constructor that takes every property, in
 *     the order of {@code properties}: a record, or an immutable class (every field final); writes then
 *     return new instances
 * @param wrapped whether the entity is a class the user cannot edit, handled as {@code Versioned<T>}
 *     beside its version (then also treated as immutable, like a record)
 * @param collections the entity's element collections, each in a table of its own
 */
public record EntityModel(
        ClassName entity, ClassName dao, String table, List<PropertyModel> properties,
        KeyModel key, boolean generatedId, VersionModel version, boolean isConstructed, boolean wrapped,
        List<ElementCollectionModel> collections) {

    public EntityModel {
        properties = List.copyOf(properties);
        collections = List.copyOf(collections);
    }

    /** An entity without element collections. */
    public EntityModel(ClassName entity, ClassName dao, String table, List<PropertyModel> properties, KeyModel key,
            boolean generatedId, VersionModel version, boolean isConstructed, boolean wrapped) {
        this(entity, dao, table, properties, key, generatedId, version, isConstructed, wrapped, List.of());
    }

    /**
     * The DAO of {@code entity} in {@code packageName}: the entity's name, nested names joined by
     * underscores, and {@code Dao} ({@code Outer.Inner} gets {@code Outer_InnerDao}).
     */
    public static ClassName daoOf(ClassName entity, String packageName) {
        return ClassName.get(packageName, String.join("_", entity.simpleNames()) + "Dao");
    }

    /** Whether the entity has a version; only the entity of a repository may have none. */
    public boolean isVersioned() {
        return version != null;
    }

    /** Whether {@code property} is the version. */
    public boolean isVersion(PropertyModel property) {
        return version != null && version.property().equals(property);
    }

    /** Whether a database trigger moves the version. */
    public boolean hasTrigger() {
        return version != null && version.strategy() == Strategy.TRIGGER;
    }

    /** Whether writes return new instances instead of updating the one given. */
    public boolean isImmutable() {
        return isConstructed || wrapped;
    }

    /** The properties an INSERT writes: all of them but a generated key, in declaration order. */
    public List<PropertyModel> insertedProperties() {
        return properties.stream().filter(p -> !(generatedId && key.properties().contains(p))).toList();
    }

    /**
     * The properties whose change moves a conditional version: the {@code checkFields}, or every
     * updated property but the {@code ignoreFields}. Empty when the version is not conditional.
     */
    public List<PropertyModel> relevantProperties() {
        if (version == null || !version.isConditional()) {
            return List.of();
        }
        return updatedProperties().stream()
                .filter(p -> version.checkFields().isEmpty()
                        ? !version.ignoreFields().contains(p.name())
                        : version.checkFields().contains(p.name()))
                .toList();
    }

    /** The properties an UPDATE sets besides the version: all but the key and the version. */
    public List<PropertyModel> updatedProperties() {
        return properties.stream()
                .filter(p -> !key.properties().contains(p) && !isVersion(p))
                .toList();
    }
}
