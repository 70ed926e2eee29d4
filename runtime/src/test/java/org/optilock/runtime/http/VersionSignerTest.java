package org.optilock.runtime.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
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
}
