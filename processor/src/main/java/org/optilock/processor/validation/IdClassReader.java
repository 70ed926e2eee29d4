package org.optilock.processor.validation;

import static org.optilock.processor.validation.AnnotationMirrors.GENERATED_VALUE;

import com.palantir.javapoet.ClassName;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import javax.lang.model.element.AnnotationMirror;
import javax.lang.model.element.AnnotationValue;
import javax.lang.model.element.ElementKind;
import javax.lang.model.element.Modifier;
import javax.lang.model.element.TypeElement;
import javax.lang.model.element.VariableElement;
import javax.lang.model.type.TypeMirror;
import javax.lang.model.util.ElementFilter;
import javax.lang.model.util.Elements;
import javax.lang.model.util.Types;
import org.optilock.processor.model.Access;
import org.optilock.processor.model.IdClassModel;
import org.optilock.processor.model.KeyModel;
import org.optilock.processor.model.PropertyModel;

/**
 * Reads the {@code @IdClass} of an entity with a composite key: each {@code @Id} field must be held
 * by the id class (a record component, a field or accessors), and the DAO must be able to make one.
 */
final class IdClassReader {

    private final Elements elements;
    private final Types types;
    private final TypeMembers members;

    IdClassReader(Elements elements, Types types, TypeMembers members) {
        this.elements = elements;
        this.types = types;
        this.members = members;
    }

    /** The key of an entity with an {@code @IdClass}: each {@code @Id} field matched in the id class. */
    Optional<KeyModel> read(TypeElement type, AnnotationMirror idClassAnnotation, List<VariableElement> idFields,
            List<PropertyModel> ids, ValidationReport report) {
        AnnotationValue value = AnnotationMirrors.explicitValue(idClassAnnotation, "value").orElseThrow();
        Optional<TypeElement> idClass = AnnotationMirrors.typeElement(value);
        if (idClass.isEmpty()) {
            return Optional.empty(); // javac reports the unresolved class itself
        }
        TypeElement idType = idClass.get();
        boolean isRecord = idType.getKind() == ElementKind.RECORD;
        for (VariableElement idField : idFields) {
            AnnotationMirrors.find(idField, GENERATED_VALUE).ifPresent(generated ->
                    report.errorOnAnnotation(Message.GENERATED_COMPOSITE_KEY, idField, generated, idField.getSimpleName()));
        }
        if (idFields.size() < 2) {
            report.error(Message.ID_CLASS_NEEDS_SEVERAL_IDS, type, idClassAnnotation, value, type.getSimpleName(),
                    idType.getSimpleName(), idFields.isEmpty() ? "no @Id field" : "one @Id field, '"
                            + idFields.get(0).getSimpleName() + "'");
            return Optional.empty();
        }
        if (!isRecord && !TypeMembers.hasUsableConstructor(idType)) {
            report.error(Message.ID_CLASS_NOT_CONSTRUCTIBLE, type, idClassAnnotation, value, idType.getSimpleName());
        }
        List<Access> components = new ArrayList<>();
        for (PropertyModel part : ids) {
            Optional<Access> access = component(type, idType, isRecord, part, idFields);
            if (access.isEmpty()) {
                report.error(Message.ID_CLASS_MISMATCH, type, idClassAnnotation, value,
                        idType.getSimpleName(), part.name(), part.type());
            } else {
                components.add(access.get());
            }
        }
        List<String> order = isRecord
                ? ElementFilter.recordComponentsIn(idType.getEnclosedElements()).stream()
                        .map(c -> c.getSimpleName().toString()).toList()
                : List.of();
        // A key field that failed (say, an invalid column) has its own error; comparing without it would only repeat it.
        boolean everyKeyRead = ids.size() == idFields.size();
        if (everyKeyRead && isRecord && !new HashSet<>(order).equals(new HashSet<>(
                ids.stream().map(PropertyModel::name).toList()))) {
            report.error(Message.ID_CLASS_NOT_CONSTRUCTIBLE, type, idClassAnnotation, value, idType.getSimpleName()
                    + " (its components must be exactly the @Id fields " + ids.stream().map(PropertyModel::name).toList() + ")");
        }
        if (!isRecord) {
            List<String> keyNames = idFields.stream().map(f -> f.getSimpleName().toString()).toList();
            for (VariableElement field : ElementFilter.fieldsIn(idType.getEnclosedElements())) {
                String name = field.getSimpleName().toString();
                if (!field.getModifiers().contains(Modifier.STATIC) && !keyNames.contains(name)) {
                    report.error(Message.ID_CLASS_FIELD_WITHOUT_ID, type, idClassAnnotation, value,
                            idType.getSimpleName(), name, type.getSimpleName(), idType.getSimpleName());
                }
            }
        }
        if (components.size() != ids.size() || !everyKeyRead) {
            return Optional.empty();
        }
        return Optional.of(new KeyModel(ids,
                Optional.of(new IdClassModel(ClassName.get(idType), components, isRecord, order))));
    }

    /** How the id class holds key property {@code part}: a record component, a field or accessors. */
    private Optional<Access> component(
            TypeElement entity, TypeElement idType, boolean isRecord, PropertyModel part, List<VariableElement> idFields) {
        TypeMirror partType = idFields.stream()
                .filter(f -> f.getSimpleName().contentEquals(part.name()))
                .findFirst()
                .map(f -> members.memberType(entity, f))
                .orElseThrow();
        if (isRecord) {
            return ElementFilter.recordComponentsIn(idType.getEnclosedElements()).stream()
                    .filter(c -> c.getSimpleName().contentEquals(part.name()) && types.isSameType(c.asType(), partType))
                    .findFirst()
                    .map(c -> Access.recordComponent());
        }
        Optional<VariableElement> field = ElementFilter.fieldsIn(elements.getAllMembers(idType)).stream()
                .filter(f -> f.getSimpleName().contentEquals(part.name()) && types.isSameType(f.asType(), partType))
                .findFirst();
        if (field.isPresent() && members.reachable(entity, field.get()) && !field.get().getModifiers().contains(Modifier.FINAL)) {
            return Optional.of(Access.field());
        }
        TypeMembers.Accessors found = members.accessors(idType, part.name(), partType);
        return found.getter().isPresent() && found.setter().isPresent()
                ? Optional.of(Access.accessors(found.getter().get(), found.setter().get()))
                : Optional.empty();
    }
}
