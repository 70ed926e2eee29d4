package org.optilock.processor.validation;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import javax.lang.model.element.VariableElement;
import org.optilock.processor.model.PropertyModel;

/** The persistent fields of an entity as read, before the version and key are judged. */
final class EntityFields {
    final List<PropertyModel> properties = new ArrayList<>();
    final Set<String> names = new LinkedHashSet<>();
    final Map<String, String> fieldByColumn = new HashMap<>();
    VariableElement idField;
    PropertyModel id;
    final List<VariableElement> idFields = new ArrayList<>();
    final List<PropertyModel> ids = new ArrayList<>();
    VariableElement versionField;
    PropertyModel version;
}
