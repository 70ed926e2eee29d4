package org.optilock.runtime.internal;

import java.util.ArrayList;
import java.util.List;

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

    /** The order of a call that sorts by {@code sorts} after the declared order. */
    RowOrder order(List<SortKey> sorts) {
        List<SortKey> all = new ArrayList<>(orderBy);
        all.addAll(sorts);
        return RowOrder.of(statements, all);
    }

    /**
     * The SELECT of a call in {@code order}; {@code cursor} adds {@code RowOrder.after} (1, after the
     * cursor; -1, before it, read in reverse), {@code limited} a LIMIT and {@code offset} an OFFSET.
     */
    String select(RowOrder order, int cursor, boolean limited, boolean offset) {
        StringBuilder sql = new StringBuilder(statements.select);
        List<String> conditions = new ArrayList<>(2);
        if (!condition.isEmpty()) {
            conditions.add(condition);
        }
        if (cursor != 0) {
            conditions.add(order.after(cursor < 0));
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
