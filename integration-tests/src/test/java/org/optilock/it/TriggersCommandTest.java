package org.optilock.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.EnumSource;
import org.optilock.it.support.DatabaseKind;
import org.optilock.it.support.TestDatabase;
import org.optilock.runtime.Triggers;
import org.optilock.runtime.TriggersCommand;

/** The trigger command line, as an operator would run it. */
@ParameterizedClass(name = "{0}")
@EnumSource(DatabaseKind.class)
class TriggersCommandTest {

    private final TestDatabase database;
    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    TriggersCommandTest(DatabaseKind kind) {
        this.database = TestDatabase.create(kind);
    }

    @AfterEach
    void closeDatabase() {
        database.close();
    }

    private int run(String... args) {
        out.reset();
        err.reset();
        return TriggersCommand.run(args, new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
    }

    private String out() {
        return out.toString(StandardCharsets.UTF_8);
    }

    private String err() {
        return err.toString(StandardCharsets.UTF_8);
    }

    @Test
    void createListDrop() {
        String url = database.jdbcUrl();
        String ticket = Ticket.class.getName();

        assertEquals(0, run("create", "--url", url, ticket));
        assertEquals("created optilock_ticket_version on Ticket\n", out());
        assertEquals(0, run("create", "--url", url, ticket));
        assertEquals("already there: optilock_ticket_version on Ticket\n", out());
        assertEquals(List.of("optilock_ticket_version"), Triggers.list(database.dataSource()));

        assertEquals(0, run("list", "--url", url));
        assertEquals("optilock_ticket_version\n", out());

        assertEquals(0, run("drop", "--url", url, ticket));
        assertEquals("dropped optilock_ticket_version on Ticket\n", out());
        assertEquals(0, run("drop", "--url", url, ticket));
        assertEquals("not there: optilock_ticket_version on Ticket\n", out());
        assertEquals(0, run("list", "--url", url));
        assertEquals("(no version triggers)\n", out());
    }

    @Test
    void badInputExitsNonZeroWithAClearMessage() {
        String url = database.jdbcUrl();
        assertEquals(2, run());
        assertTrue(err().startsWith("usage: TriggersCommand"), err());
        assertEquals(2, run("rebuild", "--url", url));
        assertTrue(err().startsWith("Unknown command 'rebuild'"), err());
        assertEquals(2, run("create", Ticket.class.getName()));
        assertTrue(err().startsWith("--url is required"), err());
        assertEquals(2, run("create", "--url", url));
        assertTrue(err().startsWith("create needs at least one entity class"), err());
        assertEquals(2, run("list", "--url"));
        assertTrue(err().startsWith("--url needs a value"), err());
        assertEquals(2, run("list", "--url", url, "--verbose"));
        assertTrue(err().startsWith("Unknown option --verbose"), err());

        assertEquals(1, run("create", "--url", url, "com.acme.Missing"));
        assertTrue(err().contains("No class com.acme.Missing on the class path"), err());
        assertEquals(1, run("create", "--url", url, Article.class.getName()));
        assertTrue(err().contains("does not use Strategy.TRIGGER"), err());
        assertEquals(1, run("list", "--url", "jdbc:nosuchdb:x"));
        assertTrue(err().startsWith("The database refused"), err());
        assertEquals("", out());
    }
}
