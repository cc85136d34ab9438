package io.betterauth.jakarta.config;

import io.betterauth.jakarta.api.SessionAndUser;
import io.betterauth.jakarta.api.User;
import io.betterauth.jakarta.core.security.IpNetwork;
import io.betterauth.jakarta.core.security.PasswordHasher;
import io.betterauth.jakarta.core.security.SecretRing;
import io.betterauth.jakarta.core.session.AdditionalFields;
import java.net.URI;
import java.util.List;

/**
 * Everything the library can be configured with, holding Better Auth 1.7.25's defaults (written once, in
 * {@link Builder}). Immutable; build one with {@link #builder()} in a CDI producer, or let {@link ConfigLoader}
 * read it from MicroProfile Config, servlet context parameters, system properties and the environment.
 *
 * @param secret             signs cookies; required unless {@code devMode}
 * @param devMode            allows Better Auth's well-known development secret and plain-http cookies
 * @param baseUrl            the public origin, e.g. {@code https://app.example.com}; {@code null} = from the request
 * @param basePath           where the endpoints live, {@code /api/auth}
 * @param trustedOrigins     further origins allowed to send state-changing requests
 * @param session            lifetimes and refresh behaviour
 * @param cookies            cookie names and attributes
 * @param emailAndPassword   the email and password sign-in options
 * @param ipAddressHeaders   request headers trusted for the client IP, in order; empty = the socket address
 * @param disableIpTracking  stores no IP address at all
 * @param autoMigrate        creates missing tables at start-up from the DDL shipped in the JAR
 * @param database           {@code jpa} (the container's persistence unit) or {@code memory} (this JVM only)
 * @param disableCsrfCheck   switches the origin and Fetch-Metadata checks off (Better Auth's {@code disableCSRFCheck})
 * @param freshChangePassword change-password requires a fresh session (ours; Better Auth does not check)
 * @param deleteUserEnabled  {@code /delete-user} answers (Better Auth's {@code user.deleteUser.enabled})
 * @param sessionsPageEnabled the library's "active sessions" page is served (ours; not in Better Auth)
 * @param sessionsPagePath   where that page answers, relative to the application's context path
 * @param cookieCache        the {@code session_data} cookie cache
 * @param secrets            Better Auth's versioned secrets ({@code "2:new,1:old"}, first is current), or null
 * @param secondaryStorage   where sessions live besides (or instead of) the session table
 * @param sessionFields      additional fields of the session table ({@code session.additionalFields})
 * @param userFields         additional fields of the user table ({@code user.additionalFields})
 * @param absoluteExpiresIn  ours: seconds from {@code createdAt} after which a session ends whatever its activity
 *                           (0 = off, Better Auth's behaviour)
 * @param clearSiteData      ours: sign-out and revoke-sessions answer {@code Clear-Site-Data}
 * @param useHostPrefix      ours: secure cookies without a cross-subdomain {@code Domain} are named {@code __Host-}
 *                           instead of Better Auth's {@code __Secure-}
 * @param rateLimit          Better Auth's {@code rateLimit} (per IP and path, before anything else)
 * @param purge              ours: the scheduled deletion of expired session and verification rows
 * @param hashTokens         ours: the session store keeps {@code SHA-256(token)}, never the token itself
 * @param databaseConnection a JDBC database the library connects to itself (resource-local); without a URL, the
 *                           container's persistence unit on {@code java:comp/DefaultDataSource}
 * @param revokeOnSignIn     ours: sign-in and sign-up delete the session whose cookie the request presented
 *                           (Better Auth leaves it in the store)
 * @param freshRevoke        ours: revoke-session, revoke-other-sessions and revoke-sessions require a fresh session
 *                           (Better Auth only reads the store)
 * @param trustedProxies     ours: which entries of the forwarded headers are believed (Better Auth: the left-most)
 * @param maxBodySize        ours: the most bytes of a request body an endpoint reads; more is 413
 *                           {@code PAYLOAD_TOO_LARGE} (Better Auth has no limit)
 */
