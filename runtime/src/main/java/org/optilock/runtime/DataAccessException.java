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
        this(operation, cause, null);
    }

    /**
     * @param operation what the DAO was doing, such as {@code "update Article"}
     * @param cause the driver's exception
     * @param advice what the caller can do about it, or {@code null}
     */
    public DataAccessException(String operation, SQLException cause, String advice) {
        super("Could not " + operation + ": " + shortened(cause.getMessage())
                + (cause.getSQLState() == null ? "" : " (SQLState " + cause.getSQLState() + ")")
                + (advice == null ? "" : ". " + advice), cause);
    }

    /**
     * The driver's message, cut to a length a log can hold: some drivers put a failed batch's whole SQL
     * with every bound value in it. The full message stays on {@link #getCause()}.
     */
    private static String shortened(String message) {
        if (message == null || message.length() <= MAX_MESSAGE) {
            return message;
        }
        return message.substring(0, MAX_MESSAGE) + "… (" + (message.length() - MAX_MESSAGE)
                + " characters more in getCause())";
    }

    private static final int MAX_MESSAGE = 500;

    /** The driver's exception. */
    @Override
    public synchronized SQLException getCause() {
        return (SQLException) super.getCause();
    }
}
