package org.optilock.processor.sql;

/**
 * A checked UPDATE or DELETE of many rows in one statement, on PostgreSQL: each parameter of the
 * one-row statement is bound as an array of every row's values, unnested with the rows' positions
 * into a row source the table is joined to, and the statement returns the position of each row it
 * wrote. The rows it does not return are the conflicts.
 *
 * @param statement the statement; its parameters are those of the one-row statement, in the same
 *     order, each bound as an array
 * @param columnTypes a query of no rows whose columns have the types of those arrays' elements: the
 *     column each parameter is compared with or assigned to, so the arrays carry the table's own types
 */
public record ArrayStatement(SqlStatement statement, String columnTypes) {}
