package io.betterauth.jakarta.core.cookie.cache;

import io.betterauth.jakarta.config.option.CookieCacheStrategy;
import io.betterauth.jakarta.core.js.JsJson;
import io.betterauth.jakarta.core.security.SecretRing;
import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.JWSObject;
import com.nimbusds.jose.JWSSigner;
import com.nimbusds.jose.JWSVerifier;
import com.nimbusds.jose.Payload;
import com.nimbusds.jose.crypto.MACSigner;
import com.nimbusds.jose.crypto.MACVerifier;
import com.nimbusds.jose.crypto.impl.HMAC;
import com.nimbusds.jose.jca.JCAContext;
import com.nimbusds.jose.util.Base64URL;
import jakarta.json.JsonObject;
import java.lang.System.Logger;
import java.lang.System.Logger.Level;
import java.nio.charset.StandardCharsets;
import io.betterauth.jakarta.core.security.ConstantTime;
import java.text.ParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.Set;

/**
 * The {@code jwt} cookie cache (spec §3.4): a JWS with protected header exactly {@code {"alg":"HS256"}} whose
 * claims are the session data members followed by {@code iat} and {@code exp} (seconds), keyed with the secret's
 * UTF-8 bytes — what Better Auth's {@code signJWT} produces with jose.
 *
 * <p>The claims bytes are written by {@link JsJson}, not by Nimbus's {@code JWTClaimsSet}: Nimbus reorders members
 * and escapes U+2028/U+2029, and the token must be byte-identical to jose's (spec vector V4). Nimbus still does the
 * JWS work: header, signing input, HMAC and verification.
 *
 * <p>Decoding accepts only {@code HS256} (checklist T-31), although Better Auth's {@code jwtVerify} without an
 * {@code algorithms} option would also take HS384/HS512 tokens made with the same secret; {@code alg:"none"} and
 * every other algorithm are misses. {@code exp} is enforced with no clock tolerance, as jose does for Better Auth.
 * Like the compact codec, and unlike Better Auth, a token signed with an older secret of the {@link SecretRing} is
 * accepted and reported.
 */
public final class JwtCookieCacheCodec implements CookieCacheCodec {

    private static final Logger LOG = System.getLogger(JwtCookieCacheCodec.class.getName());
    /** Nimbus's {@code MACSigner} refuses HS256 keys under 256 bits; Better Auth only warns about short secrets. */
    private static final int NIMBUS_MIN_KEY_BYTES = 32;
    private static final String HS256_JCA = "HmacSHA256";

    private final SecretRing secrets;
    private final JWSSigner signer;
    /** One verifier per secret of the ring, same order; Nimbus's MAC signers and verifiers are thread-safe. */
    private final List<JWSVerifier> verifiers = new ArrayList<>();

    public JwtCookieCacheCodec(SecretRing secrets) {
        this.secrets = secrets;
        try {
            this.signer = signer(key(secrets.current()));
            for (SecretRing.Secret secret : secrets.all()) {
                verifiers.add(verifier(key(secret)));
            }
        } catch (JOSEException e) {
            throw new IllegalStateException("HS256 is not available", e);
        }
    }

    @Override
    public CookieCacheStrategy strategy() {
        return CookieCacheStrategy.JWT;
    }

    /** {@code iat = floor(nowMs / 1000)}, {@code exp = iat + lifetimeSeconds} (jose's {@code setIssuedAt()}). */
    @Override
    public String encodeJson(Map<String, ?> sessionData, long nowMs, long lifetimeSeconds) {
        long iat = Math.floorDiv(nowMs, 1000);
        Map<String, Object> claims = new LinkedHashMap<>(sessionData);
        claims.put("iat", iat);
        claims.put("exp", iat + lifetimeSeconds);
        JWSObject jws = new JWSObject(new JWSHeader(JWSAlgorithm.HS256),
                new Payload(JsJson.stringify(claims).getBytes(StandardCharsets.UTF_8)));
        try {
            jws.sign(signer);
        } catch (JOSEException e) {
            throw new IllegalStateException("HS256 signing failed", e);
        }
        return jws.serialize();
    }

