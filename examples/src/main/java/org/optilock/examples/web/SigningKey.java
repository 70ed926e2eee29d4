package org.optilock.examples.web;

import java.security.SecureRandom;
import java.util.Base64;

/**
 * The key that signs the versions in the example's forms. A real deployment gives it in its
 * configuration, the same on every node, so that forms survive a restart and work across nodes:
 * the system property {@value #PROPERTY} or the environment variable {@value #ENVIRONMENT}, as base64
 * of at least 32 random bytes ({@code openssl rand -base64 32}). Without one the example makes a
 * random key, fine for development only.
 */
final class SigningKey {

    static final String PROPERTY = "optilock.example.signing-key";
    static final String ENVIRONMENT = "OPTILOCK_EXAMPLE_SIGNING_KEY";

    private SigningKey() {}

    /** The configured key, or a random one, with a line on standard error saying which. */
    static byte[] fromConfiguration() {
        String configured = System.getProperty(PROPERTY, System.getenv(ENVIRONMENT));
        if (configured != null && !configured.isBlank()) {
            try {
                return Base64.getDecoder().decode(configured.strip());
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("The signing key in " + PROPERTY + " / " + ENVIRONMENT
                        + " is not base64; make one with: openssl rand -base64 32", e);
            }
        }
        System.err.println("No signing key configured (" + PROPERTY + " or " + ENVIRONMENT + "): using a random one, so"
                + " forms open before a restart cannot be saved after it.");
        byte[] key = new byte[32];
        new SecureRandom().nextBytes(key);
        return key;
    }
}
