package io.betterauth.jakarta.core.plugin.jwt;

import io.betterauth.jakarta.core.js.JsJson;
import java.math.BigInteger;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.interfaces.ECPrivateKey;
import java.security.interfaces.ECPublicKey;
import java.security.interfaces.EdECPrivateKey;
import java.security.interfaces.EdECPublicKey;
import java.security.interfaces.RSAPrivateCrtKey;
import java.security.spec.ECGenParameterSpec;
import java.security.spec.RSAKeyGenParameterSpec;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Better Auth's {@code generateExportedKeyPair} ({@code plugins/jwt/utils.mjs}): a fresh key pair for the configured
 * algorithm, exported as jose's {@code exportJWK} writes it, in jose's member order ({@code {"crv","x","kty"}} and
 * {@code {"crv","d","x","kty"}} for Ed25519, {@code {"kty","x","y","crv"(,"d")}} for EC, {@code {"kty","n","e"(,"d",
 * "p","q","dp","dq","qi")}} for RSA), so a row we write reads like one Better Auth wrote. The JDK generates every
 * key (Ed25519 included: no Tink).
 */
public final class JwkGenerator {

    /** jose's default RSA modulus length. */
    public static final int DEFAULT_MODULUS_LENGTH = 2048;

    private static final Base64.Encoder B64URL = Base64.getUrlEncoder().withoutPadding();

    private JwkGenerator() {
    }

    /**
     * A key pair as its public and private JWK JSON.
     *
     * @param algorithm  the key's algorithm
     * @param publicJwk  the public JWK, Better Auth's {@code publicKey} column
     * @param privateJwk the private JWK, before {@link PrivateKeyEnvelope#seal}
     */
    public record ExportedKeyPair(JwkAlgorithm algorithm, String publicJwk, String privateJwk) {
        @Override
        public String toString() {
            return "ExportedKeyPair[" + algorithm.alg() + ", " + publicJwk + "]";
        }
    }

    /**
     * A new key pair.
     *
     * @param modulusLength the RSA modulus in bits (jose's {@code modulusLength}, at least 2048); ignored otherwise
     */
    public static ExportedKeyPair generate(JwkAlgorithm algorithm, int modulusLength) {
        try {
            return switch (algorithm) {
                case EDDSA -> ed25519(KeyPairGenerator.getInstance("Ed25519").generateKeyPair());
                case ES256 -> ec(algorithm, "secp256r1");
                case ES512 -> ec(algorithm, "secp521r1");
                case RS256, PS256 -> rsa(algorithm, modulusLength);
            };
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("Cannot generate a " + algorithm.alg() + " key pair", e);
        }
    }

    private static ExportedKeyPair ed25519(KeyPair pair) {
        String x = b64(Ed25519Jws.x((EdECPublicKey) pair.getPublic()));
        String d = b64(((EdECPrivateKey) pair.getPrivate()).getBytes().orElseThrow());
        Map<String, Object> pub = new LinkedHashMap<>();
        pub.put("crv", "Ed25519");
        pub.put("x", x);
        pub.put("kty", "OKP");
        Map<String, Object> priv = new LinkedHashMap<>();
        priv.put("crv", "Ed25519");
        priv.put("d", d);
        priv.put("x", x);
        priv.put("kty", "OKP");
        return new ExportedKeyPair(JwkAlgorithm.EDDSA, JsJson.stringify(pub), JsJson.stringify(priv));
    }

    private static ExportedKeyPair ec(JwkAlgorithm algorithm, String curve) throws GeneralSecurityException {
        KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
        generator.initialize(new ECGenParameterSpec(curve));
        KeyPair pair = generator.generateKeyPair();
        ECPublicKey publicKey = (ECPublicKey) pair.getPublic();
        int size = (publicKey.getParams().getCurve().getField().getFieldSize() + 7) / 8;
        Map<String, Object> pub = new LinkedHashMap<>();
        pub.put("kty", "EC");
        pub.put("x", b64(fixed(publicKey.getW().getAffineX(), size)));
        pub.put("y", b64(fixed(publicKey.getW().getAffineY(), size)));
        pub.put("crv", algorithm.crv().orElseThrow());
        Map<String, Object> priv = new LinkedHashMap<>(pub);
        priv.put("d", b64(fixed(((ECPrivateKey) pair.getPrivate()).getS(), size)));
        return new ExportedKeyPair(algorithm, JsJson.stringify(pub), JsJson.stringify(priv));
    }

    private static ExportedKeyPair rsa(JwkAlgorithm algorithm, int modulusLength) throws GeneralSecurityException {
        if (modulusLength < DEFAULT_MODULUS_LENGTH) {
            throw new IllegalArgumentException("modulusLength must be at least 2048 bits (jose's rule for RSA keys)");
        }
        KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
        generator.initialize(new RSAKeyGenParameterSpec(modulusLength, RSAKeyGenParameterSpec.F4));
        RSAPrivateCrtKey k = (RSAPrivateCrtKey) generator.generateKeyPair().getPrivate();
        Map<String, Object> pub = new LinkedHashMap<>();
        pub.put("kty", "RSA");
        pub.put("n", b64(unsigned(k.getModulus())));
        pub.put("e", b64(unsigned(k.getPublicExponent())));
        Map<String, Object> priv = new LinkedHashMap<>(pub);
        priv.put("d", b64(unsigned(k.getPrivateExponent())));
        priv.put("p", b64(unsigned(k.getPrimeP())));
        priv.put("q", b64(unsigned(k.getPrimeQ())));
        priv.put("dp", b64(unsigned(k.getPrimeExponentP())));
        priv.put("dq", b64(unsigned(k.getPrimeExponentQ())));
        priv.put("qi", b64(unsigned(k.getCrtCoefficient())));
        return new ExportedKeyPair(algorithm, JsJson.stringify(pub), JsJson.stringify(priv));
    }

    private static byte[] unsigned(BigInteger n) {
        byte[] b = n.toByteArray();
        return b.length > 1 && b[0] == 0 ? java.util.Arrays.copyOfRange(b, 1, b.length) : b;
    }

    private static byte[] fixed(BigInteger n, int size) {
        byte[] b = unsigned(n);
        byte[] out = new byte[size];
        System.arraycopy(b, 0, out, size - b.length, b.length);
        return out;
    }

    private static String b64(byte[] bytes) {
        return B64URL.encodeToString(bytes);
    }
}
