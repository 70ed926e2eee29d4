package org.optilock.processor.validation;

import static org.optilock.processor.validation.AnnotationMirrors.COLUMN;
import static org.optilock.processor.validation.AnnotationMirrors.ENTITY;
import static org.optilock.processor.validation.AnnotationMirrors.GENERATED_VALUE;
import static org.optilock.processor.validation.AnnotationMirrors.EMBEDDED_ID;
import static org.optilock.processor.validation.AnnotationMirrors.ID;
import static org.optilock.processor.validation.AnnotationMirrors.ID_CLASS;
import static org.optilock.processor.validation.AnnotationMirrors.TABLE;
import static org.optilock.processor.validation.AnnotationMirrors.TRANSIENT;
import static org.optilock.processor.validation.AnnotationMirrors.VERSION;
import static org.optilock.processor.validation.AnnotationMirrors.VERSION_FIELD;

import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.TypeName;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import javax.lang.model.element.AnnotationMirror;
import javax.lang.model.element.AnnotationValue;
import javax.lang.model.element.Element;
import javax.lang.model.element.ElementKind;
import javax.lang.model.element.Modifier;
import javax.lang.model.element.NestingKind;
import javax.lang.model.element.TypeElement;
import javax.lang.model.element.VariableElement;
import javax.lang.model.type.TypeKind;
import javax.lang.model.type.TypeMirror;
import javax.lang.model.util.Elements;
import javax.lang.model.util.Types;
import org.optilock.processor.model.Access;
import org.optilock.processor.model.ColumnType;
import org.optilock.processor.model.ElementCollectionModel;
import org.optilock.processor.model.EntityModel;
import org.optilock.processor.model.KeyModel;
import org.optilock.processor.model.PropertyModel;
import org.optilock.processor.model.VersionModel;

/**
 * Checks one entity class and, when nothing is wrong, builds its {@link EntityModel}. Every problem
 * of the class goes into the {@link ValidationReport}, not just the first.
 */
public final class EntityValidator {

    /** The text javac gives an annotation value whose constant it could not resolve. */
    private static final String UNRESOLVED_VALUE = "<error>";

    private final Types types;
    private final NamingConvention naming;
    private final TypeMembers members;
    private final IdClassReader idClasses;
    private final ImmutableClasses immutables;

    public EntityValidator(Elements elements, Types types, NamingConvention naming) {
        this.types = types;
        this.naming = naming;
        this.members = new TypeMembers(elements, types);
        this.idClasses = new IdClassReader(elements, types, members);
        this.immutables = new ImmutableClasses(members);
    }

    /** Whether {@code element} carries {@code @Version} or {@code @VersionField}. */
    public static boolean isVersionAnnotated(Element element) {
        return AnnotationMirrors.has(element, VERSION) || AnnotationMirrors.has(element, VERSION_FIELD);
    }

    /**
     * The model of {@code type}, or empty when the report has errors or unresolved types, when the
     * class is a base class that gets no DAO of its own, or when it has no version at all.
     */
    public Optional<EntityModel> validate(TypeElement type, ValidationReport report) {
        if (!hasVersion(type)) {
            return Optional.empty(); // an @Entity without a version: not for Optilock, unless a repository names it
        }
        return validate(type, report, false);
    }

    /**
     * The model of {@code type} as the entity of a repository: like {@link #validate}, but a class
     * without a version is read too, to be written by key alone.
     */
    public Optional<EntityModel> validateForRepository(TypeElement type, ValidationReport report) {
        return validate(type, report, !hasVersion(type));
    }

    /** Whether {@code type} or a superclass has a field annotated {@code @Version} or {@code @VersionField}. */
    public boolean hasVersion(TypeElement type) {
        return members.hierarchyFields(type).stream().anyMatch(EntityValidator::isVersionAnnotated);
    }

