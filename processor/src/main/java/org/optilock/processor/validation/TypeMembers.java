package org.optilock.processor.validation;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import javax.lang.model.element.Element;
import javax.lang.model.element.ExecutableElement;
import javax.lang.model.element.Modifier;
import javax.lang.model.element.TypeElement;
import javax.lang.model.element.VariableElement;
import javax.lang.model.type.DeclaredType;
import javax.lang.model.type.ExecutableType;
import javax.lang.model.type.TypeKind;
import javax.lang.model.type.TypeMirror;
import javax.lang.model.util.ElementFilter;
import javax.lang.model.util.Elements;
import javax.lang.model.util.SimpleTypeVisitor14;
import javax.lang.model.util.Types;
import org.optilock.processor.model.Access;

/**
 * What generated code in an entity's package can reach of a type: the fields of its hierarchy with
 * their types resolved, whether a member is accessible, its JavaBean accessors, and for a class
 * versioned from outside its public properties. Both validators read members only here.
 */
final class TypeMembers {

    private static final SimpleTypeVisitor14<List<? extends TypeMirror>, Void> PARAMETER_TYPES =
            new SimpleTypeVisitor14<>(List.of()) {
                @Override
                public List<? extends TypeMirror> visitExecutable(ExecutableType method, Void unused) {
                    return method.getParameterTypes();
                }
            };

    private static final SimpleTypeVisitor14<TypeMirror, Void> RETURN_TYPE = new SimpleTypeVisitor14<>() {
        @Override
        public TypeMirror visitExecutable(ExecutableType method, Void unused) {
            return method.getReturnType();
        }
    };

    private final Elements elements;
    private final Types types;

    TypeMembers(Elements elements, Types types) {
        this.elements = elements;
        this.types = types;
    }

    /**
     * The fields of {@code type} and of its superclasses, a {@code @MappedSuperclass} or a plain one,
     * the topmost superclass's first.
     */
    List<VariableElement> hierarchyFields(TypeElement type) {
        Deque<TypeElement> chain = new ArrayDeque<>();
        for (TypeElement current = type; current != null; current = superclassOf(current)) {
            chain.addFirst(current);
        }
        List<VariableElement> fields = new ArrayList<>();
        for (TypeElement declaring : chain) {
            fields.addAll(ElementFilter.fieldsIn(declaring.getEnclosedElements()));
        }
        return fields;
    }

    /** The superclass that may hold mapped fields; {@code null} past the last one. */
    private TypeElement superclassOf(TypeElement type) {
        Element superclass = types.asElement(type.getSuperclass());
        if (superclass == null) {
            return null;
        }
        List<TypeElement> found = ElementFilter.typesIn(List.of(superclass));
        if (found.isEmpty()) {
            return null;
        }
        String name = found.get(0).getQualifiedName().toString();
        return name.equals("java.lang.Object") || name.equals("java.lang.Record") ? null : found.get(0);
    }

    /** The type of {@code field} as a member of {@code type}: a superclass's type variables resolved. */
    TypeMirror memberType(TypeElement type, VariableElement field) {
        TypeMirror entityType = type.asType();
        return entityType.getKind() == TypeKind.DECLARED
                ? types.asMemberOf((DeclaredType) entityType, field)
                : field.asType();
    }

    /** Whether generated code in {@code type}'s package may use {@code member} directly. */
    boolean reachable(TypeElement type, Element member) {
        if (member.getModifiers().contains(Modifier.PUBLIC)) {
            return true;
        }
        return !member.getModifiers().contains(Modifier.PRIVATE)
                && elements.getPackageOf(member).equals(elements.getPackageOf(type));
    }

    /** The getter and setter of a property, as far as they exist, and the names they should have. */
    record Accessors(Optional<String> getter, Optional<String> setter, String getterName, String setterName,
            String propertyType, Optional<String> mistyped) {
        /** What is missing, and which accessor of that name has another type. */
        String missing() {
            String missing = getter.isEmpty() && setter.isEmpty()
                    ? "getter " + getterName + "() and no setter " + setterName + "(...)"
                    : getter.isEmpty() ? "getter " + getterName + "()" : "setter " + setterName + "(...)";
            return missing + " of type " + propertyType + mistyped.map(m -> " (" + m + ")").orElse("");
        }
    }

