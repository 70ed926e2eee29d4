package org.optilock.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.SQLException;
import org.junit.jupiter.api.Test;

class DataAccessExceptionTest {

    @Test
    void aShortDriverMessageIsKeptWhole() {
        DataAccessException e = new DataAccessException("update Article", new SQLException("duplicate key", "23505"));
        assertEquals("Could not update Article: duplicate key (SQLState 23505)", e.getMessage());
    }

    @Test
    void aDriverMessageCarryingAWholeBatchIsCutAndStaysOnTheCause() {
        String batch = "Batch entry 0 UPDATE article SET title = '" + "x".repeat(100_000) + "' was aborted";
        SQLException cause = new SQLException(batch, "22001");

        DataAccessException e = new DataAccessException("update a batch of Article", cause);

        assertTrue(e.getMessage().length() < 700, "message of " + e.getMessage().length() + " characters");
        assertTrue(e.getMessage().contains("characters more in getCause()"), e.getMessage());
        assertTrue(e.getMessage().endsWith("(SQLState 22001)"));
        assertSame(cause, e.getCause());
    }
}
