package org.optilock.processor.model;

import com.palantir.javapoet.TypeName;

/**
 * One persistent property of an entity and its column.
 *
 * @param name the Java field name
 * @param column the SQL column name, already checked to be a safe identifier
 * @param type the Java type as written on the field
 * @param columnType how the value is bound and read
 * @param access how the DAO reaches the value
 */
public record PropertyModel(String name, String column, TypeName type, ColumnType columnType, Access access) {}
