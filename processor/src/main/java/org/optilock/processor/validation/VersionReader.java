package org.optilock.processor.validation;

import static org.optilock.processor.validation.AnnotationMirrors.VERSION_FIELD;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import javax.lang.model.element.AnnotationMirror;
import javax.lang.model.element.AnnotationValue;
import javax.lang.model.element.TypeElement;
import javax.lang.model.element.VariableElement;
import org.optilock.Strategy;
import org.optilock.processor.model.ColumnType;
import org.optilock.processor.model.PropertyModel;
import org.optilock.processor.model.VersionModel;

/**
 * Reads the version of an entity: the strategy for its type, and the conditional and trigger members
 * of {@code @VersionField}, each problem reported on the annotation value it comes from.
 */
final class VersionReader {

    private VersionReader() {}

    /**
     * The version of an entity, its strategy resolved and its {@code @VersionField} members checked;
     * empty when its type cannot be a version.
     */
    static Optional<VersionModel> read(
            TypeElement type, EntityFields fields, String table, ValidationReport report) {
        VariableElement field = fields.versionField;
        PropertyModel property = fields.version;
        Optional<AnnotationMirror> annotation = AnnotationMirrors.find(field, VERSION_FIELD);
        Optional<AnnotationValue> strategyValue =
                annotation.flatMap(a -> AnnotationMirrors.explicitValue(a, "strategy"));
        Strategy declared = Strategy.valueOf(
                annotation.flatMap(a -> AnnotationMirrors.enumConstant(a, "strategy")).orElse("AUTO"));
        ColumnType columnType = property.columnType();
        if (!columnType.isIntegral() && !columnType.isTemporal()) {
            report.error(Message.UNSUPPORTED_VERSION_TYPE, field, property.name(), property.type());
            return Optional.empty();
        }
        Strategy strategy = declared == Strategy.AUTO
                ? (columnType.isIntegral() ? Strategy.COUNTER : Strategy.TIMESTAMP)
                : declared;
        Optional<String> misfit = misfit(strategy, columnType);
        if (misfit.isPresent()) {
            report.error(Message.STRATEGY_DOES_NOT_FIT_TYPE, field, annotation.get(), strategyValue.orElseThrow(),
                    strategy, property.type(), misfit.get());
        }
        List<String> checkFields = new ArrayList<>();
        List<String> ignoreFields = new ArrayList<>();
        String triggerName = "";
        if (annotation.isPresent()) {
            AnnotationMirror versionField = annotation.get();
            checkFields = conditionalNames(type, fields, versionField, "checkFields", report);
            ignoreFields = conditionalNames(type, fields, versionField, "ignoreFields", report);
            if (!checkFields.isEmpty() && !ignoreFields.isEmpty()) {
                report.error(Message.CHECK_AND_IGNORE_FIELDS, field, versionField,
                        AnnotationMirrors.explicitValue(versionField, "ignoreFields").orElseThrow());
            }
            triggerName = triggerName(field, versionField, strategy, table, property.column(), report);
            String conditionalMember = checkFields.isEmpty() ? "ignoreFields" : "checkFields";
            if (strategy == Strategy.TRIGGER && (!checkFields.isEmpty() || !ignoreFields.isEmpty())) {
                report.error(Message.CONDITIONAL_WITH_TRIGGER, field, versionField,
                        AnnotationMirrors.explicitValue(versionField, conditionalMember).orElseThrow(),
                        conditionalMember, conditionalMember);
            }
            if (checkFields.isEmpty() && !ignoreFields.isEmpty() && ignoresEverything(fields, ignoreFields)) {
                report.error(Message.NOTHING_TO_CHECK, field, versionField,
                        AnnotationMirrors.explicitValue(versionField, "ignoreFields").orElseThrow());
            }
        }
        return Optional.of(new VersionModel(property, strategy, checkFields, ignoreFields, triggerName));
    }

