package org.optilock.runtime.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.EnumSet;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.optilock.runtime.Dialect;

/** Every database Optilock detects has exactly one class of its own. (The integration tests run each against its database.) */
class DialectSupportTest {

    @Test
    void everyDialectHasItsOwnSupport() {
        for (Dialect dialect : Dialect.values()) {
            assertEquals(dialect, DialectSupport.of(dialect).dialect());
        }
    }

    @Test
    void theListOfEveryDatabaseHasEachOnce() {
        Set<Dialect> listed = DialectSupport.all().stream().map(DialectSupport::dialect).collect(Collectors.toSet());
        assertEquals(EnumSet.allOf(Dialect.class), listed);
        assertEquals(Dialect.values().length, DialectSupport.all().size());
    }

    @Test
    void thePostgresqlInstantTextKeepsMicrosecondsAndTheOffset() {
        assertEquals("2026-12-05 06:56:01.123456+00:00",
                PostgresqlSupport.text(java.time.Instant.parse("2026-12-05T06:56:01.123456789Z")));
    }
}
