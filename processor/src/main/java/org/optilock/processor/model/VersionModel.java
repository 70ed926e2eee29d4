package org.optilock.processor.model;

import java.util.List;
import org.optilock.Strategy;

/**
 * The version property of an entity and how its values are produced.
 *
 * @param property the version property, also listed among the entity's properties
 * @param strategy the resolved strategy, never {@link Strategy#AUTO}
 * @param checkFields fields whose change bumps the version; empty unless conditional
 * @param ignoreFields fields whose change does not bump the version; empty unless conditional
 * @param triggerName the trigger's name, for {@link Strategy#TRIGGER}; else empty
 */
public record VersionModel(
        PropertyModel property, Strategy strategy, List<String> checkFields, List<String> ignoreFields,
        String triggerName) {

    public VersionModel {
        checkFields = List.copyOf(checkFields);
        ignoreFields = List.copyOf(ignoreFields);
    }

    /** Whether only some changes bump the version. */
    public boolean isConditional() {
        return !checkFields.isEmpty() || !ignoreFields.isEmpty();
    }
}