    @Override
    public Optional<DecodedCache> decode(String cookieValue, long nowMs) {
        if (!JoseSupport.wellFormed(cookieValue, 3)) {
            return Optional.empty();
        }
        try {
            return decodeChecked(cookieValue, nowMs);
        } catch (ParseException | JOSEException e) {
            return Optional.empty();
        } catch (RuntimeException e) {
            // Client input must never become a 500; an unforeseen parser failure costs one database read.
            LOG.log(Level.WARNING, "Unexpected failure decoding a jwt session_data cookie; treated as a miss", e);
            return Optional.empty();
        }
    }

    private Optional<DecodedCache> decodeChecked(String token, long nowMs) throws ParseException, JOSEException {
        JWSObject jws = JoseSupport.parseJws(token);
        JWSHeader header = jws.getHeader();
        // No critical extensions are understood, so none may be present (jose and RFC 7515 §4.1.11 agree), and
        // an unencoded payload (RFC 7797 b64:false, which jose honours only under crit) is refused outright.
        if (!JWSAlgorithm.HS256.equals(header.getAlgorithm()) || header.getCriticalParams() != null
                || !header.isBase64URLEncodePayload()) {
            return Optional.empty();
        }
        SecretRing.Secret verifiedBy = null;
        for (int i = 0; i < verifiers.size() && verifiedBy == null; i++) {
            if (jws.verify(verifiers.get(i))) {
                verifiedBy = secrets.all().get(i);
            }
        }
        if (verifiedBy == null) {
            return Optional.empty();
        }
        Optional<JsonObject> claims = CacheJson.objectFromStrictUtf8(jws.getPayload().toBytes());
        if (claims.isEmpty()) {
            return Optional.empty();
        }
        OptionalDouble exp = JoseSupport.validExpiry(claims.get(), nowMs, 0);
        if (exp.isEmpty()) {
            return Optional.empty();
        }
        SecretRing.Secret secret = verifiedBy;
        return SessionData.fromJson(claims.get(), nowMs).map(data -> new DecodedCache(data,
                (long) (exp.getAsDouble() * 1000), secret.version(), secret == secrets.current()));
    }

    private static byte[] key(SecretRing.Secret secret) {
        return secret.value().getBytes(StandardCharsets.UTF_8);
    }

    private static JWSSigner signer(byte[] key) throws JOSEException {
        JWSSigner signer = key.length >= NIMBUS_MIN_KEY_BYTES ? new MACSigner(key) : new ShortKeyHs256(key);
        JcaProviders.assign(signer.getJCAContext(), HS256_JCA);
        return signer;
    }

    private static JWSVerifier verifier(byte[] key) throws JOSEException {
        JWSVerifier verifier = key.length >= NIMBUS_MIN_KEY_BYTES ? new MACVerifier(key) : new ShortKeyHs256(key);
        JcaProviders.assign(verifier.getJCAContext(), HS256_JCA);
        return verifier;
    }

    /**
     * HS256 for secrets shorter than 32 bytes, which Better Auth accepts with a warning and jose signs with, but
     * Nimbus's {@code MACSigner}/{@code MACVerifier} refuse. Uses Nimbus's own HMAC primitive; only the key-length
     * guard is skipped. The caller has already checked the header (HS256, no {@code crit}).
     */
    private static final class ShortKeyHs256 implements JWSSigner, JWSVerifier {

        private final byte[] key;
        private final JCAContext jca = new JCAContext();

        ShortKeyHs256(byte[] key) {
            this.key = key;
        }

        @Override
        public Base64URL sign(JWSHeader header, byte[] signingInput) throws JOSEException {
            requireHs256(header);
            return Base64URL.encode(HMAC.compute(HS256_JCA, key, signingInput, jca.getProvider()));
        }

        @Override
        public boolean verify(JWSHeader header, byte[] signedContent, Base64URL signature) throws JOSEException {
            requireHs256(header);
            byte[] expected = HMAC.compute(HS256_JCA, key, signedContent, jca.getProvider());
            return ConstantTime.equal(expected, signature.decode());
        }

        private static void requireHs256(JWSHeader header) throws JOSEException {
            if (!JWSAlgorithm.HS256.equals(header.getAlgorithm())) {
                throw new JOSEException("Only HS256 is supported");
            }
        }

        @Override
        public Set<JWSAlgorithm> supportedJWSAlgorithms() {
            return Set.of(JWSAlgorithm.HS256);
        }

        @Override
        public JCAContext getJCAContext() {
            return jca;
        }
    }
}
