package io.betterauth.jakarta.core.cookie.cache;

import io.betterauth.jakarta.core.security.SecretRing;

/**
 * A {@code session_data} cookie that decoded and verified: its payload, the cache's own expiry, and which secret
 * verified it. Decoding does not apply the request-level rules of spec §3.7; the caller still checks that
 * {@code data.session().token()} equals the verified {@code session_token}, that the version matches, that
 * {@link #expiredAt(long)} is false (a JWE decodes up to 15 s after its {@code exp}, yet Better Auth then expires
 * it) and that the session itself has not expired.
 *
 * @param data           the cached session, user, updatedAt and version
 * @param expiresAtMs    the cache expiry in epoch ms: compact's embedded {@code expiresAt}, or {@code exp * 1000}
 * @param secretVersion  the version of the secret that verified or decrypted it ({@link SecretRing.Secret#version()})
 * @param currentSecret  whether that was the ring's current secret; when false the caller should re-issue the cache
 *                       with the current secret
 */
public record DecodedCache(SessionData data, long expiresAtMs, int secretVersion, boolean currentSecret) {

    /** Better Auth's cache-expiry test: {@code expiresAt < now}. */
    public boolean expiredAt(long nowMs) {
        return expiresAtMs < nowMs;
    }
}
