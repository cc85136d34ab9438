package io.betterauth.jakarta.config;

import io.betterauth.jakarta.config.option.CookieCacheStrategy;
import io.betterauth.jakarta.config.option.DatabaseOptions;
import io.betterauth.jakarta.config.plugin.PluginOptions;
import io.betterauth.jakarta.config.plugin.RemoteJwksOptions;
import io.betterauth.jakarta.config.plugin.Plugin;
import io.betterauth.jakarta.config.plugin.AdminOptions;
import io.betterauth.jakarta.config.plugin.BearerOptions;
import io.betterauth.jakarta.config.plugin.JwtOptions;
import io.betterauth.jakarta.config.plugin.MultiSessionOptions;
import io.betterauth.jakarta.config.option.RateLimitOptions;
import io.betterauth.jakarta.config.option.SameSite;
import io.betterauth.jakarta.config.option.TrustedProxies;
import io.betterauth.jakarta.core.plugin.jwt.JwkAlgorithm;
import io.betterauth.jakarta.core.security.SecretRing;
import io.betterauth.jakarta.core.session.AdditionalFields;
import java.lang.System.Logger;
import java.lang.System.Logger.Level;
import java.net.URI;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * Reads a {@link BetterAuthConfig} from configuration sources, highest first, key by key. Keys are kebab-case
 * under {@code better-auth.}, following Better Auth's option tree ({@code better-auth.session.cookie-cache.max-age}
 * is {@code session.cookieCache.maxAge}); see the README's configuration table. A value that does not parse stops the
 * start-up with a message naming the key. Warns, as Better Auth does, about a short or low-entropy secret (each
 * one of the ring), and loudly about development mode.
 */
public final class ConfigLoader {

    private static final Logger LOG = System.getLogger(ConfigLoader.class.getName());
    private static final String PLUGIN_PREFIX = "better-auth.plugins.";
    private final List<ConfigSource> sources;

    public ConfigLoader(List<ConfigSource> sources) {
        this.sources = List.copyOf(sources);
    }

    public Optional<String> value(String key) {
        for (ConfigSource source : sources) {
            Optional<String> v = source.get(key);
            if (v.isPresent()) {
                return v.map(String::trim);
            }
        }
        return Optional.empty();
    }

    /** Reads the configuration, after {@link KeyCheck} found every name the sources list known. */
    public BetterAuthConfig load() {
        KeyCheck.check(sources, value(KeyCheck.MODE_KEY).orElse(null));
        BetterAuthConfig.Builder b = BetterAuthConfig.builder();
        Optional<String> secret = value("better-auth.secret");
        if (secret.isEmpty()) {
            // Better Auth also reads AUTH_SECRET.
            secret = ConfigSource.environment().get("auth.secret");
        }
        secret.ifPresent(b::secret);
        value("better-auth.secrets").ifPresent(b::secrets);
        bool("better-auth.dev-mode", b::devMode);
        value("better-auth.url").ifPresent(b::baseUrl);
        value("better-auth.base-path").ifPresent(b::basePath);
        list("better-auth.trusted-origins", b::trustedOrigins);
        session(b);
        user(b);
        emailAndPassword(b);
        advanced(b);
        bool("better-auth.rate-limit.enabled", b::rateLimitEnabled);
        number("better-auth.rate-limit.window", b::rateLimitWindow);
        number("better-auth.rate-limit.max", b::rateLimitMax);
        value("better-auth.rate-limit.storage").map(RateLimitOptions.Storage::parse).ifPresent(b::rateLimitStorage);
        value("better-auth.secondary-storage.redis-url").ifPresent(b::redisUrl);
        value("better-auth.secondary-storage.redis-sentinel.password").ifPresent(b::redisSentinelPassword);
        value("better-auth.database").map(DatabaseOptions.Adapter::parse).ifPresent(b::database);
        bool("better-auth.database.auto-migrate", b::autoMigrate);
        value("better-auth.database.url").ifPresent(b::databaseUrl);
        value("better-auth.database.user").ifPresent(b::databaseUser);
        number("better-auth.database.pool-size", v -> b.databasePoolSize(Math.toIntExact(v)));
        if (value("better-auth.database.pool-size").isPresent() && value("better-auth.database.url").isEmpty()) {
            LOG.log(Level.WARNING, "better-auth.database.pool-size has no effect without better-auth.database.url: "
                    + "the container's data source has its own pool");
        }
        value("better-auth.database.password").ifPresent(b::databasePassword);
        value("better-auth.database.jndi-name").ifPresent(b::databaseJndiName);
        b.models(new ModelNames(model("user"), model("session"), model("account"), model("verification")));
        bool("better-auth.purge.enabled", b::purgeEnabled);
        number("better-auth.purge.interval", b::purgeInterval);
        number("better-auth.purge.batch-size", v -> b.purgeBatchSize(Math.toIntExact(v)));
        bool("better-auth.sessions-page.enabled", b::sessionsPageEnabled);
        value("better-auth.sessions-page.path").ifPresent(b::sessionsPagePath);
        value("better-auth.login-page").ifPresent(b::loginPage);
        bool("better-auth.openapi.enabled", b::openApiEnabled);
        plugins(b);
        BetterAuthConfig config = b.build();
        warn(config);
        return config;
    }

