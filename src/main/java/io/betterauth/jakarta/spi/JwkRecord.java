package io.betterauth.jakarta.spi;

import java.time.Instant;
import java.util.Objects;

/**
 * One row of Better Auth's {@code jwks} table (the {@code jwt} plugin's signing keys), as a {@link JwksStore} keeps
 * it. The columns hold what Better Auth writes, so either side reads the other's keys: {@code publicKey} is the public
 * JWK as JSON, {@code privateKey} the private JWK encrypted with the secret and written as a JSON string literal
 * (or the JWK JSON itself when private-key encryption is off). It lives in {@code spi} because it is what a store
 * speaks; applications never see it.
 *
 * @param id         the key id, the JWT's {@code kid}
 * @param publicKey  the public JWK JSON
 * @param privateKey the encrypted private JWK, as stored; never logged
 * @param createdAt  when it was minted; the newest live key signs
 * @param expiresAt  when it stops signing ({@code rotationInterval}), or null for never; it is still published
 *                   for the grace period after
 * @param alg        the JOSE algorithm, or null for rows written before the column existed (the configured one)
 * @param crv        the curve, or null (RSA, or older rows)
 */
public record JwkRecord(String id, String publicKey, String privateKey, Instant createdAt, Instant expiresAt,
        String alg, String crv) {

    public JwkRecord {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(publicKey, "publicKey");
        Objects.requireNonNull(privateKey, "privateKey");
        Objects.requireNonNull(createdAt, "createdAt");
    }

    /** Whether this key may still sign at {@code now}: no expiry, or an expiry after now. */
    public boolean liveAt(Instant now) {
        return expiresAt == null || expiresAt.isAfter(now);
    }

    @Override
    public String toString() {
        return "JwkRecord[id=" + id + ", alg=" + alg + ", crv=" + crv + ", createdAt=" + createdAt + ", expiresAt="
                + expiresAt + "]";
    }
}
