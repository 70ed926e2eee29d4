package org.optilock.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.function.Function;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.statistics.Statistics;
import org.h2.jdbcx.JdbcDataSource;
import org.optilock.runtime.Merge;

/**
 * The generated merge, on random triples of copies: a change only one side made is never lost, a
 * change both made alike is kept, and only a field both changed differently is a conflict. Values are
 * drawn from small sets, so that equal and different values (and values the database takes as equal,
 * 1.0 and 1.00, two offsets of one instant, two arrays of the same bytes) meet often.
 */
class MergePropertiesTest {

    /** A merged field: its name, how to read it, in declaration order. */
    private record Field(String name, Function<Sample, Object> value) {}

    private static final List<Field> FIELDS = List.of(
            new Field("boxedNumber", sample -> sample.boxedNumber),
            new Field("text", sample -> sample.text),
            new Field("amount", sample -> sample.amount),
            new Field("payload", sample -> sample.payload),
            new Field("status", sample -> sample.status),
            new Field("offsetTime", sample -> sample.offsetTime));

    private static final Instant NOON = Instant.parse("2026-11-28T12:00:00Z");

    // Merging reads no row: the DAO is never asked to connect.
    private final SampleDao samples = new SampleDao(new JdbcDataSource());

    @Provide
    Arbitrary<Sample> copies() {
        Arbitrary<Integer> numbers = Arbitraries.of(0, 1, 2).injectNull(0.2);
        Arbitrary<String> texts = Arbitraries.of("", "a", "b").injectNull(0.2);
        Arbitrary<BigDecimal> amounts = Arbitraries.of("1", "1.0", "1.00", "2.5").map(BigDecimal::new).injectNull(0.2);
        Arbitrary<byte[]> payloads = Arbitraries.of(0, 1, 2).map(n -> new byte[n]).injectNull(0.2);
        Arbitrary<Sample.Status> statuses = Arbitraries.of(Sample.Status.class).injectNull(0.2);
        Arbitrary<OffsetDateTime> times = Combinators.combine(Arbitraries.of(0L, 3600L), Arbitraries.of(0, 2))
                .as((seconds, hours) -> NOON.plusSeconds(seconds).atOffset(ZoneOffset.ofHours(hours)))
                .injectNull(0.2);
        return Combinators.combine(numbers, texts, amounts, payloads, statuses, times)
                .as((number, text, amount, payload, status, time) -> {
                    Sample sample = new Sample();
                    sample.boxedNumber = number;
                    sample.text = text;
                    sample.amount = amount;
                    sample.payload = payload;
                    sample.status = status;
                    sample.offsetTime = time;
                    return sample;
                });
    }

    @Property(tries = 2000)
    void noOneSidedChangeIsLostAndOnlyDifferentChangesOfBothCollide(
            @ForAll("copies") Sample base, @ForAll("copies") Sample mine, @ForAll("copies") Sample theirs) {
        theirs.id = 7;
        theirs.version = NOON.atOffset(ZoneOffset.UTC);

        Merge<Sample> merge = samples.merge(base, mine, theirs);

        List<String> colliding = new ArrayList<>();
        for (Field field : FIELDS) {
            Object was = field.value().apply(base);
            Object ours = field.value().apply(mine);
            Object their = field.value().apply(theirs);
            Object merged = field.value().apply(merge.merged());
            boolean mineChanged = !sameForTheDatabase(was, ours);
            boolean theirsChanged = !sameForTheDatabase(was, their);
            if (mineChanged && theirsChanged && !sameForTheDatabase(ours, their)) {
                colliding.add(field.name());
                assertSame(their, merged, field.name() + ": a collision keeps theirs");
                Statistics.label("fields").collect("both, differently");
            } else if (mineChanged) {
                assertTrue(sameForTheDatabase(ours, merged), field.name() + ": mine's change is kept");
                Statistics.label("fields").collect(theirsChanged ? "both, alike" : "mine only");
            } else {
                assertSame(their, merged, field.name() + ": theirs, changed or not, stays");
                Statistics.label("fields").collect(theirsChanged ? "theirs only" : "neither");
            }
        }
        assertEquals(colliding, merge.conflictingFields(), "the collisions, in declaration order");
        assertEquals(7, merge.merged().id, "the key is theirs'");
        assertEquals(theirs.version, merge.merged().version, "the version is theirs'");
    }

    /** Equality as the columns compare: numbers by value, arrays by content, times by instant. */
    private static boolean sameForTheDatabase(Object left, Object right) {
        if (left instanceof BigDecimal a && right instanceof BigDecimal b) {
            return a.compareTo(b) == 0;
        }
        if (left instanceof byte[] a && right instanceof byte[] b) {
            return Arrays.equals(a, b);
        }
        if (left instanceof OffsetDateTime a && right instanceof OffsetDateTime b) {
            return a.isEqual(b);
        }
        return Objects.equals(left, right);
    }
}
