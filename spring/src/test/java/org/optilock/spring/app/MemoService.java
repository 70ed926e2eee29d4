package org.optilock.spring.app;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Transactional work on memos, as an application's service does it. */
@Service
public class MemoService {

    private final MemoDao memos;
    private final Memos repository;
    private final JdbcTemplate jdbc;

    public MemoService(MemoDao memos, Memos repository, JdbcTemplate jdbc) {
        this.memos = memos;
        this.repository = repository;
        this.jdbc = jdbc;
    }

    /** Updates the memo through the repository, then fails: the update must not survive. */
    @Transactional
    public void updateThroughTheRepositoryThenFail(Memo memo) {
        repository.update(memo);
        throw new IllegalStateException("failed after the update");
    }

    /** Updates the memo, then fails: the update must not survive. */
    @Transactional
    public void updateThenFail(Memo memo) {
        memos.update(memo);
        throw new IllegalStateException("failed after the update");
    }

    /** Updates both memos in one transaction. */
    @Transactional
    public void updateBoth(Memo first, Memo second) {
        memos.update(first);
        memos.update(second);
    }

    /** Writes through JdbcTemplate and the DAO in one transaction; each sees the other's uncommitted write. */
    @Transactional
    public String mixedWrites(long id) {
        jdbc.update("INSERT INTO memo (id, body, version) VALUES (?, 'from JdbcTemplate', 1)", id);
        Memo memo = memos.findById(id).orElseThrow();
        memo.body = "from the DAO";
        memos.update(memo);
        return jdbc.queryForObject("SELECT body FROM memo WHERE id = ?", String.class, id);
    }
}
