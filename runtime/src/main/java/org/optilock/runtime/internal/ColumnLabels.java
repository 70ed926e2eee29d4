package org.optilock.runtime.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;

/**
 * Finds the columns an entity maps in a result set that a caller's own SQL produced, by their labels:
 * in any order, among any other columns. Asked again for each row, which keeps a DAO's reader free
 * of state (drivers answer a label from a map they build once per result set).
 */
final class ColumnLabels {

    /** SQLState of a column that does not exist, as Spring and other translators read it. */
    private static final String NO_SUCH_COLUMN = "42S22";

    private ColumnLabels() {}

    /**
     * Where each of {@code columns} is in {@code resultSet}, from 1, in the order of {@code columns}.
     *
     * @throws SQLException naming the first of {@code columns} the result set lacks, and all of them
     */
    static int[] positions(ResultSet resultSet, List<String> columns, String entityName) throws SQLException {
        int[] positions = new int[columns.size()];
        for (int i = 0; i < positions.length; i++) {
            String column = columns.get(i);
            try {
                positions[i] = resultSet.findColumn(column);
            } catch (SQLException missing) {
                throw new SQLException("The result has no column " + column + ", which " + entityName
                        + " maps: select all of " + String.join(", ", columns)
                        + " (in any order, under these names or as aliases of them)", NO_SUCH_COLUMN, missing);
            }
        }
        return positions;
    }
}
