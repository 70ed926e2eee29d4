package org.optilock.processor.validation;

import com.palantir.javapoet.TypeName;
import java.util.Optional;
import javax.lang.model.element.AnnotationMirror;
import javax.lang.model.element.VariableElement;
import javax.lang.model.type.DeclaredType;
import javax.lang.model.type.TypeMirror;
import org.optilock.processor.model.Access;
import org.optilock.processor.model.ColumnType;
import org.optilock.processor.model.ElementCollectionModel;
import org.optilock.processor.model.KeyModel;
import org.optilock.processor.model.PropertyModel;

/**
 * Reads an {@code @ElementCollection} field: a {@code Set}, {@code List} or {@code Collection} of
 * basic or enum values, stored in a collection table named as JPA names it ({@code Entity_field},
 * owner column {@code Entity_keyColumn}, value column the field's name), each name overridden by
 * {@code @CollectionTable}, its {@code @JoinColumn} and {@code @Column}. What Optilock cannot store
 * that way is a compile error (OPL-421) on the field.
 */
final class ElementCollectionReader {

    static final String ELEMENT_COLLECTION = "jakarta.persistence.ElementCollection";
    private static final String COLLECTION_TABLE = "jakarta.persistence.CollectionTable";

    private ElementCollectionReader() {}

    /** A collection field read before the entity's key is known, which names its owner column. */
    record Pending(VariableElement field, PropertyModel values, Optional<String> table, Optional<String> ownerColumn,
            boolean list) {}

    /** The collection {@code field} holds, of type {@code type}, reached by {@code access}. */
    static Optional<Pending> read(VariableElement field, TypeMirror type, Access access, ValidationReport report) {
        String name = field.getSimpleName().toString();
        String container = type instanceof DeclaredType declared ? ColumnTypes.qualifiedName(declared) : "";
        boolean list = container.equals("java.util.List") || container.equals("java.util.Collection");
        if (!list && !container.equals("java.util.Set")) {
            report.error(Message.ELEMENT_COLLECTION, field, name, "is " + type,
                    "Declare it as a Set, a List or a Collection of its values.");
            return Optional.empty();
        }
        TypeMirror element = ((DeclaredType) type).getTypeArguments().get(0);
        boolean byOrdinal = AnnotationMirrors.find(field, AnnotationMirrors.ENUMERATED)
                .flatMap(enumerated -> AnnotationMirrors.enumConstant(enumerated, "value"))
                .filter("ORDINAL"::equals)
                .isPresent();
        Optional<ColumnType> columnType = ColumnTypes.of(element).map(t -> t == ColumnType.ENUM_BY_NAME && byOrdinal
                ? ColumnType.ENUM_BY_ORDINAL : t);
        if (columnType.isEmpty()) {
            report.error(Message.ELEMENT_COLLECTION, field, name, "holds " + element + ", which no column holds",
                    "Hold basic values (String, numbers, dates, UUID) or an enum; an embeddable needs a table of its"
                            + " own entity.");
            return Optional.empty();
        }
        Optional<AnnotationMirror> collectionTable = AnnotationMirrors.find(field, COLLECTION_TABLE);
        Optional<String> table = collectionTable.flatMap(t -> AnnotationMirrors.nonEmptyString(t, "name"));
        Optional<String> ownerColumn = collectionTable.flatMap(t -> AnnotationMirrors.arrayElements(t, "joinColumns")
                .stream().findFirst())
                .flatMap(join -> AnnotationMirrors.nonEmptyString((AnnotationMirror) join.getValue(), "name"));
        String valueColumn = AnnotationMirrors.find(field, AnnotationMirrors.COLUMN)
                .flatMap(column -> AnnotationMirrors.nonEmptyString(column, "name"))
                .orElse(name);
        for (String identifier : table.map(t -> new String[] {t, valueColumn}).orElse(new String[] {valueColumn})) {
            Optional<String> problem = SqlIdentifier.problem(identifier);
            if (problem.isPresent()) {
                report.error(Message.ELEMENT_COLLECTION, field, name, "is stored under the name \"" + identifier + "\"",
                        problem.get());
                return Optional.empty();
            }
        }
        PropertyModel values = new PropertyModel(name, valueColumn, TypeName.get(element), columnType.get(), access);
        return Optional.of(new Pending(field, values, table, ownerColumn, list));
    }

    /**
     * The model of {@code pending}, now that the entity ({@code entityName}) and its key are known;
     * empty, with the error on the field, where the entity cannot own one.
     */
    static Optional<ElementCollectionModel> complete(Pending pending, String entityName, KeyModel key,
            boolean generatedId, boolean constructed, ValidationReport report) {
        String name = pending.field().getSimpleName().toString();
        String problem = constructed ? "belongs to an entity that is constructed whole (a record or an immutable class)"
                : key.properties().size() > 1 ? "belongs to an entity with a composite key"
                : generatedId ? "belongs to an entity whose key the database generates"
                : null;
        if (problem != null) {
            report.error(Message.ELEMENT_COLLECTION, pending.field(), name, problem,
                    "Optilock stores an element collection for a mutable class with one key column that the"
                            + " application assigns; keep the values in an entity of their own otherwise.");
            return Optional.empty();
        }
        String table = pending.table().orElse(entityName + "_" + name);
        String owner = pending.ownerColumn().orElse(entityName + "_" + key.single().column());
        return Optional.of(new ElementCollectionModel(pending.values(), table, owner, pending.list()));
    }
}
