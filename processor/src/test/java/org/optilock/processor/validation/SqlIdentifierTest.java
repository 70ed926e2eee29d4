package org.optilock.processor.validation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Optional;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class SqlIdentifierTest {

    @ParameterizedTest
    @ValueSource(strings = {"article", "Article", "_private", "first_name", "t2", "\"Order\"", "\"select\""})
    void acceptsPlainAndQuotedIdentifiers(String name) {
        assertEquals(Optional.empty(), SqlIdentifier.problem(name));
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "2fast", "first-name", "name with space", "a;DROP TABLE x", "x' OR '1'='1",
        "a--", "a/*", "\"a\"\"b\"", "\"a;b\"", "select", "ORDER", "user", "Value"})
    void refusesEverythingElse(String name) {
        assertTrue(SqlIdentifier.problem(name).isPresent(), name);
    }

    @ParameterizedTest
    @ValueSource(strings = {"app.article", "\"App\".article"})
    void acceptsASchema(String name) {
        assertEquals(Optional.empty(), SqlIdentifier.qualifiedProblem(name));
    }

    @ParameterizedTest
    @ValueSource(strings = {"app.", ".article", "a.b.c", "app.order"})
    void refusesBrokenQualifiedNames(String name) {
        assertTrue(SqlIdentifier.qualifiedProblem(name).isPresent(), name);
    }

    @org.junit.jupiter.api.Test
    void refusesNamesPostgresWouldCut() {
        assertEquals(Optional.empty(), SqlIdentifier.problem("a".repeat(63)));
        assertTrue(SqlIdentifier.problem("a".repeat(64)).orElseThrow().contains("64 characters"));
    }
}