    /** {@code better-auth.session.*}, the cookie cache included. */
    private void session(BetterAuthConfig.Builder b) {
        number("better-auth.session.expires-in", b::expiresIn);
        number("better-auth.session.update-age", b::updateAge);
        number("better-auth.session.fresh-age", b::freshAge);
        bool("better-auth.session.disable-session-refresh", b::disableSessionRefresh);
        bool("better-auth.session.defer-session-refresh", b::deferSessionRefresh);
        bool("better-auth.session.store-session-in-database", b::storeSessionInDatabase);
        bool("better-auth.session.preserve-session-in-database", b::preserveSessionInDatabase);
        parsed("better-auth.session.additional-fields", AdditionalFields::parse).ifPresent(b::sessionFields);
        number("better-auth.session.absolute-expires-in", b::absoluteExpiresIn);
        bool("better-auth.session.fresh-change-password", b::freshChangePassword);
        bool("better-auth.session.fresh-revoke", b::freshRevoke);
        bool("better-auth.session.revoke-on-sign-in", b::revokeOnSignIn);
        bool("better-auth.session.hash-tokens", b::hashTokens);
        bool("better-auth.session.cookie-cache.enabled", b::cookieCacheEnabled);
        number("better-auth.session.cookie-cache.max-age", b::cookieCacheMaxAge);
        parsed("better-auth.session.cookie-cache.strategy", CookieCacheStrategy::parse).ifPresent(b::cookieCacheStrategy);
        value("better-auth.session.cookie-cache.version").ifPresent(b::cookieCacheVersion);
        bool("better-auth.session.cookie-cache.refresh-cache", b::refreshCache);
        number("better-auth.session.cookie-cache.decoded-entries",
                v -> b.cookieCacheDecodedEntries(Math.toIntExact(v)));
    }

    /**
     * {@code better-auth.plugins} and each plugin's {@code better-auth.plugins.<name>.*}. An option of a plugin that
     * is not switched on stops the start-up: most often the plugin's name is missing from, or misspelled in, the list.
     */
    private void plugins(BetterAuthConfig.Builder b) {
        Set<Plugin> enabled = parsed("better-auth.plugins", PluginOptions::parse).orElse(Set.of());
        for (ConfigKeys.Key key : ConfigKeys.keys()) {
            String name = key.name();
            if (!name.startsWith(PLUGIN_PREFIX) || value(name).isEmpty()) {
                continue;
            }
            String plugin = name.substring(PLUGIN_PREFIX.length(), name.indexOf('.', PLUGIN_PREFIX.length()));
            if (enabled.stream().noneMatch(p -> p.configValue().equals(plugin))) {
                throw new ConfigurationException(name + " is set, but the plugin '" + plugin + "' is not switched on: "
                        + "add it to better-auth.plugins (BETTER_AUTH_PLUGINS), now '"
                        + value("better-auth.plugins").orElse("") + "'");
            }
        }
        long[] maximumSessions = {MultiSessionOptions.DEFAULT.maximumSessions()};
        number("better-auth.plugins.multi-session.maximum-sessions", v -> maximumSessions[0] = v);
        b.plugins(new PluginOptions(enabled,
                new BearerOptions(flag("better-auth.plugins.bearer.require-signature").orElse(false)), jwt(), admin(),
                new MultiSessionOptions(Math.toIntExact(maximumSessions[0]))));
    }

