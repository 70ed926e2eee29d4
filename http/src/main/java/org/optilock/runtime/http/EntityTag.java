package org.optilock.runtime.http;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Objects;

/**
 * An HTTP entity tag (RFC 9110, section 8.8.3). A version becomes a strong tag: its text when every
 * character may stand in a tag, else its base64url form.
 *
 * @param opaque the tag's value, without quotes
 * @param weak whether the tag is weak ({@code W/"..."}); weak tags never match for writes
 */
public record EntityTag(String opaque, boolean weak) {

    public EntityTag {
        Objects.requireNonNull(opaque, "opaque");
        for (int i = 0; i < opaque.length(); i++) {
            if (!isEtagChar(opaque.charAt(i))) {
                throw new IllegalArgumentException("'" + opaque + "' has a character an entity tag cannot hold");
            }
        }
    }

    /**
     * The strong tag of a version: its text as it is, or, when the text cannot stand in a tag (or
     * starts with {@value #ENCODED}), {@value #ENCODED} followed by the text in base64url. A plain tag
     * never starts with {@value #ENCODED}, so two different versions never get the same tag.
     */
    public static EntityTag ofVersion(Object version) {
        String text = String.valueOf(Objects.requireNonNull(version, "version"));
        boolean plain = !text.isEmpty() && !text.startsWith(ENCODED) && text.chars().allMatch(c -> isEtagChar((char) c));
        if (plain) {
            return new EntityTag(text, false);
        }
        Base64.Encoder base64 = Base64.getUrlEncoder().withoutPadding();
        if (isWellFormed(text)) {
            return new EntityTag(ENCODED + base64.encodeToString(text.getBytes(StandardCharsets.UTF_8)), false);
        }
        // Charset encoders turn every lone surrogate into one replacement, so two such texts could share
        // a tag: their UTF-16 units go as they are, behind a '.' that base64url never writes.
        byte[] units = new byte[text.length() * 2];
        for (int i = 0; i < text.length(); i++) {
            units[2 * i] = (byte) (text.charAt(i) >> 8);
            units[2 * i + 1] = (byte) text.charAt(i);
        }
        return new EntityTag(ENCODED + "." + base64.encodeToString(units), false);
    }

    /** Whether every surrogate of {@code text} is part of a pair, so UTF-8 keeps it exactly. */
    private static boolean isWellFormed(String text) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (Character.isHighSurrogate(c) && i + 1 < text.length() && Character.isLowSurrogate(text.charAt(i + 1))) {
                i++;
            } else if (Character.isSurrogate(c)) {
                return false;
            }
        }
        return true;
    }

    /** What starts the tag of a version whose text had to be encoded. */
    static final String ENCODED = "~";

    /**
     * The tags of an {@code If-Match} or {@code If-None-Match} header: a comma-separated list, where
     * a comma inside quotes belongs to the tag. {@code *} is not a tag; see {@link TagCondition}.
     *
     * @throws IllegalArgumentException if the list is malformed
     */
    static List<EntityTag> parseList(String header) {
        List<EntityTag> tags = new ArrayList<>();
        int i = 0;
        int length = header.length();
        while (i < length) {
            char c = header.charAt(i);
            if (c == ' ' || c == '\t' || c == ',') {
                i++;
                continue;
            }
            boolean weak = false;
            if (header.startsWith("W/", i)) {
                weak = true;
                i += 2;
            }
            if (i >= length || header.charAt(i) != '"') {
                throw new IllegalArgumentException("expected a quoted entity tag at position " + i + " of '" + header + "'");
            }
            int close = header.indexOf('"', i + 1);
            if (close < 0) {
                throw new IllegalArgumentException("unclosed entity tag in '" + header + "'");
            }
            tags.add(new EntityTag(header.substring(i + 1, close), weak));
            i = close + 1;
            while (i < length && (header.charAt(i) == ' ' || header.charAt(i) == '\t')) {
                i++;
            }
            if (i < length && header.charAt(i) != ',') {
                throw new IllegalArgumentException("expected a comma after an entity tag at position " + i + " of '"
                        + header + "'");
            }
        }
        if (tags.isEmpty()) {
            throw new IllegalArgumentException("no entity tag in '" + header + "'");
        }
        return tags;
    }

    /** Strong comparison: both strong, same value (what {@code If-Match} uses). */
    public boolean matchesStrongly(EntityTag other) {
        return !weak && !other.weak && opaque.equals(other.opaque);
    }

    /** Weak comparison: same value, weakness ignored (what {@code If-None-Match} uses). */
    public boolean matchesWeakly(EntityTag other) {
        return opaque.equals(other.opaque);
    }

    /** The header form: {@code "value"} or {@code W/"value"}. */
    @Override
    public String toString() {
        return (weak ? "W/" : "") + '"' + opaque + '"';
    }

    /** {@code etagc = %x21 / %x23-7E / obs-text}. */
    private static boolean isEtagChar(char c) {
        return c == 0x21 || (c >= 0x23 && c <= 0x7E) || (c >= 0x80 && c <= 0xFF);
    }
}
