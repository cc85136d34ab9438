package io.betterauth.jakarta.config;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The one list of {@code better-auth.*} keys the library reads, with the range of each numeric one, and the
 * {@link #FAMILIES} of keys named by a pattern ({@code better-auth.<model>.model-name}). {@link KeyCheck} refuses a
 * key that is not here, and {@code ConfigKeysTest} keeps the list equal to the keys the code reads and to the
 * README's configuration table, so adding a key means one line here and one row there.
 */
public final class ConfigKeys {

    /** Ranges: seconds and counts are JavaScript-safe and fit an {@code int}, the widest the code stores. */
    private static final long INT = Integer.MAX_VALUE;

    private static final List<Key> KEYS = List.of(
            Key.of("better-auth.secret"),
            Key.of("better-auth.secrets"),
            Key.of("better-auth.dev-mode"),
            Key.of("better-auth.url"),
            Key.of("better-auth.base-path"),
            Key.of("better-auth.trusted-origins"),
            Key.of("better-auth.login-page"),
            Key.of("better-auth.mechanism.enabled"),
            Key.of("better-auth.config.unknown-keys"),
            // session
            Key.number("better-auth.session.expires-in", 1, INT),
            Key.number("better-auth.session.update-age", 0, INT),
            Key.number("better-auth.session.fresh-age", 0, INT),
            Key.number("better-auth.session.absolute-expires-in", 0, INT),
            Key.of("better-auth.session.disable-session-refresh"),
            Key.of("better-auth.session.defer-session-refresh"),
            Key.of("better-auth.session.store-session-in-database"),
            Key.of("better-auth.session.preserve-session-in-database"),
            Key.of("better-auth.session.additional-fields"),
            Key.of("better-auth.session.fresh-change-password"),
            Key.of("better-auth.session.fresh-revoke"),
            Key.of("better-auth.session.revoke-on-sign-in"),
            Key.of("better-auth.session.hash-tokens"),
            Key.of("better-auth.session.cookie-cache.enabled"),
            Key.number("better-auth.session.cookie-cache.max-age", 1, INT),
            Key.of("better-auth.session.cookie-cache.strategy"),
            Key.of("better-auth.session.cookie-cache.version"),
            Key.of("better-auth.session.cookie-cache.refresh-cache"),
            Key.number("better-auth.session.cookie-cache.decoded-entries", 0, 100_000),
            // user, emailAndPassword
            Key.of("better-auth.user.additional-fields"),
            Key.of("better-auth.user.delete-user.enabled"),
            Key.of("better-auth.email-and-password.enabled"),
            Key.of("better-auth.email-and-password.disable-sign-up"),
            Key.number("better-auth.email-and-password.min-password-length", 1, 4096),
            Key.number("better-auth.email-and-password.max-password-length", 1, 4096),
            Key.of("better-auth.email-and-password.auto-sign-in"),
            Key.number("better-auth.email-and-password.password.max-concurrent-hashes", 1, 4096),
            // advanced
            Key.of("better-auth.advanced.cookie-prefix"),
            Key.of("better-auth.advanced.use-secure-cookies"),
            Key.of("better-auth.advanced.cross-sub-domain-cookies.enabled"),
            Key.of("better-auth.advanced.cross-sub-domain-cookies.domain"),
            Key.of("better-auth.advanced.default-cookie-attributes.same-site"),
            Key.of("better-auth.advanced.default-cookie-attributes.path"),
            Key.of("better-auth.advanced.default-cookie-attributes.http-only"),
            Key.of("better-auth.advanced.default-cookie-attributes.secure"),
            Key.of("better-auth.advanced.default-cookie-attributes.partitioned"),
            Key.of("better-auth.advanced.ip-address.ip-address-headers"),
            Key.of("better-auth.advanced.ip-address.disable-ip-tracking"),
            Key.of("better-auth.advanced.ip-address.trusted-proxy-count"),
            Key.of("better-auth.advanced.ip-address.trusted-proxies"),
            Key.of("better-auth.advanced.disable-csrf-check"),
            Key.of("better-auth.advanced.use-host-prefix"),
            Key.of("better-auth.advanced.clear-site-data"),
            Key.number("better-auth.advanced.max-body-size", 1, 100L * 1024 * 1024),
            // rateLimit, secondaryStorage
            Key.of("better-auth.rate-limit.enabled"),
            Key.number("better-auth.rate-limit.window", 1, INT),
            Key.number("better-auth.rate-limit.max", 1, INT),
            Key.of("better-auth.rate-limit.storage"),
            Key.of("better-auth.secondary-storage.redis-url"),
            Key.of("better-auth.secondary-storage.redis-sentinel.password"),
            // database
            Key.of("better-auth.database"),
            Key.of("better-auth.database.auto-migrate"),
            Key.of("better-auth.database.url"),
            Key.of("better-auth.database.user"),
            Key.of("better-auth.database.password"),
            Key.number("better-auth.database.pool-size", 1, 1_000),
            Key.of("better-auth.database.jndi-name"),
            // purge, sessionsPage, openapi
            Key.of("better-auth.purge.enabled"),
            Key.number("better-auth.purge.interval", 0, INT),
            Key.number("better-auth.purge.batch-size", 1, 100_000),
            Key.of("better-auth.sessions-page.enabled"),
            Key.of("better-auth.sessions-page.path"),
            Key.of("better-auth.openapi.enabled"),
            // plugins: each option key starts with better-auth.plugins.<plugin name>. (ConfigLoader refuses one whose
            // plugin is not on)
            Key.of("better-auth.plugins"),
            Key.of("better-auth.plugins.bearer.require-signature"),
            Key.of("better-auth.plugins.jwt.jwks-path"),
            Key.of("better-auth.plugins.jwt.key-pair.alg"),
            Key.number("better-auth.plugins.jwt.rotation-interval", 1, INT),
            Key.number("better-auth.plugins.jwt.grace-period", 0, INT),
            Key.of("better-auth.plugins.jwt.issuer"),
            Key.of("better-auth.plugins.jwt.audience"),
            Key.of("better-auth.plugins.jwt.expiration-time"),
            Key.of("better-auth.plugins.jwt.disable-setting-jwt-header"),
            Key.of("better-auth.plugins.jwt.session-cookie-cache"),
            Key.of("better-auth.plugins.jwt.remote-jwks-url"),
            Key.number("better-auth.plugins.jwt.remote-jwks.cache-ttl", 1, INT),
            Key.number("better-auth.plugins.jwt.remote-jwks.min-refetch-interval", 1, INT),
            Key.number("better-auth.plugins.jwt.clock-skew", 0, 3600),
            Key.of("better-auth.plugins.jwt.roles-claim"),
            Key.of("better-auth.plugins.admin.default-role"),
            Key.of("better-auth.plugins.admin.admin-roles"),
            Key.of("better-auth.plugins.admin.admin-user-ids"),
            Key.number("better-auth.plugins.admin.impersonation-session-duration", 1, INT),
            Key.of("better-auth.plugins.admin.default-ban-reason"),
            Key.number("better-auth.plugins.admin.default-ban-expires-in", 1, INT),
            Key.of("better-auth.plugins.admin.banned-user-message"),
            Key.of("better-auth.plugins.admin.allow-impersonating-admins"),
            Key.number("better-auth.plugins.multi-session.maximum-sessions", 1, 1000));

    /**
     * Keys named by a pattern: {@code <placeholder>} is one segment (one of the listed values, or any when none are
     * listed), a trailing {@code *} any further segments. Plugin options are listed by name above, so that a
     * misspelled one names the closest.
     */
    public static final List<Family> FAMILIES = List.of(
            Family.of("better-auth.<model>.model-name", "user", "session", "account", "verification"),
            Family.of("better-auth.<model>.fields", "user", "session", "account", "verification"));

    private static final Map<String, Key> BY_NAME;

    static {
        Map<String, Key> byName = new LinkedHashMap<>();
        for (Key k : KEYS) {
            if (byName.put(k.name(), k) != null) {
                throw new IllegalStateException("Key listed twice: " + k.name());
            }
        }
        BY_NAME = Collections.unmodifiableMap(byName);
    }

    private ConfigKeys() {
    }

    /** Every key listed by name (not those of the families). */
    public static List<Key> keys() {
        return KEYS;
    }

    /** The listed key of this name. */
    public static Optional<Key> key(String name) {
        return Optional.ofNullable(BY_NAME.get(name));
    }

    /** Whether this dotted name is a key the library reads: listed, or of one of the {@link #FAMILIES}. */
    public static boolean known(String name) {
        return BY_NAME.containsKey(name) || FAMILIES.stream().anyMatch(f -> f.matches(name));
    }

    /** Whether this environment variable name is the environment form of a known key. */
    public static boolean knownEnvironmentName(String env) {
        return KEYS.stream().anyMatch(k -> k.environmentName().equals(env))
                || FAMILIES.stream().anyMatch(f -> f.matchesEnvironmentName(env));
    }

    /** The names to suggest for a misspelling: each listed key and each family's enumerated keys. */
    static List<String> suggestions() {
        List<String> names = new ArrayList<>(BY_NAME.keySet());
        FAMILIES.forEach(f -> names.addAll(f.examples()));
        return names;
    }

    /**
     * One key. A numeric key has an inclusive range, checked when the configuration is read.
     *
     * @param name    the dotted, kebab-case name ({@code better-auth.session.expires-in})
     * @param numeric whether the value is a whole number in {@code [min, max]}
     */
    public record Key(String name, boolean numeric, long min, long max) {

        public static Key of(String name) {
            return new Key(name, false, 0, 0);
        }

        public static Key number(String name, long min, long max) {
            return new Key(name, true, min, max);
        }

        /** {@code BETTER_AUTH_SESSION_EXPIRES_IN}. */
        public String environmentName() {
            return ConfigSource.environmentName(name);
        }

        /** The value parsed and within the range; anything else (overflow included) names the key and the range. */
        public long parse(String raw) {
            String v = raw.trim();
            try {
                if (v.matches("[+-]?[0-9]+")) {
                    long n = Long.parseLong(v);
                    if (n >= min && n <= max) {
                        return n;
                    }
                }
            } catch (NumberFormatException overflow) {
                // same message as any other value out of range
            }
            String shown = v.length() > 40 ? v.substring(0, 40) + "…" : v;
            throw new ConfigurationException("Configuration value " + name + "='" + shown + "' is not valid: expected "
                    + "a whole number from " + min + " to " + max);
        }
    }

    /**
     * Keys named by a pattern, e.g. {@code better-auth.<model>.fields}.
     *
     * @param pattern the pattern as the README's table writes it
     * @param values  the placeholder's values; empty = any segment of letters, digits and {@code -}
     */
    public record Family(String pattern, List<String> values) {

        public static Family of(String pattern, String... values) {
            return new Family(pattern, List.of(values));
        }

        boolean matches(String name) {
            return regex(false).matcher(name).matches();
        }

        boolean matchesEnvironmentName(String env) {
            return regex(true).matcher(env).matches();
        }

        /** The listed keys this family stands for (none when the placeholder takes any value). */
        List<String> examples() {
            return values.stream().map(v -> pattern.replaceFirst("<[a-z-]+>", v)).toList();
        }

        private Pattern regex(boolean environment) {
            String p = environment ? ConfigSource.environmentName(pattern.replaceAll("<[a-z-]+>", "\u0000"))
                    : pattern.replaceAll("<[a-z-]+>", "\u0000");
            StringBuilder out = new StringBuilder();
            String[] parts = p.split("\u0000", -1);
            for (int i = 0; i < parts.length; i++) {
                String part = parts[i];
                if (i > 0) {
                    out.append(placeholder(environment));
                }
                out.append(part.endsWith("*") ? Pattern.quote(part.substring(0, part.length() - 1))
                        + (environment ? "[A-Z0-9_]+" : "[a-z0-9.-]+") : Pattern.quote(part));
            }
            return Pattern.compile(out.toString());
        }

        private String placeholder(boolean environment) {
            if (values.isEmpty()) {
                return environment ? "[A-Z0-9_]+" : "[a-z0-9-]+";
            }
            return "(?:" + String.join("|", values.stream()
                    .map(v -> Pattern.quote(environment ? ConfigSource.environmentName(v) : v)).toList()) + ")";
        }
    }
}