    /** {@code better-auth.plugins.admin.*}: Better Auth's defaults for what is not set. */
    private AdminOptions admin() {
        AdminOptions d = AdminOptions.DEFAULT;
        List<String> adminRoles = new ArrayList<>();
        list("better-auth.plugins.admin.admin-roles", adminRoles::addAll);
        List<String> adminUserIds = new ArrayList<>();
        list("better-auth.plugins.admin.admin-user-ids", adminUserIds::addAll);
        long[] duration = {d.impersonationSessionDuration()};
        number("better-auth.plugins.admin.impersonation-session-duration", v -> duration[0] = v);
        Long[] banExpiresIn = {d.defaultBanExpiresIn()};
        number("better-auth.plugins.admin.default-ban-expires-in", v -> banExpiresIn[0] = v);
        return new AdminOptions(value("better-auth.plugins.admin.default-role").orElse(d.defaultRole()),
                adminRoles.isEmpty() ? d.adminRoles() : adminRoles, adminUserIds, duration[0],
                value("better-auth.plugins.admin.default-ban-reason").orElse(d.defaultBanReason()), banExpiresIn[0],
                value("better-auth.plugins.admin.banned-user-message").orElse(d.bannedUserMessage()),
                flag("better-auth.plugins.admin.allow-impersonating-admins").orElse(d.allowImpersonatingAdmins()));
    }

    /** {@code better-auth.plugins.jwt.*}: Better Auth's defaults for what is not set. */
    private JwtOptions jwt() {
        JwtOptions d = JwtOptions.DEFAULT;
        Long[] rotation = {d.rotationInterval()};
        long[] grace = {d.gracePeriod()};
        number("better-auth.plugins.jwt.rotation-interval", v -> rotation[0] = v);
        number("better-auth.plugins.jwt.grace-period", v -> grace[0] = v);
        List<String> audience = new ArrayList<>(d.audience());
        list("better-auth.plugins.jwt.audience", audience::addAll);
        return new JwtOptions(value("better-auth.plugins.jwt.jwks-path").orElse(d.jwksPath()),
                parsed("better-auth.plugins.jwt.key-pair.alg", JwkAlgorithm::configured).orElse(d.algorithm()),
                rotation[0], grace[0], value("better-auth.plugins.jwt.issuer").orElse(d.issuer()), audience,
                value("better-auth.plugins.jwt.expiration-time").orElse(d.expirationTime()),
                flag("better-auth.plugins.jwt.disable-setting-jwt-header").orElse(d.disableSettingJwtHeader()),
                remoteJwks(),
                flag("better-auth.plugins.jwt.session-cookie-cache").orElse(d.sessionCookieCache()));
    }

