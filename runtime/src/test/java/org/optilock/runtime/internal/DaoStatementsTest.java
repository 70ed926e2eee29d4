package org.optilock.runtime.internal;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.optilock.runtime.internal.DaoStatements.EXPECTED_UNSET;
import static org.optilock.runtime.internal.DaoStatements.EXPECTED_VERSION;
import static org.optilock.runtime.internal.DaoStatements.INCREMENT;
import static org.optilock.runtime.internal.DaoStatements.NEW_VERSION;

import java.util.HashSet;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.optilock.runtime.Dialect;

/** What the engine derives from a DAO's statements once, when the DAO is built. */
class DaoStatementsTest {

    @Test
    void aPlainUpdateBindsItsNewVersionAndNamesEachColumnOnce() {
        DaoStatements.Update update = DaoStatements.Update.of(new DaoStatements.Statement(
                "UPDATE t SET a = ?, b = ?, version = ? WHERE id = ? AND version = ? AND ? = 1",
                new int[] {2, 3, NEW_VERSION, 1, EXPECTED_VERSION, EXPECTED_UNSET}), Map.of());
        assertTrue(update.isPlain());
        assertTrue(update.bindsNewVersion());
        assertArrayEquals(new int[] {2, 3, 1}, update.columns());
    }

    @Test
    void anUpdateTheDatabaseVersionsHasOneStatementPerDatabase() {
        DaoStatements.Statement h2 = new DaoStatements.Statement("SELECT version FROM FINAL TABLE (...)",
                new int[] {INCREMENT, 2, 1});
        DaoStatements.Statement mysql = new DaoStatements.Statement("UPDATE ...", new int[] {INCREMENT, 2, 1});
        DaoStatements.Update update = DaoStatements.Update.of(null, Map.of(Dialect.H2, h2, Dialect.MYSQL, mysql));
        assertFalse(update.isPlain());
        assertFalse(update.bindsNewVersion(), "the database computes the version");
        assertEquals(h2, update.of(Dialect.H2));
        assertEquals(mysql, update.of(Dialect.MYSQL));
        assertArrayEquals(new int[] {2, 1}, update.columns());
    }

    @Test
    void theBuilderKeepsWhatTheDaoDeclares() {
        DaoStatements statements = DaoStatements.of(Note.class, VersionType.COUNTER_LONG, KeyType.LONG, "id", "title", "version")
                .insert("INSERT", "2 title, NEW_VERSION")
                .insertWithKey("INSERT WITH KEY", "id", "1 id, 2 title, NEW_VERSION")
                .delete("DELETE CHECKED", "1 id, EXPECTED_VERSION, EXPECTED_UNSET")
                .updateUnchecked(Dialect.H2, "UPDATE", "INCREMENT, 2 title, 1 id")
                .deleteUnchecked("DELETE", "1 id");
        assertEquals("Note", statements.name);
        assertArrayEquals(new String[] {"id"}, statements.generatedKeyColumns);
        assertArrayEquals(new int[] {1, 2, NEW_VERSION}, statements.insertWithKey.parameters());
        assertArrayEquals(new int[] {1, EXPECTED_VERSION, EXPECTED_UNSET}, statements.delete.parameters());
        assertArrayEquals(new int[] {INCREMENT, 2, 1}, statements.uncheckedUpdate().of(Dialect.H2).parameters());
    }

    @Test
    void aParameterThatNamesNoColumnOfTheDaoIsRefusedWithWhatItHas() {
        DaoStatements statements = DaoStatements.of(Note.class, VersionType.COUNTER_LONG, KeyType.LONG, "id", "title", "version");
        IllegalArgumentException wrongName = assertThrows(IllegalArgumentException.class,
                () -> statements.insert("INSERT INTO note (title) VALUES (?)", "2 body"));
        assertEquals("The parameter '2 body' of Note's statement INSERT INTO note (title) VALUES (?) is neither a column"
                + " of [id, title, version] as its number and name, nor NEW_VERSION, EXPECTED_VERSION, EXPECTED_UNSET or"
                + " INCREMENT", wrongName.getMessage());
        assertThrows(IllegalArgumentException.class, () -> statements.insert("INSERT", "4 extra"));
        assertThrows(IllegalArgumentException.class, () -> statements.insert("INSERT", "NEWER_VERSION"));
        assertThrows(IllegalArgumentException.class, () -> statements.insert("INSERT", "2"));
        assertThrows(IllegalArgumentException.class, () -> statements.insert("INSERT", "two title"));
    }

