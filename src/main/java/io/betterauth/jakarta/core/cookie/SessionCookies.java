package io.betterauth.jakarta.core.cookie;

import io.betterauth.jakarta.api.SessionAndUser;
import io.betterauth.jakarta.config.BetterAuthConfig;
import io.betterauth.jakarta.config.ConfigurationException;
import io.betterauth.jakarta.config.option.AdvancedOptions;
import io.betterauth.jakarta.config.option.CookieCacheOptions;
import io.betterauth.jakarta.config.plugin.Plugin;
import io.betterauth.jakarta.core.cookie.cache.CookieCacheCodec;
import io.betterauth.jakarta.core.cookie.cache.MemoizedCookieCacheCodec;
import io.betterauth.jakarta.core.cookie.cache.DecodedCache;
import io.betterauth.jakarta.core.cookie.cache.SessionData;
import io.betterauth.jakarta.core.security.SecretRing;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Names, attributes and {@code Set-Cookie} lines of Better Auth's session cookies ({@code session_token},
 * {@code session_data}, {@code dont_remember}), following {@code createCookieGetter}: the {@code __Secure-} prefix
 * and {@code Secure} together when the base URL is https (or configured so), {@code HttpOnly; SameSite=Lax;
 * Path=/}, a {@code Domain} for cross-subdomain cookies, then the configured default attributes.
 */
public final class SessionCookies {

    /** The current secret's signer first, then older secrets of the ring (accepted, never used to sign). */
    private final List<SignedCookie> signers;
    private final SignedCookie signer;
    private final CookieCacheOptions cache;
    private final CookieCacheCodec cacheCodec;
    private final BetterAuthConfig config;
    private final String sessionTokenName;
    private final String sessionDataName;
    private final String dontRememberName;
    /** {@code __Secure-}, {@code __Host-} or nothing, then the cookie prefix and a dot. */
    private final String namePrefix;
    private final CookieAttributes base;
    private final long expiresIn;

    /**
     * The cookies of this configuration, the cache in its configured strategy.
     *
     * @throws IllegalStateException  when the configuration asks for the jwt plugin's session-cache JWT, whose codec
     *                                needs the plugin's keys: use {@link #SessionCookies(BetterAuthConfig,
     *                                CookieCacheCodec)}
     * @throws ConfigurationException when it asks for it with another cache strategy than {@code jwt}
     */
    public SessionCookies(BetterAuthConfig config) {
        this(config, null);
        if (config.plugins().on(Plugin.JWT) && config.plugins().jwt().sessionCookieCache() && !config.verifierMode()) {
            throw new IllegalStateException("better-auth.plugins.jwt.session-cookie-cache needs the jwt plugin's keys:"
                    + " pass its session-cache codec");
        }
    }

    /**
     * The cookies of this configuration, the cache written and read by {@code cacheCodec} when given (the jwt
     * plugin's session-cache JWT), else by the configured strategy's own codec.
     *
     * @throws ConfigurationException when the jwt plugin's {@code session-cookie-cache} is on with another cache
     *                                strategy than {@code jwt} (Better Auth does not start either)
     */
    public SessionCookies(BetterAuthConfig config, CookieCacheCodec cacheCodec) {
        config.plugins().jwt().requireCacheStrategy(config.plugins().on(Plugin.JWT),
                config.session().cookieCache().strategy());
        SecretRing ring = config.secretRing();
        List<SignedCookie> all = new ArrayList<>();
        for (SecretRing.Secret secret : ring.all()) {
            all.add(new SignedCookie(secret.value()));
        }
        this.signers = List.copyOf(all);
        this.signer = signers.get(0);
        this.cache = config.session().cookieCache();
        // The strategy's own codec verifies with the secrets, fixed for the runtime's life, so its recent decodes may
        // be remembered; the jwt plugin's verifies with key-store keys, which can be rotated away meanwhile.
        this.cacheCodec = cacheCodec != null ? cacheCodec
                : MemoizedCookieCacheCodec.of(CookieCacheCodec.create(cache.strategy(), ring), cache.decodedEntries());
        this.config = config;
        AdvancedOptions advanced = config.advanced();
        boolean secure = secure(config);
        String domain = null;
        if (advanced.crossSubDomainCookies().enabled()) {
            domain = advanced.crossSubDomainCookies().domain();
            if (domain == null || domain.isEmpty()) {
                if (config.baseUrl() == null) {
                    throw new ConfigurationException(
                            "better-auth.url is required when cross-subdomain cookies are enabled.");
                }
                domain = URI.create(config.baseUrl()).getHost();
            }
        }
        // Ours (better-auth.advanced.use-host-prefix, T-06): __Host- when nothing needs a Domain; a __Host- cookie
        // is always sent Secure with Path=/ and no Domain (SetCookie enforces it).
        String securePrefix = !secure ? "" : advanced.useHostPrefix() && domain == null ? "__Host-" : "__Secure-";
        this.namePrefix = securePrefix + advanced.cookiePrefix() + ".";
        this.sessionTokenName = securePrefix + advanced.cookiePrefix() + ".session_token";
        this.sessionDataName = securePrefix + advanced.cookiePrefix() + ".session_data";
        this.dontRememberName = securePrefix + advanced.cookiePrefix() + ".dont_remember";
        AdvancedOptions.DefaultCookieAttributes defaults = advanced.defaultCookieAttributes();
        boolean secureAttribute = defaults.secure() != null ? defaults.secure() : secure;
        this.base = new CookieAttributes(null, domain, defaults.path(), defaults.httpOnly(), secureAttribute,
                defaults.sameSite(), defaults.partitioned());
        this.expiresIn = config.session().expiresIn();
    }

