package org.optilock.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.EnumSource;
import org.optilock.it.library.LibraryUser;
import org.optilock.it.support.DatabaseKind;
import org.optilock.it.support.TestDatabase;
import org.optilock.runtime.BatchPolicy;
import org.optilock.runtime.BatchResult;
import org.optilock.runtime.ConcurrencyCheck;
import org.optilock.runtime.RecordModifiedException;
import org.optilock.runtime.Versioned;

/** A class without annotations, versioned from outside (django-concurrency's apply_concurrency_check). */
@ParameterizedClass(name = "{0}")
@EnumSource(DatabaseKind.class)
class ThirdPartyClassTest {

    private final TestDatabase database;
    private final LibraryUserDao users;

    ThirdPartyClassTest(DatabaseKind kind) {
        this.database = TestDatabase.create(kind);
        this.users = new LibraryUserDao(database.dataSource());
    }

    @AfterEach
    void closeDatabase() {
        database.close();
    }

    private static LibraryUser user(long id, String name) {
        LibraryUser user = new LibraryUser();
        user.setId(id);
        user.setName(name);
        user.setActive(true);
        return user;
    }

    @Test
    void theVersionTravelsBesideTheEntity() {
        LibraryUser ada = user(1, "Ada");
        Versioned<LibraryUser> inserted = users.insert(Versioned.unversioned(ada));
        assertSame(ada, inserted.value());
        assertEquals(1L, inserted.version());

        Versioned<LibraryUser> mine = users.findById(1L).orElseThrow();
        Versioned<LibraryUser> theirs = users.findById(1L).orElseThrow();
        assertEquals("Ada", mine.value().getName());
        assertNull(mine.value().getCachedDisplayName(), "ignored properties are not columns");

        theirs.value().setName("Ada Lovelace");
        Versioned<LibraryUser> saved = users.update(theirs);
        assertEquals(2L, saved.version());
        assertEquals(1L, theirs.version(), "the version the caller holds is never changed behind its back");

        mine.value().setActive(false);
        RecordModifiedException conflict = assertThrows(RecordModifiedException.class, () -> users.update(mine));
        assertEquals(2L, conflict.currentVersion());
        Versioned<LibraryUser> current = conflict.<Versioned<LibraryUser>>current().orElseThrow();
        assertEquals("Ada Lovelace", current.value().getName());
        assertTrue(users.isChanged(mine));
        assertThrows(RecordModifiedException.class, () -> users.delete(mine));

        users.delete(saved);
        assertTrue(users.findAll().isEmpty());
    }

    @Test
    void batchesAndTheTestHelper() {
        Versioned<LibraryUser> first = users.insert(Versioned.unversioned(user(1, "a")));
        Versioned<LibraryUser> second = users.insert(Versioned.unversioned(user(2, "b")));
        users.update(users.findById(2L).orElseThrow());

        BatchResult<Versioned<LibraryUser>> result = users.updateAll(List.of(first, second), BatchPolicy.SILENT);
        assertEquals(1, result.applied().size());
        assertEquals(2L, result.applied().get(0).version());
        assertEquals(2L, result.conflicts().get(0).id());

        ConcurrencyCheck.of(users)
                .creating(() -> Versioned.unversioned(user(9, "check")))
                .identifiedBy(versioned -> versioned.value().getId())
                .versionedBy(Versioned::version)
                .changing(versioned -> {
                    versioned.value().setName("changed");
                    return versioned;
                })
                .verify();
    }
}
