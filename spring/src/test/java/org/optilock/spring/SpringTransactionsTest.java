package org.optilock.spring;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;

import jakarta.data.exceptions.OptimisticLockingFailureException;
import java.util.List;
import javax.sql.DataSource;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.optilock.runtime.ConnectionSource;
import org.optilock.runtime.RecordModifiedException;
import org.optilock.spring.app.Memo;
import org.optilock.spring.app.MemoApplication;
import org.optilock.spring.app.MemoDao;
import org.optilock.spring.app.MemoService;
import org.optilock.spring.app.Memos;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionTemplate;

/** DAO beans in a real Spring Boot context, inside and outside Spring-managed transactions. */
@SpringBootTest(classes = MemoApplication.class)
class SpringTransactionsTest {

    @Autowired
    MemoDao memos;

    @Autowired
    Memos repository;

    @Autowired
    MemoService service;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    TransactionTemplate transactions;

    @Autowired
    ConnectionSource connections;

    @Autowired
    DataSource dataSource;

    @BeforeEach
    void emptyTable() {
        jdbc.update("DELETE FROM memo");
    }

    private String body(long id) {
        return jdbc.queryForObject("SELECT body FROM memo WHERE id = ?", String.class, id);
    }

    @Test
    void theDaoIsABeanOnSpringsConnectionsWithoutConfiguration() {
        assertInstanceOf(SpringConnectionSource.class, connections);
    }

    @Test
    void aTransactionalServiceThatFailsAfterAnUpdateLeavesTheRowAsItWas() {
        Memo memo = memos.insert(new Memo(1, "original"));
        memo.body = "rolled back";

        assertThrows(IllegalStateException.class, () -> service.updateThenFail(memo));

        assertEquals("original", body(1));
        assertEquals(1L, memos.currentVersion(1L).orElseThrow());
    }

    @Test
    void theRepositoryIsABeanWhoseWritesJoinTheTransaction() {
        Memo memo = repository.insert(new Memo(1, "original"));
        assertEquals(List.of(1L), repository.byBody("original").stream().map(m -> m.id).toList());
        memo.body = "rolled back";

        assertThrows(IllegalStateException.class, () -> service.updateThroughTheRepositoryThenFail(memo));

        assertEquals("original", body(1));
        Memo stale = repository.findById(1L).orElseThrow();
        stale.version = 0;
        assertThrows(OptimisticLockingFailureException.class, () -> repository.update(stale));
    }

    @Test
    void aConflictInTheSecondUpdateRollsBackTheFirst() {
        Memo first = memos.insert(new Memo(1, "first"));
        Memo second = memos.insert(new Memo(2, "second"));
        Memo staleSecond = memos.findById(2L).orElseThrow();
        memos.update(second);
        first.body = "changed";
        staleSecond.body = "stale";

        assertThrows(RecordModifiedException.class, () -> service.updateBoth(first, staleSecond));

        assertEquals("first", body(1), "the first update went with the transaction");
    }

    @Test
    void jdbcTemplateAndTheDaoSeeEachOthersUncommittedWritesInOneTransaction() {
        assertEquals("from the DAO", service.mixedWrites(7));
        assertEquals("from the DAO", body(7));

        transactions.executeWithoutResult(status -> {
            service.mixedWrites(8);
            status.setRollbackOnly();
        });
        assertEquals(0, jdbc.queryForObject("SELECT COUNT(*) FROM memo WHERE id = 8", Integer.class));
    }

    @Test
    void outsideATransactionEachCallCommits() {
        Memo memo = memos.insert(new Memo(1, "inserted"));
        memo.body = "updated";
        memos.update(memo);
        assertEquals("updated", body(1));
        assertEquals(2L, memo.version);
    }

    @Test
    void withoutSpringConnectionSourceTheSameWorkEscapesTheRollback() {
        // What the bean avoids: a DAO on connections of its own commits them inside the transaction.
        MemoDao escaping = new MemoDao(dataSource);
        Memo memo = memos.insert(new Memo(1, "original"));

        transactions.executeWithoutResult(status -> {
            memo.body = "escaped";
            escaping.update(memo);
            status.setRollbackOnly();
        });

        assertEquals("escaped", body(1), "the update survived the rollback: the failure the bean prevents");
        memo.body = "rolled back";
        transactions.executeWithoutResult(status -> {
            memos.update(memo);
            status.setRollbackOnly();
        });
        assertEquals("escaped", body(1));
    }
}