    /** Whether every persistent field but the key and the version is ignored. */
    private static boolean ignoresEverything(EntityFields fields, List<String> ignoreFields) {
        return fields.properties.stream()
                .filter(p -> !fields.ids.contains(p) && p != fields.version)
                .allMatch(p -> ignoreFields.contains(p.name()));
    }

    /** Why {@code strategy} cannot produce versions of {@code type}; empty when it can. */
    private static Optional<String> misfit(Strategy strategy, ColumnType type) {
        return switch (strategy) {
            case COUNTER -> type.isIntegral() ? Optional.empty() : Optional.of(
                    "a counter adds one, so it needs int, long, Integer or Long. Use Strategy.TIMESTAMP for a point in time.");
            case TIMESTAMP -> type.isTemporal() || type == ColumnType.LONG || type == ColumnType.BOXED_LONG
                    ? Optional.empty()
                    : Optional.of("a timestamp version holds microseconds since the epoch, which needs long, Long, "
                            + "Instant, LocalDateTime or OffsetDateTime. Use Strategy.COUNTER for an int.");
            case TRIGGER -> type.isIntegral() ? Optional.empty() : Optional.of(
                    "the database trigger adds one to the version, so it needs int, long, Integer or Long.");
            case AUTO -> Optional.empty();
        };
    }

    private static List<String> conditionalNames(
            TypeElement type, EntityFields fields, AnnotationMirror versionField, String member, ValidationReport report) {
        List<String> names = new ArrayList<>();
        List<String> keyNames = fields.idFields.stream().map(f -> f.getSimpleName().toString()).toList();
        String versionName = fields.versionField.getSimpleName().toString();
        for (AnnotationValue value : AnnotationMirrors.arrayElements(versionField, member)) {
            String named = (String) value.getValue();
            if (keyNames.contains(named) || named.equals(versionName)) {
                report.error(Message.CONDITIONAL_ON_KEY_OR_VERSION, fields.versionField, versionField, value,
                        member, named, keyNames.contains(named) ? "key" : "version field itself");
            } else if (!fields.names.contains(named)) {
                // A blank name resembles nothing: list the fields rather than suggest one.
                String hint = (named.isBlank() ? Optional.<String>empty() : ClosestName.to(named, fields.names))
                        .map(suggestion -> " Did you mean '" + suggestion + "'?")
                        .orElse(" Its fields are: " + String.join(", ", fields.names) + ".");
                report.error(Message.UNKNOWN_FIELD, fields.versionField, versionField, value,
                        member, named, type.getSimpleName(), hint);
            } else {
                names.add(named);
            }
        }
        return names;
    }

    private static String triggerName(
            VariableElement field, AnnotationMirror versionField, Strategy strategy, String table, String column,
            ValidationReport report) {
        Optional<AnnotationValue> value = AnnotationMirrors.explicitValue(versionField, "triggerName")
                .filter(v -> !((String) v.getValue()).isEmpty());
        if (value.isPresent() && strategy != Strategy.TRIGGER) {
            report.error(Message.TRIGGER_NAME_WITHOUT_TRIGGER, field, versionField, value.get(), strategy);
            return "";
        }
        if (strategy != Strategy.TRIGGER) {
            return "";
        }
        if (value.isEmpty()) {
            String unqualified = table.substring(table.indexOf('.') + 1).replace("\"", "");
            String derived = ("optilock_" + unqualified + "_" + column.replace("\"", "")).toLowerCase(Locale.ROOT);
            if (derived.length() > SqlIdentifier.MAX_LENGTH) {
                report.errorOnAnnotation(Message.DERIVED_TRIGGER_NAME_TOO_LONG, field, versionField, derived,
                        derived.length());
            }
            return derived;
        }
        String name = (String) value.get().getValue();
        Optional<String> problem = SqlIdentifier.problem(name);
        problem.ifPresent(reason -> report.error(Message.INVALID_TRIGGER_NAME, field, versionField, value.get(),
                name, reason));
        return name;
    }
}
