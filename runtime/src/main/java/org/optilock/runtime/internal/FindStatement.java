package org.optilock.runtime.internal;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.optilock.runtime.Dialect;

/**
 * The query of one repository method, as data: what it selects (every column of the entity, or one
 * JDQL expression), its condition on columns, and the order it declares. The SQL of a call is this
 * query with what the call adds (the order of a {@code Sort} or {@code Order} argument, a page, a
 * cursor) appended by the runtime; every identifier in it comes from the generated repository or was
 * checked against the entity, and every value is a parameter.
 *
 * <p>A condition on a collection parameter ({@code In}) holds a list, {@code {?}}, which
 * {@link #expanded} makes one parameter for each value of a call's collection ({@link SqlText#expanded}).
 */
public final class FindStatement {

    final RepositoryStatements statements;
    final String method;
    /** {@code SELECT ... FROM table}. */
    private final SqlText select;
    private final SqlText condition;
    final List<SortKey> orderBy;
    /** How many parameters the condition binds, first in every statement of this query. */
    final int parameters;

    FindStatement(RepositoryStatements statements, String method, SqlText select, SqlText condition,
            List<SortKey> orderBy) {
        this.statements = statements;
        this.method = method;
        this.select = select;
        this.condition = condition;
        this.orderBy = List.copyOf(orderBy);
        this.parameters = condition.parameters();
    }

    /** A call's SQL, the order of its rows, and which cursor value each keyset parameter binds. */
    record Query(RowOrder order, String sql, int[] cursorParameters) {}

    /** What makes one call's SQL differ from another's. */
    private record Shape(Dialect dialect, List<SortKey> sorts, int cursor, boolean limited, boolean offset,
            boolean leadingRange) {}

    /** How many shapes a query keeps the SQL of: calls sort by few orders, but a caller could vary them without end. */
    private static final int KEPT_SHAPES = 64;

    /** The SQL of the shapes seen, so that a repeated call builds no text. */
    private final Map<Shape, Query> queries = new ConcurrentHashMap<>();

    /** This query with its lists expanded, by their sizes, as calls have asked for them. */
    private final Map<List<Integer>, FindStatement> expansions = new ConcurrentHashMap<>();

    /**
     * This query for a call whose collections have {@code sizes} values, in the order the condition
     * holds them: each list made that many parameters, and an {@code IN} of an empty one false.
     */
    public FindStatement expanded(int... sizes) {
        List<Integer> key = Arrays.stream(sizes).boxed().toList();
        FindStatement expanded = expansions.get(key);
        if (expanded == null) {
            expanded = new FindStatement(statements, method, select, condition.expanded(sizes), orderBy);
            if (expansions.size() < KEPT_SHAPES) {
                expansions.put(key, expanded);
            }
        }
        return expanded;
    }

    /**
     * The query of a call on {@code dialect} that sorts by {@code sorts} after the declared order;
     * {@code cursor} adds {@code RowOrder.after} (1, after the cursor; -1, before it, read in reverse),
     * with a {@code leadingRange} where the database needs one; {@code limited} a LIMIT and
     * {@code offset} an OFFSET.
     */
    Query query(Dialect dialect, List<SortKey> sorts, int cursor, boolean limited, boolean offset,
            boolean leadingRange) {
        Shape shape = new Shape(dialect, sorts, cursor, limited, offset, leadingRange);
        Query query = queries.get(shape);
        if (query == null) {
            List<SortKey> all = new ArrayList<>(orderBy);
            all.addAll(sorts);
            RowOrder order = RowOrder.of(statements, all);
            query = new Query(order, select(dialect, order, cursor, limited, offset, leadingRange),
                    order.cursorParameters(leadingRange));
            if (queries.size() < KEPT_SHAPES) {
                queries.put(shape, query);
            }
        }
        return query;
    }

    private String select(Dialect dialect, RowOrder order, int cursor, boolean limited, boolean offset,
            boolean leadingRange) {
        StringBuilder sql = new StringBuilder(select.in(dialect));
        List<String> conditions = new ArrayList<>(2);
        if (!condition.isEmpty()) {
            conditions.add(condition.in(dialect));
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

    /** How many rows the query has, on {@code dialect}. */
    String count(Dialect dialect) {
        return "SELECT COUNT(*) FROM " + statements.table + where(dialect);
    }

    /** A row when the query has one, none when it has none, on {@code dialect}. */
    String exists(Dialect dialect) {
        return "SELECT 1 FROM " + statements.table + where(dialect) + " LIMIT 1";
    }

    private String where(Dialect dialect) {
        return condition.isEmpty() ? "" : " WHERE " + condition.in(dialect);
    }

    @Override
    public String toString() {
        return select + (condition.isEmpty() ? "" : " WHERE " + condition);
    }
}
