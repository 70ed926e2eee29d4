package org.optilock.processor.validation;

import javax.tools.Diagnostic;

/**
 * Every message the processor prints, with a stable code that users can search for and tests
 * assert. Each one says what is wrong and how to fix it. Codes: {@code OPL-0xx} processor options,
 * {@code OPL-1xx} the structure of an entity, {@code OPL-2xx} types, {@code OPL-3xx} names, SQL
 * identifiers and the members of {@code @VersionField}, {@code OPL-4xx} Jakarta Data repositories.
 */
public enum Message {
    INTERNAL_ERROR("OPL-000",
            "Optilock failed on %s (%s); nothing was written for it. Please report this with the class."),
    UNKNOWN_NAMING("OPL-001",
            "Unknown value '%s' for option optilock.naming. Use as_is (the default) or snake_case."),
    DAO_NOT_WRITTEN("OPL-002",
            "Could not write %s: %s. Is there a hand-written class of that name? Rename it, or the entity."),

    NO_ID("OPL-101",
            "%s has no @Id field. Annotate the field that holds the primary key with @jakarta.persistence.Id."),
    MORE_THAN_ONE_VERSION("OPL-102",
            "%s already has the version field '%s'; an entity has exactly one. Remove @Version/@VersionField from '%s'."),
    NOT_A_CONCRETE_CLASS("OPL-103",
            "%s is %s, so no DAO can create it. Put the version field in a class or a record; an abstract "
                    + "base class passes it on to its @Entity subclasses."),
    NO_USABLE_CONSTRUCTOR("OPL-104",
            "%s has no non-private constructor without parameters, which the DAO needs to create it from a row. "
                    + "Add one; it may be package-private."),
    NOT_ACCESSIBLE("OPL-105",
            "%s cannot be used by its DAO in the same package because it %s. Make it non-private and, if nested, static."),
    UNSUPPORTED_KEY_GENERATION("OPL-106",
            "@GeneratedValue(strategy = %s) is not supported. Use GenerationType.IDENTITY (the key is read back "
                    + "after the insert), or assign keys yourself and remove @GeneratedValue."),
    MORE_THAN_ONE_ID("OPL-107",
            "%s already has the @Id field '%s'. For a composite key, name its id class with @IdClass; else keep @Id on one field."),
    TRANSIENT_RECORD_COMPONENT("OPL-108",
            "Record component '%s' is @Transient, but the DAO must pass every component to the constructor. "
                    + "Remove @Transient, or move the value out of the record."),
    VERSION_NOT_ON_FIELD("OPL-109",
            "@%s is on %s '%s'; Optilock reads versions from fields. Put the annotation on the %s."),
    GENERIC_ENTITY("OPL-110",
            "%s has type parameters; a DAO needs a concrete entity type. Remove the type parameters, "
                    + "or move the version field into a non-generic subclass."),
    MISSING_ACCESSORS("OPL-111",
            "Field '%s' is private and has no %s. Add %s, make the field non-private, or mark it @Transient."),
    FINAL_FIELD("OPL-112",
            "Field '%s' is final, so the DAO cannot set it from a row. Remove final, or make every mapped field "
                    + "final and give the class a constructor that takes them all."),
    ID_CLASS_MISMATCH("OPL-114",
            "@IdClass %s has nothing that holds the @Id field '%s' of type %s. Give it a record component, a field "
                    + "or accessors of that name and type."),
    ID_CLASS_NOT_CONSTRUCTIBLE("OPL-115",
            "@IdClass %s cannot be made by the DAO. Make it a record whose components are the @Id fields, or give "
                    + "it a non-private constructor without parameters."),
    GENERATED_COMPOSITE_KEY("OPL-116",
            "@Id field '%s' is part of a composite key, which the database cannot generate. Assign the key yourself."),
    EMBEDDED_ID("OPL-117",
            "@EmbeddedId on '%s' is not supported; declare the key fields in the entity with @Id and name an @IdClass."),
    NO_PUBLIC_CONSTRUCTOR("OPL-118",
            "%s has no public constructor without parameters, which its DAO needs to create it from a row. "
                    + "Only classes that have one can be versioned with @VersionedTable."),
    UNKNOWN_KEY_PROPERTY("OPL-119",
            "%s has no property '%s' (a public field, or a public getter and setter) to be its key.%s"),
    UNMAPPED_PROPERTY_TYPE("OPL-120",
            "Property '%s' of %s has type %s, which has no column mapping. Add \"%s\" to ignore = {...}."),
    ID_CLASS_NEEDS_SEVERAL_IDS("OPL-121",
            "%s names @IdClass(%s.class) but has %s. A composite key puts @Id on each of its fields, at least two; "
                    + "for a single key, remove @IdClass and keep @Id on the key field."),
    ID_CLASS_FIELD_WITHOUT_ID("OPL-122",
            "@IdClass %s has the field '%s', which is no @Id field of %s, so the DAO could never fill it. Put @Id on "
                    + "the entity's field of that name, or remove the field from %s."),
    ID_NOT_PERSISTENT("OPL-123",
            "The @Id field '%s' is %s, so it is no column and %s has no key. Remove %s, or put @Id on a "
                    + "persistent field."),
    MISSING_GETTER("OPL-124",
            "Field '%s' of %s is private and final, and has no getter %s(). Add it (Lombok: @Getter or @Value), "
                    + "or make the field non-private."),
    NO_CONSTRUCTOR_FOR_FIELDS("OPL-125",
            "Every field of %s is final, so the DAO creates it through a constructor that takes each mapped "
                    + "field (%s), and it has none the DAO can call. Add one, its parameters named as the fields "
                    + "(Lombok: @AllArgsConstructor or @Value), or make the fields non-final and add a constructor "
                    + "without parameters."),
    VERSION_NOT_PERSISTENT("OPL-113",
            "The version field '%s' is %s; it must be a persistent instance field that is not the key. "
                    + "Remove the modifier or annotation, or put the version on another field."),

