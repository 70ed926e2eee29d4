package org.optilock.runtime.http;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * What a form read, carried back by its signed version token: the version and the values of the
 * fields the user could edit, as they were when the form was rendered. They are the {@code base} of a
 * three-way merge when the save conflicts ({@code dao.merge(base, mine, theirs)}).
 *
 * <p>The values travel inside the token, under the same signature as the version, so a client can
 * neither change them nor pair them with another version or record; {@code null} and the empty text
 * stay apart, which hidden form fields cannot promise.
 *
 * @param version the version the form was rendered with, as text
 * @param values each field's value as text ({@code String.valueOf}), {@code null} where the field
 *     was null, in the order they were signed
 */
public record SignedBase(String version, Map<String, String> values) {

    private static final Base64.Encoder ENCODER = Base64.getUrlEncoder().withoutPadding();
    private static final Base64.Decoder DECODER = Base64.getUrlDecoder();
    private static final char NULL = '-';

    public SignedBase {
        // Map.copyOf refuses null values, and a null value is a value here.
        values = Collections.unmodifiableMap(new LinkedHashMap<>(values));
    }

    /**
     * The value {@code field} had when the form was rendered.
     *
     * @throws VersionSignatureException if the token did not sign that field: the form came from
     *     another version of the application, and cannot be merged safely
     */
    public String value(String field) {
        if (!values.containsKey(field)) {
            throw new VersionSignatureException("The form's signed base has no field \"" + field
                    + "\"; it was rendered by another version of the page. Reload the page and edit again.");
        }
        return values.get(field);
    }

    /**
     * The values as one token segment: each name and value as {@code <length>:<text>}, a null value as
     * {@code -}, base64url-encoded. Lengths count UTF-16 units, so no separator needs escaping.
     */
    static String encode(Map<String, ?> values) {
        StringBuilder text = new StringBuilder();
        for (Map.Entry<String, ?> field : values.entrySet()) {
            appendText(text, field.getKey());
            if (field.getValue() == null) {
                text.append(NULL);
            } else {
                appendText(text, String.valueOf(field.getValue()));
            }
        }
        return ENCODER.encodeToString(text.toString().getBytes(StandardCharsets.UTF_8));
    }

    /** The values {@link #encode} wrote; only called on a segment whose signature held. */
    static Map<String, String> decode(String segment) {
        String text;
        try {
            text = new String(DECODER.decode(segment), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            throw malformed();
        }
        Map<String, String> values = new LinkedHashMap<>();
        Cursor cursor = new Cursor(text);
        while (cursor.hasMore()) {
            String name = cursor.text();
            values.put(name, cursor.skipNull() ? null : cursor.text());
        }
        return values;
    }

    private static void appendText(StringBuilder text, String value) {
        text.append(value.length()).append(':').append(value);
    }

    /** Reads {@code <length>:<text>} items and null markers off the decoded segment. */
    private static final class Cursor {
        private final String text;
        private int at;

        Cursor(String text) {
            this.text = text;
        }

        boolean hasMore() {
            return at < text.length();
        }

        boolean skipNull() {
            if (hasMore() && text.charAt(at) == NULL) {
                at++;
                return true;
            }
            return false;
        }

        String text() {
            int colon = text.indexOf(':', at);
            if (colon <= at || colon - at > 10) {
                throw malformed();
            }
            int length;
            try {
                length = Integer.parseInt(text, at, colon, 10);
            } catch (NumberFormatException e) {
                throw malformed();
            }
            if (length < 0 || length > text.length() - colon - 1) {
                throw malformed();
            }
            at = colon + 1 + length;
            return text.substring(colon + 1, at);
        }
    }

    private static VersionSignatureException malformed() {
        return new VersionSignatureException("The form's signed base is malformed.");
    }
}
