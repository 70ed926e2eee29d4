package org.optilock.examples;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.SQLException;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.Test;

/** The examples run and tell the story they promise. */
class ExamplesTest {

    @Test
    void examplesShowConflictsImportsAndTimestamps() throws SQLException {
        JdbcDataSource dataSource = new JdbcDataSource();
        dataSource.setURL("jdbc:h2:mem:examples-test;DB_CLOSE_DELAY=-1");
        ByteArrayOutputStream buffer = new ByteArrayOutputStream();
        try (Connection keepAlive = dataSource.getConnection()) {
            Examples.createTables(keepAlive);
            Examples examples = new Examples(dataSource, new PrintStream(buffer, true, StandardCharsets.UTF_8));
            examples.twoPeopleEditTheSameDocument();
            examples.importWithChecksDisabled();
            examples.timestampVersions();
        }
        String output = buffer.toString(StandardCharsets.UTF_8);

        assertContains(output, "CONFLICT: Document with id 1 was modified by another writer: expected version 1, found 2.");
        assertContains(output, "The database kept Alice's row: #1 \"Release notes 1.0\" (version 2)");
        assertContains(output, "Bob's copy still holds version 1");
        assertContains(output, "body \"Bob's careful rewrite.\"");
        assertContains(output, "the import overwrites it on purpose: #1 \"Release notes (imported)\" (version 5)");
        assertContains(output, "isChanged(4) = true");
        assertContains(output, "Outside the scope checks apply again");
        assertContains(output, "A discount prepared from the morning's copy is refused");
        assertTrue(!output.contains("never reached"), output);
    }

    private static void assertContains(String output, String expected) {
        assertTrue(output.contains(expected), () -> "missing \"" + expected + "\" in:\n" + output);
    }
}
