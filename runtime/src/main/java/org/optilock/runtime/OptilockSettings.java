package org.optilock.runtime;

import java.util.Objects;

/**
 * Settings of the generated DAOs (django's {@code CONCURRENCY_*} settings). Immutable; none is
 * required. A DAO built without settings follows {@link #global()} at each call; a DAO built with
 * settings keeps them.
 *
 * <pre>{@code
 * OptilockSettings.setGlobal(OptilockSettings.builder()
 *         .conflictListener(conflict -> log.warn(conflict.getMessage()))
 *         .build());
 * ArticleDao strict = new ArticleDao(dataSource, OptilockSettings.builder().versionFieldRequired(false).build());
 * }</pre>
 */
public final class OptilockSettings {

    /** Checks on, version required, no listener, the system clock, no observer. */
    public static final OptilockSettings DEFAULTS = builder().build();

    private static volatile OptilockSettings global = DEFAULTS;

    private final boolean enabled;
    private final boolean versionFieldRequired;
    private final ConflictListener conflictListener;
    private final VersionClock versionClock;
    private final WriteObserver writeObserver;

    private OptilockSettings(Builder builder) {
        this.enabled = builder.enabled;
        this.versionFieldRequired = builder.versionFieldRequired;
        this.conflictListener = builder.conflictListener;
        this.versionClock = builder.versionClock;
        this.writeObserver = builder.writeObserver;
    }

    /** The settings of DAOs built without their own. */
    public static OptilockSettings global() {
        return global;
    }

    /** Replaces the settings of DAOs built without their own, from their next call on. */
    public static void setGlobal(OptilockSettings settings) {
        global = Objects.requireNonNull(settings, "settings");
    }

    /** A builder holding the defaults. */
    public static Builder builder() {
        return new Builder();
    }

    /** A builder holding these settings. */
    public Builder toBuilder() {
        return new Builder()
                .enabled(enabled)
                .versionFieldRequired(versionFieldRequired)
                .conflictListener(conflictListener)
                .versionClock(versionClock)
                .writeObserver(writeObserver);
    }

    /**
     * Whether updates and deletes carry the version condition (django's {@code ENABLED}). When
     * false, writes behave as inside {@link Concurrency#disabled(Runnable)}. Default true.
     */
    public boolean enabled() {
        return enabled;
    }

    /**
     * Whether an entity whose version is unset ({@link #isUnset}) is still checked, so that its write
     * fails unless the row too has no version (django's {@code VERSION_FIELD_REQUIRED}). When false,
     * such a write skips the check. Default true: a client that sends version 0 must not get around
     * the check.
     */
    public boolean versionFieldRequired() {
        return versionFieldRequired;
    }

    /**
     * Whether {@code version} is unset: {@code null}, or {@code 0} for a number. A copy read from a row
     * whose version is NULL holds such a version, and so does a new entity before its insert.
     */
    public static boolean isUnset(Object version) {
        return version == null || (version instanceof Number number && number.longValue() == 0);
    }

    /** Told of every conflict before it is thrown (django's {@code CALLBACK}). Default: none. */
    public ConflictListener conflictListener() {
        return conflictListener;
    }

    /** Issues {@code TIMESTAMP} versions. Default: {@link VersionClock#system()}. */
    public VersionClock versionClock() {
        return versionClock;
    }

    /**
     * Told of every write and how it ended, for metrics and tracing ({@code optilock-micrometer}'s
     * {@code OptilockMetrics}). Default: {@link WriteObserver#NONE}, which costs nothing.
     */
    public WriteObserver writeObserver() {
        return writeObserver;
    }

    /** Builds {@link OptilockSettings}. */
    public static final class Builder {
        private boolean enabled = true;
        private boolean versionFieldRequired = true;
        private ConflictListener conflictListener = ConflictListener.NONE;
        private VersionClock versionClock = VersionClock.system();
        private WriteObserver writeObserver = WriteObserver.NONE;

        private Builder() {}

        /** See {@link OptilockSettings#enabled()}. */
        public Builder enabled(boolean enabled) {
            this.enabled = enabled;
            return this;
        }

        /** See {@link OptilockSettings#versionFieldRequired()}. */
        public Builder versionFieldRequired(boolean versionFieldRequired) {
            this.versionFieldRequired = versionFieldRequired;
            return this;
        }

        /** See {@link OptilockSettings#conflictListener()}. */
        public Builder conflictListener(ConflictListener conflictListener) {
            this.conflictListener = Objects.requireNonNull(conflictListener, "conflictListener");
            return this;
        }

        /** See {@link OptilockSettings#versionClock()}. */
        public Builder versionClock(VersionClock versionClock) {
            this.versionClock = Objects.requireNonNull(versionClock, "versionClock");
            return this;
        }

        /** See {@link OptilockSettings#writeObserver()}. */
        public Builder writeObserver(WriteObserver writeObserver) {
            this.writeObserver = Objects.requireNonNull(writeObserver, "writeObserver");
            return this;
        }

        /** The settings. */
        public OptilockSettings build() {
            return new OptilockSettings(this);
        }
    }
}
