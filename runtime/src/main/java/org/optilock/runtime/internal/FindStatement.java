package org.optilock.runtime.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The query of one repository method, as data: its condition on columns, and the order it declares.
 * The SQL of a call is this query with what the call adds (the order of a {@code Sort} or
 * {@code Order} argument, a page, a cursor) appended by the runtime; every identifier in it comes from
 * the generated repository or was checked against the entity, and every value is a parameter.
 */
public final class FindStatement {

    final RepositoryStatements statements;
    final String method;
    private final String condition;
    final List<SortKey> orderBy;
    /** How many parameters the condition binds, first in every statement of this query. */
    final int parameters;

    FindStatement(RepositoryStatements statements, String method, String condition, List<SortKey> orderBy) {
        this.statements = statements;
        this.method = method;
        this.condition = condition;
        this.orderBy = List.copyOf(orderBy);
        this.parameters = (int) condition.chars().filter(c -> c == '?').count();
    }

    /** A call's SQL, the order of its rows, and which cursor value each keyset parameter binds. */
    record Query(RowOrder order, String sql, int[] cursorParameters) {}

    /** What makes one call's SQL differ from another's. */
    private record Shape(List<SortKey> sorts, int cursor, boolean limited, boolean offset, boolean leadingRange) {}

    /** How many shapes a query keeps the SQL of: calls sort by few orders, but a caller could vary them without end. */
    private static final int KEPT_SHAPES = 64;

    /** The SQL of the shapes seen, so that a repeated call builds no text. */
    private final Map<Shape, Query> queries = new ConcurrentHashMap<>();

    /**
     * The query of a call that sorts by {@code sorts} after the declared order; {@code cursor} adds
     * {@code RowOrder.after} (1, after the cursor; -1, before it, read in reverse), with a
     * {@code leadingRange} where the database needs one; {@code limited} a LIMIT and {@code offset} an
     * OFFSET.
     */
    Query query(List<SortKey> sorts, int cursor, boolean limited, boolean offset, boolean leadingRange) {
        Shape shape = new Shape(sorts, cursor, limited, offset, leadingRange);
        Query query = queries.get(shape);
        if (query == null) {
            List<SortKey> all = new ArrayList<>(orderBy);
            all.addAll(sorts);
            RowOrder order = RowOrder.of(statements, all);
            query = new Query(order, select(order, cursor, limited, offset, leadingRange),
                    order.cursorParameters(leadingRange));
            if (queries.size() < KEPT_SHAPES) {
                queries.put(shape, query);
            }
        }
        return query;
    }

    private String select(RowOrder order, int cursor, boolean limited, boolean offset, boolean leadingRange) {
        StringBuilder sql = new StringBuilder(statements.select);
        List<String> conditions = new ArrayList<>(2);
        if (!condition.isEmpty()) {
            conditions.add(condition);
        }
        if (cursor != 0) {
            conditions.add(order.after(cursor < 0, leadingRange));
        }
        if (!conditions.isEmpty()) {
            sql.append(" WHERE ").append(conditions.size() == 1 ? conditions.get(0)
                    : "(" + conditions.get(0) + ") AND " + conditions.get(1));
        }
        sql.append(order.orderBy(cursor < 0));
        if (limited) {
            sql.append(" LIMIT ?");
        }
        if (offset) {
            sql.append(" OFFSET ?");
        }
        return sql.toString();
    }

    /** How many rows the query has. */
    String count() {
        return "SELECT COUNT(*) FROM " + statements.table + (condition.isEmpty() ? "" : " WHERE " + condition);
    }

    @Override
    public String toString() {
        return statements.select + (condition.isEmpty() ? "" : " WHERE " + condition);
    }
}
