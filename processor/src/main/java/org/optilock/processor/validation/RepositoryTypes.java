package org.optilock.processor.validation;

import java.util.List;
import java.util.Optional;
import javax.lang.model.element.TypeElement;
import javax.lang.model.type.ArrayType;
import javax.lang.model.type.DeclaredType;
import javax.lang.model.type.TypeKind;
import javax.lang.model.type.TypeMirror;
import javax.lang.model.type.TypeVariable;
import javax.lang.model.util.Types;

/**
 * The types a repository method is made of, as the specification names them: the entity, the
 * containers it comes in, and the special parameters that limit, sort and page a query.
 */
final class RepositoryTypes {

    static final String DATA_REPOSITORY = "jakarta.data.repository.DataRepository";
    static final String LIMIT = "jakarta.data.Limit";
    static final String SORT = "jakarta.data.Sort";
    static final String ORDER = "jakarta.data.Order";
    static final String PAGE_REQUEST = "jakarta.data.page.PageRequest";
    static final String PAGE = "jakarta.data.page.Page";
    static final String CURSORED_PAGE = "jakarta.data.page.CursoredPage";
    static final String LIST = "java.util.List";
    static final String ITERABLE = "java.lang.Iterable";
    static final String OPTIONAL = "java.util.Optional";
    static final String STREAM = "java.util.stream.Stream";

    private final Types types;

    RepositoryTypes(Types types) {
        this.types = types;
    }

    /** Whether {@code type}, with any type arguments, is the class or interface {@code qualifiedName}. */
    static boolean is(TypeMirror type, String qualifiedName) {
        return type instanceof DeclaredType declared
                && ((TypeElement) declared.asElement()).getQualifiedName().contentEquals(qualifiedName);
    }

    /** The single type argument of {@code type}, when it is {@code qualifiedName<X>}. */
    static Optional<TypeMirror> argumentOf(TypeMirror type, String qualifiedName) {
        if (!is(type, qualifiedName)) {
            return Optional.empty();
        }
        List<? extends TypeMirror> arguments = ((DeclaredType) type).getTypeArguments();
        return arguments.size() == 1 ? Optional.of(arguments.get(0)) : Optional.empty();
    }

    /**
     * Whether {@code type} is the entity: the entity class itself, or a type variable bounded by it
     * ({@code <S extends T>}).
     */
    boolean isEntity(TypeMirror type, TypeElement entity) {
        if (type instanceof TypeVariable variable) {
            return isEntity(variable.getUpperBound(), entity);
        }
        return type.getKind() == TypeKind.DECLARED && types.isSameType(types.erasure(type), types.erasure(entity.asType()));
    }

    /** The elements of an array, a {@code List} or an {@code Iterable} type; empty for anything else. */
    static Optional<TypeMirror> elementsOf(TypeMirror type) {
        if (type instanceof ArrayType array) {
            return Optional.of(array.getComponentType());
        }
        return argumentOf(type, LIST).or(() -> argumentOf(type, ITERABLE));
    }

    /** The entity class a type names, when it is a class or a type variable bounded by one. */
    static Optional<TypeElement> classOf(TypeMirror type) {
        if (type instanceof TypeVariable variable) {
            return classOf(variable.getUpperBound());
        }
        return type instanceof DeclaredType declared && declared.asElement() instanceof TypeElement element
                ? Optional.of(element)
                : Optional.empty();
    }
}
