package org.optilock.processor.validation;

import static org.optilock.processor.validation.AnnotationMirrors.TRANSIENT;

import com.palantir.javapoet.TypeName;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;
import javax.lang.model.element.ExecutableElement;
import javax.lang.model.element.Modifier;
import javax.lang.model.element.TypeElement;
import javax.lang.model.element.VariableElement;
import javax.lang.model.type.TypeMirror;
import javax.lang.model.util.ElementFilter;
import org.optilock.processor.model.Access;
import org.optilock.processor.model.PropertyModel;

/**
 * Classes whose every mapped field is final (Lombok's {@code @Value}, Kotlin's {@code val}, a
 * hand-written value class): like records, the DAO reads their fields and creates them anew through a
 * constructor that takes every mapped field, matched by parameter name, or by declaration order where
 * the names are not known and the types line up.
 */
final class ImmutableClasses {

    private final TypeMembers members;

    ImmutableClasses(TypeMembers members) {
        this.members = members;
    }

    /** Whether every persistent field of {@code type} and its superclasses is final, and it has one at least. */
    boolean isImmutable(TypeElement type) {
        List<VariableElement> persistent = members.hierarchyFields(type).stream()
                .filter(field -> !field.getModifiers().contains(Modifier.STATIC)
                        && !field.getModifiers().contains(Modifier.TRANSIENT)
                        && !AnnotationMirrors.has(field, TRANSIENT))
                .toList();
        return !persistent.isEmpty() && persistent.stream().allMatch(field -> field.getModifiers().contains(Modifier.FINAL));
    }

    /**
     * How the DAO reads {@code field}: directly where it can reach it, else through its getter. A
     * missing getter may still come from another processor (Lombok), so it waits for the last round.
     */
    Optional<Access> access(TypeElement type, VariableElement field, ValidationReport report) {
        if (members.reachable(type, field)) {
            return Optional.of(Access.field());
        }
        String name = field.getSimpleName().toString();
        TypeMirror fieldType = members.memberType(type, field);
        TypeMembers.Accessors found = members.accessors(type, name, fieldType);
        if (found.getter().isPresent()) {
            return Optional.of(Access.getter(found.getter().get()));
        }
        report.pending(Message.MISSING_GETTER, field, name, type.getSimpleName(), found.getterName());
        return Optional.empty();
    }

    /**
     * {@code properties} in the order of the constructor that takes them all: by parameter name first,
     * else by declaration order where every parameter's type is its field's. Empty, with an error that
     * waits for the last round (Lombok may still write the constructor), when no constructor fits.
     */
    Optional<List<PropertyModel>> constructorOrder(TypeElement type, List<PropertyModel> properties,
            ValidationReport report) {
        List<ExecutableElement> candidates = ElementFilter.constructorsIn(type.getEnclosedElements()).stream()
                .filter(constructor -> constructor.getParameters().size() == properties.size()
                        && members.reachable(type, constructor))
                .toList();
        for (ExecutableElement constructor : candidates) {
            Optional<List<PropertyModel>> byName = byName(constructor, properties);
            if (byName.isPresent()) {
                return byName;
            }
        }
        for (ExecutableElement constructor : candidates) {
            if (typesInOrder(constructor).equals(properties.stream().map(PropertyModel::type).toList())) {
                return Optional.of(properties);
            }
        }
        report.pending(Message.NO_CONSTRUCTOR_FOR_FIELDS, type, type.getSimpleName(),
                properties.stream().map(p -> p.type() + " " + p.name()).collect(Collectors.joining(", ")));
        return Optional.empty();
    }

    /** The properties in the order {@code constructor} names them, each with its field's type. */
    private static Optional<List<PropertyModel>> byName(ExecutableElement constructor, List<PropertyModel> properties) {
        List<PropertyModel> ordered = new ArrayList<>();
        for (VariableElement parameter : constructor.getParameters()) {
            Optional<PropertyModel> property = properties.stream()
                    .filter(p -> p.name().contentEquals(parameter.getSimpleName())
                            && p.type().equals(TypeName.get(parameter.asType())))
                    .findFirst();
            if (property.isEmpty() || ordered.contains(property.get())) {
                return Optional.empty();
            }
            ordered.add(property.get());
        }
        return Optional.of(ordered);
    }

    private static List<TypeName> typesInOrder(ExecutableElement constructor) {
        return constructor.getParameters().stream().map(parameter -> TypeName.get(parameter.asType())).toList();
    }
}
