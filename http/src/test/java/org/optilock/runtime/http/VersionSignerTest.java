package org.optilock.runtime.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class VersionSignerTest {

    private final VersionSigner signer =
            new VersionSigner("a secret key of thirty-two bytes!".getBytes(StandardCharsets.UTF_8));

    @Test
    void roundTrip() {
        String token = signer.sign("Article", 7L, 3L);
        assertEquals("3", signer.verify("Article", 7L, token));
        assertTrue(token.matches("[A-Za-z0-9_-]+\\.[A-Za-z0-9_-]+"), token);
    }

    @Test
    void aForgedVersionIsRefused() {
        String token = signer.sign("Article", 7L, 3L);
        String forged = "NA" + token.substring(token.indexOf('.')); // "4", base64url, with 3's signature
        VersionSignatureException refused =
                assertThrows(VersionSignatureException.class, () -> signer.verify("Article", 7L, forged));
        assertTrue(refused.getMessage().contains("altered"));
    }

    @Test
    void aTokenOfAnotherRecordOrKindIsRefused() {
        String token = signer.sign("Article", 7L, 3L);
        assertThrows(VersionSignatureException.class, () -> signer.verify("Article", 8L, token));
        assertThrows(VersionSignatureException.class, () -> signer.verify("Invoice", 7L, token));
        // Moving characters between kind and id must not keep the signature valid.
        assertNotEquals(signer.sign("Ab", "c", 1), signer.sign("A", "bc", 1));
    }

    @Test
    void missingOrMalformedTokensAreRefused() {
        assertThrows(VersionSignatureException.class, () -> signer.verify("Article", 7L, null));
        assertThrows(VersionSignatureException.class, () -> signer.verify("Article", 7L, ""));
        assertThrows(VersionSignatureException.class, () -> signer.verify("Article", 7L, "no-dot"));
        assertThrows(VersionSignatureException.class, () -> signer.verify("Article", 7L, "a.b.c"));
        assertThrows(VersionSignatureException.class, () -> signer.verify("Article", 7L, "!!!.abc"));
        String token = signer.sign("Article", 7L, 3L);
        assertThrows(VersionSignatureException.class, () -> signer.verify("Article", 7L, token + "x"));
    }

    @Test
    void anotherKeyCannotVerify() {
        VersionSigner other = new VersionSigner("another secret key of 32 bytes!!".getBytes(StandardCharsets.UTF_8));
        assertThrows(VersionSignatureException.class, () -> other.verify("Article", 7L, signer.sign("Article", 7L, 3L)));
    }

    @Test
    void shortKeysAreRefused() {
        assertThrows(IllegalArgumentException.class, () -> new VersionSigner(new byte[16]));
    }

    @Test
    void aBaseTravelsWithTheVersionUnderOneSignature() {
        Map<String, Object> base = new LinkedHashMap<>();
        base.put("title", "Ünïcode: 3:4 | a.b");
        base.put("body", null);
        base.put("note", "");
        base.put("count", 12);
        String token = signer.signWithBase("Article", 7L, 3L, base);

        SignedBase read = signer.verifyWithBase("Article", 7L, token);

        assertEquals("3", read.version());
        assertEquals(List.of("title", "body", "note", "count"), List.copyOf(read.values().keySet()));
        assertEquals("Ünïcode: 3:4 | a.b", read.value("title"));
        assertNull(read.value("body"), "null stays null");
        assertEquals("", read.value("note"), "and the empty text stays empty");
        assertEquals("12", read.value("count"));
        assertEquals("3", signer.verify("Article", 7L, token), "a token with a base still gives its version");
        assertTrue(token.matches("[A-Za-z0-9_-]+\\.[A-Za-z0-9_-]*\\.[A-Za-z0-9_-]+"), token);
    }

    @Test
    void aChangedBaseOrOneMovedToAnotherTokenIsRefused() {
        String token = signer.signWithBase("Article", 7L, 3L, Map.of("title", "Old"));
        String[] parts = token.split("\\.");
        String otherBase = signer.signWithBase("Article", 7L, 3L, Map.of("title", "New")).split("\\.")[1];
        assertThrows(VersionSignatureException.class,
                () -> signer.verifyWithBase("Article", 7L, parts[0] + "." + otherBase + "." + parts[2]));
        String laterVersion = signer.signWithBase("Article", 7L, 4L, Map.of("title", "Old")).split("\\.")[0];
        assertThrows(VersionSignatureException.class,
                () -> signer.verifyWithBase("Article", 7L, laterVersion + "." + parts[1] + "." + parts[2]));
        assertThrows(VersionSignatureException.class, () -> signer.verifyWithBase("Article", 8L, token));
        // Dropping the base does not leave a token signed for the version alone.
        assertThrows(VersionSignatureException.class, () -> signer.verify("Article", 7L, parts[0] + "." + parts[2]));
    }

    @Test
    void aTokenWithoutBaseCannotBeMergedAndAFieldItDidNotSignIsNamed() {
        String plain = signer.sign("Article", 7L, 3L);
        VersionSignatureException noBase =
                assertThrows(VersionSignatureException.class, () -> signer.verifyWithBase("Article", 7L, plain));
        assertTrue(noBase.getMessage().contains("no signed base"), noBase.getMessage());

        SignedBase read = signer.verifyWithBase("Article", 7L, signer.signWithBase("Article", 7L, 3L, Map.of()));
        assertEquals(Map.of(), read.values(), "an empty base is a base");
        VersionSignatureException missing = assertThrows(VersionSignatureException.class, () -> read.value("title"));
        assertTrue(missing.getMessage().contains("\"title\""), missing.getMessage());
    }

    @Test
    void malformedBasesAreRefusedEvenWhenSigned() {
        for (String text : List.of("5:title", "x:a", "3:abc4:", ":a", "99999999999:a", "-1:a")) {
            String segment = Base64.getUrlEncoder().withoutPadding().encodeToString(text.getBytes(StandardCharsets.UTF_8));
            assertThrows(VersionSignatureException.class, () -> SignedBase.decode(segment), text);
        }
        assertThrows(VersionSignatureException.class, () -> SignedBase.decode("!!"));
    }
}
