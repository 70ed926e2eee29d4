package org.optilock.runtime.internal;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.LongStream;
import org.junit.jupiter.api.Test;

/** The check that refuses a batch naming one row twice. */
class RepeatedRowsTest {

    @Test
    void distinctKeysPassHoweverManyAndWhateverTheirOrder() {
        List<Long> keys = new ArrayList<>(LongStream.rangeClosed(1, 10_000).boxed().toList());
        assertNull(RepeatedRows.first(keys.toArray()));
        keys.sort((a, b) -> Long.compare(b * 7919 % 10_007, a * 7919 % 10_007));
        assertNull(RepeatedRows.first(keys.toArray()));
        assertNull(RepeatedRows.first(List.of().toArray()));
        assertNull(RepeatedRows.first(List.of(5L).toArray()));
    }

    @Test
    void theFirstRepeatIsNamedWithTheEntityItRepeats() {
        List<Long> keys = new ArrayList<>(LongStream.rangeClosed(1, 5_000).boxed().toList());
        keys.add(4_321L);
        keys.add(17L);
        assertArrayEquals(new int[] {4_320, 5_000}, RepeatedRows.first(keys.toArray()));
        assertArrayEquals(new int[] {0, 1}, RepeatedRows.first(List.of(9L, 9L).toArray()));
    }

    @Test
    void keysInAscendingOrderPassAndARepeatAmongThemIsStillFound() {
        List<Long> keys = new ArrayList<>(LongStream.rangeClosed(1, 10_000).boxed().toList());
        assertNull(RepeatedRows.first(keys.toArray()));
        keys.add(10_000L);
        assertArrayEquals(new int[] {9_999, 10_000}, RepeatedRows.first(keys.toArray()));
        keys.set(10_000, 1L);
        assertArrayEquals(new int[] {0, 10_000}, RepeatedRows.first(keys.toArray()));
        assertArrayEquals(new int[] {1, 2}, RepeatedRows.first(new Object[] {"a", "b", "b"}));
        assertNull(RepeatedRows.first(new Object[] {1L, 2, 3L}));
    }

    @Test
    void keysWithOneHashAreToldApartByEquals() {
        List<Colliding> keys = new ArrayList<>();
        for (int i = 0; i < 300; i++) {
            keys.add(new Colliding("key " + i));
        }
        assertNull(RepeatedRows.first(keys.toArray()));
        keys.add(new Colliding("key 123"));
        assertArrayEquals(new int[] {123, 300}, RepeatedRows.first(keys.toArray()));
    }

    @Test
    void twoMissingKeysAreOneRowAndOneIsNot() {
        assertNull(RepeatedRows.first(Arrays.asList(1L, null, 2L).toArray()));
        assertArrayEquals(new int[] {1, 3}, RepeatedRows.first(Arrays.asList(1L, null, 2L, null).toArray()));
    }

    /** A key whose hash is the same for every value, as a careless composite key's may be. */
    private record Colliding(String name) {
        @Override
        public int hashCode() {
            return 42;
        }
    }
}
