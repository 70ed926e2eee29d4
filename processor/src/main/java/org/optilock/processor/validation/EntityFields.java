package org.optilock.processor.validation;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import javax.lang.model.element.VariableElement;
import org.optilock.processor.model.PropertyModel;

/** The persistent fields of an entity as read, before the version and key are judged. */
final class EntityFields {
    final List<PropertyModel> properties = new ArrayList<>();
    final Set<String> names = new LinkedHashSet<>();
    final DistinctColumns columns = new DistinctColumns();
    /** Whether a key field was refused with an error of its own, so "no @Id" would only repeat it. */
    boolean keyRefused;
    final List<VariableElement> idFields = new ArrayList<>();
    final List<PropertyModel> ids = new ArrayList<>();
    /** The {@code @ElementCollection} fields, completed once the key is known. */
    final List<ElementCollectionReader.Pending> collections = new ArrayList<>();
    VariableElement versionField;
    PropertyModel version;

    /** The first {@code @Id} field; {@code null} when there is none. */
    VariableElement idField() {
        return idFields.isEmpty() ? null : idFields.get(0);
    }

    /** The property of the first {@code @Id} field; {@code null} when there is none or it had errors. */
    PropertyModel id() {
        return ids.isEmpty() ? null : ids.get(0);
    }
}
