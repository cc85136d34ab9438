package io.betterauth.jakarta.core.plugin.jwt;

import io.betterauth.jakarta.config.option.CookieCacheStrategy;
import io.betterauth.jakarta.core.cookie.cache.CookieCacheCodec;
import io.betterauth.jakarta.core.cookie.cache.DecodedCache;
import java.lang.System.Logger;
import java.lang.System.Logger.Level;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The {@code jwt} cookie cache of a server whose jwt plugin has {@code sessionCookieCache: true} (Better Auth's
 * {@code createCookieCacheSigner}): {@link SessionCacheJwt} signed with the {@link KeyRing}'s current key and checked
 * against the {@code jwks} table, so a Node Better Auth on the same table reads ours and we read its. A key is found
 * by the token's {@code kid} among all stored keys, expired ones included (Better Auth's {@code getAllKeys}); its
 * algorithm is the row's {@code alg}, else {@code keyPairConfig.alg}.
 *
 * <p>A decoded cache is always reported as made with the current secret: the secret does not sign it, and a key
 * that rotated out still verifies until the cache's own short expiry, as in Better Auth.
 */
public final class SessionCacheJwtCodec implements CookieCacheCodec {

    private static final Logger LOG = System.getLogger(SessionCacheJwtCodec.class.getName());
    /** Verifiers of stored public keys; only stored keys get here, so the map is as small as the table. */
    private static final int MAX_VERIFIERS = 32;

    private final KeyRing keys;
    private final JwkAlgorithm configured;
    private final String issuer;
    private final Map<String, SessionCacheJwt.Candidate> verifiers = new ConcurrentHashMap<>();

    /**
     * @param configured {@code jwks.keyPairConfig.alg}: the algorithm of a stored key without an {@code alg}
     * @param issuer     the {@code iss} written and required ({@link SessionCacheJwt#issuer(String)})
     */
    public SessionCacheJwtCodec(KeyRing keys, JwkAlgorithm configured, String issuer) {
        this.keys = keys;
        this.configured = configured;
        this.issuer = issuer;
    }

    @Override
    public CookieCacheStrategy strategy() {
        return CookieCacheStrategy.JWT;
    }

    /** The issuer written and required. */
    public String issuer() {
        return issuer;
    }

    /**
     * @throws PrivateKeyEnvelope.UndecryptableKeyException when the signing key was encrypted with another secret
     *                                                      (Better Auth throws too)
     */
    @Override
    public String encodeJson(Map<String, ?> sessionData, long nowMs, long lifetimeSeconds) {
        return SessionCacheJwt.sign(keys.signingKey(), sessionData, nowMs, lifetimeSeconds, issuer);
    }

    @Override
    public Optional<DecodedCache> decode(String cookieValue, long nowMs) {
        return SessionCacheJwt.verify(cookieValue, this::forKid, issuer, nowMs)
                .map(v -> new DecodedCache(v.data(), (long) (v.exp() * 1000), 0, true));
    }

    private List<SessionCacheJwt.Candidate> forKid(String kid) {
        return keys.byKid(kid).flatMap(row -> {
            String cacheKey = row.id() + "\u0000" + row.alg() + "\u0000" + row.publicKey();
            SessionCacheJwt.Candidate hit = verifiers.get(cacheKey);
            if (hit != null) {
                return Optional.of(hit);
            }
            try {
                JwkAlgorithm alg = row.alg() != null ? JwkAlgorithm.named(row.alg()) : configured;
                SessionCacheJwt.Candidate made = new SessionCacheJwt.Candidate(alg,
                        JwkKeys.verifier(alg, row.publicKey()));
                if (verifiers.size() >= MAX_VERIFIERS) {
                    verifiers.clear();
                }
                verifiers.put(cacheKey, made);
                return Optional.of(made);
            } catch (IllegalArgumentException e) {
                // A row this library cannot use (an algorithm it does not speak, a broken key): no cache.
                LOG.log(Level.DEBUG, "jwks row " + row.id() + " cannot verify a session cache: " + e.getMessage());
                return Optional.empty();
            }
        }).map(List::of).orElse(List.of());
    }
}
