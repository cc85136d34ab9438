package io.betterauth.jakarta.core.plugin.jwt;

import com.nimbusds.jose.JWSSigner;
import java.util.Objects;

/**
 * A stored key ready to sign, as Better Auth's {@code resolveSigningKey} returns it: its id (the JWT's {@code kid}),
 * its algorithm ({@code row.alg ?? keyPairConfig.alg}) and the decrypted private key behind a Nimbus signer.
 */
public record SigningKey(String kid, JwkAlgorithm algorithm, JWSSigner signer) {

    public SigningKey {
        Objects.requireNonNull(kid, "kid");
        Objects.requireNonNull(algorithm, "algorithm");
        Objects.requireNonNull(signer, "signer");
    }

    @Override
    public String toString() {
        return "SigningKey[kid=" + kid + ", " + algorithm.alg() + "]";
    }
}