    private Optional<EntityModel> validate(TypeElement type, ValidationReport report, boolean unversioned) {
        if (!isConcreteClass(type, report)) {
            return Optional.empty();
        }
        boolean reachable = checkReachable(type, report);
        if (!type.getTypeParameters().isEmpty()) {
            report.error(Message.GENERIC_ENTITY, type, type.getSimpleName());
        }
        boolean isRecord = type.getKind() == ElementKind.RECORD;
        boolean immutable = !isRecord && immutables.isImmutable(type);
        // The constructor of a class the DAO cannot reach is unreachable too: one error says it.
        if (reachable && !isRecord && !immutable && !TypeMembers.hasUsableConstructor(type)) {
            report.error(Message.NO_USABLE_CONSTRUCTOR, type, type.getSimpleName());
        }
        EntityFields fields = readFields(type, isRecord, immutable, report);
        List<PropertyModel> properties = immutable && report.isClean()
                ? immutables.constructorOrder(type, fields.properties, report).orElse(fields.properties)
                : fields.properties;
        Optional<String> table = tableName(type, report);
        if (fields.idField() == null && !fields.keyRefused) {
            report.error(Message.NO_ID, type, type.getSimpleName());
        }
        Optional<AnnotationMirror> idClass = AnnotationMirrors.find(type, ID_CLASS);
        Optional<KeyModel> key = Optional.empty();
        boolean generatedId = false;
        if (idClass.isPresent() && !fields.keyRefused && fields.idField() != null) {
            key = idClasses.read(type, idClass.get(), fields.idFields, fields.ids, report);
        } else if (fields.id() != null) {
            key = Optional.of(KeyModel.single(fields.id()));
            generatedId = isGeneratedKey(fields.idField(), fields.id(), report);
        }
        Optional<VersionModel> version = fields.version == null
                ? Optional.empty()
                : VersionReader.read(type, fields, table.orElse(""), report);
        if (!report.isClean() || table.isEmpty() || (version.isEmpty() && !unversioned) || key.isEmpty()) {
            return Optional.empty();
        }
        List<ElementCollectionModel> collections = new ArrayList<>();
        String entityName = AnnotationMirrors.find(type, AnnotationMirrors.ENTITY)
                .flatMap(e -> AnnotationMirrors.nonEmptyString(e, "name"))
                .orElse(type.getSimpleName().toString());
        for (ElementCollectionReader.Pending pending : fields.collections) {
            ElementCollectionReader.complete(pending, entityName, key.get(), generatedId, isRecord || immutable, report)
                    .ifPresent(collections::add);
        }
        if (!report.isClean()) {
            return Optional.empty();
        }
        ClassName entity = ClassName.get(type);
        return Optional.of(new EntityModel(
                entity, EntityModel.daoOf(entity, entity.packageName()), table.get(), properties, key.get(), generatedId,
                version.orElse(null), isRecord || immutable, false, collections));
    }

    private boolean isConcreteClass(TypeElement type, ValidationReport report) {
        String name = type.getSimpleName().toString();
        switch (type.getKind()) {
            case RECORD:
                return true;
            case CLASS:
                // An abstract class is a base class, @MappedSuperclass or not: its concrete @Entity
                // subclasses get the DAOs.
                return !type.getModifiers().contains(Modifier.ABSTRACT);
            case INTERFACE:
                report.error(Message.NOT_A_CONCRETE_CLASS, type, name, "an interface");
                return false;
            case ENUM:
                report.error(Message.NOT_A_CONCRETE_CLASS, type, name, "an enum");
                return false;
            default:
                report.error(Message.NOT_A_CONCRETE_CLASS, type, name, "not a class");
                return false;
        }
    }

    /** Whether the DAO, in the same package, can use {@code type}; reports why not. */
    private static boolean checkReachable(TypeElement type, ValidationReport report) {
        String name = type.getSimpleName().toString();
        if (type.getModifiers().contains(Modifier.PRIVATE)) {
            report.error(Message.NOT_ACCESSIBLE, type, name, "is private");
            return false;
        }
        if (type.getNestingKind() == NestingKind.MEMBER && !type.getModifiers().contains(Modifier.STATIC)
                && type.getKind() == ElementKind.CLASS) {
            report.error(Message.NOT_ACCESSIBLE, type, name, "is an inner class that needs an outer instance");
            return false;
        }
        for (Element outer = type.getEnclosingElement(); outer.getKind() != ElementKind.PACKAGE;
                outer = outer.getEnclosingElement()) {
            if (outer.getModifiers().contains(Modifier.PRIVATE)) {
                report.error(Message.NOT_ACCESSIBLE, type, name, "is nested in the private " + outer.getSimpleName());
                return false;
            }
        }
        return true;
    }

