package org.optilock.processor.validation;

import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.TypeName;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import javax.lang.model.element.AnnotationMirror;
import javax.lang.model.element.AnnotationValue;
import javax.lang.model.element.ElementKind;
import javax.lang.model.element.ExecutableElement;
import javax.lang.model.element.Modifier;
import javax.lang.model.element.TypeElement;
import javax.lang.model.element.VariableElement;
import javax.lang.model.type.TypeKind;
import javax.lang.model.type.TypeMirror;
import javax.lang.model.util.ElementFilter;
import javax.lang.model.util.Elements;
import javax.lang.model.util.Types;
import org.optilock.Strategy;
import org.optilock.processor.model.Access;
import org.optilock.processor.model.ColumnType;
import org.optilock.processor.model.EntityModel;
import org.optilock.processor.model.KeyModel;
import org.optilock.processor.model.PropertyModel;
import org.optilock.processor.model.VersionModel;

/**
 * Checks a {@code @VersionedTable} declaration and builds the model of the class it versions: a
 * class the user cannot edit, read through its public fields and getter/setter pairs, whose version
 * lives beside it in a {@code Versioned<T>}.
 */
public final class VersionedTableValidator {

    /** The annotation this validator reads. */
    public static final String VERSIONED_TABLE = "org.optilock.VersionedTable";

    private final Elements elements;
    private final Types types;
    private final NamingConvention naming;

    public VersionedTableValidator(Elements elements, Types types, NamingConvention naming) {
        this.elements = elements;
        this.types = types;
        this.naming = naming;
    }

    /** The model of the class {@code declaration} versions, or empty when the report has errors. */
    public Optional<EntityModel> validate(TypeElement declaration, ValidationReport report) {
        AnnotationMirror annotation = AnnotationMirrors.find(declaration, VERSIONED_TABLE).orElseThrow();
        AnnotationValue entityValue = AnnotationMirrors.explicitValue(annotation, "entity").orElseThrow();
        Optional<TypeElement> found = AnnotationMirrors.typeElement(entityValue);
        if (found.isEmpty()) {
            return Optional.empty(); // javac reports the unresolved class itself
        }
        TypeElement entity = found.get();
        String entityName = entity.getSimpleName().toString();
        if (entity.getKind() != ElementKind.CLASS || entity.getModifiers().contains(Modifier.ABSTRACT)) {
            report.error(Message.NOT_A_CONCRETE_CLASS, declaration, annotation, entityValue, entityName,
                    entity.getKind() == ElementKind.CLASS ? "abstract" : "not a class");
            return Optional.empty();
        }
        boolean constructible = ElementFilter.constructorsIn(entity.getEnclosedElements()).stream()
                .anyMatch(c -> c.getParameters().isEmpty() && c.getModifiers().contains(Modifier.PUBLIC));
        if (!constructible) {
            report.error(Message.NO_PUBLIC_CONSTRUCTOR, declaration, annotation, entityValue, entityName);
        }

        List<String> ignored = AnnotationMirrors.arrayElements(annotation, "ignore").stream()
                .map(value -> (String) value.getValue())
                .toList();
        List<PropertyModel> properties = new ArrayList<>();
        for (Map.Entry<String, Candidate> property : publicProperties(entity).entrySet()) {
            String name = property.getKey();
            if (ignored.contains(name)) {
                continue;
            }
            Candidate candidate = property.getValue();
            Optional<ColumnType> columnType = ColumnTypes.of(candidate.type());
            if (columnType.isEmpty()) {
                report.error(Message.UNMAPPED_PROPERTY_TYPE, declaration, annotation, entityValue,
                        name, entityName, candidate.type(), name);
                continue;
            }
            String column = naming.apply(name);
            Optional<String> problem = SqlIdentifier.problem(column);
            if (problem.isPresent()) {
                report.error(Message.INVALID_COLUMN_NAME, declaration, annotation, entityValue, column, name, problem.get());
                continue;
            }
            properties.add(new PropertyModel(name, column, TypeName.get(candidate.type()), columnType.get(),
                    candidate.access()));
        }

        AnnotationValue idValue = AnnotationMirrors.explicitValue(annotation, "id").orElseThrow();
        String idName = (String) idValue.getValue();
        Optional<PropertyModel> id = properties.stream().filter(p -> p.name().equals(idName)).findFirst();
        if (id.isEmpty()) {
            String hint = ClosestName.to(idName, properties.stream().map(PropertyModel::name).toList())
                    .map(name -> " Did you mean '" + name + "'?")
                    .orElse("");
            report.error(Message.UNKNOWN_KEY_PROPERTY, declaration, annotation, idValue, entityName, idName, hint);
        }

        AnnotationValue tableValue = AnnotationMirrors.explicitValue(annotation, "table").orElseThrow();
        String table = (String) tableValue.getValue();
        SqlIdentifier.qualifiedProblem(table).ifPresent(problem ->
                report.error(Message.INVALID_TABLE_NAME, declaration, annotation, tableValue, table, problem));

        String versionColumn = AnnotationMirrors.nonEmptyString(annotation, "versionColumn").orElse("version");
        Optional<AnnotationValue> versionValue = AnnotationMirrors.explicitValue(annotation, "versionColumn");
        Optional<String> versionProblem = SqlIdentifier.problem(versionColumn);
        if (versionProblem.isPresent()) {
            report.error(Message.INVALID_COLUMN_NAME, declaration, annotation, versionValue.orElse(tableValue),
                    versionColumn, "version", versionProblem.get());
        }
        properties.stream()
                .filter(p -> p.column().equalsIgnoreCase(versionColumn))
                .findFirst()
                .ifPresent(clash -> report.error(Message.DUPLICATE_COLUMN, declaration, annotation,
                        versionValue.orElse(entityValue), versionColumn, clash.name(), "the version"));

        if (!report.isClean() || id.isEmpty()) {
            return Optional.empty();
        }
        PropertyModel version = new PropertyModel("version", versionColumn, ClassName.get(Long.class),
                ColumnType.BOXED_LONG, Access.wrapperVersion());
        properties.add(version);
        ClassName entityClass = ClassName.get(entity);
        ClassName dao = ClassName.get(elements.getPackageOf(declaration).getQualifiedName().toString(),
                String.join("_", entityClass.simpleNames()) + "Dao");
        return Optional.of(new EntityModel(entityClass, dao, table, properties, KeyModel.single(id.get()), false,
                new VersionModel(version, Strategy.COUNTER, List.of(), List.of(), ""), false, true));
    }

    /** A property of the versioned class, and how generated code reaches it. */
    private record Candidate(TypeMirror type, Access access) {}

    /** The public, writable properties: public fields, then getter/setter pairs, each once. */
    private Map<String, Candidate> publicProperties(TypeElement entity) {
        Map<String, Candidate> properties = new LinkedHashMap<>();
        for (VariableElement field : ElementFilter.fieldsIn(elements.getAllMembers(entity))) {
            var modifiers = field.getModifiers();
            if (modifiers.contains(Modifier.PUBLIC) && !modifiers.contains(Modifier.STATIC)
                    && !modifiers.contains(Modifier.FINAL) && !modifiers.contains(Modifier.TRANSIENT)) {
                properties.putIfAbsent(field.getSimpleName().toString(), new Candidate(field.asType(), Access.field()));
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
                            new Candidate(getter.getReturnType(), Access.accessors(methodName, setterName))));
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
}
