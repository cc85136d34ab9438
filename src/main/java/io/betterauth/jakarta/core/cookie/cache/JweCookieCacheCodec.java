package io.betterauth.jakarta.core.cookie.cache;

import io.betterauth.jakarta.config.option.CookieCacheStrategy;
import io.betterauth.jakarta.core.security.SecretRing;
import java.util.Map;
import java.util.Optional;

/**
 * The {@code jwe} cookie cache (spec §3.5): the session data encrypted by {@link SymmetricJwt} with the
 * {@code better-auth-session} key of each secret. This is the one strategy where Better Auth itself honours secret
 * rotation, so caches written with an older secret of the ring decrypt here as they do in Node, reported through
 * {@link DecodedCache#currentSecret()}.
 */
public final class JweCookieCacheCodec implements CookieCacheCodec {

    private final SecretRing secrets;
    private final SymmetricJwt jwt;

    public JweCookieCacheCodec(SecretRing secrets) {
        this.secrets = secrets;
        this.jwt = new SymmetricJwt(secrets, CookieEncryptionKey.SESSION_SALT);
    }

    @Override
    public CookieCacheStrategy strategy() {
        return CookieCacheStrategy.JWE;
    }

    @Override
    public String encodeJson(Map<String, ?> sessionData, long nowMs, long lifetimeSeconds) {
        return jwt.encode(sessionData, nowMs, lifetimeSeconds);
    }

    @Override
    public Optional<DecodedCache> decode(String cookieValue, long nowMs) {
        return jwt.decode(cookieValue, nowMs).flatMap(d -> SessionData.fromJson(d.claims(), nowMs)
                .map(data -> new DecodedCache(data, (long) (d.exp() * 1000), d.secret().version(),
                        d.secret() == secrets.current())));
    }
}
