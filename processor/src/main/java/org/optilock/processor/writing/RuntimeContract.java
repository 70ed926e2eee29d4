package org.optilock.processor.writing;

import com.palantir.javapoet.ClassName;

/**
 * Every name of the runtime that generated code uses: its types, the builder methods of
 * {@code DaoStatements}, the parameter codes, the {@code VersionType} constants, the hooks a DAO
 * implements and calls. (The MySQL session variable is {@code SqlDialect}'s, checked the same way.) The processor does not see the runtime when it runs, so
 * these are strings; {@code RuntimeContractTest} checks each one against the runtime's classes, so
 * that a rename there fails the build here rather than a user's compile.
 */
final class RuntimeContract {

    private static final String RUNTIME = "org.optilock.runtime";
    private static final String INTERNAL = RUNTIME + ".internal";

    // ---- types ---------------------------------------------------------------------------------------

    static final ClassName VERSIONED = ClassName.get(RUNTIME, "Versioned");
    static final ClassName SETTINGS = ClassName.get(RUNTIME, "OptilockSettings");
    static final ClassName RECORD_MODIFIED = ClassName.get(RUNTIME, "RecordModifiedException");
    static final ClassName UNVERSIONED = ClassName.get(RUNTIME, "Unversioned");
    static final ClassName DIALECT = ClassName.get(RUNTIME, "Dialect");
    static final ClassName CONNECTION_SOURCE = ClassName.get(RUNTIME, "ConnectionSource");
    static final ClassName ABSTRACT_VERSIONED_DAO = ClassName.get(INTERNAL, "AbstractVersionedDao");
    static final ClassName DAO_STATEMENTS = ClassName.get(INTERNAL, "DaoStatements");
    static final ClassName COLUMN_VALUES = ClassName.get(INTERNAL, "ColumnValues");
    static final ClassName FIELD_MERGE = ClassName.get(INTERNAL, "FieldMerge");
    static final ClassName VERSION_TYPE = ClassName.get(INTERNAL, "VersionType");
    static final ClassName KEY_TYPE = ClassName.get(INTERNAL, "KeyType");
    static final ClassName TRIGGER_TARGET = ClassName.get(INTERNAL, "TriggerTarget");
    static final ClassName TRIGGER_TARGETS = ClassName.get(INTERNAL, "TriggerTargets");

    static final ClassName TABLE_DEFINITION = ClassName.get(INTERNAL, "TableDefinition");
    static final ClassName REPOSITORY_OPERATIONS = ClassName.get(INTERNAL, "RepositoryOperations");
    static final ClassName REPOSITORY_STATEMENTS = ClassName.get(INTERNAL, "RepositoryStatements");
    static final ClassName FIND_STATEMENT = ClassName.get(INTERNAL, "FindStatement");
    static final ClassName SORT_KEY = ClassName.get(INTERNAL, "SortKey");
    static final ClassName BINDER = ClassName.get(INTERNAL, "ParameterBinder");
    static final ClassName SQL_TEXT = ClassName.get(INTERNAL, "SqlText");
    static final ClassName ROW_READER = ClassName.get(INTERNAL, "RowReader");
    static final ClassName ELEMENT_COLLECTION = ClassName.get(INTERNAL, "ElementCollection");

    /** Every type above, for the test. */
    static final ClassName[] TYPES = {VERSIONED, SETTINGS, RECORD_MODIFIED, UNVERSIONED, DIALECT, CONNECTION_SOURCE,
            ABSTRACT_VERSIONED_DAO, DAO_STATEMENTS, COLUMN_VALUES, FIELD_MERGE, VERSION_TYPE, KEY_TYPE, TRIGGER_TARGET,
            TRIGGER_TARGETS, TABLE_DEFINITION, REPOSITORY_OPERATIONS, REPOSITORY_STATEMENTS, FIND_STATEMENT, SORT_KEY, BINDER,
            SQL_TEXT, ROW_READER, ELEMENT_COLLECTION};

    // ---- DaoStatements: the factory and the builder methods, each (SQL, parameters...) -----------------

    static final String STATEMENTS_OF = "of";
    static final String INSERT = "insert";
    static final String INSERT_WITH_KEY = "insertWithKey";
    static final String UPDATE = "update";
    static final String UPDATE_ROWS = "updateRows";
    static final String UPDATE_UNCHECKED = "updateUnchecked";
    static final String DELETE = "delete";
    static final String DELETE_ROWS = "deleteRows";
    static final String DELETE_UNCHECKED = "deleteUnchecked";
    static final String SELECTS = "selects";
    static final String TRIGGER = "trigger";
    static final String COLLECTION = "collection";

    static final String[] STATEMENT_BUILDERS = {STATEMENTS_OF, INSERT, INSERT_WITH_KEY, UPDATE, UPDATE_ROWS,
            UPDATE_UNCHECKED, DELETE, DELETE_ROWS, DELETE_UNCHECKED, SELECTS, TRIGGER, COLLECTION};