public record BetterAuthConfig(String secret, boolean devMode, String baseUrl, String basePath,
                               List<String> trustedOrigins, Session session, Cookies cookies,
                               EmailAndPassword emailAndPassword, List<String> ipAddressHeaders,
                               boolean disableIpTracking, boolean autoMigrate, String database,
                               boolean disableCsrfCheck, boolean freshChangePassword, boolean deleteUserEnabled,
                               boolean sessionsPageEnabled, String sessionsPagePath, CookieCache cookieCache,
                               String secrets, SecondaryStorage secondaryStorage, AdditionalFields sessionFields,
                               AdditionalFields userFields, long absoluteExpiresIn, boolean clearSiteData,
                               boolean useHostPrefix, RateLimit rateLimit,
                               Purge purge, boolean hashTokens,
                               DatabaseConnection databaseConnection, boolean revokeOnSignIn,
                               boolean freshRevoke, TrustedProxies trustedProxies,
                               int maxBodySize) {

    /**
     * Better Auth's development secret, accepted only in dev mode (so a Node server in dev mode can share it); outside
     * dev mode neither {@code better-auth.secret} nor an entry of {@code better-auth.secrets} may equal it.
     */
    public static final String DEFAULT_SECRET = "better-auth-secret-12345678901234567890";

    public BetterAuthConfig {
        trustedOrigins = List.copyOf(trustedOrigins);
        ipAddressHeaders = List.copyOf(ipAddressHeaders);
        if (secret == null || secret.isEmpty()) {
            throw new ConfigurationException("No secret is configured. Set better-auth.secret (environment "
                    + "BETTER_AUTH_SECRET) to a random value of at least 32 characters, for example the output of "
                    + "'openssl rand -base64 32', or set better-auth.dev-mode=true for local development only.");
        }
        SecretRing ring = secretRing(secret, secrets);
        if (!devMode) {
            refuseDefaultSecret(secret, secrets, ring);
        }
        sessionFields.requireNoCoreField("better-auth.session.additional-fields",
                io.betterauth.jakarta.api.Session.CORE_FIELDS);
        userFields.requireNoCoreField("better-auth.user.additional-fields", User.CORE_FIELDS);
        if (!"jpa".equals(database) && !"memory".equals(database) && !"none".equals(database)) {
            throw new ConfigurationException(
                    "better-auth.database must be 'jpa', 'memory' or 'none', not '" + database + "'");
        }
        if (absoluteExpiresIn < 0) {
            throw new ConfigurationException("better-auth.session.absolute-expires-in must be 0 (off) or a number "
                    + "of seconds, not " + absoluteExpiresIn);
        }
        if (maxBodySize <= 0) {
            throw new ConfigurationException("better-auth.advanced.max-body-size must be a positive number of bytes, "
                    + "not " + maxBodySize);
        }
        if (baseUrl != null) {
            URI uri = URI.create(baseUrl);
            if (uri.getScheme() == null || uri.getHost() == null) {
                throw new ConfigurationException("better-auth.url must be an absolute URL such as "
                        + "https://app.example.com, not '" + baseUrl + "'");
            }
        }
    }

    /**
     * Session lifetimes in seconds.
     *
     * @param expiresIn             lifetime after the last refresh (604800)
     * @param updateAge             how often the expiry slides forward (86400; 0 = every request)
     * @param freshAge              how recent {@code createdAt} must be for sensitive actions (86400; 0 = off)
     * @param disableSessionRefresh never slide the expiry
     * @param deferSessionRefresh   GET never writes; it reports {@code needsRefresh} and a POST refreshes
     */
    public record Session(long expiresIn, long updateAge, long freshAge, boolean disableSessionRefresh,
                          boolean deferSessionRefresh) {
    }

    /**
     * The {@code session_data} cookie cache (Better Auth's {@code session.cookieCache}).
     *
     * @param enabled      write and read the cache; forced on in stateless mode
     * @param maxAge       the cache cookie's lifetime in seconds (300; {@code expiresIn} in stateless mode)
     * @param strategy     {@code compact}, {@code jwt} or {@code jwe} ({@code jwe} in stateless mode)
     * @param version      caches of another version are ignored
     * @param refreshCache stateless only: re-issue the cache (and token cookie) once 80 % of its lifetime passed
     */
    public record CookieCache(boolean enabled, long maxAge, CookieCacheStrategy strategy, String version,
                              boolean refreshCache) {
    }

    /**
     * Better Auth's {@code secondaryStorage} options.
     *
     * @param redisUrl                  {@code redis://host:port/db}; null = none (unless the app provides a
     *                                  {@code SecondaryStorage} bean)
     * @param storeSessionInDatabase    also keep session rows; the table answers when a key is missing
     * @param preserveSessionInDatabase keep (end) rows when sessions are deleted; reads use the keys only
     */
    public record SecondaryStorage(String redisUrl, boolean storeSessionInDatabase, boolean preserveSessionInDatabase) {
    }

    /**
     * Better Auth's {@code rateLimit}: every path gets {@code window}/{@code max}; the special rules
     * ({@code /sign-in*}, {@code /sign-up*}, {@code /change-password*}, {@code /change-email*}: 10 s / 3) win.
     *
     * @param enabled whether requests are counted at all (default: on unless dev mode; Better Auth: production only)
     * @param window  seconds (10)
     * @param max     requests per window (100)
     * @param storage {@code memory} or {@code secondary-storage}; {@code null} = the secondary storage when one is
     *                configured, else memory (Better Auth's default)
     */
    public record RateLimit(boolean enabled, long window, long max, String storage) {
        public RateLimit {
            if (window <= 0 || max <= 0) {
                throw new ConfigurationException("better-auth.rate-limit.window and .max must be positive");
            }
            if (storage != null && !"memory".equals(storage) && !"secondary-storage".equals(storage)) {
                throw new ConfigurationException(
                        "better-auth.rate-limit.storage must be 'memory' or 'secondary-storage', not '" + storage + "'");
            }
        }
    }

    /**
     * Ours: which entry of a forwarded header ({@code ipAddressHeaders}) names the client. Proxies append the address
     * they received the request from, so only the right-most entries were written by proxies the application
     * trusts; everything left of them is whatever the client sent.
     *
     * @param count    how many proxies in front of the application append to (or set) the header: the client is the
     *                 {@code count}-th entry from the right (1, the default: the right-most); {@link #ALL} takes the
     *                 left-most entry, as Better Auth does (forgeable unless the proxy replaces the header)
     * @param networks when not empty, used instead of the count: the proxies' addresses or CIDR blocks; headers are
     *                 read only when the socket peer is one of them, and the client is the right-most entry outside
     *                 them
     */
    public record TrustedProxies(int count, List<IpNetwork> networks) {

        /** Every entry is trusted: the left-most one is the client (Better Auth's behaviour). */
        public static final int ALL = Integer.MAX_VALUE;

        public TrustedProxies {
            networks = List.copyOf(networks);
            if (count < 1) {
                throw new ConfigurationException("better-auth.advanced.ip-address.trusted-proxy-count must be a "
                        + "number of proxies (1 or more) or 'all', not " + count);
            }
        }

        /** {@code all} or a number. */
        static int parseCount(String value) {
            return "all".equalsIgnoreCase(value) ? ALL : Integer.parseInt(value);
        }

        /** Whether the address is one of the trusted proxies (never, for null). */
        public boolean trusts(java.net.InetAddress address) {
            return address != null && networks.stream().anyMatch(n -> n.contains(address));
        }
    }

    /**
     * Ours: the scheduled purge of expired sessions and stale verification rows.
     *
     * @param enabled   run it at all (default true; an interval or batch size of 0 also disables it)
     * @param interval  seconds between runs (3600)
     * @param batchSize rows deleted per transaction (500)
     */
    public record Purge(boolean enabled, long interval, int batchSize) {
        public boolean active() {
            return enabled && interval > 0 && batchSize > 0;
        }
    }

    /**
     * A database the library connects to by itself, for containers without JTA or a default data source (Tomcat).
     * With a URL, the library opens its persistence unit resource-local on it (the JDBC driver and a JPA provider
     * must be in the application); without one, it uses the container's {@code java:comp/DefaultDataSource}.
     *
     * @param url      a JDBC URL such as {@code jdbc:postgresql://db:5432/app}; null = the container's data source
     * @param user     the database user, or null
     * @param password the user's password, or null
     */
    public record DatabaseConnection(String url, String user, String password) {

        /** True when the library manages its own connections. */
        public boolean configured() {
            return url != null && !url.isBlank();
        }

        @Override
        public String toString() {
            return "DatabaseConnection[url=" + url + ", user=" + user + ", password=" + (password == null ? null : "***") + "]";
        }
    }

    /** True without any store: sessions live in the cookie cache alone ({@code better-auth.database=none}). */
    public boolean stateless() {
        return "none".equals(database);
    }

    /** The session and user as they may leave the server: without {@code returned:false} additional fields. */
    public SessionAndUser output(SessionAndUser current) {
        return new SessionAndUser(output(current.session()), output(current.user()));
    }

    public io.betterauth.jakarta.api.Session output(io.betterauth.jakarta.api.Session s) {
        if (sessionFields.isEmpty() || s.additional().isEmpty()) {
            return s;
        }
        return new io.betterauth.jakarta.api.Session(s.id(), s.token(), s.userId(), s.expiresAt(), s.createdAt(), s.updatedAt(), s.ipAddress(),
                s.userAgent(), sessionFields.returned(s.additional()));
    }

    public User output(User u) {
        if (userFields.isEmpty() || u.additional().isEmpty()) {
            return u;
        }
        return new User(u.id(), u.name(), u.email(), u.emailVerified(), u.image(), u.createdAt(), u.updatedAt(),
                userFields.returned(u.additional()));
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
     * Outside dev mode, Better Auth's public default secret may neither be the secret nor an entry of the ring:
     * anyone could sign a session cookie or a cookie cache with it (Better Auth refuses it in production too).
     */
    private static void refuseDefaultSecret(String secret, String secrets, SecretRing ring) {
        String fix = " Set it to a random value of at least 32 characters, for example the output of "
                + "'openssl rand -base64 32'; the default is accepted only with better-auth.dev-mode=true.";
        boolean versioned = secrets != null && !secrets.isBlank();
        for (SecretRing.Secret s : ring.all()) {
            if (versioned && DEFAULT_SECRET.equals(s.value())) {
                throw new ConfigurationException("You are using the default secret: version " + s.version()
                        + " of better-auth.secrets (environment BETTER_AUTH_SECRETS) is Better Auth's public "
                        + "development secret." + fix);
            }
        }
        if (DEFAULT_SECRET.equals(secret)) {
            throw new ConfigurationException("You are using the default secret: better-auth.secret (environment "
                    + "BETTER_AUTH_SECRET) is Better Auth's public development secret." + fix);
        }
    }

    /**
     * Cookie naming and attributes, as Better Auth's {@code advanced} options name them.
     *
     * @param prefix                 {@code better-auth}
     * @param useSecureCookies       forces secure cookies on or off; {@code null} = decided by the base URL
     * @param crossSubDomainEnabled  adds a {@code Domain} attribute
     * @param crossSubDomainDomain   that domain; {@code null} = the base URL's host name
     * @param sameSite               default {@code lax}
     * @param path                   default {@code /}
     * @param httpOnly               default true
     * @param secure                 overrides the computed secure flag when set
     * @param partitioned            adds {@code Partitioned}
     */
    public record Cookies(String prefix, Boolean useSecureCookies, boolean crossSubDomainEnabled,
                          String crossSubDomainDomain, String sameSite, String path, boolean httpOnly,
                          Boolean secure, boolean partitioned) {
    }

    /**
     * Email and password sign-in.
     *
     * @param enabled           the endpoints answer at all
     * @param disableSignUp     sign-up answers {@code EMAIL_PASSWORD_SIGN_UP_DISABLED}
     * @param minPasswordLength 8
     * @param maxPasswordLength 128
     * @param autoSignIn        sign-up creates a session
     * @param maxConcurrentHashes ours: scrypt derivations running at once (32 MiB each); more wait briefly, then 503
     */
    public record EmailAndPassword(boolean enabled, boolean disableSignUp, int minPasswordLength,
                                   int maxPasswordLength, boolean autoSignIn, int maxConcurrentHashes) {
        public EmailAndPassword {
            if (maxConcurrentHashes < 1) {
                throw new ConfigurationException("better-auth.email-and-password.password.max-concurrent-hashes must "
                        + "be 1 or more (unset: " + PasswordHasher.defaultConcurrency() + " here), not "
                        + maxConcurrentHashes);
            }
        }
    }

    public static Builder builder() {
        return new Builder();
    }

    /** The full URL of the endpoints, e.g. {@code http://localhost:8080/api/auth}, or null without a base URL. */
    public String authUrl() {
        return baseUrl == null ? null : baseUrl.replaceAll("/+$", "") + basePath;
    }

    /** A builder starting from Better Auth's defaults. */
    public static final class Builder {
        private String secret;
        private boolean devMode;
        private String baseUrl;
        private String basePath = "/api/auth";
        private List<String> trustedOrigins = List.of();
        private long expiresIn = 60L * 60 * 24 * 7;
        private long updateAge = 60L * 60 * 24;
        private long freshAge = 60L * 60 * 24;
        private boolean disableSessionRefresh;
        private boolean deferSessionRefresh;
        private String cookiePrefix = "better-auth";
        private Boolean useSecureCookies;
        private boolean crossSubDomainEnabled;
        private String crossSubDomainDomain;
        private String sameSite = "lax";
        private String cookiePath = "/";
        private boolean httpOnly = true;
        private Boolean secureAttribute;
        private boolean partitioned;
        private boolean emailAndPasswordEnabled = true;
        private boolean disableSignUp;
        private int minPasswordLength = 8;
        private int maxPasswordLength = 128;
        private boolean autoSignIn = true;
        private Integer maxConcurrentHashes;
        private List<String> ipAddressHeaders = List.of();
        private boolean disableIpTracking;
        private boolean autoMigrate = true;
        private String database = "jpa";
        private boolean disableCsrfCheck;
        private boolean freshChangePassword = true;
        private boolean deleteUserEnabled;
        private boolean sessionsPageEnabled = true;
        private String sessionsPagePath = "/better-auth/sessions";
        private Boolean cookieCacheEnabled;
        private Long cookieCacheMaxAge;
        private CookieCacheStrategy cookieCacheStrategy;
        private String cookieCacheVersion = "1";
        private Boolean refreshCache;
        private String secrets;
        private String redisUrl;
        private boolean storeSessionInDatabase;
        private boolean preserveSessionInDatabase;
        private String databaseUrl;
        private String databaseUser;
        private String databasePassword;
        private AdditionalFields sessionFields = AdditionalFields.none();
        private AdditionalFields userFields = AdditionalFields.none();
        private long absoluteExpiresIn;
        private boolean clearSiteData;
        private boolean useHostPrefix;
        private Boolean rateLimitEnabled;
        private long rateLimitWindow = 10;
        private long rateLimitMax = 100;
        private String rateLimitStorage;
        private boolean purgeEnabled = true;
        private long purgeInterval = 3600;
        private int purgeBatchSize = 500;
        private boolean hashTokens;
        private boolean revokeOnSignIn;
        private boolean freshRevoke;
        private int trustedProxyCount = 1;
        private List<String> trustedProxies = List.of();
        private int maxBodySize = 64 * 1024;

        private Builder() {
        }

        public Builder secret(String v) { secret = v; return this; }
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
        public Builder cookiePrefix(String v) { cookiePrefix = v; return this; }
        public Builder useSecureCookies(Boolean v) { useSecureCookies = v; return this; }
        public Builder crossSubDomainCookies(boolean enabled, String domain) {
            crossSubDomainEnabled = enabled;
            crossSubDomainDomain = domain;
            return this;
        }
        public Builder sameSite(String v) { sameSite = v; return this; }
        public Builder cookiePath(String v) { cookiePath = v; return this; }
        public Builder httpOnly(boolean v) { httpOnly = v; return this; }
        public Builder secureAttribute(Boolean v) { secureAttribute = v; return this; }
        public Builder partitioned(boolean v) { partitioned = v; return this; }
        public Builder emailAndPasswordEnabled(boolean v) { emailAndPasswordEnabled = v; return this; }
        public Builder disableSignUp(boolean v) { disableSignUp = v; return this; }
        public Builder minPasswordLength(int v) { minPasswordLength = v; return this; }
        public Builder maxPasswordLength(int v) { maxPasswordLength = v; return this; }
        public Builder autoSignIn(boolean v) { autoSignIn = v; return this; }
        /** Ours: scrypt derivations at once; unset = {@link PasswordHasher#defaultConcurrency()}. */
        public Builder maxConcurrentHashes(int v) { maxConcurrentHashes = v; return this; }
        public Builder ipAddressHeaders(List<String> v) { ipAddressHeaders = v; return this; }
        public Builder disableIpTracking(boolean v) { disableIpTracking = v; return this; }
        public Builder autoMigrate(boolean v) { autoMigrate = v; return this; }
        public Builder database(String v) { database = v; return this; }
        public Builder disableCsrfCheck(boolean v) { disableCsrfCheck = v; return this; }
        public Builder freshChangePassword(boolean v) { freshChangePassword = v; return this; }
        public Builder deleteUserEnabled(boolean v) { deleteUserEnabled = v; return this; }
        public Builder sessionsPageEnabled(boolean v) { sessionsPageEnabled = v; return this; }
        public Builder sessionsPagePath(String v) { sessionsPagePath = v; return this; }
        public Builder cookieCacheEnabled(boolean v) { cookieCacheEnabled = v; return this; }
        public Builder cookieCacheMaxAge(long v) { cookieCacheMaxAge = v; return this; }
        public Builder cookieCacheStrategy(CookieCacheStrategy v) { cookieCacheStrategy = v; return this; }
        public Builder cookieCacheVersion(String v) { cookieCacheVersion = v; return this; }
        public Builder refreshCache(boolean v) { refreshCache = v; return this; }
        /** Better Auth's {@code secrets}: {@code "2:new,1:old"}, the first entry current. */
        public Builder secrets(String v) { secrets = v; return this; }
        public Builder redisUrl(String v) { redisUrl = v; return this; }
        public Builder storeSessionInDatabase(boolean v) { storeSessionInDatabase = v; return this; }
        public Builder preserveSessionInDatabase(boolean v) { preserveSessionInDatabase = v; return this; }
        /** A JDBC URL the library connects to itself (resource-local), instead of the container's data source. */
        public Builder databaseUrl(String v) { databaseUrl = v; return this; }
        public Builder databaseUser(String v) { databaseUser = v; return this; }
        public Builder databasePassword(String v) { databasePassword = v; return this; }
        /** Better Auth's {@code session.additionalFields}. */
        public Builder sessionFields(AdditionalFields v) { sessionFields = v; return this; }
        /** Better Auth's {@code user.additionalFields}. */
        public Builder userFields(AdditionalFields v) { userFields = v; return this; }
        /** Ours: a lifetime from {@code createdAt} that activity cannot extend, seconds; 0 = off. */
        public Builder absoluteExpiresIn(long v) { absoluteExpiresIn = v; return this; }
        /** Ours: {@code Clear-Site-Data} on sign-out and revoke-sessions. */
        public Builder clearSiteData(boolean v) { clearSiteData = v; return this; }
        /** Ours: {@code __Host-} cookie names when secure and no cross-subdomain domain is configured. */
        public Builder useHostPrefix(boolean v) { useHostPrefix = v; return this; }
        /** Better Auth's {@code rateLimit.enabled}; unset = on unless dev mode. */
        public Builder rateLimitEnabled(boolean v) { rateLimitEnabled = v; return this; }
        /** Better Auth treats 0 as "use the default" (10 s). */
        public Builder rateLimitWindow(long v) { rateLimitWindow = v == 0 ? 10 : v; return this; }
        /** Better Auth treats 0 as "use the default" (100). */
        public Builder rateLimitMax(long v) { rateLimitMax = v == 0 ? 100 : v; return this; }
        /** {@code memory} or {@code secondary-storage}; null = Better Auth's choice. */
        public Builder rateLimitStorage(String v) { rateLimitStorage = v; return this; }
        public Builder purgeEnabled(boolean v) { purgeEnabled = v; return this; }
        public Builder purgeInterval(long v) { purgeInterval = v; return this; }
        public Builder purgeBatchSize(int v) { purgeBatchSize = v; return this; }
        /** Ours: keep {@code SHA-256(token)} in the session store (not shareable with a Node Better Auth). */
        public Builder hashTokens(boolean v) { hashTokens = v; return this; }
        /** Ours: sign-in and sign-up delete the session the request's cookie presented (T-12). */
        public Builder revokeOnSignIn(boolean v) { revokeOnSignIn = v; return this; }
        /** Ours: the revoke endpoints require a fresh session (T-17). */
        public Builder freshRevoke(boolean v) { freshRevoke = v; return this; }
        /** Ours: proxies appending to the forwarded headers; {@link TrustedProxies#ALL} = Better Auth's left-most. */
        public Builder trustedProxyCount(int v) { trustedProxyCount = v; return this; }
        /** Ours: the proxies' addresses or CIDR blocks (replaces the count when not empty). */
        public Builder trustedProxies(List<String> v) { trustedProxies = v; return this; }
        /** Ours: the most bytes of a request body an endpoint reads (64 KiB). */
        public Builder maxBodySize(int v) { maxBodySize = v; return this; }

        public BetterAuthConfig build() {
            String effectiveSecret = secret;
            if ((effectiveSecret == null || effectiveSecret.isEmpty()) && secrets != null && !secrets.isBlank()) {
                effectiveSecret = secretRing(null, secrets).current().value();
            }
            if ((effectiveSecret == null || effectiveSecret.isEmpty()) && devMode) {
                effectiveSecret = DEFAULT_SECRET;
            }
            // Stateless mode (no store): Better Auth turns the cache on as jwe, living as long as the session, with
            // refreshCache; with a store, refreshCache is forced off.
            boolean stateless = "none".equals(database);
            CookieCache cache = new CookieCache(
                    stateless || Boolean.TRUE.equals(cookieCacheEnabled),
                    cookieCacheMaxAge != null && cookieCacheMaxAge > 0 ? cookieCacheMaxAge : stateless ? expiresIn : 300,
                    cookieCacheStrategy != null ? cookieCacheStrategy
                            : stateless ? CookieCacheStrategy.JWE : CookieCacheStrategy.COMPACT,
                    cookieCacheVersion,
                    stateless && (refreshCache == null || refreshCache));
            return new BetterAuthConfig(effectiveSecret, devMode, baseUrl, basePath, trustedOrigins,
                    new Session(expiresIn, updateAge, freshAge, disableSessionRefresh, deferSessionRefresh),
                    new Cookies(cookiePrefix, useSecureCookies, crossSubDomainEnabled, crossSubDomainDomain,
                            sameSite, cookiePath, httpOnly, secureAttribute, partitioned),
                    new EmailAndPassword(emailAndPasswordEnabled, disableSignUp, minPasswordLength,
                            maxPasswordLength, autoSignIn,
                            maxConcurrentHashes != null ? maxConcurrentHashes : PasswordHasher.defaultConcurrency()),
                    ipAddressHeaders, disableIpTracking, autoMigrate, database, disableCsrfCheck,
                    freshChangePassword, deleteUserEnabled, sessionsPageEnabled, sessionsPagePath, cache, secrets,
                    new SecondaryStorage(redisUrl, storeSessionInDatabase || preserveSessionInDatabase,
                            preserveSessionInDatabase), sessionFields, userFields, absoluteExpiresIn, clearSiteData,
                    useHostPrefix,
                    new RateLimit(rateLimitEnabled != null ? rateLimitEnabled : !devMode, rateLimitWindow,
                            rateLimitMax, rateLimitStorage),
                    new Purge(purgeEnabled, purgeInterval, purgeBatchSize), hashTokens,
                    new DatabaseConnection(databaseUrl, databaseUser, databasePassword), revokeOnSignIn,
                    freshRevoke, new TrustedProxies(trustedProxyCount, networks(trustedProxies)), maxBodySize);
        }

        private static List<IpNetwork> networks(List<String> cidrs) {
            try {
                return cidrs.stream().map(IpNetwork::parse).toList();
            } catch (IllegalArgumentException e) {
                throw new ConfigurationException("better-auth.advanced.ip-address.trusted-proxies: " + e.getMessage());
            }
        }
    }
}
