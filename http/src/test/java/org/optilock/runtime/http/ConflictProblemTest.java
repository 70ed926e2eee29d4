package org.optilock.runtime.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.optilock.runtime.Merge;
import org.optilock.runtime.RecordModifiedException;

class ConflictProblemTest {

    @Test
    void describesBothSidesAndTheDifferences() {
        RecordModifiedException conflict = new RecordModifiedException("mine", String.class, 7L, 1L, "theirs", 2L);
        Map<String, Object> attempted = new LinkedHashMap<>();
        attempted.put("title", "Mine \"quoted\"");
        attempted.put("body", "same");
        Map<String, Object> current = new LinkedHashMap<>();
        current.put("title", "Theirs <b>");
        current.put("body", "same");

        ConflictProblem problem = ConflictProblem.of(conflict, attempted, current);

        assertEquals(409, problem.status());
        assertEquals(List.of("title"), problem.differences());
        assertEquals("{\"type\":\"https://optilock.org/problems/record-modified\","
                + "\"title\":\"The record was changed by someone else\",\"status\":409,"
                + "\"detail\":" + JsonText.of(problem.detail()) + ",\"currentVersion\":2,\"currentETag\":\"\\\"2\\\"\","
                + "\"attempted\":{\"title\":\"Mine \\\"quoted\\\"\",\"body\":\"same\"},"
                + "\"current\":{\"title\":\"Theirs \\u003cb\\u003e\",\"body\":\"same\"},"
                + "\"differences\":[\"title\"]}", problem.toJson());
    }

    /** The exception's message advises the Java code that caught it; an HTTP client gets HTTP advice. */
    @Test
    void theDetailSpeaksToAnHttpClient() {
        RecordModifiedException conflict = new RecordModifiedException("mine", String.class, 7L, 1L, "theirs", 2L);
        String detail = ConflictProblem.of(conflict, Map.of(), null).detail();
        assertEquals("String 7 was changed by someone else: the request was based on version 1, and the record is at"
                + " version 2 now. Nothing was written; read the record again (its ETag is \"2\"), reapply the change"
                + " and send it with that ETag in If-Match.", detail);
        assertTrue(conflict.getMessage().contains("current()"), "the exception still names the Java API");

        RecordModifiedException deleted = new RecordModifiedException("mine", String.class, 7L, 1L, null, null);
        assertEquals("String 7 no longer exists: it was deleted after version 1 was read. Nothing was written; read"
                + " the collection again.", ConflictProblem.of(deleted, Map.of(), null).detail());
    }

    @Test
    void aDeletedRowHasNoCurrentSide() {
        RecordModifiedException deleted = new RecordModifiedException("mine", String.class, 7L, 1L, null, null);
        ConflictProblem problem = ConflictProblem.of(deleted, Map.of("title", "x"), null);
        assertEquals("The record was deleted by someone else", problem.title());
        assertEquals(List.of(), problem.differences());
        assertEquals(null, problem.current());
    }

    @Test
    void theTitleFollowsTheConflictNotTheMapOfTheCurrentRow() {
        RecordModifiedException modified = new RecordModifiedException("mine", String.class, 7L, 1L, "theirs", 2L);
        ConflictProblem problem = ConflictProblem.of(modified, Map.of("title", "x"), null);
        assertEquals("The record was changed by someone else", problem.title());
        assertEquals(2L, problem.currentVersion());
    }

    @Test
    void afterAMergeListsOnlyTheFieldsBothSidesChanged() {
        RecordModifiedException conflict = new RecordModifiedException("mine", String.class, 7L, 1L, "theirs", 2L);
        ConflictProblem problem = ConflictProblem.of(conflict, Map.of("title", "Mine", "body", "Mine"),
                Map.of("title", "Theirs", "body", "Theirs"));
        assertEquals(null, problem.conflictingFields(), "no merge was tried");
        assertEquals(false, problem.toJson().contains("conflictingFields"));

        ConflictProblem merged = problem.afterMerge(new Merge<>("theirs", List.of("title")));

        assertEquals(List.of("title"), merged.conflictingFields());
        assertEquals(List.of("title", "body").size(), merged.differences().size(), "the differences stay as they were");
        assertTrue(merged.detail().endsWith(" Both sides changed: title."), merged.detail());
        assertTrue(merged.toJson().endsWith(",\"conflictingFields\":[\"title\"]}"), merged.toJson());
    }
}
