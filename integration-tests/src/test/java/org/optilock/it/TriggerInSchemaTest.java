package org.optilock.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import javax.sql.DataSource;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.EnumSource;
import org.optilock.it.support.DatabaseKind;
import org.optilock.it.support.FailingStatementDataSource;
import org.optilock.it.support.SecondSchema;
import org.optilock.it.support.TestDatabase;
import org.optilock.runtime.DataAccessException;
import org.optilock.runtime.RecordModifiedException;
import org.optilock.runtime.Triggers;

/** Version triggers of a table in a schema of its own ({@code @Table(schema = "app")}). */
@ParameterizedClass(name = "{0}")
@EnumSource(DatabaseKind.class)
class TriggerInSchemaTest {

    private static final String TRIGGER = "app.optilock_job_version";

    private final TestDatabase database;
    private final SecondSchema schema;
    private final DataSource dataSource;

    TriggerInSchemaTest(DatabaseKind kind) {
        this.database = TestDatabase.create(kind);
        this.schema = SecondSchema.create(database,
                "CREATE TABLE app.job (id BIGINT PRIMARY KEY, title VARCHAR(100), version BIGINT NOT NULL)");
        this.dataSource = schema.dataSource();
    }

    @AfterEach
    void closeDatabase() {
        schema.close();
        database.close();
    }

    private long storedVersion() {
        JobDao jobs = new JobDao(dataSource);
        return jobs.currentVersion(1L).orElseThrow();
    }

    @Test
    void createListAndDropFindTheTriggerInItsSchemaAndAreIdempotent() {
        assertEquals(List.of(TRIGGER), Triggers.create(dataSource, Job.class));
        assertEquals(List.of(), Triggers.create(dataSource, Job.class), "the second create finds the first");
        assertEquals(List.of(TRIGGER), Triggers.list(dataSource, SecondSchema.NAME));
        assertEquals(List.of(TRIGGER), Triggers.list(dataSource), "listed with its schema from the connection's own");
        Triggers.create(dataSource, Ticket.class);
        assertEquals(List.of(TRIGGER, "optilock_ticket_version"), Triggers.list(dataSource),
                "the current schema's own by name, the other's qualified");
        Triggers.drop(dataSource, Ticket.class);

        JobDao jobs = new JobDao(dataSource);
        Job job = jobs.insert(new Job(1, "Nightly"));
        Job stale = jobs.findById(1L).orElseThrow();
        schema.execute("UPDATE app.job SET title = 'Changed by a script' WHERE id = 1");
        assertEquals(2L, storedVersion(), "the trigger moved the version of an update from outside");
        assertThrows(RecordModifiedException.class, () -> jobs.update(stale));
        Job fresh = jobs.findById(1L).orElseThrow();
        fresh.title = "Weekly";
        jobs.update(fresh);
        assertEquals(3L, fresh.version);
        assertEquals(1L, job.version);

        assertEquals(List.of(TRIGGER), Triggers.drop(dataSource, Job.class));
        assertEquals(List.of(), Triggers.drop(dataSource, Job.class));
        assertEquals(List.of(), Triggers.list(dataSource, SecondSchema.NAME));
        schema.execute("UPDATE app.job SET title = 'Untracked' WHERE id = 1");
        assertEquals(3L, storedVersion(), "no trigger is left to move the version");
        if (database.kind() == DatabaseKind.POSTGRESQL) {
            assertEquals(0L, database.queryLong("SELECT COUNT(*) FROM pg_proc p JOIN pg_namespace n"
                    + " ON n.oid = p.pronamespace WHERE n.nspname = 'app' AND p.proname = 'optilock_job_version'"),
                    "drop leaves no trigger function behind");
        }
    }

    @Test
    void aCreateThatFailsHalfWayLeavesNoTriggerBehind() {
        // The last statement of the create fails: the comment on H2 and PostgreSQL, the trigger itself elsewhere.
        String last = switch (database.kind()) {
            case H2, POSTGRESQL -> "COMMENT ON TRIGGER";
            case SQLITE, MARIADB -> "CREATE TRIGGER";
        };
        DataSource failing = FailingStatementDataSource.failing(dataSource, last);

        assertThrows(DataAccessException.class, () -> Triggers.create(failing, Job.class));

        assertEquals(List.of(), Triggers.list(dataSource, SecondSchema.NAME));
        JobDao jobs = new JobDao(dataSource);
        jobs.insert(new Job(1, "Nightly"));
        assertEquals(1, schema.execute("UPDATE app.job SET title = 'Still writable' WHERE id = 1"),
                "no half-made trigger breaks updates of the table");
        assertEquals(List.of(TRIGGER), Triggers.create(dataSource, Job.class));
    }
}
