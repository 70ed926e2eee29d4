package org.optilock.processor.validation;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class NamingConventionTest {

    @ParameterizedTest
    @CsvSource({
        "firstName, first_name",
        "Article, article",
        "ReadingLog, reading_log",
        "HTTPRequest, http_request",
        "userID, user_id",
        "version2, version2",
        "address2Line, address2_line",
        "already_snake, already_snake",
        "x, x",
    })
    void snakeCase(String java, String sql) {
        assertEquals(sql, NamingConvention.SNAKE_CASE.apply(java));
    }

    @Test
    void asIsKeepsTheJavaName() {
        assertEquals("firstName", NamingConvention.AS_IS.apply("firstName"));
    }

    @Test
    void optionValues() {
        assertEquals(Optional.of(NamingConvention.SNAKE_CASE), NamingConvention.fromOption("snake_case"));
        assertEquals(Optional.of(NamingConvention.AS_IS), NamingConvention.fromOption("as_is"));
        assertEquals(Optional.empty(), NamingConvention.fromOption("camelCase"));
    }
}
