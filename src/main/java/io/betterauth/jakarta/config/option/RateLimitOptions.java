package io.betterauth.jakarta.config.option;

import io.betterauth.jakarta.config.ConfigurationException;

/**
 * Better Auth's {@code rateLimit} (keys {@code better-auth.rate-limit.*}): every path gets {@code window}/{@code max};
 * the special rules ({@code /sign-in*}, {@code /sign-up*}, {@code /change-password*}, {@code /change-email*}: 10 s /
 * 3) win.
 *
 * @param enabled whether requests are counted at all (default: on unless dev mode; Better Auth: production only)
 * @param window  seconds (10)
 * @param max     requests per window (100)
 * @param storage where the counters live; {@code null} = the secondary storage when one is configured, else memory
 *                (Better Auth's default)
 */
public record RateLimitOptions(boolean enabled, long window, long max, Storage storage) {

    public RateLimitOptions {
        if (window <= 0 || max <= 0) {
            throw new ConfigurationException("better-auth.rate-limit.window and .max must be positive");
        }
    }

    /** Whether the counters live in the secondary storage, given whether one is configured. */
    public boolean usesSecondaryStorage(boolean secondaryStorageConfigured) {
        return storage == Storage.SECONDARY_STORAGE || (storage == null && secondaryStorageConfigured);
    }

    /** Better Auth's {@code rateLimit.storage}, of which the library keeps counters in these two. */
    public enum Storage implements OptionValue {
        /** This JVM's memory (per instance). */
        MEMORY("memory"),
        /** The secondary storage, shared by every instance (and a Node Better Auth on the same keys). */
        SECONDARY_STORAGE("secondary-storage");

        private final String configValue;

        Storage(String configValue) {
            this.configValue = configValue;
        }

        @Override
        public String configValue() {
            return configValue;
        }

        /**
         * Parses a configuration value, exactly as written.
         *
         * @throws ConfigurationException for anything but {@code memory} or {@code secondary-storage} (Better Auth's
         *                                {@code database} storage included: the library has no rate-limit table)
         */
        public static Storage parse(String value) {
            return OptionValue.named(Storage.class, value).orElseThrow(() -> new ConfigurationException(
                    "better-auth.rate-limit.storage must be 'memory' or 'secondary-storage', not '" + value + "'"));
        }
    }
}
