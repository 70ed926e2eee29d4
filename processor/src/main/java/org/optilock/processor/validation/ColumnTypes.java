package org.optilock.processor.validation;

import java.util.Map;
import java.util.Optional;
import javax.lang.model.element.ElementKind;
import javax.lang.model.element.TypeElement;
import javax.lang.model.element.VariableElement;
import javax.lang.model.type.DeclaredType;
import javax.lang.model.type.TypeKind;
import javax.lang.model.type.TypeMirror;
import javax.lang.model.type.ArrayType;
import javax.lang.model.type.PrimitiveType;
import javax.lang.model.util.SimpleElementVisitor14;
import javax.lang.model.util.SimpleTypeVisitor14;
import org.optilock.processor.model.ColumnType;

/** Tells which {@link ColumnType} a field's declared type maps to. */
final class ColumnTypes {

    private static final Map<String, ColumnType> DECLARED = Map.ofEntries(
            Map.entry("java.lang.Boolean", ColumnType.BOXED_BOOLEAN),
            Map.entry("java.lang.Byte", ColumnType.BOXED_BYTE),
            Map.entry("java.lang.Short", ColumnType.BOXED_SHORT),
            Map.entry("java.lang.Character", ColumnType.BOXED_CHAR),
            Map.entry("java.lang.Integer", ColumnType.BOXED_INT),
            Map.entry("java.lang.Long", ColumnType.BOXED_LONG),
            Map.entry("java.lang.Float", ColumnType.BOXED_FLOAT),
            Map.entry("java.lang.Double", ColumnType.BOXED_DOUBLE),
            Map.entry("java.lang.String", ColumnType.STRING),
            Map.entry("java.math.BigDecimal", ColumnType.BIG_DECIMAL),
            Map.entry("java.util.UUID", ColumnType.UUID),
            Map.entry("java.time.LocalDate", ColumnType.LOCAL_DATE),
            Map.entry("java.time.LocalDateTime", ColumnType.LOCAL_DATE_TIME),
            Map.entry("java.time.OffsetDateTime", ColumnType.OFFSET_DATE_TIME),
            Map.entry("java.time.Instant", ColumnType.INSTANT));

    private ColumnTypes() {}

    /** Whether a field's type is one javac could not resolve (yet). */
    static boolean isUnresolved(TypeMirror type) {
        return type.getKind() == TypeKind.ERROR;
    }

    /**
     * The column type of {@code field}, whose type as a member of the entity is {@code type} (type
     * variables of a generic superclass resolved); empty when the type has no mapping.
     */
    static Optional<ColumnType> of(VariableElement field, TypeMirror type) {
        boolean byOrdinal = AnnotationMirrors.find(field, AnnotationMirrors.ENUMERATED)
                .flatMap(enumerated -> AnnotationMirrors.enumConstant(enumerated, "value"))
                .filter("ORDINAL"::equals)
                .isPresent();
        return of(type, byOrdinal);
    }

    /** The column type of a property of type {@code type} that carries no annotations; enums by name. */
    static Optional<ColumnType> of(TypeMirror type) {
        return of(type, false);
    }

    private static Optional<ColumnType> of(TypeMirror type, boolean byOrdinal) {
        return Optional.ofNullable(type.accept(new SimpleTypeVisitor14<ColumnType, Void>() {
            @Override
            public ColumnType visitPrimitive(PrimitiveType type, Void unused) {
                return switch (type.getKind()) {
                    case BOOLEAN -> ColumnType.BOOLEAN;
                    case BYTE -> ColumnType.BYTE;
                    case SHORT -> ColumnType.SHORT;
                    case CHAR -> ColumnType.CHAR;
                    case INT -> ColumnType.INT;
                    case LONG -> ColumnType.LONG;
                    case FLOAT -> ColumnType.FLOAT;
                    case DOUBLE -> ColumnType.DOUBLE;
                    default -> null;
                };
            }

            @Override
            public ColumnType visitArray(ArrayType type, Void unused) {
                return type.getComponentType().getKind() == TypeKind.BYTE ? ColumnType.BYTES : null;
            }

            @Override
            public ColumnType visitDeclared(DeclaredType type, Void unused) {
                if (type.asElement().getKind() == ElementKind.ENUM) {
                    return byOrdinal ? ColumnType.ENUM_BY_ORDINAL : ColumnType.ENUM_BY_NAME;
                }
                return DECLARED.get(qualifiedName(type));
            }
        }, null));
    }

    /** The qualified name of a declared type, free of type arguments and type annotations. */
    static String qualifiedName(DeclaredType type) {
        return type.asElement().accept(new SimpleElementVisitor14<String, Void>("") {
            @Override
            public String visitType(TypeElement element, Void unused) {
                return element.getQualifiedName().toString();
            }
        }, null);
    }
}
