package io.betterauth.jakarta.config;

import io.betterauth.jakarta.api.Session;
import io.betterauth.jakarta.api.SessionAndUser;
import io.betterauth.jakarta.api.User;
import io.betterauth.jakarta.config.option.AdvancedOptions;
import io.betterauth.jakarta.config.option.CookieCacheOptions;
import io.betterauth.jakarta.config.option.CookieCacheStrategy;
import io.betterauth.jakarta.config.option.DatabaseOptions;
import io.betterauth.jakarta.config.option.EmailAndPasswordOptions;
import io.betterauth.jakarta.config.option.IpAddressOptions;
import io.betterauth.jakarta.config.plugin.Plugin;
import io.betterauth.jakarta.config.plugin.PluginOptions;
import io.betterauth.jakarta.config.option.PurgeOptions;
import io.betterauth.jakarta.config.option.RateLimitOptions;
import io.betterauth.jakarta.config.option.SameSite;
import io.betterauth.jakarta.config.option.SecondaryStorageOptions;
import io.betterauth.jakarta.config.option.SessionOptions;
import io.betterauth.jakarta.config.option.SessionsPageOptions;
import io.betterauth.jakarta.config.option.TrustedProxies;
import io.betterauth.jakarta.config.option.UserOptions;
import io.betterauth.jakarta.core.endpoint.BasePath;
import io.betterauth.jakarta.core.security.LoginPage;
import io.betterauth.jakarta.core.security.PasswordHasher;
import io.betterauth.jakarta.core.security.SecretRing;
import io.betterauth.jakarta.core.session.AdditionalFields;
import java.util.List;

/**
 * Everything the library can be configured with, as Better Auth's option tree: the top-level options here, each
 * option object a record of {@link io.betterauth.jakarta.config.option} named as Better Auth names it
 * ({@code config.session().cookieCache().maxAge()}, {@code config.advanced().ipAddress().ipAddressHeaders()}).
 * Immutable, holding Better Auth 1.7.25's defaults (written once, in {@link Builder}); build one with
 * {@link #builder()} in a CDI producer, or let {@link ConfigLoader} read it from MicroProfile Config, servlet context
 * parameters, system properties and the environment.
 *
 * @param secret           signs cookies; required unless {@code devMode}
 * @param secrets          Better Auth's versioned secrets ({@code "2:new,1:old"}, first is current), or null
 * @param devMode          ours: allows Better Auth's well-known development secret and plain-http cookies
 * @param baseUrl          Better Auth's {@code baseURL}, the public origin, e.g. {@code https://app.example.com};
 *                         {@code null} = from the request
 * @param basePath         where the endpoints live, {@code /api/auth} (checked by {@link BasePath}; trailing slashes
 *                         dropped)
 * @param trustedOrigins   further origins allowed to send state-changing requests
 * @param session          {@code session}: lifetimes, refresh, the cookie cache, additional fields
 * @param user             {@code user}: additional fields, {@code deleteUser}
 * @param emailAndPassword {@code emailAndPassword}: the email and password sign-in options
 * @param advanced         {@code advanced}: cookies, the client's IP address, the CSRF check
 * @param rateLimit        {@code rateLimit} (per IP and path, before anything else)
 * @param secondaryStorage {@code secondaryStorage}: where sessions live besides (or instead of) the session table
 * @param database         {@code database}: which store, the library's own connection, migration
 * @param purge            ours: the scheduled deletion of expired rows
 * @param sessionsPage     ours: the "active sessions" page
 * @param loginPage        ours: where a browser without a session is sent from a protected page; null = the 401
 * @param openApiEnabled   ours: the OpenAPI document is served at {@code <base path>/openapi.json} (default true)
 * @param plugins          {@code plugins}: the Better Auth plugins switched on, and their options
 */
