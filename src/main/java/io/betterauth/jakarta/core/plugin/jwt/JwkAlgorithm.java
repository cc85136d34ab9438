package io.betterauth.jakarta.core.plugin.jwt;

import com.nimbusds.jose.JWSAlgorithm;
import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/**
 * The key algorithms of Better Auth's {@code jwks.keyPairConfig} this library mints and signs with: jose's
 * {@code generateKeyPair} names, each with the curve Better Auth writes to the {@code crv} column.
 */
public enum JwkAlgorithm {
    /** Ed25519 (Better Auth's default, {@code DEFAULT_JWK_ALG}). */
    EDDSA("EdDSA", "Ed25519"),
    /** ECDSA on P-256 with SHA-256. */
    ES256("ES256", "P-256"),
    /** ECDSA on P-521 with SHA-512. */
    ES512("ES512", "P-521"),
    /** RSASSA-PKCS1-v1_5 with SHA-256. */
    RS256("RS256", null),
    /** RSASSA-PSS with SHA-256. */
    PS256("PS256", null);

    private final String alg;
    private final String crv;

    JwkAlgorithm(String alg, String crv) {
        this.alg = alg;
        this.crv = crv;
    }

    /** The JOSE {@code alg}, as in the {@code alg} column and the JWT header. */
    public String alg() {
        return alg;
    }

    /** The curve, as in the {@code crv} column; empty for RSA. */
    public Optional<String> crv() {
        return Optional.ofNullable(crv);
    }

    /** Whether this is an RSA algorithm (its key takes a modulus length). */
    public boolean rsa() {
        return crv == null;
    }

    JWSAlgorithm jws() {
        return JWSAlgorithm.parse(alg);
    }

    /**
     * The algorithm a stored {@code alg} or a configured name denotes (exact JOSE name; case is forgiven in
     * configuration only through {@link #configured}).
     *
     * @throws IllegalArgumentException for any other name, listing the supported ones
     */
    public static JwkAlgorithm named(String alg) {
        return Arrays.stream(values()).filter(a -> a.alg.equals(alg)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("unsupported JWK algorithm '"
                        + (alg != null && alg.length() > 20 ? alg.substring(0, 20) + "…" : alg) + "' (supported: "
                        + String.join(", ", Arrays.stream(values()).map(JwkAlgorithm::alg).toList()) + ")"));
    }

    /** {@link #named} ignoring case, for configuration values such as {@code eddsa} or {@code es256}. */
    public static JwkAlgorithm configured(String alg) {
        return Arrays.stream(values()).filter(a -> a.alg.equalsIgnoreCase(alg == null ? "" : alg.trim()))
                .findFirst().orElseGet(() -> named(alg == null ? null : alg.toUpperCase(Locale.ROOT)));
    }
}
