package org.optilock.lombok;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.function.BiConsumer;
import java.util.function.BiFunction;
import java.util.function.Function;
import java.util.function.Supplier;
import javax.sql.DataSource;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.EnumSource;
import org.optilock.lombok.lombokfirst.BuiltNoteDao;
import org.optilock.lombok.lombokfirst.DataNoteDao;
import org.optilock.lombok.lombokfirst.GetterSetterNoteDao;
import org.optilock.lombok.processorfirst.BuiltNote;
import org.optilock.lombok.processorfirst.DataNote;
import org.optilock.lombok.processorfirst.GetterSetterNote;
import org.optilock.lombok.processorfirst.ValueNote;
import org.optilock.runtime.RecordModifiedException;
import org.optilock.runtime.VersionedDao;

/**
 * Lombok entities whose accessors only Lombok writes, compiled with Optilock's processor before
 * Lombok's ({@code processorfirst}, the main sources) and after it ({@code lombokfirst}, the test
 * sources): in both orders the DAO is written, and it locks optimistically on a real database.
 */
@ParameterizedClass(name = "{0}")
@EnumSource(LombokEntitiesTest.Database.class)
class LombokEntitiesTest {

    enum Database { H2, POSTGRESQL }

    private static EmbeddedPostgres postgres;
    private static int h2Count;

    private final DataSource dataSource;

    LombokEntitiesTest(Database database) throws IOException, SQLException {
        this.dataSource = switch (database) {
            case H2 -> h2();
            case POSTGRESQL -> postgresql();
        };
        String identity = database == Database.H2 ? "BIGINT AUTO_INCREMENT PRIMARY KEY" : "BIGSERIAL PRIMARY KEY";
        try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement()) {
            for (String table : List.of("GetterSetterNote", "DataNote", "BuiltNote", "ValueNote")) {
                statement.execute("DROP TABLE IF EXISTS " + table);
                statement.execute("CREATE TABLE " + table + " (id " + identity + ", text VARCHAR(100)"
                        + (table.equals("DataNote") ? ", pinned BOOLEAN" : "") + ", version BIGINT)");
            }
        }
    }

    private static DataSource h2() {
        JdbcDataSource h2 = new JdbcDataSource();
        h2.setURL("jdbc:h2:mem:lombok" + (++h2Count) + ";DB_CLOSE_DELAY=-1");
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

    /** Inserts, updates, and refuses a stale copy, through Lombok's accessors alone. */
    private static <T> void locksOptimistically(VersionedDao<T, Long, Long> dao, Supplier<T> create,
            Function<T, Long> id, Function<T, Long> version, BiConsumer<T, String> setText, Function<T, String> text) {
        T inserted = dao.insert(create.get());
        assertEquals(1L, version.apply(inserted));
        T mine = dao.findById(id.apply(inserted)).orElseThrow();
        T theirs = dao.findById(id.apply(inserted)).orElseThrow();

        setText.accept(theirs, "theirs");
        dao.update(theirs);
        assertEquals(2L, version.apply(theirs));

        setText.accept(mine, "mine");
        RecordModifiedException conflict = assertThrows(RecordModifiedException.class, () -> dao.update(mine));
        assertEquals(2L, conflict.currentVersion());
        assertEquals("theirs", text.apply(dao.findById(id.apply(inserted)).orElseThrow()));
    }

    /** The same for an immutable entity: every write returns a new instance, the one given stays as it was. */
    private static <T> void locksOptimisticallyImmutable(VersionedDao<T, Long, Long> dao, T fresh,
            Function<T, Long> id, Function<T, Long> version, BiFunction<T, String, T> withText,
            Function<T, String> text) {
        T inserted = dao.insert(fresh);
        assertEquals(1L, version.apply(inserted));
        assertNull(id.apply(fresh), "the instance given is not changed");
        T mine = dao.findById(id.apply(inserted)).orElseThrow();

        T theirs = dao.update(withText.apply(dao.findById(id.apply(inserted)).orElseThrow(), "theirs"));
        assertEquals(2L, version.apply(theirs));

        RecordModifiedException conflict = assertThrows(RecordModifiedException.class,
                () -> dao.update(withText.apply(mine, "mine")));
        assertEquals(2L, conflict.currentVersion());
        assertEquals("theirs", text.apply(dao.findById(id.apply(inserted)).orElseThrow()));
    }

    @Test
    void valueWithTheProcessorFirst() {
        locksOptimisticallyImmutable(new org.optilock.lombok.processorfirst.ValueNoteDao(dataSource),
                new ValueNote(null, "value", 0), ValueNote::getId, ValueNote::getVersion, ValueNote::withText,
                ValueNote::getText);
    }

    @Test
    void valueWithLombokFirst() {
        locksOptimisticallyImmutable(new org.optilock.lombok.lombokfirst.ValueNoteDao(dataSource),
                new org.optilock.lombok.lombokfirst.ValueNote(null, "value", 0),
                org.optilock.lombok.lombokfirst.ValueNote::getId,
                org.optilock.lombok.lombokfirst.ValueNote::getVersion,
                org.optilock.lombok.lombokfirst.ValueNote::withText,
                org.optilock.lombok.lombokfirst.ValueNote::getText);
    }

    @Test
    void getterAndSetterWithTheProcessorFirst() {
        locksOptimistically(new org.optilock.lombok.processorfirst.GetterSetterNoteDao(dataSource),
                GetterSetterNote::new, GetterSetterNote::getId, GetterSetterNote::getVersion,
                GetterSetterNote::setText, GetterSetterNote::getText);
    }

    @Test
    void dataWithTheProcessorFirst() {
        locksOptimistically(new org.optilock.lombok.processorfirst.DataNoteDao(dataSource),
                DataNote::new, DataNote::getId, DataNote::getVersion, DataNote::setText, DataNote::getText);
    }

    @Test
    void builderWithTheProcessorFirst() {
        locksOptimistically(new org.optilock.lombok.processorfirst.BuiltNoteDao(dataSource),
                () -> BuiltNote.builder().text("built").build(), BuiltNote::getId, BuiltNote::getVersion,
                BuiltNote::setText, BuiltNote::getText);
    }

    @Test
    void getterAndSetterWithLombokFirst() {
        locksOptimistically(new GetterSetterNoteDao(dataSource),
                org.optilock.lombok.lombokfirst.GetterSetterNote::new,
                org.optilock.lombok.lombokfirst.GetterSetterNote::getId,
                org.optilock.lombok.lombokfirst.GetterSetterNote::getVersion,
                org.optilock.lombok.lombokfirst.GetterSetterNote::setText,
                org.optilock.lombok.lombokfirst.GetterSetterNote::getText);
    }

    @Test
    void dataWithLombokFirst() {
        locksOptimistically(new DataNoteDao(dataSource),
                org.optilock.lombok.lombokfirst.DataNote::new,
                org.optilock.lombok.lombokfirst.DataNote::getId,
                org.optilock.lombok.lombokfirst.DataNote::getVersion,
                org.optilock.lombok.lombokfirst.DataNote::setText,
                org.optilock.lombok.lombokfirst.DataNote::getText);
    }

    @Test
    void builderWithLombokFirst() {
        locksOptimistically(new BuiltNoteDao(dataSource),
                () -> org.optilock.lombok.lombokfirst.BuiltNote.builder().text("built").build(),
                org.optilock.lombok.lombokfirst.BuiltNote::getId,
                org.optilock.lombok.lombokfirst.BuiltNote::getVersion,
                org.optilock.lombok.lombokfirst.BuiltNote::setText,
                org.optilock.lombok.lombokfirst.BuiltNote::getText);
    }
}
