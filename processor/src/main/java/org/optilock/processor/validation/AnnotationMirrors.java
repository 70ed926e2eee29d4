package org.optilock.processor.validation;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import javax.lang.model.element.AnnotationMirror;
import javax.lang.model.element.AnnotationValue;
import javax.lang.model.element.Element;
import javax.lang.model.element.ExecutableElement;
import javax.lang.model.element.TypeElement;
import javax.lang.model.element.VariableElement;
import javax.lang.model.type.DeclaredType;
import javax.lang.model.type.TypeMirror;
import javax.lang.model.util.ElementFilter;
import javax.lang.model.util.SimpleTypeVisitor14;
import javax.lang.model.util.SimpleAnnotationValueVisitor14;

/**
 * Reads annotations through their mirrors, by name, so the processor needs none of the annotation
 * classes on its own path.
 */
final class AnnotationMirrors {

    static final String ID = "jakarta.persistence.Id";
    static final String VERSION = "jakarta.persistence.Version";
    static final String VERSION_FIELD = "org.optilock.VersionField";
    static final String TRANSIENT = "jakarta.persistence.Transient";
    static final String TABLE = "jakarta.persistence.Table";
    static final String ENTITY = "jakarta.persistence.Entity";
    static final String COLUMN = "jakarta.persistence.Column";
    static final String GENERATED_VALUE = "jakarta.persistence.GeneratedValue";
    static final String ENUMERATED = "jakarta.persistence.Enumerated";
    static final String ID_CLASS = "jakarta.persistence.IdClass";
    static final String EMBEDDED_ID = "jakarta.persistence.EmbeddedId";

    private static final SimpleAnnotationValueVisitor14<String, Void> ENUM_CONSTANT_NAME =
            new SimpleAnnotationValueVisitor14<>("") {
                @Override
                public String visitEnumConstant(VariableElement constant, Void unused) {
                    return constant.getSimpleName().toString();
                }
            };

    private AnnotationMirrors() {}

    /** The annotation of type {@code qualifiedName} on {@code element}. */
    static Optional<AnnotationMirror> find(Element element, String qualifiedName) {
        for (AnnotationMirror mirror : element.getAnnotationMirrors()) {
            // A DeclaredType prints as its qualified name.
            if (mirror.getAnnotationType().toString().equals(qualifiedName)) {
                return Optional.of(mirror);
            }
        }
        return Optional.empty();
    }

    static boolean has(Element element, String qualifiedName) {
        return find(element, qualifiedName).isPresent();
    }

    /** The value the user wrote for member {@code name}; empty when the default applies. */
    static Optional<AnnotationValue> explicitValue(AnnotationMirror mirror, String name) {
        for (Map.Entry<? extends ExecutableElement, ? extends AnnotationValue> entry
                : mirror.getElementValues().entrySet()) {
            if (entry.getKey().getSimpleName().contentEquals(name)) {
                return Optional.of(entry.getValue());
            }
        }
        return Optional.empty();
    }

    /** A {@code String} member the user set to something other than {@code ""}. */
    static Optional<String> nonEmptyString(AnnotationMirror mirror, String name) {
        return explicitValue(mirror, name)
                .map(value -> (String) value.getValue())
                .filter(text -> !text.isEmpty());
    }

    /** The constant's name of an enum member the user wrote, such as {@code "IDENTITY"}. */
    static Optional<String> enumConstant(AnnotationMirror mirror, String name) {
        return explicitValue(mirror, name).map(value -> value.accept(ENUM_CONSTANT_NAME, null));
    }

    /** The class a {@code Class}-valued member names; empty when it does not resolve. */
    static Optional<TypeElement> typeElement(AnnotationValue value) {
        return Optional.ofNullable(value.accept(new SimpleAnnotationValueVisitor14<TypeElement, Void>() {
            @Override
            public TypeElement visitType(TypeMirror type, Void unused) {
                return type.accept(new SimpleTypeVisitor14<TypeElement, Void>() {
                    @Override
                    public TypeElement visitDeclared(DeclaredType declared, Void unused) {
                        List<TypeElement> found = ElementFilter.typesIn(List.of(declared.asElement()));
                        return found.isEmpty() ? null : found.get(0);
                    }
                }, null);
            }
        }, null));
    }

    /** The elements of a {@code String[]} member the user wrote, each with its own value to report on. */
    static List<AnnotationValue> arrayElements(AnnotationMirror mirror, String name) {
        List<AnnotationValue> elements = new ArrayList<>();
        explicitValue(mirror, name).ifPresent(value -> {
            value.accept(new SimpleAnnotationValueVisitor14<Void, Void>() {
                @Override
                public Void visitArray(List<? extends AnnotationValue> values, Void unused) {
                    elements.addAll(values);
                    return null;
                }
            }, null);
        });
        return elements;
    }
}
