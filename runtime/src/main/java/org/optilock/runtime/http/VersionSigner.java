package org.optilock.runtime.http;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.Base64;
import java.util.Objects;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Signs the version that an edit form carries in a hidden field, so that a client can neither forge
 * a version nor move one to another record. A token is {@code <version>.<signature>}, the signature
 * an HMAC-SHA256 over the record's kind, key and version with the application's secret key;
 * verification compares in constant time.
 *
 * <pre>{@code
 * VersionSigner signer = new VersionSigner(secretKeyBytes);          // at least 32 bytes
 * String token = signer.sign("Article", article.id, article.version);  // into <input type="hidden">
 * String version = signer.verify("Article", id, request.getParameter("version"));  // back as text
 * }</pre>
 */
public final class VersionSigner {

    private static final String ALGORITHM = "HmacSHA256";
    private static final Base64.Encoder ENCODER = Base64.getUrlEncoder().withoutPadding();
    private static final Base64.Decoder DECODER = Base64.getUrlDecoder();

    private final SecretKeySpec key;

    /**
     * @param secret the application's secret key, at least 32 bytes, the same on every node
     * @throws IllegalArgumentException if it is shorter
     */
    public VersionSigner(byte[] secret) {
        if (secret == null || secret.length < 32) {
            throw new IllegalArgumentException("A version signing key needs at least 32 bytes (256 bits)");
        }
        this.key = new SecretKeySpec(secret.clone(), ALGORITHM);
    }

    /** The token of {@code version} for the record {@code kind}/{@code id}. */
    public String sign(String kind, Object id, Object version) {
        String text = String.valueOf(Objects.requireNonNull(version, "version"));
        return ENCODER.encodeToString(text.getBytes(StandardCharsets.UTF_8)) + "." + signature(kind, id, text);
    }

    /**
     * The version a token carries, as text, if it was signed for this record.
     *
     * @throws VersionSignatureException if the token is missing, malformed or its signature does not hold
     */
    public String verify(String kind, Object id, String token) {
        if (token == null || token.isEmpty()) {
            throw new VersionSignatureException("The form carries no signed version; reload the page and try again.");
        }
        int dot = token.indexOf('.');
        if (dot <= 0 || dot != token.lastIndexOf('.')) {
            throw new VersionSignatureException("The form's version token is malformed.");
        }
        String version;
        try {
            version = new String(DECODER.decode(token.substring(0, dot)), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            throw new VersionSignatureException("The form's version token is malformed.");
        }
        byte[] expected = signature(kind, id, version).getBytes(StandardCharsets.US_ASCII);
        byte[] given = token.substring(dot + 1).getBytes(StandardCharsets.US_ASCII);
        if (!MessageDigest.isEqual(expected, given)) {
            throw new VersionSignatureException("The form's version was altered or belongs to another record.");
        }
        return version;
    }

    private String signature(String kind, Object id, String version) {
        try {
            Mac mac = Mac.getInstance(ALGORITHM);
            mac.init(key);
            // Lengths first, so that no two (kind, id, version) triples sign the same bytes.
            String payload = kind.length() + ":" + kind + "|" + String.valueOf(id).length() + ":" + id + "|" + version;
            return ENCODER.encodeToString(mac.doFinal(payload.getBytes(StandardCharsets.UTF_8)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is part of every Java runtime", e);
        }
    }
}
