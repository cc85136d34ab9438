package io.betterauth.jakarta.core.cookie.cache;

import io.betterauth.jakarta.config.option.CookieCacheStrategy;
import io.betterauth.jakarta.core.cookie.CookieChunks;
import io.betterauth.jakarta.core.js.JsJson;
import io.betterauth.jakarta.core.security.SecretRing;
import java.util.Map;
import java.util.Optional;

/**
 * Encodes and decodes the {@code session_data} cookie value for one {@link CookieCacheStrategy}, byte-compatible
 * with Better Auth 1.7.25. Values are the unchunked, not URL-encoded cookie value; {@link CookieChunks} splits and
 * joins them. Decoding never throws for client input: anything malformed, forged, expired or signed with a secret
 * outside the ring is {@link Optional#empty()}, a cache miss.
 *
 * <p>Obtain one with {@link #create(CookieCacheStrategy, SecretRing)}; instances are immutable and thread-safe.
 */
public interface CookieCacheCodec {

    /** The codec for {@code strategy}, signing or encrypting with the ring's current secret. */
    static CookieCacheCodec create(CookieCacheStrategy strategy, SecretRing secrets) {
        return switch (strategy) {
            case COMPACT -> new CompactCookieCacheCodec(secrets);
            case JWT -> new JwtCookieCacheCodec(secrets);
            case JWE -> new JweCookieCacheCodec(secrets);
        };
    }

    CookieCacheStrategy strategy();

    /**
     * The cookie value for {@code data} written at {@code nowMs}.
     *
     * @param lifetimeSeconds the cache lifetime; use {@link CookieCacheStrategy#lifetimeSeconds(Long)} with the
     *                        cookie's Max-Age, or {@code null} for a don't-remember session
     */
    default String encode(SessionData data, long nowMs, long lifetimeSeconds) {
        return encodeJson(data.toJson(), nowMs, lifetimeSeconds);
    }

    /**
     * Like {@link #encode} for a payload given as an ordered JSON tree (as {@link JsJson} writes it), for callers
     * that must control the member order or add members, e.g. to reproduce a value minted by Node.
     */
    String encodeJson(Map<String, ?> sessionData, long nowMs, long lifetimeSeconds);

    /** The verified payload of a cookie value, or empty for a miss. */
    Optional<DecodedCache> decode(String cookieValue, long nowMs);
}