public record BetterAuthConfig(String secret, String secrets, boolean devMode, String baseUrl, String basePath,
                               List<String> trustedOrigins, SessionOptions session, UserOptions user,
                               EmailAndPasswordOptions emailAndPassword, AdvancedOptions advanced,
                               RateLimitOptions rateLimit, SecondaryStorageOptions secondaryStorage,
                               DatabaseOptions database, PurgeOptions purge, SessionsPageOptions sessionsPage,
                               String loginPage, boolean openApiEnabled, PluginOptions plugins) {

    /**
     * Better Auth's development secret, accepted only in dev mode (so a Node server in dev mode can share it); outside
     * dev mode neither {@code better-auth.secret} nor an entry of {@code better-auth.secrets} may equal it.
     */
    public static final String DEFAULT_SECRET = "better-auth-secret-12345678901234567890";

    /** Every option but the secrets, which are never written out (a logged configuration must not leak them). */
    @Override
    public String toString() {
        return "BetterAuthConfig[secret=" + (secret == null ? null : "***") + ", secrets="
                + (secrets == null ? null : "***") + ", devMode=" + devMode + ", baseUrl=" + baseUrl + ", basePath="
                + basePath + ", trustedOrigins=" + trustedOrigins + ", session=" + session + ", user=" + user
                + ", emailAndPassword=" + emailAndPassword + ", advanced=" + advanced + ", rateLimit=" + rateLimit
                + ", secondaryStorage=" + secondaryStorage + ", database=" + database + ", purge=" + purge
                + ", sessionsPage=" + sessionsPage + ", loginPage=" + loginPage + ", openApiEnabled=" + openApiEnabled
                + ", plugins=" + plugins + "]";
    }

    public BetterAuthConfig {
        trustedOrigins = List.copyOf(trustedOrigins);
        basePath = new BasePath(basePath).path();
        if ((secret == null || secret.isEmpty()) && !(plugins.on(Plugin.JWT) && plugins.jwt().remoteJwks() != null)) {
            throw new ConfigurationException("No secret is configured. Set better-auth.secret (environment "
                    + "BETTER_AUTH_SECRET) to a random value of at least 32 characters, for example the output of "
                    + "'openssl rand -base64 32', or set better-auth.dev-mode=true for local development only.");
        }
        SecretRing ring = secret == null || secret.isEmpty() ? null : secretRing(secret, secrets);
        if (!devMode && ring != null) {
            DefaultSecret.refuse(secret, secrets, ring);
        }
        // Malformed URLs stop the start-up here, not at first use; messages show them without credentials.
        ConfiguredUrls.checkBaseUrl(baseUrl);
        ConfiguredUrls.checkDatabaseUrl(database.connection().url());
        ConfiguredUrls.checkRedisUrl(secondaryStorage.redisUrl());
    }

    public static Builder builder() {
        return new Builder();
    }

    /** Verifier mode ({@code …jwt.remote-jwks-url}, ours): JWTs checked on a remote key set; no store, no endpoints. */
    public boolean verifierMode() {
        return plugins.on(Plugin.JWT) && plugins.jwt().remoteJwks() != null;
    }

    /** True without any store: sessions live in the cookie cache alone ({@code better-auth.database=none}). */
    public boolean stateless() {
        return database.adapter() == DatabaseOptions.Adapter.NONE;
    }

    /** The full URL of the endpoints, e.g. {@code http://localhost:8080/api/auth}, or null without a base URL. */
    public String authUrl() {
        return baseUrl == null ? null : baseUrl.replaceAll("/+$", "") + basePath;
    }

    /** The session and user as they may leave the server: without {@code returned:false} additional fields. */
    public SessionAndUser output(SessionAndUser current) {
        return new SessionAndUser(output(current.session()), output(current.user()));
    }

    public Session output(Session s) {
        AdditionalFields fields = session.additionalFields();
        if (fields.isEmpty() || s.additional().isEmpty()) {
            return s;
        }
        return new Session(s.id(), s.token(), s.userId(), s.expiresAt(), s.createdAt(), s.updatedAt(), s.ipAddress(),
                s.userAgent(), fields.returned(s.additional()));
    }

    public User output(User u) {
        AdditionalFields fields = user.additionalFields();
        if (fields.isEmpty() || u.additional().isEmpty()) {
            return u;
        }
        return new User(u.id(), u.name(), u.email(), u.emailVerified(), u.image(), u.createdAt(), u.updatedAt(),
                fields.returned(u.additional()));
    }

    /** Every secret that signs or encrypts, current first. */
    public SecretRing secretRing() {
        return secretRing(secret, secrets);
    }

    private static SecretRing secretRing(String secret, String secrets) {
        try {
            return secrets == null || secrets.isBlank() ? SecretRing.single(secret) : SecretRing.parse(secrets, secret);
        } catch (IllegalArgumentException e) {
            throw new ConfigurationException("better-auth.secrets is not valid: " + e.getMessage());
        }
    }

    /**
     * A builder starting from Better Auth 1.7.25's defaults, written here once. One setter per option, named as the
     * option (prefixed with its object where the name alone would be ambiguous: {@code cookieCacheMaxAge},
     * {@code rateLimitWindow}, {@code purgeInterval}).
     */
    public static final class Builder {
        private String secret;
        private String secrets;
        private boolean devMode;
        private String baseUrl;
        private String basePath = "/api/auth";
        private List<String> trustedOrigins = List.of();
        // session
        private long expiresIn = 60L * 60 * 24 * 7;
        private long updateAge = 60L * 60 * 24;
        private long freshAge = 60L * 60 * 24;
        private boolean disableSessionRefresh;
        private boolean deferSessionRefresh;
        private boolean storeSessionInDatabase;
        private boolean preserveSessionInDatabase;
        private AdditionalFields sessionFields = AdditionalFields.none();
        private long absoluteExpiresIn;
        private boolean freshChangePassword = true;
        private boolean freshRevoke;
        private boolean revokeOnSignIn;
        private boolean hashTokens;
        // session.cookieCache: null = Better Auth's choice, which depends on stateless mode
        private Boolean cookieCacheEnabled;
        private Long cookieCacheMaxAge;
        private CookieCacheStrategy cookieCacheStrategy;
        private String cookieCacheVersion = "1";
        private Boolean refreshCache;
        private int cookieCacheDecodedEntries = CookieCacheOptions.DEFAULT_DECODED_ENTRIES;
        // user
        private AdditionalFields userFields = AdditionalFields.none();
        private boolean deleteUserEnabled;
        // emailAndPassword
        private boolean emailAndPasswordEnabled; // Better Auth: off unless enabled
        private boolean disableSignUp;
        private int minPasswordLength = 8;
        private int maxPasswordLength = 128;
        private boolean autoSignIn = true;
        private Integer maxConcurrentHashes;
        // advanced
        private String cookiePrefix = "better-auth";
        private Boolean useSecureCookies;
        private boolean crossSubDomainEnabled;
        private String crossSubDomainDomain;
        private SameSite sameSite = SameSite.LAX;
        private String cookiePath = "/";
        private boolean httpOnly = true;
        private Boolean secureAttribute;
        private boolean partitioned;
        private List<String> ipAddressHeaders = List.of();
        private boolean disableIpTracking;
        private int trustedProxyCount = 1;
        private List<String> trustedProxies = List.of();
        private boolean disableCsrfCheck;
        private boolean useHostPrefix;
        private boolean clearSiteData;
        private int maxBodySize = 64 * 1024;
        // rateLimit
        private Boolean rateLimitEnabled;
        private long rateLimitWindow = 10;
        private long rateLimitMax = 100;
        private RateLimitOptions.Storage rateLimitStorage;
        // secondaryStorage
        private String redisUrl, redisSentinelPassword;
        // database
        private DatabaseOptions.Adapter database = DatabaseOptions.Adapter.JPA;
        private boolean autoMigrate = true;
        private String databaseUrl;
        private String databaseUser;
        private String databasePassword;
        private int databasePoolSize = DatabaseOptions.Connection.DEFAULT_POOL_SIZE;
        private ModelNames models = ModelNames.defaults();
        private String databaseJndiName;
        // purge, sessionsPage
        private boolean purgeEnabled = true;
        private long purgeInterval = 3600;
        private int purgeBatchSize = 500;
        private boolean sessionsPageEnabled; // ours: an explicit choice
        private String sessionsPagePath = "/better-auth/sessions";
        private String loginPage;
        private boolean openApiEnabled = true;
        private PluginOptions plugins = PluginOptions.NONE;

        private Builder() {
        }

        public Builder secret(String v) { secret = v; return this; }
        /** Better Auth's {@code secrets}: {@code "2:new,1:old"}, the first entry current. */
        public Builder secrets(String v) { secrets = v; return this; }
        public Builder devMode(boolean v) { devMode = v; return this; }
        public Builder baseUrl(String v) { baseUrl = v; return this; }
        public Builder basePath(String v) { basePath = v; return this; }
        public Builder trustedOrigins(List<String> v) { trustedOrigins = v; return this; }

        /** Better Auth treats 0 as "use the default". */
        public Builder expiresIn(long v) { expiresIn = v == 0 ? 60L * 60 * 24 * 7 : v; return this; }
        public Builder updateAge(long v) { updateAge = v; return this; }
        public Builder freshAge(long v) { freshAge = v; return this; }
        public Builder disableSessionRefresh(boolean v) { disableSessionRefresh = v; return this; }
        public Builder deferSessionRefresh(boolean v) { deferSessionRefresh = v; return this; }
        public Builder storeSessionInDatabase(boolean v) { storeSessionInDatabase = v; return this; }
        public Builder preserveSessionInDatabase(boolean v) { preserveSessionInDatabase = v; return this; }
        /** Better Auth's {@code session.additionalFields}. */
        public Builder sessionFields(AdditionalFields v) { sessionFields = v; return this; }
        /** Ours: a lifetime from {@code createdAt} that activity cannot extend, seconds; 0 = off. */
        public Builder absoluteExpiresIn(long v) { absoluteExpiresIn = v; return this; }
        public Builder freshChangePassword(boolean v) { freshChangePassword = v; return this; }
        /** Ours: the revoke endpoints require a fresh session (T-17). */
        public Builder freshRevoke(boolean v) { freshRevoke = v; return this; }
        /** Ours: sign-in and sign-up delete the session the request's cookie presented (T-12). */
        public Builder revokeOnSignIn(boolean v) { revokeOnSignIn = v; return this; }
        /** Ours: keep {@code SHA-256(token)} in the session store (not shareable with a Node Better Auth). */
        public Builder hashTokens(boolean v) { hashTokens = v; return this; }
        public Builder cookieCacheEnabled(boolean v) { cookieCacheEnabled = v; return this; }
        public Builder cookieCacheMaxAge(long v) { cookieCacheMaxAge = v; return this; }
        public Builder cookieCacheDecodedEntries(int v) { cookieCacheDecodedEntries = v; return this; }
        public Builder cookieCacheStrategy(CookieCacheStrategy v) { cookieCacheStrategy = v; return this; }
        public Builder cookieCacheVersion(String v) { cookieCacheVersion = v; return this; }
        public Builder refreshCache(boolean v) { refreshCache = v; return this; }

        /** Better Auth's {@code user.additionalFields}. */
        public Builder userFields(AdditionalFields v) { userFields = v; return this; }
        /** Better Auth's {@code user.deleteUser.enabled}. */
        public Builder deleteUserEnabled(boolean v) { deleteUserEnabled = v; return this; }

        public Builder emailAndPasswordEnabled(boolean v) { emailAndPasswordEnabled = v; return this; }
        public Builder disableSignUp(boolean v) { disableSignUp = v; return this; }
        public Builder minPasswordLength(int v) { minPasswordLength = v; return this; }
        public Builder maxPasswordLength(int v) { maxPasswordLength = v; return this; }
        public Builder autoSignIn(boolean v) { autoSignIn = v; return this; }
        /** Ours: scrypt derivations at once; unset = {@link PasswordHasher#defaultConcurrency()}. */
        public Builder maxConcurrentHashes(int v) { maxConcurrentHashes = v; return this; }

        public Builder cookiePrefix(String v) { cookiePrefix = v; return this; }
        public Builder useSecureCookies(Boolean v) { useSecureCookies = v; return this; }
        public Builder crossSubDomainCookies(boolean enabled, String domain) {
            crossSubDomainEnabled = enabled;
            crossSubDomainDomain = domain;
            return this;
        }
        public Builder sameSite(SameSite v) { sameSite = v; return this; }
        public Builder cookiePath(String v) { cookiePath = v; return this; }
        public Builder httpOnly(boolean v) { httpOnly = v; return this; }
        public Builder secureAttribute(Boolean v) { secureAttribute = v; return this; }
        public Builder partitioned(boolean v) { partitioned = v; return this; }
        public Builder ipAddressHeaders(List<String> v) { ipAddressHeaders = v; return this; }
        public Builder disableIpTracking(boolean v) { disableIpTracking = v; return this; }
        /** Ours: proxies appending to the forwarded headers; {@link TrustedProxies#ALL} = Better Auth's left-most. */
        public Builder trustedProxyCount(int v) { trustedProxyCount = v; return this; }
        /** Ours: the proxies' addresses or CIDR blocks (replaces the count when not empty). */
        public Builder trustedProxies(List<String> v) { trustedProxies = v; return this; }
        public Builder disableCsrfCheck(boolean v) { disableCsrfCheck = v; return this; }
        /** Ours: {@code __Host-} cookie names when secure and no cross-subdomain domain is configured. */
        public Builder useHostPrefix(boolean v) { useHostPrefix = v; return this; }
        /** Ours: {@code Clear-Site-Data} on sign-out and revoke-sessions. */
        public Builder clearSiteData(boolean v) { clearSiteData = v; return this; }
        /** Ours: the most bytes of a request body an endpoint reads (64 KiB). */
        public Builder maxBodySize(int v) { maxBodySize = v; return this; }

        /** Better Auth's {@code rateLimit.enabled}; unset = on unless dev mode. */
        public Builder rateLimitEnabled(boolean v) { rateLimitEnabled = v; return this; }
        /** Better Auth treats 0 as "use the default" (10 s). */
        public Builder rateLimitWindow(long v) { rateLimitWindow = v == 0 ? 10 : v; return this; }
        /** Better Auth treats 0 as "use the default" (100). */
        public Builder rateLimitMax(long v) { rateLimitMax = v == 0 ? 100 : v; return this; }
        /** Null = Better Auth's choice (the secondary storage when there is one). */
        public Builder rateLimitStorage(RateLimitOptions.Storage v) { rateLimitStorage = v; return this; }

        public Builder redisUrl(String v) { redisUrl = v; return this; }
        public Builder redisSentinelPassword(String v) { redisSentinelPassword = v; return this; }

        public Builder database(DatabaseOptions.Adapter v) { database = v; return this; }
        public Builder autoMigrate(boolean v) { autoMigrate = v; return this; }
        /** A JDBC URL the library connects to itself (resource-local), instead of the container's data source. */
        public Builder databaseUrl(String v) { databaseUrl = v; return this; }
        public Builder databaseUser(String v) { databaseUser = v; return this; }
        public Builder databasePassword(String v) { databasePassword = v; return this; }
        public Builder databasePoolSize(int v) { databasePoolSize = v; return this; }
        /** Better Auth's {@code modelName} and {@code fields} of {@code user}, {@code session}, {@code account}, {@code verification}. */
        public Builder models(ModelNames v) { models = v; return this; }
        /** The container's data source the library uses without a URL (default {@code java:comp/DefaultDataSource}). */
        public Builder databaseJndiName(String v) { databaseJndiName = v; return this; }

        public Builder purgeEnabled(boolean v) { purgeEnabled = v; return this; }
        public Builder purgeInterval(long v) { purgeInterval = v; return this; }
        public Builder purgeBatchSize(int v) { purgeBatchSize = v; return this; }
        public Builder sessionsPageEnabled(boolean v) { sessionsPageEnabled = v; return this; }
        public Builder sessionsPagePath(String v) { sessionsPagePath = v; return this; }
        /** Ours: a path within the app ({@code /login}) or a trusted absolute URL; null = answer 401. */
        public Builder loginPage(String v) { loginPage = v; return this; }
        public Builder openApiEnabled(boolean v) { openApiEnabled = v; return this; }
        /** Better Auth's {@code plugins}: which of the plugins this library speaks are on, with their options. */
        public Builder plugins(PluginOptions v) { plugins = v; return this; }

        public BetterAuthConfig build() {
            String effectiveSecret = secret;
            if ((effectiveSecret == null || effectiveSecret.isEmpty()) && secrets != null && !secrets.isBlank()) {
                effectiveSecret = secretRing(null, secrets).current().value();
            }
            if ((effectiveSecret == null || effectiveSecret.isEmpty()) && devMode) {
                effectiveSecret = DEFAULT_SECRET;
            }
            BetterAuthConfig config = new BetterAuthConfig(effectiveSecret, secrets, devMode, baseUrl, basePath, trustedOrigins,
                    new SessionOptions(expiresIn, updateAge, freshAge, disableSessionRefresh, deferSessionRefresh,
                            storeSessionInDatabase, preserveSessionInDatabase, cookieCache(), plugins.sessionTable(sessionFields),
                            absoluteExpiresIn, freshChangePassword, freshRevoke, revokeOnSignIn, hashTokens),
                    new UserOptions(plugins.userTable(userFields), new UserOptions.DeleteUser(deleteUserEnabled)),
                    new EmailAndPasswordOptions(emailAndPasswordEnabled, disableSignUp, minPasswordLength,
                            maxPasswordLength, autoSignIn,
                            maxConcurrentHashes != null ? maxConcurrentHashes : PasswordHasher.defaultConcurrency()),
                    new AdvancedOptions(cookiePrefix, useSecureCookies,
                            new AdvancedOptions.CrossSubDomainCookies(crossSubDomainEnabled, crossSubDomainDomain),
                            new AdvancedOptions.DefaultCookieAttributes(sameSite, cookiePath, httpOnly,
                                    secureAttribute, partitioned),
                            new IpAddressOptions(ipAddressHeaders, disableIpTracking, new TrustedProxies(
                                    trustedProxyCount, TrustedProxies.parseNetworks(trustedProxies))),
                            disableCsrfCheck, useHostPrefix, clearSiteData, maxBodySize),
                    new RateLimitOptions(rateLimitEnabled != null ? rateLimitEnabled : !devMode, rateLimitWindow,
                            rateLimitMax, rateLimitStorage),
                    new SecondaryStorageOptions(redisUrl, redisSentinelPassword),
                    new DatabaseOptions(database, autoMigrate,
                            new DatabaseOptions.Connection(databaseUrl, databaseUser, databasePassword,
                                    databasePoolSize), databaseJndiName, models),
                    new PurgeOptions(purgeEnabled, purgeInterval, purgeBatchSize),
                    new SessionsPageOptions(sessionsPageEnabled, sessionsPagePath), loginPage, openApiEnabled,
                    plugins);
            LoginPage.of(config); // a login page that could redirect off the trusted origins stops the start-up
            return config;
        }

        private CookieCacheOptions cookieCache() {
            return CookieCacheOptions.resolved(database == DatabaseOptions.Adapter.NONE, expiresIn, cookieCacheEnabled,
                    cookieCacheMaxAge, cookieCacheStrategy, cookieCacheVersion, refreshCache, cookieCacheDecodedEntries);
        }
    }
}
