package org.optilock.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.EnumSource;
import org.optilock.it.support.CuttingProxy;
import org.optilock.it.support.CuttingProxy.Cut;
import org.optilock.it.support.DatabaseKind;
import org.optilock.it.support.TestDatabase;
import org.optilock.runtime.RecordModifiedException;
import org.optilock.runtime.WriteOutcomeUnknownException;

/**
 * In-doubt writes provoked for real on the two databases a network separates from the application:
 * the connection is cut between the driver and the server, with the server's answer to the COMMIT (or
 * to an UPDATE that commits itself) on its way back, or before the server got it. The driver sees a
 * reset connection either way; the DAO says the outcome is unknown and leaves the entity as it was;
 * the row's version then says which it was, and the version check refuses to apply a landed write
 * twice.
 */
@ParameterizedClass(name = "{0}")
@EnumSource(value = DatabaseKind.class, names = {"POSTGRESQL", "MARIADB"})
class InDoubtOverTheWireTest {

    private final TestDatabase database;
    private final CounterDao counters;
    private final CuttingProxy proxy;

    InDoubtOverTheWireTest(DatabaseKind kind) {
        this.database = TestDatabase.create(kind);
        this.counters = new CounterDao(database.dataSource());
        this.proxy = CuttingProxy.inFrontOf(database);
    }

    @AfterEach
    void close() {
        proxy.close();
        database.close();
    }

    private int storedTotal() {
        return database.queryLong("SELECT total FROM counter WHERE name = 'a'").intValue();
    }

    /** What an update through the proxy, its connection cut at {@code cut} after it sends {@code marker}, left. */
    private record CutUpdate(CounterDao dao, Counter counter, WriteOutcomeUnknownException failure) {}

    /**
     * Inserts counter "a" at 0, and sets it to 1 through the proxy, on a pool in auto-commit or not,
     * with the connection cut at {@code cut} once the driver sends {@code marker}: the DAO must say the
     * outcome is unknown, and leave the entity as it was.
     */
    private CutUpdate updateCut(boolean autoCommit, String marker, Cut cut) {
        counters.insert(new Counter("a"));
        CounterDao throughTheProxy = new CounterDao(proxy.dataSource(autoCommit));
        Counter counter = throughTheProxy.findById("a").orElseThrow();
        counter.total = 1;

        proxy.cutAt(marker, cut);
        WriteOutcomeUnknownException failure = assertThrows(WriteOutcomeUnknownException.class,
                () -> throughTheProxy.update(counter));

        assertTrue(proxy.hasCut());
        assertEquals(1, counter.version, "the entity is as it was");
        return new CutUpdate(throughTheProxy, counter, failure);
    }

    @Test
    void aCommitDoneByTheServerWhoseAnswerIsCutIsInDoubtAndLanded() {
        CutUpdate update = updateCut(false, "COMMIT", Cut.AFTER_THE_SERVER_ANSWERED);

        assertTrue(update.failure().getMessage().contains("lost during the commit"), update.failure().getMessage());
        assertEquals(update.failure().versionIfWritten().orElseThrow(), counters.findById("a").orElseThrow().version,
                "it landed");
        assertEquals(1, storedTotal());
        assertThrows(RecordModifiedException.class, () -> update.dao().update(update.counter()), "and is not applied twice");
        assertEquals(1, storedTotal());
    }

    @Test
    void aCommitCutBeforeTheServerGotItIsInDoubtAndDidNotLand() {
        CutUpdate update = updateCut(false, "COMMIT", Cut.BEFORE_THE_SERVER_GETS_IT);

        assertEquals(update.failure().expectedVersion().orElseThrow(), counters.findById("a").orElseThrow().version,
                "the server rolled it back");
        update.dao().update(update.counter());
        assertEquals(1, storedTotal(), "saved again, once");
    }

    @Test
    void anUpdateInAutoCommitWhoseAnswerIsCutIsInDoubtAndLanded() {
        CutUpdate update = updateCut(true, "UPDATE", Cut.AFTER_THE_SERVER_ANSWERED);

        assertTrue(update.failure().getMessage().contains("while its statement ran in auto-commit mode"),
                update.failure().getMessage());
        assertEquals(update.failure().versionIfWritten().orElseThrow(), counters.findById("a").orElseThrow().version);
        assertThrows(RecordModifiedException.class, () -> update.dao().update(update.counter()));
        assertEquals(1, storedTotal());
    }
}
