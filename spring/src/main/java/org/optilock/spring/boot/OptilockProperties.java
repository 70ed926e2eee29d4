package org.optilock.spring.boot;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The {@code optilock.*} settings of a Spring Boot application, for the {@code OptilockSettings} bean
 * Optilock's auto-configuration makes when the application defines none.
 */
@ConfigurationProperties("optilock")
public class OptilockProperties {

    /** Whether updates and deletes check the version (django's CONCURRENCY_ENABLED). */
    private boolean enabled = true;

    /**
     * Whether a version of 0 or null is still checked, so a client that sends none cannot get around the
     * check (django's CONCURRENCY_VERSION_FIELD_REQUIRED).
     */
    private boolean versionFieldRequired = true;

    /**
     * What a start-up does when a table does not fit its entity (a missing column, a type that cannot
     * hold a field, a seconds-only version timestamp, no primary key, a missing version trigger):
     * {@code fail} (the default) naming every mismatch, {@code warn}, or {@code off}.
     */
    private SchemaCheckMode schemaCheck = SchemaCheckMode.FAIL;

    private final ProblemDetails problemDetails = new ProblemDetails();

    public boolean isEnabled() {
        return enabled;
    }

    public void setEnabled(boolean enabled) {
        this.enabled = enabled;
    }

    public boolean isVersionFieldRequired() {
        return versionFieldRequired;
    }

    public void setVersionFieldRequired(boolean versionFieldRequired) {
        this.versionFieldRequired = versionFieldRequired;
    }

    public SchemaCheckMode getSchemaCheck() {
        return schemaCheck;
    }

    public void setSchemaCheck(SchemaCheckMode schemaCheck) {
        this.schemaCheck = schemaCheck;
    }

    public ProblemDetails getProblemDetails() {
        return problemDetails;
    }

    /** What the schema check at start-up does with a mismatch. */
    public enum SchemaCheckMode {
        /** Start-up fails, naming every mismatch and its fix. */
        FAIL,
        /** Start-up logs every mismatch and goes on. */
        WARN,
        /** No check. */
        OFF
    }

    /** How Spring MVC answers conflicts. */
    public static class ProblemDetails {

        /**
         * Whether conflicts answer 409 and forged signed versions 400 as RFC 9457 problem details; off
         * to map them yourself.
         */
        private boolean enabled = true;

        public boolean isEnabled() {
            return enabled;
        }

        public void setEnabled(boolean enabled) {
            this.enabled = enabled;
        }
    }
}
