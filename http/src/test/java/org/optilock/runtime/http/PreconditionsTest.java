package org.optilock.runtime.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.optilock.runtime.http.Preconditions.Precondition;

class PreconditionsTest {

    @Test
    void versionsAreStrongTags() {
        assertEquals("\"7\"", EntityTag.ofVersion(7L).toString());
        assertEquals("\"2026-11-25T10:00:00.123456Z\"",
                EntityTag.ofVersion(Instant.parse("2026-11-25T10:00:00.123456Z")).toString());
        assertEquals("\"~YSBi\"", EntityTag.ofVersion("a b").toString(), "a space cannot stand in a tag");
        assertEquals("\"YSBi\"", EntityTag.ofVersion("YSBi").toString());
        assertEquals("\"~fllTQmk\"", EntityTag.ofVersion("~YSBi").toString(),
                "a version that looks encoded is encoded itself, so it cannot meet the tag of \"a b\"");
    }

    @ParameterizedTest(name = "If-Match {0} against version 7 -> {1}")
    @CsvSource(delimiter = '|', value = {
        "\"7\"                | PROCEED",
        "\"6\"                | FAILED",
        "\"6\", \"7\"         | PROCEED",
        "\"6\",\"8\"          | FAILED",
        "W/\"7\"              | FAILED",
        "*                    | PROCEED",
        "  \"7\"              | PROCEED",
        "\"a,b\", \"7\"       | PROCEED",
        "7                    | MALFORMED",
        "\"7                  | MALFORMED",
        "\"7\" \"8\"          | MALFORMED",
        "W/7                  | MALFORMED",
        "''                   | MALFORMED",
    })
    void ifMatch(String header, Precondition expected) {
        assertEquals(expected, Preconditions.forWrite(header, 7L, true));
    }

    @Test
    void aMissingIfMatchIsRequiredOnlyWhenAsked() {
        assertEquals(Precondition.REQUIRED, Preconditions.forWrite(null, 7L, true));
        assertEquals(428, Precondition.REQUIRED.status());
        assertEquals(Precondition.PROCEED, Preconditions.forWrite(null, 7L, false));
    }

    @Test
    void ifMatchOnAResourceThatIsGoneFails() {
        assertEquals(Precondition.FAILED, Preconditions.forWrite("*", null, true));
        assertEquals(Precondition.FAILED, Preconditions.forWrite("\"7\"", null, true));
        assertEquals(412, Precondition.FAILED.status());
    }

    @ParameterizedTest(name = "If-None-Match {0} against version 7 -> {1}")
    @CsvSource(delimiter = '|', value = {
        "\"7\"         | NOT_MODIFIED",
        "W/\"7\"       | NOT_MODIFIED",
        "\"6\"         | PROCEED",
        "\"6\", W/\"7\" | NOT_MODIFIED",
        "*             | NOT_MODIFIED",
        "garbage       | MALFORMED",
    })
    void ifNoneMatch(String header, Precondition expected) {
        assertEquals(expected, Preconditions.forRead(header, 7L));
    }

    @Test
    void noIfNoneMatchProceeds() {
        assertEquals(Precondition.PROCEED, Preconditions.forRead(null, 7L));
        assertEquals(Precondition.PROCEED, Preconditions.forRead("*", null));
    }

    @Test
    void tagListsKeepCommasInsideQuotes() {
        assertEquals(List.of(new EntityTag("a,b", false), new EntityTag("c", true)),
                TagCondition.parse("\"a,b\" , W/\"c\"").orElseThrow().tags());
    }

    @ParameterizedTest
    @ValueSource(strings = {"a\"b", "a b", "tab\there"})
    void tagsRefuseCharactersTheyCannotHold(String opaque) {
        assertThrows(IllegalArgumentException.class, () -> new EntityTag(opaque, false));
    }

    @Test
    void aRepeatedHeaderIsOneList() {
        assertEquals(Precondition.PROCEED, Preconditions.forWriteLines(List.of("\"1\"", "\"7\""), 7L, true));
        assertEquals(Precondition.FAILED, Preconditions.forWriteLines(List.of("\"1\"", "\"2\""), 7L, true));
        assertEquals(Precondition.REQUIRED, Preconditions.forWriteLines(List.of(), 7L, true));
        assertEquals(Precondition.MALFORMED, Preconditions.forWriteLines(List.of("\"1\"", "7"), 7L, true));
        assertEquals(Precondition.NOT_MODIFIED, Preconditions.forReadLines(List.of("\"1\"", "W/\"7\""), 7L));
        assertEquals(Precondition.MALFORMED, Preconditions.forReadLines(List.of("W/7"), 7L));
        assertEquals(Precondition.PROCEED, Preconditions.forReadLines(List.of(), 7L));
    }
}
