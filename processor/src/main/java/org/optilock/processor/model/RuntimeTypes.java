package org.optilock.processor.model;

import com.palantir.javapoet.ClassName;

/** The names of the runtime types generated code refers to, in one place. */
public final class RuntimeTypes {

    private static final String RUNTIME = "org.optilock.runtime";
    private static final String INTERNAL = RUNTIME + ".internal";

    public static final ClassName VERSIONED_DAO = ClassName.get(RUNTIME, "VersionedDao");
    public static final ClassName VERSIONED = ClassName.get(RUNTIME, "Versioned");
    public static final ClassName SETTINGS = ClassName.get(RUNTIME, "OptilockSettings");
    public static final ClassName RECORD_MODIFIED = ClassName.get(RUNTIME, "RecordModifiedException");
    public static final ClassName DIALECT = ClassName.get(RUNTIME, "Dialect");
    public static final ClassName FIELD_MERGE = ClassName.get(INTERNAL, "FieldMerge");
    public static final ClassName CONNECTION_SOURCE = ClassName.get(RUNTIME, "ConnectionSource");
    public static final ClassName COLUMN_VALUES = ClassName.get(INTERNAL, "ColumnValues");
    public static final ClassName ABSTRACT_VERSIONED_DAO = ClassName.get(INTERNAL, "AbstractVersionedDao");
    public static final ClassName DAO_STATEMENTS = ClassName.get(INTERNAL, "DaoStatements");
    public static final ClassName TRIGGER_TARGET = ClassName.get(INTERNAL, "TriggerTarget");
    public static final ClassName VERSION_TYPE = ClassName.get(INTERNAL, "VersionType");
    public static final ClassName TRIGGER_TARGETS = ClassName.get(INTERNAL, "TriggerTargets");

    private RuntimeTypes() {}
}
