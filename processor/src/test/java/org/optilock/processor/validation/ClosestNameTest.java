package org.optilock.processor.validation;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class ClosestNameTest {

    @Test
    void suggestsTheNearestNameForATypo() {
        assertEquals(Optional.of("title"), ClosestName.to("titel", List.of("id", "title", "body")));
        assertEquals(Optional.of("firstName"), ClosestName.to("firstname", List.of("firstName", "lastName")));
    }

    @Test
    void staysSilentWhenNothingIsClose() {
        assertEquals(Optional.empty(), ClosestName.to("price", List.of("id", "title", "body")));
    }
}
