package org.optilock.processor.model;

/**
 * An {@code @ElementCollection} of basic or enum values, stored in a collection table of its own.
 *
 * @param values the field, as a property: its name, the column of each value, the element's Java and
 *     column types, and how the DAO reaches the field
 * @param table the collection table: {@code @CollectionTable(name)}, else {@code Entity_field}, as JPA names it
 * @param ownerColumn the column of the owner's key: the join column's name, else {@code Entity_keyColumn}
 * @param list whether the field is a List or Collection (read back as an ArrayList), else a Set (a LinkedHashSet)
 */
public record ElementCollectionModel(PropertyModel values, String table, String ownerColumn, boolean list) {}