    @Test
    void aConditionalVersionMovedByOneWritesTheOneInsteadOfBindingIt() {
        String moving = "UPDATE note SET version = CASE WHEN title IS NOT ? THEN COALESCE(version, 0) + %s ELSE version END,"
                + " title = ? WHERE id = ? AND version = ? RETURNING version";
        DaoStatements statements = DaoStatements.of(Note.class, VersionType.COUNTER_LONG, KeyType.LONG, "id", "title", "version")
                .update(Dialect.SQLITE, moving.formatted("?"), "2 title, INCREMENT, 2 title, 1 id, EXPECTED_VERSION")
                .updateUnchecked(Dialect.SQLITE, "UPDATE", "2 title, INCREMENT, 2 title, 1 id");
        DaoStatements.Statement byOne = statements.incrementingByOne(statements.checkedUpdate().of(Dialect.SQLITE));
        assertEquals(moving.formatted("1"), byOne.sql());
        assertArrayEquals(new int[] {2, 2, 1, EXPECTED_VERSION}, byOne.parameters());

        DaoStatements.Statement trigger = new DaoStatements.Statement("UPDATE note SET title = ? WHERE id = ? RETURNING version",
                new int[] {2, 1});
        assertEquals(trigger, statements.incrementingByOne(trigger), "nothing to write where nothing moves the version");
        DaoStatements.Statement elsewhere = new DaoStatements.Statement(
                "UPDATE note SET version = version + ?, title = ? WHERE id = ?", new int[] {INCREMENT, 2, 1});
        assertEquals(elsewhere, statements.incrementingByOne(elsewhere), "kept where the increment is not where it is known");
        DaoStatements.Statement misnumbered = new DaoStatements.Statement(moving.formatted("?"),
                new int[] {INCREMENT, 2, 2, 1, EXPECTED_VERSION});
        assertEquals(misnumbered, statements.incrementingByOne(misnumbered), "kept where its ? is not the increment's");
    }

    @Test
    void aCounterMovedByOneIsWrittenAsTheColumnPlusOneInsteadOfBound() {
        DaoStatements statements = DaoStatements.of(Note.class, VersionType.COUNTER_LONG, KeyType.LONG, "id", "title", "version")
                .updateUnchecked("UPDATE note SET title = ?, version = ? WHERE id = ?", "2 title, NEW_VERSION, 1 id");
        DaoStatements.Statement plain = new DaoStatements.Statement(
                "UPDATE note SET title = ?, version = ? WHERE id = ? AND version = ?", new int[] {2, NEW_VERSION, 1, EXPECTED_VERSION});
        DaoStatements.Statement byOne = statements.movingCounterByOne(plain);
        assertEquals("UPDATE note SET title = ?, version = version + 1 WHERE id = ? AND version = ?", byOne.sql());
        assertArrayEquals(new int[] {2, 1, EXPECTED_VERSION}, byOne.parameters());

        DaoStatements.Statement unset = new DaoStatements.Statement(
                "UPDATE note SET title = ?, version = ? WHERE id = ? AND (version = ? OR (version IS NULL AND ? = 1))",
                new int[] {2, NEW_VERSION, 1, EXPECTED_VERSION, EXPECTED_UNSET});
        assertEquals(unset, statements.movingCounterByOne(unset), "kept where the row's version may be NULL");
        DaoStatements.Statement misnumbered = new DaoStatements.Statement(
                "UPDATE note SET version = ?, title = ? WHERE id = ? AND version = ?", new int[] {2, NEW_VERSION, 1, EXPECTED_VERSION});
        assertEquals(misnumbered, statements.movingCounterByOne(misnumbered), "kept where its ? is not the new version's");
        DaoStatements.Statement similar = new DaoStatements.Statement(
                "UPDATE note SET old_version = ?, title = ? WHERE id = ? AND version = ?", new int[] {NEW_VERSION, 2, 1, EXPECTED_VERSION});
        assertEquals(similar, statements.movingCounterByOne(similar), "kept where only another column's name ends alike");

        DaoStatements timestamps = DaoStatements.of(Note.class, VersionType.TIMESTAMP_INSTANT, KeyType.LONG, "id", "title", "version")
                .updateUnchecked("UPDATE note SET title = ?, version = ? WHERE id = ?", "2 title, NEW_VERSION, 1 id");
        assertEquals(plain, timestamps.movingCounterByOne(plain), "a timestamp is not the row's plus one");
    }

