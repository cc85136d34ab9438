package io.betterauth.jakarta.core.plugin.jwt;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.JWSSigner;
import com.nimbusds.jose.JWSVerifier;
import com.nimbusds.jose.crypto.impl.BaseJWSProvider;
import com.nimbusds.jose.util.Base64URL;
import java.math.BigInteger;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.Signature;
import java.security.interfaces.EdECPublicKey;
import java.security.spec.EdECPoint;
import java.security.spec.EdECPrivateKeySpec;
import java.security.spec.EdECPublicKeySpec;
import java.security.spec.NamedParameterSpec;
import java.util.Set;

/**
 * EdDSA (Ed25519) for Nimbus on the JDK's own {@code Signature("Ed25519")} (JDK 15+). Nimbus 10.10's
 * {@code Ed25519Signer}/{@code Ed25519Verifier} call Google Tink, which this library does not ship (see the
 * package-info). Also the RFC 8037 {@code x} encoding: the curve point's y in little-endian with x's parity in the
 * top bit, which the JDK models as an {@link EdECPoint}.
 */
final class Ed25519Jws {

    private static final int KEY_LENGTH = 32;

    private Ed25519Jws() {
    }

    /** A Nimbus signer over the 32-byte private seed {@code d}. */
    static JWSSigner signer(byte[] d) {
        PrivateKey key = generate(() -> KeyFactory.getInstance("Ed25519").generatePrivate(
                new EdECPrivateKeySpec(NamedParameterSpec.ED25519, checked(d))));
        return new Signer(key);
    }

    /** A Nimbus verifier over the 32-byte public key {@code x}. */
    static JWSVerifier verifier(byte[] x) {
        return new Verifier(publicKey(x));
    }

    /** The JDK public key of an RFC 8037 {@code x}. */
    static PublicKey publicKey(byte[] x) {
        byte[] le = checked(x).clone();
        boolean xOdd = (le[KEY_LENGTH - 1] & 0x80) != 0;
        le[KEY_LENGTH - 1] &= 0x7f;
        byte[] be = new byte[KEY_LENGTH];
        for (int i = 0; i < KEY_LENGTH; i++) {
            be[i] = le[KEY_LENGTH - 1 - i];
        }
        EdECPoint point = new EdECPoint(xOdd, new BigInteger(1, be));
        return generate(() -> KeyFactory.getInstance("Ed25519").generatePublic(
                new EdECPublicKeySpec(NamedParameterSpec.ED25519, point)));
    }

    /** The RFC 8037 {@code x} of a JDK public key. */
    static byte[] x(EdECPublicKey key) {
        EdECPoint point = key.getPoint();
        byte[] be = point.getY().toByteArray();
        byte[] le = new byte[KEY_LENGTH];
        for (int i = 0; i < Math.min(be.length, KEY_LENGTH); i++) {
            le[i] = be[be.length - 1 - i];
        }
        if (point.isXOdd()) {
            le[KEY_LENGTH - 1] |= (byte) 0x80;
        }
        return le;
    }

    private static byte[] checked(byte[] key) {
        if (key == null || key.length != KEY_LENGTH) {
            throw new IllegalArgumentException("an Ed25519 key has 32 bytes");
        }
        return key;
    }

    private interface Jca<T> {
        T get() throws GeneralSecurityException;
    }

    private static <T> T generate(Jca<T> step) {
        try {
            return step.get();
        } catch (GeneralSecurityException e) {
            throw new IllegalArgumentException("not an Ed25519 key", e);
        }
    }

    private static final class Signer extends BaseJWSProvider implements JWSSigner {
        private final PrivateKey key;

        Signer(PrivateKey key) {
            super(Set.of(JWSAlgorithm.EdDSA));
            this.key = key;
        }

        @Override
        public Base64URL sign(JWSHeader header, byte[] signingInput) throws JOSEException {
            if (!JWSAlgorithm.EdDSA.equals(header.getAlgorithm())) {
                throw new JOSEException("Ed25519 signs EdDSA only, not " + header.getAlgorithm());
            }
            try {
                Signature signature = Signature.getInstance("Ed25519");
                signature.initSign(key);
                signature.update(signingInput);
                return Base64URL.encode(signature.sign());
            } catch (GeneralSecurityException e) {
                throw new JOSEException("Ed25519 signing failed", e);
            }
        }
    }

    private static final class Verifier extends BaseJWSProvider implements JWSVerifier {
        private final PublicKey key;

        Verifier(PublicKey key) {
            super(Set.of(JWSAlgorithm.EdDSA));
            this.key = key;
        }

        @Override
        public boolean verify(JWSHeader header, byte[] signingInput, Base64URL signature) throws JOSEException {
            if (!JWSAlgorithm.EdDSA.equals(header.getAlgorithm())) {
                return false;
            }
            byte[] sig = signature.decode();
            if (sig.length != 2 * KEY_LENGTH) {
                return false;
            }
            try {
                Signature verifier = Signature.getInstance("Ed25519");
                verifier.initVerify(key);
                verifier.update(signingInput);
                return verifier.verify(sig);
            } catch (java.security.SignatureException e) {
                return false;
            } catch (GeneralSecurityException e) {
                throw new JOSEException("Ed25519 verification failed", e);
            }
        }
    }
}
