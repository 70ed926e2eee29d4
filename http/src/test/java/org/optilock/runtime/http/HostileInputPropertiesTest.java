package org.optilock.runtime.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Assume;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.Tuple;
import net.jqwik.api.constraints.IntRange;

/**
 * What a hostile or sloppy client can send the HTTP helpers: arbitrary header text, arbitrary
 * versions, and every change to a signed token. Each property runs its tries with the seed printed
 * on failure.
 */
class HostileInputPropertiesTest {

    private static final VersionSigner SIGNER =
            new VersionSigner("a secret key of thirty-two bytes!".getBytes(StandardCharsets.UTF_8));

    /** Header text: mostly the characters tags are made of, with any other character mixed in. */
    @Provide
    Arbitrary<String> headers() {
        Arbitrary<Character> tagLike = Arbitraries.of('"', ',', ' ', '*', 'W', '/', '1', '2', 'a', '~', '\t');
        Arbitrary<Character> any = Arbitraries.chars();
        return Arbitraries.frequencyOf(Tuple.of(4, tagLike), Tuple.of(1, any))
                .list().ofMaxSize(30)
                .map(chars -> chars.stream().map(String::valueOf).reduce("", String::concat));
    }

    @Property(tries = 2000)
    void anyHeaderGetsADocumentedAnswerAndNothingElse(@ForAll("headers") String header, @ForAll long version) {
        assertNotNull(Preconditions.forWrite(header, version, true));
        assertNotNull(Preconditions.forWrite(header, null, false));
        assertNotNull(Preconditions.forRead(header, version));
        assertNotNull(Preconditions.forWriteLines(List.of(header, header), version, true));
        assertNotNull(Preconditions.forReadLines(List.of(header), version));
        try {
            TagCondition.parse(header);
        } catch (IllegalArgumentException documented) {
            // The one failure parse documents: Preconditions turns it into MALFORMED.
            assertEquals(Preconditions.Precondition.MALFORMED, Preconditions.forWrite(header, version, true));
        }
    }

    @Property(tries = 2000)
    void aVersionsTagReadsBackAsItselfAndNoTwoVersionsShareOne(@ForAll String one, @ForAll String other) {
        EntityTag tag = EntityTag.ofVersion(one);
        assertEquals(List.of(tag), EntityTag.parseList(tag.toString()), "the tag as sent parses back to itself");
        assertEquals(Preconditions.Precondition.PROCEED, Preconditions.forWrite(tag.toString(), one, true));
        Assume.that(!one.equals(other));
        assertNotEquals(tag, EntityTag.ofVersion(other), () -> "'" + one + "' and '" + other + "' share a tag");
    }

    @Example
    void versionsThatDifferOnlyInLoneSurrogatesGetDifferentTags() {
        assertNotEquals(EntityTag.ofVersion("v\uD800"), EntityTag.ofVersion("v\uD801"));
        assertNotEquals(EntityTag.ofVersion("\uDC00"), EntityTag.ofVersion("?"));
        EntityTag paired = EntityTag.ofVersion("\uD83D\uDE00");
        assertEquals(List.of(paired), EntityTag.parseList(paired.toString()));
    }

    @Property(tries = 1000)
    void noChangeToASignedTokenVerifies(@ForAll @IntRange(min = 0, max = 1_000_000) long version,
            @ForAll("edits") Edit edit, @ForAll int position, @ForAll char replacement) {
        String token = SIGNER.signWithBase("Article", 7L, version, Map.of("title", "Title " + version));
        String changed = edit.apply(token, Math.floorMod(position, token.length()), replacement);
        Assume.that(!changed.equals(token));
        assertThrows(VersionSignatureException.class, () -> SIGNER.verify("Article", 7L, changed), changed);
        assertThrows(VersionSignatureException.class, () -> SIGNER.verify("Article", 8L, token));
        assertThrows(VersionSignatureException.class, () -> SIGNER.verify("Invoice", 7L, token));
    }

    /** A change a client could make to a token. */
    enum Edit {
        FLIP {
            @Override
            String apply(String token, int at, char replacement) {
                return token.substring(0, at) + replacement + token.substring(at + 1);
            }
        },
        TRUNCATE {
            @Override
            String apply(String token, int at, char replacement) {
                return token.substring(0, at);
            }
        },
        INSERT {
            @Override
            String apply(String token, int at, char replacement) {
                return token.substring(0, at) + replacement + token.substring(at);
            }
        },
        CONCATENATE {
            @Override
            String apply(String token, int at, char replacement) {
                return token + "." + SIGNER.sign("Article", 7L, at);
            }
        };

        abstract String apply(String token, int at, char replacement);
    }

    @Provide
    Arbitrary<Edit> edits() {
        return Arbitraries.of(Edit.class);
    }

    @Property(tries = 200)
    void weakKeysAreRefused(@ForAll @IntRange(min = 0, max = 31) int length, @ForAll @IntRange(min = 32, max = 64) int zeros) {
        assertThrows(IllegalArgumentException.class, () -> new VersionSigner(new byte[length]));
        assertThrows(IllegalArgumentException.class, () -> new VersionSigner(new byte[zeros]), "an all-zero key");
        byte[] same = new byte[zeros];
        Arrays.fill(same, (byte) 7);
        assertThrows(IllegalArgumentException.class, () -> new VersionSigner(same), "one byte repeated");
    }
}