    // ---- DaoStatements: the codes of parameters that are not a column ----------------------------------

    static final String NEW_VERSION = "NEW_VERSION";
    static final String EXPECTED_VERSION = "EXPECTED_VERSION";
    static final String EXPECTED_UNSET = "EXPECTED_UNSET";
    static final String INCREMENT = "INCREMENT";

    static final String[] PARAMETER_CODES = {NEW_VERSION, EXPECTED_VERSION, EXPECTED_UNSET, INCREMENT};

    // ---- VersionType constants -------------------------------------------------------------------------

    static final String COUNTER_LONG = "COUNTER_LONG";
    static final String COUNTER_INT = "COUNTER_INT";
    static final String TIMESTAMP_MICROS = "TIMESTAMP_MICROS";
    static final String TIMESTAMP_INSTANT = "TIMESTAMP_INSTANT";
    static final String TIMESTAMP_LOCAL_DATE_TIME = "TIMESTAMP_LOCAL_DATE_TIME";
    static final String TIMESTAMP_OFFSET_DATE_TIME = "TIMESTAMP_OFFSET_DATE_TIME";

    static final String UNVERSIONED_TYPE = "NONE";

    static final String[] VERSION_TYPES = {COUNTER_LONG, COUNTER_INT, TIMESTAMP_MICROS, TIMESTAMP_INSTANT,
            TIMESTAMP_LOCAL_DATE_TIME, TIMESTAMP_OFFSET_DATE_TIME, UNVERSIONED_TYPE};

    // ---- KeyType constants -----------------------------------------------------------------------------

    static final String KEY_LONG = "LONG";
    static final String KEY_INTEGER = "INTEGER";
    static final String KEY_STRING = "STRING";
    static final String KEY_UUID = "UUID";
    static final String KEY_OTHER = "OTHER";

    static final String[] KEY_TYPES = {KEY_LONG, KEY_INTEGER, KEY_STRING, KEY_UUID, KEY_OTHER};

    // ---- AbstractVersionedDao: the hooks a DAO implements, and the one it calls -------------------------

    static final String BIND_COLUMN = "bindColumn";
    static final String VALUE = "value";
    static final String READ = "read";
    static final String KEY_OF = "keyOf";
    static final String BIND_ID = "bindId";
    static final String VERSION = "version";
    static final String WITH_VERSION = "withVersion";
    static final String MERGED = "merged";
    static final String GENERATES_KEY = "generatesKey";
    static final String READ_KEY = "readKey";
    static final String INSERTED = "inserted";
    static final String BIND_INSTANT = "bindInstant";

    static final String[] DAO_METHODS = {BIND_COLUMN, VALUE, READ, KEY_OF, BIND_ID, VERSION, WITH_VERSION, MERGED,
            GENERATES_KEY, READ_KEY, INSERTED, BIND_INSTANT};

    // ---- RepositoryOperations, RepositoryStatements and SortKey: what a repository calls ----------------

    static final String REPOSITORY_STATEMENTS_OF = "of";
    static final String FIND = "find";
    static final String SELECT = "select";
    static final String ENUMERATED = "enumerated";
    static final String EXPANDED = "expanded";
    static final String SIZE = "size";
    static final String SQL_TEXT_OF = "of";
    static final String SQL_TEXT_ON = "on";
    static final String SORT_ASC = "asc";
    static final String SORT_DESC = "desc";
    static final String IGNORING_CASE = "ignoringCase";
    static final String NO_PARAMETERS = "NONE";

    static final String[] REPOSITORY_OPERATION_METHODS = {"insert", "insertAll", "update", "updateAll", "delete",
            "deleteAll", "save", "saveAll", "deleteById", "findById", "list", "optional", "single", "stream", "page",
            "cursoredPage", "bindInstant", "sorts", "listOf", "count", "exists", "execute", "first", "optionalFirst", SIZE};

    // ---- the rest ----------------------------------------------------------------------------------------

    /** {@code FieldMerge.field(name, base, mine, theirs)}: one field of a three-way merge. */
    static final String MERGE_FIELD = "field";

    /** {@code TableDefinition.of(table)}, {@code .on(dialect, create)} and {@code register(entityType, table)}. */
    static final String TABLE_OF = "of";
    static final String TABLE_ON = "on";
    /** {@code TableDefinition.with(dependent)} and {@code ElementCollection.of(...)}. */
    static final String TABLE_WITH = "with";
    static final String ELEMENT_COLLECTION_OF = "of";

    /** {@code TriggerTargets.register(entityType, target)} and {@code TableDefinition.register(entityType, table)}. */
    static final String REGISTER = "register";

    private RuntimeContract() {}
}