    /**
     * The {@code session_data} cookie's name under this configuration, as the constructor names it (for verifier
     * mode, which has no secret and so no {@code SessionCookies}).
     */
    public static String sessionDataName(BetterAuthConfig config) {
        AdvancedOptions advanced = config.advanced();
        // a Domain exactly when cross-subdomain cookies are on (the constructor refuses them without one)
        boolean domain = advanced.crossSubDomainCookies().enabled();
        String prefix = !secure(config) ? "" : advanced.useHostPrefix() && !domain ? "__Host-" : "__Secure-";
        return prefix + advanced.cookiePrefix() + ".session_data";
    }

    /** Better Auth's rule: the explicit option, else the base URL's scheme, else "not in development". */
    static boolean secure(BetterAuthConfig config) {
        if (config.advanced().useSecureCookies() != null) {
            return config.advanced().useSecureCookies();
        }
        if (config.baseUrl() != null) {
            return config.baseUrl().startsWith("https://");
        }
        return !config.devMode();
    }

    public String sessionTokenName() {
        return sessionTokenName;
    }

    public String sessionDataName() {
        return sessionDataName;
    }

    public String dontRememberName() {
        return dontRememberName;
    }

    /**
     * Better Auth's {@code createAuthCookie(name).name}: the name another cookie of the library's (a plugin's)
     * gets, with the session cookies' secure prefix and cookie prefix ({@code better-auth.admin_session}).
     */
    public String authCookieName(String name) {
        return namePrefix + name;
    }

    /**
     * The verified session token from the request, or empty for a missing, unsigned or forged cookie. A cookie
     * signed with an older secret of {@code better-auth.secrets} is accepted too (Better Auth would log the user
     * out); {@link #signedWithCurrentSecret} tells the caller to re-issue it.
     */
    public Optional<String> sessionToken(RequestCookies cookies) {
        return cookies.get(sessionTokenName).flatMap(this::verify);
    }

    /** Whether the request's session token cookie carries the current secret's signature. */
    public boolean signedWithCurrentSecret(RequestCookies cookies) {
        return cookies.get(sessionTokenName).flatMap(signer::verify).isPresent();
    }

    /** Whether the request carries a validly signed {@code dont_remember} cookie. */
    public boolean dontRemember(RequestCookies cookies) {
        return cookies.get(dontRememberName).flatMap(this::verify).isPresent();
    }

    /**
     * A signed value's original when one secret of the ring signed it (the current one first); empty otherwise.
     * Never throws for client input.
     */
    public Optional<String> verify(String signedValue) {
        for (SignedCookie s : signers) {
            Optional<String> value = s.verify(signedValue);
            if (value.isPresent()) {
                return value;
            }
        }
        return Optional.empty();
    }

    public boolean cacheEnabled() {
        return cache.enabled();
    }