    /** Ours: {@code better-auth.plugins.jwt.remote-jwks-url} and its options (verifier mode), or null. */
    private RemoteJwksOptions remoteJwks() {
        Optional<URI> url = parsed("better-auth.plugins.jwt.remote-jwks-url", URI::create);
        if (url.isEmpty()) {
            return null;
        }
        for (ConfigKeys.Key key : ConfigKeys.keys()) {
            if (key.name().startsWith("better-auth.database") && value(key.name()).isPresent()) {
                throw new ConfigurationException(key.name() + " is set, but better-auth.plugins.jwt.remote-jwks-url "
                        + "is too: verifier mode has no database");
            }
        }
        long[] n = {RemoteJwksOptions.DEFAULT_CACHE_TTL, RemoteJwksOptions.DEFAULT_MIN_REFETCH_INTERVAL, 0};
        number("better-auth.plugins.jwt.remote-jwks.cache-ttl", v -> n[0] = v);
        number("better-auth.plugins.jwt.remote-jwks.min-refetch-interval", v -> n[1] = v);
        number("better-auth.plugins.jwt.clock-skew", v -> n[2] = v);
        return new RemoteJwksOptions(url.get(), n[0], n[1], n[2],
                value("better-auth.plugins.jwt.roles-claim").orElse(null));
    }

    /** {@code better-auth.user.*}. */
    private void user(BetterAuthConfig.Builder b) {
        parsed("better-auth.user.additional-fields", AdditionalFields::parse).ifPresent(b::userFields);
        bool("better-auth.user.delete-user.enabled", b::deleteUserEnabled);
    }

    /** {@code better-auth.email-and-password.*}. */
    private void emailAndPassword(BetterAuthConfig.Builder b) {
        bool("better-auth.email-and-password.enabled", b::emailAndPasswordEnabled);
        bool("better-auth.email-and-password.disable-sign-up", b::disableSignUp);
        number("better-auth.email-and-password.min-password-length", v -> b.minPasswordLength(Math.toIntExact(v)));
        number("better-auth.email-and-password.max-password-length", v -> b.maxPasswordLength(Math.toIntExact(v)));
        bool("better-auth.email-and-password.auto-sign-in", b::autoSignIn);
        number("better-auth.email-and-password.password.max-concurrent-hashes",
                v -> b.maxConcurrentHashes(Math.toIntExact(v)));
    }

    /** {@code better-auth.advanced.*}: cookies, the client's IP address, the CSRF check and the library's own. */
    private void advanced(BetterAuthConfig.Builder b) {
        value("better-auth.advanced.cookie-prefix").ifPresent(b::cookiePrefix);
        parsed("better-auth.advanced.use-secure-cookies", ConfigLoader::parseBoolean).ifPresent(b::useSecureCookies);
        boolean crossEnabled = parsed("better-auth.advanced.cross-sub-domain-cookies.enabled",
                ConfigLoader::parseBoolean).orElse(false);
        b.crossSubDomainCookies(crossEnabled,
                value("better-auth.advanced.cross-sub-domain-cookies.domain").orElse(null));
        parsed("better-auth.advanced.default-cookie-attributes.same-site", SameSite::parse).ifPresent(b::sameSite);
        value("better-auth.advanced.default-cookie-attributes.path").ifPresent(b::cookiePath);
        bool("better-auth.advanced.default-cookie-attributes.http-only", b::httpOnly);
        parsed("better-auth.advanced.default-cookie-attributes.secure", ConfigLoader::parseBoolean)
                .ifPresent(b::secureAttribute);
        bool("better-auth.advanced.default-cookie-attributes.partitioned", b::partitioned);
        list("better-auth.advanced.ip-address.ip-address-headers", b::ipAddressHeaders);
        bool("better-auth.advanced.ip-address.disable-ip-tracking", b::disableIpTracking);
        parsed("better-auth.advanced.ip-address.trusted-proxy-count", TrustedProxies::parseCount)
                .ifPresent(b::trustedProxyCount);
        list("better-auth.advanced.ip-address.trusted-proxies", b::trustedProxies);
        bool("better-auth.advanced.disable-csrf-check", b::disableCsrfCheck);
        bool("better-auth.advanced.use-host-prefix", b::useHostPrefix);
        bool("better-auth.advanced.clear-site-data", b::clearSiteData);
        number("better-auth.advanced.max-body-size", v -> b.maxBodySize(Math.toIntExact(v)));
    }