    UNSUPPORTED_VERSION_TYPE("OPL-201",
            "Version field '%s' has type %s. Use int, long, Integer or Long (COUNTER), or Instant, "
                    + "LocalDateTime or OffsetDateTime (TIMESTAMP)."),
    UNSUPPORTED_COLUMN_TYPE("OPL-202",
            "Field '%s' has type %s, which has no column mapping. Use a primitive or its box, String, BigDecimal, "
                    + "byte[], UUID, an enum, LocalDate, LocalDateTime, Instant or OffsetDateTime, or mark it @Transient."),
    STRATEGY_DOES_NOT_FIT_TYPE("OPL-203",
            "Strategy %s does not fit the version type %s: %s"),
    FINAL_VERSION_FIELD("OPL-204",
            "Version field '%s' is final, so the DAO cannot store the new version in it. Remove final."),
    UNSUPPORTED_GENERATED_KEY_TYPE("OPL-205",
            "Generated key '%s' has type %s; a key the database generates must be int, long, Integer or Long."),
    UNRESOLVED_TYPE("OPL-206",
            "The type of field '%s' cannot be resolved, so no DAO was written for %s. Fix the type "
                    + "(or the processor that should generate it) first."),

    INVALID_TABLE_NAME("OPL-301",
            "Table name \"%s\" %s. A table name must be letters, digits and underscores, starting with a letter "
                    + "or underscore, optionally after a schema and a dot; set @Table(name = ...) to such a name."),
    INVALID_COLUMN_NAME("OPL-302",
            "Column name \"%s\" of field '%s' %s. A column name must be letters, digits and underscores, starting "
                    + "with a letter or underscore; set @Column(name = ...) to such a name."),
    DUPLICATE_COLUMN("OPL-303",
            "Column %s of '%s' and column %s of '%s' are one column: SQLite and MySQL/MariaDB ignore the case of "
                    + "column names, quoted or not. Give one of them another @Column(name = ...)."),
    CHECK_AND_IGNORE_FIELDS("OPL-304",
            "checkFields and ignoreFields are both set; a conditional version uses one of them. "
                    + "Keep checkFields (only these fields bump the version) or ignoreFields (all but these do)."),
    UNKNOWN_FIELD("OPL-305",
            "%s names '%s', which is not a persistent field of %s.%s"),
    CONDITIONAL_ON_KEY_OR_VERSION("OPL-306",
            "%s names '%s', the %s; only other fields can decide whether the version moves. Remove it."),
    TRIGGER_NAME_WITHOUT_TRIGGER("OPL-307",
            "triggerName is set, but the strategy is %s; only Strategy.TRIGGER uses a trigger. "
                    + "Remove triggerName or set strategy = Strategy.TRIGGER."),
    INVALID_TRIGGER_NAME("OPL-308",
            "Trigger name \"%s\" %s. A trigger name must be letters, digits and underscores, starting with a "
                    + "letter or underscore."),

    CONDITIONAL_WITH_TRIGGER("OPL-309",
            "%s cannot be combined with Strategy.TRIGGER: the trigger moves the version on every update. "
                    + "Use Strategy.COUNTER or TIMESTAMP for a conditional version, or drop %s."),
    NOTHING_TO_CHECK("OPL-310",
            "ignoreFields leaves no field whose change could move the version. Use checkFields to name the "
                    + "fields that matter, or ignore fewer fields."),
    DERIVED_TRIGGER_NAME_TOO_LONG("OPL-311",
            "The trigger name made from the table and the version column, \"%s\", is %d characters long, more than "
                    + "the 63 PostgreSQL keeps: it would cut the name, and Triggers.create, drop and list would stop "
                    + "matching it. Set triggerName = \"...\" to a name of at most 63 characters."),

