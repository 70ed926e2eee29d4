package org.optilock.runtime.http;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.Base64;
import java.util.Map;
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
 *
 * <p>A form that should merge after a conflict also signs the values it showed, its {@code base}:
 *
 * <pre>{@code
 * String token = signer.signWithBase("Article", article.id, article.version,
 *         Map.of("title", article.title, "body", article.body));
 * SignedBase read = signer.verifyWithBase("Article", id, request.getParameter("version"));
 * Article base = new Article(read.value("title"), read.value("body"));   // id and version as usual
 * }</pre>
 *
 * A token with a base is {@code <version>.<base>.<signature>}; {@link #verify} takes it too.
 */
public final class VersionSigner {

    private static final String ALGORITHM = "HmacSHA256";
    private static final Base64.Encoder ENCODER = Base64.getUrlEncoder().withoutPadding();
    private static final Base64.Decoder DECODER = Base64.getUrlDecoder();

    private final SecretKeySpec key;

    /**
     * @param secret the application's secret key, at least 32 bytes, the same on every node
     * @throws IllegalArgumentException if it is shorter, or one byte repeated
     */
    public VersionSigner(byte[] secret) {
        if (secret == null || secret.length < 32) {
            throw new IllegalArgumentException("A version signing key needs at least 32 bytes (256 bits)");
        }
        if (isOneByteRepeated(secret)) {
            throw new IllegalArgumentException("A version signing key of one byte repeated (all zeros, say) is no secret:"
                    + " take 32 random bytes, such as SecureRandom gives");
        }
        this.key = new SecretKeySpec(secret.clone(), ALGORITHM);
    }

    private static boolean isOneByteRepeated(byte[] bytes) {
        for (byte b : bytes) {
            if (b != bytes[0]) {
                return false;
            }
        }
        return true;
    }

    /** The token of {@code version} for the record {@code kind}/{@code id}. */
    public String sign(String kind, Object id, Object version) {
        String text = String.valueOf(Objects.requireNonNull(version, "version"));
        return ENCODER.encodeToString(text.getBytes(StandardCharsets.UTF_8)) + "." + signature(kind, id, text);
    }

    /**
     * The token of {@code version} and of the values the form showed, {@code base}, for the record
     * {@code kind}/{@code id}. Each value is signed as {@code String.valueOf} of it, null as null.
     */
    public String signWithBase(String kind, Object id, Object version, Map<String, ?> base) {
        String text = String.valueOf(Objects.requireNonNull(version, "version"));
        String values = SignedBase.encode(Objects.requireNonNull(base, "base"));
        return ENCODER.encodeToString(text.getBytes(StandardCharsets.UTF_8)) + "." + values + "."
                + signature(kind, id, text, values);
    }

    /**
     * The version a token carries, as text, if it was signed for this record, with or without a base.
     *
     * @throws VersionSignatureException if the token is missing, malformed or its signature does not hold
     */
    public String verify(String kind, Object id, String token) {
        return open(kind, id, token).version();
    }

    /**
     * The version and the base a token carries, if it was signed for this record by
     * {@link #signWithBase}.
     *
     * @throws VersionSignatureException if the token is missing, malformed or its signature does not
     *     hold, or if it carries no base (a form rendered before the page signed one: merging it would
     *     take every field as changed)
     */
    public SignedBase verifyWithBase(String kind, Object id, String token) {
        SignedBase read = open(kind, id, token);
        if (read.values().isEmpty() && token.indexOf('.') == token.lastIndexOf('.')) {
            throw new VersionSignatureException(
                    "The form carries no signed base to merge with; reload the page and edit again.");
        }
        return read;
    }

    private SignedBase open(String kind, Object id, String token) {
        if (token == null || token.isEmpty()) {
            throw new VersionSignatureException("The form carries no signed version; reload the page and try again.");
        }
        String[] parts = token.split("\\.", -1);
        if (parts.length < 2 || parts.length > 3 || parts[0].isEmpty()) {
            throw new VersionSignatureException("The form's version token is malformed.");
        }
        String version;
        try {
            version = new String(DECODER.decode(parts[0]), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            throw new VersionSignatureException("The form's version token is malformed.");
        }
        boolean withBase = parts.length == 3;
        String signed = withBase ? signature(kind, id, version, parts[1]) : signature(kind, id, version);
        byte[] expected = signed.getBytes(StandardCharsets.US_ASCII);
        byte[] given = parts[parts.length - 1].getBytes(StandardCharsets.US_ASCII);
        if (!MessageDigest.isEqual(expected, given)) {
            throw new VersionSignatureException("The form's version was altered or belongs to another record.");
        }
        // Only a segment this server signed is decoded.
        return new SignedBase(version, withBase ? SignedBase.decode(parts[1]) : Map.of());
    }

    private String signature(String kind, Object id, String version) {
        // Lengths first, so that no two (kind, id, version) triples sign the same bytes.
        return mac(kind.length() + ":" + kind + "|" + String.valueOf(id).length() + ":" + id + "|" + version);
    }

    private String signature(String kind, Object id, String version, String base) {
        // "base|" first: a payload without a base starts with a digit, so the two never coincide.
        return mac("base|" + kind.length() + ":" + kind + "|" + String.valueOf(id).length() + ":" + id + "|"
                + version.length() + ":" + version + "|" + base);
    }

    private String mac(String payload) {
        try {
            Mac mac = Mac.getInstance(ALGORITHM);
            mac.init(key);
            return ENCODER.encodeToString(mac.doFinal(payload.getBytes(StandardCharsets.UTF_8)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is part of every Java runtime", e);
        }
    }
}
