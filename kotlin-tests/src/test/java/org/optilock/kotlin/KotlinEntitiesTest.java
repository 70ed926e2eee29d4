package org.optilock.kotlin;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Map;
import javax.sql.DataSource;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.EnumSource;
import org.optilock.runtime.RecordModifiedException;

/** Kotlin entities whose DAOs kapt had Optilock's processor write, on a real database. */
@ParameterizedClass(name = "{0}")
@EnumSource(KotlinEntitiesTest.Database.class)
class KotlinEntitiesTest {

    enum Database { H2, POSTGRESQL }

    private static EmbeddedPostgres postgres;
    private static int h2Count;

    private final DataSource dataSource;

    KotlinEntitiesTest(Database database) throws IOException, SQLException {
        this.dataSource = database == Database.H2 ? h2() : postgresql();
        String identity = database == Database.H2 ? "BIGINT AUTO_INCREMENT PRIMARY KEY" : "BIGSERIAL PRIMARY KEY";
        Map<String, String> tables = Map.of("Task", "title", "Label", "text", "Memo", "body");
        try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement()) {
            for (Map.Entry<String, String> table : tables.entrySet()) {
                statement.execute("DROP TABLE IF EXISTS " + table.getKey());
                statement.execute("CREATE TABLE " + table.getKey() + " (id " + identity + ", " + table.getValue()
                        + " VARCHAR(100), version BIGINT)");
            }
        }
    }

    private static DataSource h2() {
        JdbcDataSource h2 = new JdbcDataSource();
        h2.setURL("jdbc:h2:mem:kotlin" + (++h2Count) + ";DB_CLOSE_DELAY=-1");
        return h2;
    }

    private static synchronized DataSource postgresql() throws IOException {
        if (postgres == null) {
            postgres = EmbeddedPostgres.builder().start();
        }
        return postgres.getPostgresDatabase();
    }

    @AfterAll
    static void stopPostgresql() throws IOException {
        if (postgres != null) {
            postgres.close();
            postgres = null;
        }
    }

    @Test
    void aDataClassOfVarsIsWrittenInPlace() {
        TaskDao tasks = new TaskDao(dataSource);
        Task task = new Task();
        task.setTitle("ship it");
        tasks.insert(task);
        assertEquals(1L, task.getVersion());

        Task mine = tasks.findById(task.getId()).orElseThrow();
        Task theirs = tasks.findById(task.getId()).orElseThrow();
        theirs.setTitle("theirs");
        tasks.update(theirs);
        mine.setTitle("mine");
        RecordModifiedException conflict = assertThrows(RecordModifiedException.class, () -> tasks.update(mine));
        assertEquals(2L, conflict.currentVersion());
        assertEquals(theirs, tasks.findById(task.getId()).orElseThrow(), "a data class compares by value");
    }

    @Test
    void aDataClassOfValsGetsNewInstances() {
        LabelDao labels = new LabelDao(dataSource);
        Label fresh = new Label(null, "fragile", 0);
        Label inserted = labels.insert(fresh);
        assertNotSame(fresh, inserted);
        assertNull(fresh.getId());
        assertEquals(1L, inserted.getVersion());

        Label mine = labels.findById(inserted.getId()).orElseThrow();
        Label read = labels.findById(inserted.getId()).orElseThrow();
        Label theirs = labels.update(read.copy(read.getId(), "this side up", read.getVersion()));
        assertEquals(2L, theirs.getVersion());
        assertThrows(RecordModifiedException.class, () -> labels.update(mine.copy(mine.getId(), "mine", mine.getVersion())));
        assertEquals("this side up", labels.findById(inserted.getId()).orElseThrow().getText());
    }

    @Test
    void aLateinitPropertyIsAColumn() {
        MemoDao memos = new MemoDao(dataSource);
        Memo memo = new Memo();
        memo.body = "remember";
        memos.insert(memo);
        Memo stale = memos.findById(memo.getId()).orElseThrow();
        memo.body = "changed";
        memos.update(memo);
        stale.body = "stale";
        assertThrows(RecordModifiedException.class, () -> memos.update(stale));
        assertEquals("changed", memos.findById(memo.getId()).orElseThrow().body);
    }
}