    REPOSITORY_NOT_INTERFACE("OPL-401",
            "@Repository %s is %s; Optilock implements interfaces only. Make it an interface."),
    REPOSITORY_WITHOUT_ENTITY("OPL-402",
            "%s names no entity. Extend DataRepository<Entity, Key> (or BasicRepository or CrudRepository), or "
                    + "declare a method that takes or returns the entity."),
    REPOSITORY_ENTITY_NOT_MAPPED("OPL-403",
            "%s is the entity of %s, but Optilock writes no DAO for it: %s."),
    UNKNOWN_ATTRIBUTE("OPL-404",
            "%s has no attribute '%s'.%s The attributes are: %s."),
    ATTRIBUTE_TYPE_MISMATCH("OPL-405",
            "Parameter '%s' is %s, but attribute '%s' of %s is %s. Declare the parameter as %s."),
    UNSUPPORTED_RETURN_TYPE("OPL-406",
            "%s cannot return %s. %s"),
    NOT_THE_ENTITY("OPL-407",
            "@%s method %s takes %s, but the entity of %s is %s. Take one %s, an array, a List or an Iterable of them."),
    CURSOR_WITHOUT_ORDER("OPL-408",
            "%s returns a CursoredPage but orders its rows by nothing: a cursor holds the values of the sort keys. "
                    + "Add @OrderBy(\"...\") or an Order<%s> or Sort<%s> parameter (the key ends every order)."),
    PAGE_WITHOUT_REQUEST("OPL-409",
            "%s returns %s but takes no PageRequest, so it cannot know which page. Add a PageRequest parameter."),
    NO_REPOSITORY_ANNOTATION("OPL-410",
            "%s is abstract but has none of @Find, @Query, @Insert, @Update, @Delete and @Save, and its name starts "
                    + "with none of find, count, exists and delete, so Optilock cannot implement it. Annotate it, "
                    + "name it as a query (findByNameLike), or make it a default method."),
    MISPLACED_SPECIAL_PARAMETER("OPL-411",
            "Parameter '%s' (%s) does not fit %s: %s"),
    LIFECYCLE_PARAMETERS("OPL-412",
            "@%s method %s takes %d parameters; it takes exactly one: the entity, an array, a List or an Iterable of "
                    + "them."),
    REPOSITORY_NOT_WRITTEN("OPL-413",
            "Could not write %s: %s. Is there a hand-written class of that name? Rename it, or the repository."),
    UNREADABLE_METHOD_NAME("OPL-414",
            "%s is named as a query, but its name does not read as one: %s (at \"%s\"). A query's name is "
                    + "find[First[N]]By, count[All]By, existsBy or deleteBy, then conditions such as "
                    + "PriceLessThanEqual or NameIgnoreCaseNotLike joined by And or Or, then OrderByNameAsc. "
                    + "Or annotate it with @Find or @Query."),
    CONDITION_PARAMETERS("OPL-415",
            "%s has conditions that take %d values (%s), but %d of its parameters give values. Give each "
                    + "condition its values, in order (Between two, Null, True and False none)."),
    OPERATOR_MISFITS_ATTRIBUTE("OPL-416",
            "%s: %s does not fit attribute '%s' of %s, which is %s. %s"),
    QUERY_SYNTAX("OPL-417",
            "The @Query of %s does not parse: %s, at character %d:%n    %s%n    %s^"),
    QUERY_PARAMETER("OPL-418",
            "The @Query of %s %s"),
    QUERY_TYPE("OPL-419",
            "The @Query of %s does not fit %s: %s, at character %d:%n    %s%n    %s^"),
    ELEMENT_COLLECTION("OPL-421",
            "Element collection '%s' %s. %s"),
    UNKNOWN_QUERY_ATTRIBUTE("OPL-420",
            "The @Query of %s names '%s', which is no attribute of %s.%s The attributes are: %s. At character %d:"
                    + "%n    %s%n    %s^");

    private final String code;
    private final String format;

    Message(String code, String format) {
        this.code = code;
        this.format = format;
    }

    /** The stable code, such as {@code OPL-101}. */
    public String code() {
        return code;
    }

    /** Every message is an error: each one stops a DAO from being written. */
    public Diagnostic.Kind kind() {
        return Diagnostic.Kind.ERROR;
    }

    /** The text to print: the code in brackets, then the message with {@code args} filled in. */
    public String render(Object... args) {
        return "[" + code + "] " + String.format(format, args);
    }
}