    private EntityFields readFields(TypeElement type, boolean isRecord, boolean immutable, ValidationReport report) {
        EntityFields fields = new EntityFields();
        for (VariableElement field : members.hierarchyFields(type)) {
            String name = field.getSimpleName().toString();
            boolean isVersion = isVersionAnnotated(field);
            boolean isId = AnnotationMirrors.has(field, ID);
            Optional<AnnotationMirror> embeddedId = AnnotationMirrors.find(field, EMBEDDED_ID);
            if (embeddedId.isPresent()) {
                report.errorOnAnnotation(Message.EMBEDDED_ID, field, embeddedId.get(), name);
                fields.keyRefused = true;
                continue;
            }
            if (field.getModifiers().contains(Modifier.STATIC)) {
                if (isVersion) {
                    report.error(Message.VERSION_NOT_PERSISTENT, field, name, "static");
                } else if (isId) {
                    report.error(Message.ID_NOT_PERSISTENT, field, name, "static", type.getSimpleName(), "static");
                    fields.keyRefused = true;
                }
                continue;
            }
            boolean transientKeyword = field.getModifiers().contains(Modifier.TRANSIENT);
            if (transientKeyword || AnnotationMirrors.has(field, TRANSIENT)) {
                if (isVersion) {
                    report.error(Message.VERSION_NOT_PERSISTENT, field, name, "transient");
                } else if (isId) {
                    String how = transientKeyword ? "transient" : "@Transient";
                    report.error(Message.ID_NOT_PERSISTENT, field, name, how, type.getSimpleName(), how);
                    fields.keyRefused = true;
                } else if (isRecord) {
                    report.error(Message.TRANSIENT_RECORD_COMPONENT, field, name);
                }
                continue;
            }
            if (isVersion && isId) {
                report.error(Message.VERSION_NOT_PERSISTENT, field, name, "also the @Id");
                continue;
            }
            if (AnnotationMirrors.has(field, ElementCollectionReader.ELEMENT_COLLECTION)) {
                access(type, field, isRecord, false, report).flatMap(access -> ElementCollectionReader.read(field,
                        members.memberType(type, field), access, report)).ifPresent(fields.collections::add);
                continue;
            }
            if (isVersion && fields.versionField != null) {
                report.error(Message.MORE_THAN_ONE_VERSION, field,
                        type.getSimpleName(), fields.versionField.getSimpleName(), name);
                continue;
            }
            if (isId && fields.idField() != null && !AnnotationMirrors.has(type, ID_CLASS)) {
                report.error(Message.MORE_THAN_ONE_ID, field, type.getSimpleName(), fields.idField().getSimpleName());
                continue;
            }
            fields.names.add(name);
            if (isVersion) {
                fields.versionField = field;
            }
            if (isId) {
                fields.idFields.add(field);
            }
            Optional<PropertyModel> property = property(type, field, isRecord, immutable, isVersion, report);
            if (property.isEmpty()) {
                continue;
            }
            PropertyModel p = property.get();
            fields.columns.clash(p).ifPresent(earlier ->
                    report.error(Message.DUPLICATE_COLUMN, field, earlier.column(), earlier.name(), p.column(), name));
            fields.properties.add(p);
            if (isVersion) {
                fields.version = p;
            }
            if (isId) {
                fields.ids.add(p);
            }
        }
        return fields;
    }

