package org.optilock.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.EnumSource;
import org.optilock.it.support.DatabaseKind;
import org.optilock.it.support.TestDatabase;
import org.optilock.runtime.OptilockSettings;
import org.optilock.runtime.RecordModifiedException;

/** Global and per-DAO settings. */
@ParameterizedClass(name = "{0}")
@EnumSource(DatabaseKind.class)
class SettingsTest {

    private final TestDatabase database;
    private final ArticleDao articles;

    SettingsTest(DatabaseKind kind) {
        this.database = TestDatabase.create(kind);
        this.articles = new ArticleDao(database.dataSource());
    }

    @AfterEach
    void restore() throws SQLException {
        OptilockSettings.setGlobal(OptilockSettings.DEFAULTS);
        database.close();
    }

    @Test
    void globalSwitchTurnsChecksOffForDaosWithoutTheirOwnSettings() {
        Article article = articles.insert(new Article("x", "y"));
        ArticleDao strict = new ArticleDao(database.dataSource(), OptilockSettings.DEFAULTS);

        OptilockSettings.setGlobal(OptilockSettings.builder().enabled(false).build());

        Article stale = StaleCopies.of(articles, article);
        assertThrows(RecordModifiedException.class, () -> strict.update(stale), "own settings win");
        articles.update(stale);
        assertEquals(3L, articles.currentVersion(article.id).orElseThrow());
    }

    @Test
    void conflictListenerHearsEveryConflictAndCannotSwallowIt() {
        List<RecordModifiedException> heard = new ArrayList<>();
        ArticleDao listened = new ArticleDao(database.dataSource(),
                OptilockSettings.builder().conflictListener(heard::add).build());
        Article article = listened.insert(new Article("x", "y"));
        Article stale = StaleCopies.of(articles, article);

        RecordModifiedException thrown = assertThrows(RecordModifiedException.class, () -> listened.update(stale));
        assertThrows(RecordModifiedException.class, () -> listened.delete(stale));

        assertEquals(2, heard.size());
        assertSame(thrown, heard.get(0));
    }

    @Test
    void anUnsetVersionIsCheckedWhenRequired() {
        Article article = articles.insert(new Article("x", "y"));
        Article unversioned = new Article("Client sent version 0", "y");
        unversioned.id = article.id;

        RecordModifiedException conflict = assertThrows(RecordModifiedException.class, () -> articles.update(unversioned));
        assertEquals(0L, conflict.expectedVersion());
        assertEquals("x", articles.findById(article.id).orElseThrow().title);
    }

    @Test
    void anUnsetVersionSkipsTheCheckWhenNotRequired() {
        ArticleDao lenient = new ArticleDao(database.dataSource(),
                OptilockSettings.builder().versionFieldRequired(false).build());
        Article article = lenient.insert(new Article("x", "y"));
        articles.update(article);
        Article unversioned = new Article("Taken without a version", "y");
        unversioned.id = article.id;

        lenient.update(unversioned);

        Article stored = articles.findById(article.id).orElseThrow();
        assertEquals("Taken without a version", stored.title);
        assertEquals(3, stored.version, "the row's version moved on from 2; it never goes back to 1");
        Article stale = new Article("A real stale version is still refused", "y");
        stale.id = article.id;
        stale.version = 2;
        assertThrows(RecordModifiedException.class, () -> lenient.update(stale));
    }
}