    /**
     * {@code setCookieCache}: the {@code session_data} cookie (chunked when large) holding the session and user, or
     * nothing when the cache is off. A don't-remember session gets a browser-session cache cookie.
     */
    public List<String> cacheCookies(SessionAndUser current, boolean dontRemember, RequestCookies request, long nowMs) {
        if (!cache.enabled()) {
            return List.of();
        }
        CookieAttributes attributes = base.withMaxAge(dontRemember ? null : cache.maxAge());
        // returned:false fields never reach a cookie
        String value = cacheCodec.encode(SessionData.of(config.output(current), nowMs, cache.version()), nowMs,
                cache.strategy().lifetimeSeconds(attributes.maxAge()));
        return CookieChunks.write(sessionDataName, value, attributes, request).setCookies();
    }

    /**
     * The request's cache, when it decodes, verifies, is unexpired, is of the configured version and belongs to
     * this session token (spec §3.7); anything else is a miss.
     */
    public Optional<DecodedCache> readCache(RequestCookies request, String token, long nowMs) {
        return CookieChunks.read(sessionDataName, request)
                .flatMap(value -> cacheCodec.decode(value, nowMs))
                .filter(d -> !d.expiredAt(nowMs))
                .filter(d -> d.data().session().token().equals(token))
                .filter(d -> d.data().effectiveVersion().equals(cache.version()))
                .filter(d -> !d.data().session().expiresAt().isBefore(java.time.Instant.ofEpochMilli(nowMs)));
    }

    /** Expires the cache cookie and its chunks (a cache that failed a check). */
    public List<String> expireCache(RequestCookies request) {
        return CookieChunks.expireAll(sessionDataName, base, request);
    }

    /** A value signed with the current secret, as a session token cookie carries it ({@code value.signature}). */
    public String sign(String value) {
        return signer.sign(value);
    }

    /** {@code session_token} with {@code Max-Age=expiresIn}, or no Max-Age for a don't-remember session. */
    public String sessionToken(String token, boolean dontRemember) {
        return SetCookie.serialize(sessionTokenName, signer.sign(token),
                base.withMaxAge(dontRemember ? null : expiresIn));
    }

    /** {@code session_token} with the given {@code Max-Age} (an absolute session lifetime caps it). */
    public String sessionToken(String token, long maxAge) {
        return SetCookie.serialize(sessionTokenName, signer.sign(token), base.withMaxAge(maxAge));
    }

    /**
     * A cookie carrying a signed session token with {@code session_token}'s attributes and {@code Max-Age} =
     * {@code expiresIn} whatever the session (Better Auth's multi-session device cookie).
     */
    public String signedTokenCookie(String name, String token) {
        return SetCookie.serialize(name, signer.sign(token), base.withMaxAge(expiresIn));
    }

    /** The signed {@code dont_remember=true} cookie, always a browser-session cookie. */
    public String dontRememberCookie() {
        return SetCookie.serialize(dontRememberName, signer.sign("true"), base);
    }

    /** {@code name=; Max-Age=0} with the same attributes the cookie was written with. */
    public String expire(String name) {
        return SetCookie.serialize(name, "", base.withMaxAge(0L));
    }

    /**
     * {@code deleteSessionCookie}: expires the token, the cache, every cache cookie or chunk the request carried,
     * and {@code dont_remember}, in Better Auth's order.
     */
    public List<String> deleteAll(RequestCookies request) {
        List<String> lines = new ArrayList<>();
        lines.add(expire(sessionTokenName));
        lines.add(expire(sessionDataName));
        for (String name : request.names()) {
            if (name.startsWith(sessionDataName)) {
                lines.add(expire(name));
            }
        }
        lines.add(expire(dontRememberName));
        return lines;
    }

    /** Cache cookies ({@code session_data} and its {@code .N} chunks) present in the request. */
    public List<String> sessionDataCookies(RequestCookies request) {
        List<String> names = new ArrayList<>();
        for (String name : request.names()) {
            if (name.equals(sessionDataName) || isChunk(name)) {
                names.add(name);
            }
        }
        return names;
    }

    private boolean isChunk(String name) {
        if (!name.startsWith(sessionDataName + ".")) {
            return false;
        }
        String index = name.substring(sessionDataName.length() + 1);
        try {
            return String.valueOf(Integer.parseInt(index)).equals(index) && Integer.parseInt(index) >= 0;
        } catch (NumberFormatException e) {
            return false;
        }
    }
}
