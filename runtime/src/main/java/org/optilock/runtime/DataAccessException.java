package org.optilock.runtime;

import jakarta.persistence.PersistenceException;
import java.sql.SQLException;

/**
 * The database refused a statement a DAO sent, for a reason other than a version conflict: a
 * missing table, a constraint, a lost connection. The message names the operation and the
 * database's own words; the {@link SQLException} is the cause.
 */
public class DataAccessException extends PersistenceException {

    private static final long serialVersionUID = 1L;

    /**
     * @param operation what the DAO was doing, such as {@code "update Article"}
     * @param cause the driver's exception
     */
    public DataAccessException(String operation, SQLException cause) {
        super("Could not " + operation + ": " + cause.getMessage()
                + (cause.getSQLState() == null ? "" : " (SQLState " + cause.getSQLState() + ")"), cause);
    }

    /** The driver's exception. */
    @Override
    public synchronized SQLException getCause() {
        return (SQLException) super.getCause();
    }
}