    /** Looks for the JavaBean accessors of property {@code name} of type {@code propertyType} in {@code type}. */
    Accessors accessors(TypeElement type, String name, TypeMirror propertyType) {
        String capitalized = Character.toUpperCase(name.charAt(0)) + name.substring(1);
        TypeMirror fieldType = propertyType;
        boolean bool = fieldType.getKind() == TypeKind.BOOLEAN;
        // A boolean field named isOdd has the accessors isOdd() and setOdd(), as JavaBeans and Lombok name them.
        boolean named = bool && name.length() > 2 && name.startsWith("is") && Character.isUpperCase(name.charAt(2));
        List<String> getterNames = named ? List.of(name, "is" + capitalized, "get" + capitalized)
                : bool ? List.of("is" + capitalized, "get" + capitalized)
                : List.of("get" + capitalized);
        List<String> setterNames = named ? List.of("set" + name.substring(2), "set" + capitalized)
                : List.of("set" + capitalized);
        Optional<String> getter = Optional.empty();
        Optional<String> setter = Optional.empty();
        Optional<String> mistyped = Optional.empty();
        for (ExecutableElement method : ElementFilter.methodsIn(elements.getAllMembers(type))) {
            if (!reachable(type, method) || method.getModifiers().contains(Modifier.STATIC)) {
                continue;
            }
            TypeMirror methodType = types.asMemberOf((DeclaredType) type.asType(), method);
            List<? extends TypeMirror> parameters = methodType.accept(PARAMETER_TYPES, null);
            String methodName = method.getSimpleName().toString();
            if (getter.isEmpty() && getterNames.contains(methodName) && parameters.isEmpty()) {
                TypeMirror returned = methodType.accept(RETURN_TYPE, null);
                if (types.isSameType(returned, fieldType)) {
                    getter = Optional.of(methodName);
                } else {
                    mistyped = Optional.of(methodName + "() returns " + returned);
                }
            }
            if (setter.isEmpty() && setterNames.contains(methodName) && parameters.size() == 1) {
                if (types.isSameType(parameters.get(0), fieldType)) {
                    setter = Optional.of(methodName);
                } else if (mistyped.isEmpty()) {
                    mistyped = Optional.of(methodName + "(...) takes " + parameters.get(0));
                }
            }
        }
        return new Accessors(getter, setter, getterNames.get(0), setterNames.get(0), fieldType.toString(),
                getter.isPresent() && setter.isPresent() ? Optional.empty() : mistyped);
    }

    /** A public, writable property of a class, and how generated code reaches it. */
    record PublicProperty(TypeMirror type, Access access) {}

    /**
     * The public, writable properties of a class whose fields are not annotated (a class versioned from
     * outside): public fields, then getter/setter pairs, each once.
     */
    Map<String, PublicProperty> publicProperties(TypeElement entity) {
        Map<String, PublicProperty> properties = new LinkedHashMap<>();
        for (VariableElement field : ElementFilter.fieldsIn(elements.getAllMembers(entity))) {
            var modifiers = field.getModifiers();
            if (modifiers.contains(Modifier.PUBLIC) && !modifiers.contains(Modifier.STATIC)
                    && !modifiers.contains(Modifier.FINAL) && !modifiers.contains(Modifier.TRANSIENT)) {
                properties.putIfAbsent(field.getSimpleName().toString(), new PublicProperty(field.asType(), Access.field()));
            }
        }
        List<ExecutableElement> methods = ElementFilter.methodsIn(elements.getAllMembers(entity)).stream()
                .filter(m -> m.getModifiers().contains(Modifier.PUBLIC) && !m.getModifiers().contains(Modifier.STATIC))
                .toList();
        for (ExecutableElement getter : methods) {
            String methodName = getter.getSimpleName().toString();
            String name = propertyName(getter);
            if (name == null || properties.containsKey(name)) {
                continue;
            }
            String setterName = "set" + Character.toUpperCase(name.charAt(0)) + name.substring(1);
            methods.stream()
                    .filter(setter -> setter.getSimpleName().contentEquals(setterName)
                            && setter.getParameters().size() == 1
                            && types.isSameType(setter.getParameters().get(0).asType(), getter.getReturnType()))
                    .findFirst()
                    .ifPresent(setter -> properties.put(name,
                            new PublicProperty(getter.getReturnType(), Access.accessors(methodName, setterName))));
        }
        return properties;
    }

    /** The property a getter reads ({@code getName} and {@code isActive}), or {@code null}. */
    private static String propertyName(ExecutableElement method) {
        String name = method.getSimpleName().toString();
        if (!method.getParameters().isEmpty() || method.getReturnType().getKind() == TypeKind.VOID
                || name.equals("getClass")) {
            return null;
        }
        String rest;
        if (name.startsWith("get") && name.length() > 3) {
            rest = name.substring(3);
        } else if (name.startsWith("is") && name.length() > 2 && method.getReturnType().getKind() == TypeKind.BOOLEAN) {
            rest = name.substring(2);
        } else {
            return null;
        }
        return rest.substring(0, 1).toLowerCase(Locale.ROOT) + rest.substring(1);
    }

    /** Whether {@code type} has a public constructor without parameters. */
    static boolean hasPublicConstructor(TypeElement type) {
        return ElementFilter.constructorsIn(type.getEnclosedElements()).stream()
                .anyMatch(c -> c.getParameters().isEmpty() && c.getModifiers().contains(Modifier.PUBLIC));
    }

    /** Whether {@code type} has a non-private constructor without parameters. */
    static boolean hasUsableConstructor(TypeElement type) {
        return ElementFilter.constructorsIn(type.getEnclosedElements()).stream()
                .anyMatch(c -> c.getParameters().isEmpty() && !c.getModifiers().contains(Modifier.PRIVATE));
    }
}