    private Optional<PropertyModel> property(TypeElement type, VariableElement field, boolean isRecord,
            boolean immutable, boolean isVersion, ValidationReport report) {
        String name = field.getSimpleName().toString();
        Optional<Access> access = immutable
                ? immutables.access(type, field, report)
                : access(type, field, isRecord, isVersion, report);
        Optional<String> column = columnName(field, report);
        TypeMirror fieldType = members.memberType(type, field);
        if (ColumnTypes.isUnresolved(fieldType)) {
            report.unresolved(field);
            return Optional.empty();
        }
        Optional<ColumnType> columnType = ColumnTypes.of(field, fieldType);
        if (columnType.isEmpty()) {
            report.error(isVersion ? Message.UNSUPPORTED_VERSION_TYPE : Message.UNSUPPORTED_COLUMN_TYPE, field, name,
                    fieldType);
        }
        if (access.isEmpty() || column.isEmpty() || columnType.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(new PropertyModel(
                name, column.get(), TypeName.get(fieldType), columnType.get(), access.get()));
    }

    private Optional<Access> access(
            TypeElement type, VariableElement field, boolean isRecord, boolean isVersion, ValidationReport report) {
        if (isRecord) {
            return Optional.of(Access.recordComponent());
        }
        String name = field.getSimpleName().toString();
        if (field.getModifiers().contains(Modifier.FINAL)) {
            report.error(isVersion ? Message.FINAL_VERSION_FIELD : Message.FINAL_FIELD, field, name);
            return Optional.empty();
        }
        if (members.reachable(type, field)) {
            return Optional.of(Access.field());
        }
        TypeMirror fieldType = members.memberType(type, field);
        TypeMembers.Accessors found = members.accessors(type, name, fieldType);
        if (found.getter().isPresent() && found.setter().isPresent()) {
            return Optional.of(Access.accessors(found.getter().get(), found.setter().get()));
        }
        report.pending(Message.MISSING_ACCESSORS, field, name, found.missing(),
                found.getter().isEmpty() && found.setter().isEmpty() ? "them" : "it");
        return Optional.empty();
    }

    private Optional<String> columnName(VariableElement field, ValidationReport report) {
        String name = field.getSimpleName().toString();
        Optional<AnnotationMirror> column = AnnotationMirrors.find(field, COLUMN);
        Optional<AnnotationValue> explicit = column.flatMap(c -> AnnotationMirrors.explicitValue(c, "name"))
                .filter(value -> !((String) value.getValue()).isEmpty());
        String columnName = explicit.map(value -> (String) value.getValue()).orElseGet(() -> naming.apply(name));
        Optional<String> problem = SqlIdentifier.problem(columnName);
        if (problem.isEmpty()) {
            return Optional.of(columnName);
        }
        if (explicit.isPresent()) {
            report.error(Message.INVALID_COLUMN_NAME, field, column.get(), explicit.get(), columnName, name, problem.get());
        } else {
            report.error(Message.INVALID_COLUMN_NAME, field, columnName, name, problem.get());
        }
        return Optional.empty();
    }

    private Optional<String> tableName(TypeElement type, ValidationReport report) {
        Optional<AnnotationMirror> table = AnnotationMirrors.find(type, TABLE);
        Optional<String> explicitName = table.flatMap(t -> AnnotationMirrors.nonEmptyString(t, "name"));
        Optional<String> schema = table.flatMap(t -> AnnotationMirrors.nonEmptyString(t, "schema"));
        String name = explicitName
                .or(() -> AnnotationMirrors.find(type, ENTITY).flatMap(e -> AnnotationMirrors.nonEmptyString(e, "name")))
                .orElseGet(() -> naming.apply(type.getSimpleName().toString()));
        String qualified = schema.map(s -> s + "." + name).orElse(name);
        if (qualified.contains(UNRESOLVED_VALUE)) {
            return Optional.empty(); // javac reports the constant it could not resolve; one error is enough
        }
        Optional<String> problem = schema.isPresent() && name.contains(".")
                ? Optional.of("names a schema twice, in name and in schema")
                : SqlIdentifier.qualifiedProblem(qualified);
        if (problem.isEmpty()) {
            return Optional.of(qualified);
        }
        Optional<AnnotationValue> culprit = table.flatMap(t -> AnnotationMirrors.explicitValue(t, "name")
                .or(() -> AnnotationMirrors.explicitValue(t, "schema")));
        if (culprit.isPresent()) {
            report.error(Message.INVALID_TABLE_NAME, type, table.get(), culprit.get(), qualified, problem.get());
        } else {
            report.error(Message.INVALID_TABLE_NAME, type, qualified, problem.get());
        }
        return Optional.empty();
    }

    private static boolean isGeneratedKey(VariableElement idField, PropertyModel id, ValidationReport report) {
        Optional<AnnotationMirror> generated = AnnotationMirrors.find(idField, GENERATED_VALUE);
        if (generated.isEmpty()) {
            return false;
        }
        String strategy = AnnotationMirrors.enumConstant(generated.get(), "strategy").orElse("AUTO");
        if (!strategy.equals("IDENTITY") && !strategy.equals("AUTO")) {
            report.error(Message.UNSUPPORTED_KEY_GENERATION, idField, generated.get(),
                    AnnotationMirrors.explicitValue(generated.get(), "strategy").orElseThrow(), strategy);
            return false;
        }
        if (!id.columnType().isIntegral()) {
            report.error(Message.UNSUPPORTED_GENERATED_KEY_TYPE, idField, id.name(), id.type());
            return false;
        }
        return true;
    }
}