    /**
     * Logs Better Auth's secret warnings and the development-mode banner. The length and entropy checks run on every
     * secret of the ring: the current one, which signs, and each older or legacy one still accepted.
     */
    public static void warn(BetterAuthConfig config) {
        if (config.secret() == null) {
            return; // verifier mode without a secret: nothing is signed
        }
        SecretRing ring = config.secretRing();
        if (config.devMode()) {
            String publicDefault = BetterAuthConfig.DEFAULT_SECRET.equals(ring.current().value())
                    ? "Cookies are signed with Better Auth's public default secret. "
                    : ring.all().stream().anyMatch(s -> BetterAuthConfig.DEFAULT_SECRET.equals(s.value()))
                    ? "Cookies signed with Better Auth's public default secret are accepted. " : "";
            LOG.log(Level.WARNING, "*** better-auth.dev-mode is ON: never use this in production. " + publicDefault
                    + "***");
        }
        boolean versioned = config.secrets() != null && !config.secrets().isBlank();
        for (SecretRing.Secret s : ring.all()) {
            if (BetterAuthConfig.DEFAULT_SECRET.equals(s.value())) {
                continue; // dev mode only (refused otherwise), and the banner says so
            }
            String name = !versioned ? "better-auth.secret"
                    : s.version() == SecretRing.LEGACY_VERSION ? "better-auth.secret (kept next to better-auth.secrets)"
                    : "better-auth.secrets version " + s.version() + (s == ring.current() ? " (current)" : "");
            if (s.value().length() < 32) {
                LOG.log(Level.WARNING, name + " is shorter than 32 characters; use a longer random secret.");
            } else if (estimatedEntropyBits(s.value()) < 120) {
                LOG.log(Level.WARNING, name + " looks low in entropy; use a random secret.");
            }
        }
    }

    static double estimatedEntropyBits(String secret) {
        long unique = secret.chars().distinct().count();
        return unique <= 1 ? 0 : secret.length() * (Math.log(unique) / Math.log(2));
    }

    /** {@code better-auth.<model>.model-name} and {@code better-auth.<model>.fields}: Better Auth's names of a table. */
    private ModelNames.Model model(String key) {
        String prefix = "better-auth." + key;
        Map<String, String> fields = value(prefix + ".fields").map(v -> ModelNames.parseFields(prefix + ".fields", v))
                .orElse(Map.of());
        return new ModelNames.Model(key, value(prefix + ".model-name").orElse(key), fields);
    }

    /** A boolean key ({@code true}/{@code false}, yes/no, on/off, 1/0); another value stops the start-up. */
    public Optional<Boolean> flag(String key) {
        return parsed(key, ConfigLoader::parseBoolean);
    }

    private void bool(String key, Consumer<Boolean> target) {
        flag(key).ifPresent(target);
    }

    /** A whole number within the range {@link ConfigKeys} gives the key; anything else stops the start-up. */
    private void number(String key, Consumer<Long> target) {
        ConfigKeys.Key k = ConfigKeys.key(key).filter(ConfigKeys.Key::numeric)
                .orElseThrow(() -> new IllegalStateException(key + " is not a numeric key of ConfigKeys"));
        value(key).map(k::parse).ifPresent(target);
    }

    private void list(String key, Consumer<List<String>> target) {
        value(key).ifPresent(v -> target.accept(Arrays.stream(v.split(","))
                .map(String::trim).filter(s -> !s.isEmpty()).toList()));
    }

    private <T> Optional<T> parsed(String key, Function<String, T> parser) {
        Optional<String> raw = value(key);
        try {
            return raw.map(parser);
        } catch (RuntimeException e) {
            throw new ConfigurationException("Configuration value " + key + "='" + raw.orElse("")
                    + "' is not valid: " + e.getMessage());
        }
    }

    private static Boolean parseBoolean(String v) {
        return switch (v.toLowerCase(Locale.ROOT)) {
            case "true", "yes", "on", "1" -> Boolean.TRUE;
            case "false", "no", "off", "0" -> Boolean.FALSE;
            default -> throw new IllegalArgumentException("expected true or false");
        };
    }
}
