package io.betterauth.jakarta.config.option;

import io.betterauth.jakarta.config.ConfigurationException;

/**
 * The {@code session_data} cookie cache (Better Auth's {@code session.cookieCache}, keys
 * {@code better-auth.session.cookie-cache.*}).
 *
 * @param enabled      write and read the cache; forced on in stateless mode
 * @param maxAge       the cache cookie's lifetime in seconds (300; {@code expiresIn} in stateless mode)
 * @param strategy     compact, jwt or jwe (jwe in stateless mode)
 * @param version      caches of another version are ignored ({@code "1"})
 * @param refreshCache stateless only: re-issue the cache (and token cookie) once 80 % of its lifetime passed
 * @param decodedEntries the library's own: how many recently verified {@code session_data} cookies each instance
 *                       keeps decoded, so that a browser's repeated cookie is verified and parsed once
 *                       ({@value #DEFAULT_DECODED_ENTRIES}; 0 decodes every request); not the jwt plugin's
 *                       session-cache JWTs, whose keys can change
 */
public record CookieCacheOptions(boolean enabled, long maxAge, CookieCacheStrategy strategy, String version,
                                 boolean refreshCache, int decodedEntries) {

    /** A few MiB at most: one entry is a cookie of at most 4 KiB and its decoded session and user. */
    public static final int DEFAULT_DECODED_ENTRIES = 1000;
    /** The most {@code decoded-entries} may be: a few hundred MiB. */
    public static final int MAX_DECODED_ENTRIES = 100_000;

    public CookieCacheOptions {
        if (decodedEntries < 0 || decodedEntries > MAX_DECODED_ENTRIES) {
            throw new ConfigurationException("better-auth.session.cookie-cache.decoded-entries must be 0 to "
                    + MAX_DECODED_ENTRIES + ", not " + decodedEntries);
        }
    }

    public CookieCacheOptions(boolean enabled, long maxAge, CookieCacheStrategy strategy, String version,
                              boolean refreshCache) {
        this(enabled, maxAge, strategy, version, refreshCache, DEFAULT_DECODED_ENTRIES);
    }

    /**
     * The options as configured, null where unset, with Better Auth's defaults. Stateless mode (no store): the cache
     * is on as jwe, living as long as the session ({@code expiresIn}), with refreshCache; with a store, refreshCache
     * is forced off.
     */
    public static CookieCacheOptions resolved(boolean stateless, long expiresIn, Boolean enabled, Long maxAge,
                                              CookieCacheStrategy strategy, String version, Boolean refreshCache,
                                              int decodedEntries) {
        return new CookieCacheOptions(
                stateless || Boolean.TRUE.equals(enabled),
                maxAge != null && maxAge > 0 ? maxAge : stateless ? expiresIn : 300,
                strategy != null ? strategy : stateless ? CookieCacheStrategy.JWE : CookieCacheStrategy.COMPACT,
                version,
                stateless && (refreshCache == null || refreshCache),
                decodedEntries);
    }
}