    @Test
    void aCountersFirstVersionIsWrittenAsOneInTheInsertInsteadOfBound() {
        DaoStatements statements = DaoStatements.of(Note.class, VersionType.COUNTER_INT, KeyType.LONG, "id", "title", "version")
                .insert("INSERT INTO note (title, version) VALUES (?, ?)", "2 title, NEW_VERSION");
        DaoStatements.Statement atOne = statements.startingCounterAtOne(statements.insert);
        assertEquals("INSERT INTO note (title, version) VALUES (?, 1)", atOne.sql());
        assertArrayEquals(new int[] {2}, atOne.parameters());
        assertEquals(atOne, statements.startingCounterAtOne(statements.insert), "made again, the same statement");

        DaoStatements.Statement quoted = new DaoStatements.Statement(
                "INSERT INTO \"what?\" (title, version, id) VALUES (?, ?, ?)", new int[] {2, NEW_VERSION, 1});
        assertEquals("INSERT INTO \"what?\" (title, version, id) VALUES (?, 1, ?)",
                statements.startingCounterAtOne(quoted).sql(), "a ? inside quotes is no parameter");
        DaoStatements.Statement update = new DaoStatements.Statement(
                "UPDATE note SET title = ?, version = ? WHERE id = ?", new int[] {2, NEW_VERSION, 1});
        assertEquals(update, statements.startingCounterAtOne(update), "only an INSERT starts a row");
        DaoStatements.Statement twice = new DaoStatements.Statement(
                "INSERT INTO note (version, copy) VALUES (?, ?)", new int[] {NEW_VERSION, NEW_VERSION});
        assertEquals(twice, statements.startingCounterAtOne(twice), "kept where the version is bound more than once");

        DaoStatements timestamps = DaoStatements.of(Note.class, VersionType.TIMESTAMP_INSTANT, KeyType.LONG, "id", "title", "version")
                .insert("INSERT INTO note (title, version) VALUES (?, ?)", "2 title, NEW_VERSION");
        assertEquals(timestamps.insert, timestamps.startingCounterAtOne(timestamps.insert), "a timestamp starts at the clock's time");
    }

    @Test
    void statementsOfTheSameTextAndParametersAreEqualSoTheFormsMadeOfThemAreKeptOnce() {
        DaoStatements.Statement one = new DaoStatements.Statement("UPDATE note SET title = ? WHERE id = ?", new int[] {2, 1});
        DaoStatements.Statement again = new DaoStatements.Statement("UPDATE note SET title = ? WHERE id = ?", new int[] {2, 1});
        assertEquals(one, again);
        assertEquals(one.hashCode(), again.hashCode());
        assertEquals(1, new HashSet<>(List.of(one, again)).size(), "one key in a map of the forms made");
        assertNotEquals(one, new DaoStatements.Statement("UPDATE note SET title = ? WHERE id = ?", new int[] {1, 2}));
        assertNotEquals(one, new DaoStatements.Statement("UPDATE note SET body = ? WHERE id = ?", new int[] {2, 1}));
    }

    @Test
    void aValueTheStatementNamesTwiceIsBoundOnceByItsNumber() {
        DaoStatements.Statement conditional = new DaoStatements.Statement("UPDATE note SET version = CASE WHEN title IS NOT ?"
                + " THEN COALESCE(version, 0) + 1 ELSE version END, title = ? WHERE id = ? AND version = ?",
                new int[] {2, 2, 1, EXPECTED_VERSION});
        DaoStatements.Statement once = conditional.eachValueBoundOnce();
        assertEquals("UPDATE note SET version = CASE WHEN title IS NOT ?1 THEN COALESCE(version, 0) + 1 ELSE version END,"
                + " title = ?1 WHERE id = ?2 AND version = ?3", once.sql());
        assertArrayEquals(new int[] {2, 1, EXPECTED_VERSION}, once.parameters());

        DaoStatements.Statement distinct = new DaoStatements.Statement("UPDATE note SET title = ? WHERE id = ?", new int[] {2, 1});
        assertEquals(distinct, distinct.eachValueBoundOnce(), "nothing to number where no value repeats");
        DaoStatements.Statement quoted = new DaoStatements.Statement("UPDATE \"what?\" SET a = ?, b = ? WHERE id = ?",
                new int[] {2, 2, 1});
        assertEquals("UPDATE \"what?\" SET a = ?1, b = ?1 WHERE id = ?2", quoted.eachValueBoundOnce().sql(),
                "a ? inside quotes is no parameter");
        DaoStatements.Statement miscounted = new DaoStatements.Statement("UPDATE t SET a = ?, b = ? WHERE id = ?",
                new int[] {2, 2});
        assertEquals(miscounted, miscounted.eachValueBoundOnce(), "kept where the parameters do not match its ?");
    }
}
