package org.optilock.runtime.internal;

import java.util.Collections;

/**
 * The checked UPDATE or DELETE of one row made the write of many rows on MySQL and MariaDB: the table
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
 * @param width the parameters of the one-row statement: the columns of each row
 */
record JoinedStatement(boolean delete, String table, String assignments, String condition, int width) {

    private static final String ROWS = "optilock_v";
    private static final String COLUMN = "optilock_";

    /** The joined form of {@code update}, one row's checked UPDATE as the processor writes it. */
    static JoinedStatement ofUpdate(String update) {
        int set = topLevel(update, " SET ", 0);
        int where = topLevel(update, " WHERE ", set);
        if (!update.startsWith("UPDATE ") || set < 0 || where < 0) {
            throw new IllegalArgumentException("not an UPDATE of one row: " + update);
        }
        Columns columns = new Columns();
        String assignments = columns.replace(update.substring(set + " SET ".length(), where));
        String condition = columns.replace(update.substring(where + " WHERE ".length()));
        return new JoinedStatement(false, update.substring("UPDATE ".length(), set), assignments, condition, columns.count);
    }

    /** The joined form of {@code delete}, one row's checked DELETE as the processor writes it. */
    static JoinedStatement ofDelete(String delete) {
        int where = topLevel(delete, " WHERE ", 0);
        if (!delete.startsWith("DELETE FROM ") || where < 0) {
            throw new IllegalArgumentException("not a DELETE of one row: " + delete);
        }
        Columns columns = new Columns();
        String condition = columns.replace(delete.substring(where + " WHERE ".length()));
        return new JoinedStatement(true, delete.substring("DELETE FROM ".length(), where), "", condition, columns.count);
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
     * Where {@code token} first occurs in {@code sql} from {@code from} on, outside quotes; -1 when it
     * does not. {@code from} must itself stand outside quotes.
     */
    private static int topLevel(String sql, String token, int from) {
        if (from < 0) {
            return -1;
        }
        char quote = 0;
        for (int i = from; i < sql.length(); i++) {
            char c = sql.charAt(i);
            if (quote != 0) {
                quote = c == quote ? 0 : quote;
            } else if (c == '"' || c == '`' || c == '\'') {
                quote = c;
            } else if (sql.startsWith(token, i)) {
                return i;
            }
        }
        return -1;
    }

    /** Numbers the parameters of a statement's pieces, in order, as the rows' columns. */
    private static final class Columns {
        private int count;

        /** {@code piece} with each {@code ?} outside quotes made the next column of the rows. */
        String replace(String piece) {
            StringBuilder replaced = new StringBuilder(piece.length() + 16);
            int from = 0;
            for (int at = topLevel(piece, "?", 0); at >= 0; at = topLevel(piece, "?", from)) {
                replaced.append(piece, from, at).append(ROWS).append('.').append(COLUMN).append(++count);
                from = at + 1;
            }
            return replaced.append(piece, from, piece.length()).toString();
        }
    }
}
