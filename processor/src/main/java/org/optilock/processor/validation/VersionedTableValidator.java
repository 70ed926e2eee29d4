package org.optilock.processor.validation;

import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.TypeName;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import javax.lang.model.element.AnnotationMirror;
import javax.lang.model.element.AnnotationValue;
import javax.lang.model.element.ElementKind;
import javax.lang.model.element.Modifier;
import javax.lang.model.element.TypeElement;
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
    private final TypeMembers members;
    private final NamingConvention naming;

    public VersionedTableValidator(Elements elements, Types types, NamingConvention naming) {
        this.elements = elements;
        this.members = new TypeMembers(elements, types);
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
        if (!TypeMembers.hasPublicConstructor(entity)) {
            report.error(Message.NO_PUBLIC_CONSTRUCTOR, declaration, annotation, entityValue, entityName);
        }

        List<String> ignored = AnnotationMirrors.arrayElements(annotation, "ignore").stream()
                .map(value -> (String) value.getValue())
                .toList();
        List<PropertyModel> properties = new ArrayList<>();
        DistinctColumns columns = new DistinctColumns();
        for (Map.Entry<String, TypeMembers.PublicProperty> property : members.publicProperties(entity).entrySet()) {
            String name = property.getKey();
            if (ignored.contains(name)) {
                continue;
            }
            TypeMembers.PublicProperty candidate = property.getValue();
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
            PropertyModel mapped = new PropertyModel(name, column, TypeName.get(candidate.type()), columnType.get(),
                    candidate.access());
            columns.clash(mapped).ifPresent(earlier -> report.error(Message.DUPLICATE_COLUMN, declaration, annotation,
                    entityValue, earlier.column(), earlier.name(), column, name));
            properties.add(mapped);
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
        PropertyModel version = new PropertyModel("version", versionColumn, ClassName.get(Long.class),
                ColumnType.BOXED_LONG, Access.wrapperVersion());
        columns.clash(version).ifPresent(earlier -> report.error(Message.DUPLICATE_COLUMN, declaration, annotation,
                versionValue.orElse(entityValue), earlier.column(), earlier.name(), versionColumn, "the version"));

        if (!report.isClean() || id.isEmpty()) {
            return Optional.empty();
        }
        properties.add(version);
        ClassName entityClass = ClassName.get(entity);
        ClassName dao = EntityModel.daoOf(entityClass, elements.getPackageOf(declaration).getQualifiedName().toString());
        return Optional.of(new EntityModel(entityClass, dao, table, properties, KeyModel.single(id.get()), false,
                new VersionModel(version, Strategy.COUNTER, List.of(), List.of(), ""), false, true));
    }
}
