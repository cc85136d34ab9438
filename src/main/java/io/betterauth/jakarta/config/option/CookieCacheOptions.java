package io.betterauth.jakarta.config.option;

/**
 * The {@code session_data} cookie cache (Better Auth's {@code session.cookieCache}, keys
 * {@code better-auth.session.cookie-cache.*}).
 *
 * @param enabled      write and read the cache; forced on in stateless mode
 * @param maxAge       the cache cookie's lifetime in seconds (300; {@code expiresIn} in stateless mode)
 * @param strategy     compact, jwt or jwe (jwe in stateless mode)
 * @param version      caches of another version are ignored ({@code "1"})
 * @param refreshCache stateless only: re-issue the cache (and token cookie) once 80 % of its lifetime passed
 */
public record CookieCacheOptions(boolean enabled, long maxAge, CookieCacheStrategy strategy, String version,
                                 boolean refreshCache) {
}
