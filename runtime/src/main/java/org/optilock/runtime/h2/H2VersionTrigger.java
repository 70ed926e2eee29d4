package org.optilock.runtime.h2;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Objects;
import org.h2.api.Trigger;

/**
 * H2's version trigger, created by {@code Triggers.create}: before each row update that leaves the
 * version unchanged, it adds one to it. The version column is read from the trigger's comment.
 * H2 loads this class by name; applications do not use it directly.
 */
public final class H2VersionTrigger implements Trigger {

    private String schema;
    private String trigger;
    private String table;
    private volatile int versionIndex = -1;

    @Override
    public void init(Connection connection, String schemaName, String triggerName, String tableName,
            boolean before, int type) {
        this.schema = schemaName;
        this.trigger = triggerName;
        this.table = tableName;
    }

    @Override
    public void fire(Connection connection, Object[] oldRow, Object[] newRow) throws SQLException {
        int index = versionIndex(connection);
        if (Objects.equals(oldRow[index], newRow[index])) {
            newRow[index] = next(oldRow[index]);
        }
    }

    private static Object next(Object version) {
        if (version instanceof Integer number) {
            return number + 1;
        }
        if (version instanceof Number number) {
            return number.longValue() + 1;
        }
        return 1;
    }

    /** Looked up on the first row, not in init: H2 calls init before the comment naming the column is set. */
    private int versionIndex(Connection connection) throws SQLException {
        int index = versionIndex;
        if (index >= 0) {
            return index;
        }
        String sql = "SELECT c.ORDINAL_POSITION FROM INFORMATION_SCHEMA.TRIGGERS t"
                + " JOIN INFORMATION_SCHEMA.COLUMNS c ON c.TABLE_SCHEMA = t.EVENT_OBJECT_SCHEMA"
                + " AND c.TABLE_NAME = t.EVENT_OBJECT_TABLE AND UPPER(c.COLUMN_NAME) = UPPER(t.REMARKS)"
                + " WHERE t.TRIGGER_SCHEMA = ? AND t.TRIGGER_NAME = ?";
        try (PreparedStatement statement = connection.prepareStatement(sql)) {
            statement.setString(1, schema);
            statement.setString(2, trigger);
            try (ResultSet resultSet = statement.executeQuery()) {
                if (!resultSet.next()) {
                    throw new SQLException("Version trigger " + trigger + " on " + table
                            + " names no version column of the table in its comment; recreate it with Triggers.create");
                }
                index = resultSet.getInt(1) - 1;
            }
        }
        versionIndex = index;
        return index;
    }
}
