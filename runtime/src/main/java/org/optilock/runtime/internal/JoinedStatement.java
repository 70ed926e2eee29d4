package org.optilock.runtime.internal;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The checked UPDATE or DELETE of one row made the write of many rows on MySQL and MariaDB (and on
 * H2, as a {@code MERGE}, {@link #merge}): the table
 * joined to the rows as a derived table, {@code UPDATE t JOIN (SELECT ? AS optilock_1, ... UNION ALL
 * SELECT ?, ...) AS optilock_v ON <condition> SET <assignments>}. Each row of the derived table
 * carries the parameters of the one-row statement in their order, and each {@code ?} of the one-row
 * statement becomes the column of the row that binds it. The processor writes every such statement
 * as {@code UPDATE table SET assignments WHERE condition} or {@code DELETE FROM table WHERE
 * condition}, which is what lets the runtime derive this one instead of every DAO carrying it.
 *
 * <p>The derived table's columns are named {@code optilock_n}, which no column of the table is, so
 * the one-row statement's unqualified columns still name the table's.
 *
 * @param delete whether the statement deletes
 * @param table the table, as the one-row statement names it
 * @param assignments the SET list, each {@code ?} a column of the rows (empty for a delete)
 * @param condition the WHERE condition, each {@code ?} a column of the rows
 * @param width the columns of each row
 * @param parameters where the rows' columns come from: each the position of a parameter of the one-row
 *     statement, in the order of the columns; {@code null} where the columns are those parameters, all
 *     of them in their order
 */
record JoinedStatement(boolean delete, String table, String assignments, String condition, int width, int[] parameters) {

    private static final String ROWS = "optilock_v";
    private static final String COLUMN = "optilock_";

    /**
     * The statements taken apart, by the one-row statement's text: a DAO has few, and a batch of a few
     * rows on H2 would otherwise spend a tenth of its time taking its statement apart again.
     */
    private static final Map<String, JoinedStatement> TAKEN_APART = new ConcurrentHashMap<>();

    /** The joined form of {@code update}, one row's checked UPDATE as the processor writes it. */
    static JoinedStatement ofUpdate(String update) {
        return TAKEN_APART.computeIfAbsent(update, JoinedStatement::takeApartUpdate);
    }

    private static JoinedStatement takeApartUpdate(String update) {
        int set = SqlTokens.outsideQuotes(update, " SET ", 0);
        int where = SqlTokens.outsideQuotes(update, " WHERE ", set);
        if (!update.startsWith("UPDATE ") || set < 0 || where < 0) {
            throw new IllegalArgumentException("not an UPDATE of one row: " + update);
        }
        Columns columns = new Columns();
        String assignments = columns.replace(update.substring(set + " SET ".length(), where));
        String condition = columns.replace(update.substring(where + " WHERE ".length()));
        return new JoinedStatement(false, update.substring("UPDATE ".length(), set), assignments, condition, columns.count,
                null);
    }

    /**
     * The joined form of {@code update}, a checked UPDATE whose new version compares the columns it
     * assigns (a conditional version), as two statements over the same rows, bound alike: the first
     * moves only the versions, under the whole condition, while the columns still hold the values it
     * compares; the second assigns the columns of the same rows, found by their first {@code
     * keyColumns} conditions, the key's, in the same transaction, which holds them locked since the
     * first. One joined statement would not do: MySQL does not define the order in which a joined
     * UPDATE runs its assignments, so the comparison could see a column's new value. The processor
     * assigns the version first and conditions on the key first. Each statement's rows carry only the
     * parameters it uses ({@link #parameters}). Only the first statement where the UPDATE assigns
     * nothing else.
     */
    static List<JoinedStatement> ofVersionThenColumns(String update, int keyColumns) {
        JoinedStatement whole = ofUpdate(update);
        List<String> assignments = SqlTokens.parts(whole.assignments, ", ");
        JoinedStatement versions = whole.taking(assignments.get(0), whole.condition);
        if (assignments.size() == 1) {
            return List.of(versions);
        }
        List<String> conditions = SqlTokens.parts(whole.condition, " AND ");
        if (conditions.size() <= keyColumns) {
            throw new IllegalArgumentException("not a condition on " + keyColumns + " key columns and the version: " + update);
        }
        return List.of(versions, whole.taking(String.join(", ", assignments.subList(1, assignments.size())),
                String.join(" AND ", conditions.subList(0, keyColumns))));
    }

    /**
     * The statement of {@code assignments} and {@code condition}, pieces of this one, whose rows carry
     * only the columns those use, numbered anew in the order they first appear.
     */
    private JoinedStatement taking(String assignments, String condition) {
        Map<Integer, Integer> renumbered = new LinkedHashMap<>();
        String taken = renumber(assignments, renumbered);
        String on = renumber(condition, renumbered);
        int[] parameters = renumbered.keySet().stream().mapToInt(column -> column - 1).toArray();
        return new JoinedStatement(false, table, taken, on, parameters.length, parameters);
    }

    /** {@code piece} with each column of the rows numbered as {@code renumbered} says, new ones next. */
    private static String renumber(String piece, Map<Integer, Integer> renumbered) {
        Matcher column = Pattern.compile(Pattern.quote(ROWS + "." + COLUMN) + "(\\d+)").matcher(piece);
        StringBuilder result = new StringBuilder(piece.length());
        while (column.find()) {
            int number = renumbered.computeIfAbsent(Integer.parseInt(column.group(1)), old -> renumbered.size() + 1);
            column.appendReplacement(result, ROWS + "." + COLUMN + number);
        }
        return column.appendTail(result).toString();
    }

    /**
     * {@code statement}, the one-row statement this one was made from, as the rows of this one bind
     * it: its parameters, or those {@link #parameters} names.
     */
    DaoStatements.Statement binding(DaoStatements.Statement statement) {
        if (parameters == null) {
            return statement;
        }
        int[] taken = new int[parameters.length];
        for (int c = 0; c < parameters.length; c++) {
            taken[c] = statement.parameters()[parameters[c]];
        }
        return new DaoStatements.Statement(statement.sql(), taken);
    }

    /** The joined form of {@code delete}, one row's checked DELETE as the processor writes it. */
    static JoinedStatement ofDelete(String delete) {
        return TAKEN_APART.computeIfAbsent(delete, JoinedStatement::takeApartDelete);
    }

    private static JoinedStatement takeApartDelete(String delete) {
        int where = SqlTokens.outsideQuotes(delete, " WHERE ", 0);
        if (!delete.startsWith("DELETE FROM ") || where < 0) {
            throw new IllegalArgumentException("not a DELETE of one row: " + delete);
        }
        Columns columns = new Columns();
        String condition = columns.replace(delete.substring(where + " WHERE ".length()));
        return new JoinedStatement(true, delete.substring("DELETE FROM ".length(), where), "", condition, columns.count,
                null);
    }

    /** The statement that writes {@code rows} rows, their parameters bound one row after another. */
    String sql(int rows) {
        StringBuilder sql = new StringBuilder(64 + rows * width * 3 + assignments.length() + condition.length());
        sql.append(delete ? "DELETE " + table + " FROM " : "UPDATE ").append(table).append(" JOIN (SELECT ");
        for (int column = 1; column <= width; column++) {
            sql.append(column == 1 ? "" : ", ").append("? AS ").append(COLUMN).append(column);
        }
        String row = " UNION ALL SELECT " + String.join(", ", Collections.nCopies(width, "?"));
        sql.append(row.repeat(rows - 1)).append(") AS ").append(ROWS).append(" ON ").append(condition);
        return delete ? sql.toString() : sql.append(" SET ").append(assignments).toString();
    }

    /**
     * The same rows as H2 writes them, which has no joined UPDATE or DELETE: {@code MERGE INTO t USING
     * (VALUES (CAST(? AS type), ...), ...) AS optilock_v(optilock_1, ...) ON <condition> WHEN MATCHED
     * THEN UPDATE SET <assignments>} (or {@code THEN DELETE}). A row the condition does not match is
     * left alone, as by the one-row statement, and not counted. Each value is cast to {@code casts}'
     * type for its parameter of the one-row statement, or left bare where that is null: a {@code
     * VALUES} list of bare parameters has no types, and H2 would compare the key as text.
     */
    String merge(int rows, List<String> casts) {
        StringBuilder row = new StringBuilder(width * 24);
        for (int column = 0; column < width; column++) {
            String cast = casts.get(parameters == null ? column : parameters[column]);
            row.append(column == 0 ? "(" : ", ").append(cast == null ? "?" : "CAST(? AS " + cast + ")");
        }
        row.append(')');
        StringBuilder sql = new StringBuilder(64 + rows * (row.length() + 2) + assignments.length() + condition.length());
        sql.append("MERGE INTO ").append(table).append(" USING (VALUES ").append(row);
        for (int k = 1; k < rows; k++) {
            sql.append(", ").append(row);
        }
        sql.append(") AS ").append(ROWS);
        for (int column = 1; column <= width; column++) {
            sql.append(column == 1 ? "(" : ", ").append(COLUMN).append(column);
        }
        sql.append(") ON ").append(condition).append(" WHEN MATCHED THEN ");
        return (delete ? sql.append("DELETE") : sql.append("UPDATE SET ").append(assignments)).toString();
    }

    /** Numbers the parameters of a statement's pieces, in order, as the rows' columns. */
    private static final class Columns {
        private int count;

        /** {@code piece} with each {@code ?} outside quotes made the next column of the rows. */
        String replace(String piece) {
            StringBuilder replaced = new StringBuilder(piece.length() + 16);
            int from = 0;
            for (int at = SqlTokens.outsideQuotes(piece, "?", 0); at >= 0; at = SqlTokens.outsideQuotes(piece, "?", from)) {
                replaced.append(piece, from, at).append(ROWS).append('.').append(COLUMN).append(++count);
                from = at + 1;
            }
            return replaced.append(piece, from, piece.length()).toString();
        }
    }
}
