package io.betterauth.jakarta.core.plugin.jwt;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSSigner;
import com.nimbusds.jose.JWSVerifier;
import com.nimbusds.jose.crypto.ECDSASigner;
import com.nimbusds.jose.crypto.ECDSAVerifier;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.crypto.RSASSAVerifier;
import com.nimbusds.jose.jwk.Curve;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.OctetKeyPair;
import com.nimbusds.jose.jwk.RSAKey;
import java.text.ParseException;

/**
 * jose's {@code importJWK(jwk, alg)} for the algorithms of {@link JwkAlgorithm}: a stored JWK as a Nimbus signer
 * (private) or verifier (public), refusing a key of another type or curve than the algorithm needs.
 */
public final class JwkKeys {

    private JwkKeys() {
    }

    /**
     * A signer over a private JWK.
     *
     * @throws IllegalArgumentException when the JSON is not a private key for this algorithm (never echoing it)
     */
    public static JWSSigner signer(JwkAlgorithm algorithm, String privateJwk) {
        JWK jwk = parse(algorithm, privateJwk);
        if (!jwk.isPrivate()) {
            throw new IllegalArgumentException("the stored " + algorithm.alg() + " key has no private part");
        }
        try {
            return switch (algorithm) {
                case EDDSA -> Ed25519Jws.signer(((OctetKeyPair) jwk).getDecodedD());
                case ES256, ES512 -> new ECDSASigner((ECKey) jwk);
                case RS256, PS256 -> new RSASSASigner((RSAKey) jwk);
            };
        } catch (JOSEException | RuntimeException e) {
            throw new IllegalArgumentException("the stored key is not a valid " + algorithm.alg() + " private key");
        }
    }

    /**
     * A verifier over a public JWK (a private one verifies as its public part).
     *
     * @throws IllegalArgumentException when the JSON is not a key for this algorithm
     */
    public static JWSVerifier verifier(JwkAlgorithm algorithm, String publicJwk) {
        JWK jwk = parse(algorithm, publicJwk);
        try {
            return switch (algorithm) {
                case EDDSA -> Ed25519Jws.verifier(((OctetKeyPair) jwk).getDecodedX());
                case ES256, ES512 -> new ECDSAVerifier(((ECKey) jwk).toPublicJWK());
                case RS256, PS256 -> new RSASSAVerifier(((RSAKey) jwk).toPublicJWK());
            };
        } catch (JOSEException | RuntimeException e) {
            throw new IllegalArgumentException("the stored key is not a valid " + algorithm.alg() + " public key");
        }
    }

    private static JWK parse(JwkAlgorithm algorithm, String json) {
        JWK jwk;
        try {
            jwk = JWK.parse(json);
        } catch (ParseException | RuntimeException e) {
            throw new IllegalArgumentException("the stored key is not a JWK");
        }
        boolean fits = switch (algorithm) {
            case EDDSA -> jwk instanceof OctetKeyPair okp && Curve.Ed25519.equals(okp.getCurve());
            case ES256 -> jwk instanceof ECKey ec && Curve.P_256.equals(ec.getCurve());
            case ES512 -> jwk instanceof ECKey ec && Curve.P_521.equals(ec.getCurve());
            case RS256, PS256 -> jwk instanceof RSAKey;
        };
        if (!fits) {
            throw new IllegalArgumentException("the stored key is a " + jwk.getKeyType() + " key, not one for "
                    + algorithm.alg());
        }
        return jwk;
    }
}
