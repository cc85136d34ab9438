package io.betterauth.jakarta.core.cookie.cache;

import io.betterauth.jakarta.core.js.JsJson;
import io.betterauth.jakarta.core.security.SecretRing;
import com.nimbusds.jose.EncryptionMethod;
import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWEAlgorithm;
import com.nimbusds.jose.JWEHeader;
import com.nimbusds.jose.JWEObject;
import com.nimbusds.jose.Payload;
import com.nimbusds.jose.crypto.DirectDecrypter;
import com.nimbusds.jose.crypto.DirectEncrypter;
import com.nimbusds.jose.util.Base64URL;
import jakarta.json.JsonObject;
import java.lang.System.Logger;
import java.lang.System.Logger.Level;
import java.nio.charset.StandardCharsets;
import java.text.ParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.Set;
import java.util.UUID;

/**
 * Better Auth's {@code symmetricEncodeJWT}/{@code symmetricDecodeJWT} (spec §3.5): a compact JWE with
 * {@code alg:"dir"}, {@code enc:"A256CBC-HS512"} and the key id of a {@link CookieEncryptionKey} derived from each
 * secret of a {@link SecretRing} with one salt ({@code better-auth-session} for the session cache,
 * {@code better-auth-account} for {@code account_data}). Claims are the payload members followed by {@code iat},
 * {@code exp} and a random {@code jti}.
 *
 * <p>Decryption follows Better Auth: {@code dir} only, {@code A256CBC-HS512} or {@code A256GCM} (the latter can
 * only fail with a 64-byte key, as in jose), 15 s clock tolerance on {@code exp}/{@code nbf}; with a {@code kid}
 * only the secret whose key id matches is tried, without one every secret in ring order. Compressed
 * ({@code zip}) and {@code crit} tokens are refused, as jose refuses them.
 */
public final class SymmetricJwt {

    /** jose's {@code clockTolerance} in {@code symmetricDecodeJWT}. */
    public static final long CLOCK_TOLERANCE_SECONDS = 15;

    private static final Logger LOG = System.getLogger(SymmetricJwt.class.getName());
    private static final Set<EncryptionMethod> ACCEPTED_ENC = Set.of(EncryptionMethod.A256CBC_HS512,
            EncryptionMethod.A256GCM);

    /**
     * A token that decrypted and whose time claims hold.
     *
     * @param claims the decrypted claims, {@code iat}/{@code exp}/{@code jti} included
     * @param exp    the {@code exp} claim, seconds
     * @param secret the ring entry whose key decrypted it
     */
    public record Decrypted(JsonObject claims, double exp, SecretRing.Secret secret) {
    }

    private final SecretRing secrets;
    private final List<CookieEncryptionKey> keys = new ArrayList<>();
    /**
     * One decrypter per key, same order, and the encrypter of the current key: built once with the keys derived
     * once (HKDF), and given their JCA providers, so that Nimbus does not look the cipher and the MAC up by name
     * among all installed providers on every request. Nimbus's direct encrypters and decrypters are thread-safe.
     */
    private final List<DirectDecrypter> decrypters = new ArrayList<>();
    private final DirectEncrypter encrypter;
    private final Base64URL header;

    public SymmetricJwt(SecretRing secrets, String salt) {
        this.secrets = secrets;
        for (SecretRing.Secret secret : secrets.all()) {
            keys.add(CookieEncryptionKey.derive(secret.value(), salt));
        }
        try {
            for (CookieEncryptionKey key : keys) {
                DirectDecrypter decrypter = new DirectDecrypter(key.bytes());
                JcaProviders.assign(decrypter.getJCAContext());
                decrypters.add(decrypter);
            }
            encrypter = new DirectEncrypter(keys.get(0).bytes());
            JcaProviders.assign(encrypter.getJCAContext());
        } catch (JOSEException e) {
            throw new IllegalStateException("A256CBC-HS512 is not available", e);
        }
        // jose's member order; Nimbus would write kid, enc, alg. The header bytes are the AAD, so whatever we send
        // decrypts anywhere, but matching jose keeps our tokens indistinguishable from Node's.
        Map<String, Object> h = new LinkedHashMap<>();
        h.put("alg", "dir");
        h.put("enc", "A256CBC-HS512");
        h.put("kid", keys.get(0).kid());
        this.header = Base64URL.encode(JsJson.stringify(h).getBytes(StandardCharsets.UTF_8));
    }

    /** Encrypts {@code payload} with the current secret: {@code iat = floor(now)}, {@code exp = iat + lifetime}. */
    public String encode(Map<String, ?> payload, long nowMs, long lifetimeSeconds) {
        // Better Auth computes exp from (Date.now()/1000)|0, an int32 that wraps in 2038; we do not copy that.
        long iat = Math.floorDiv(nowMs, 1000);
        Map<String, Object> claims = new LinkedHashMap<>(payload);
        claims.put("iat", iat);
        claims.put("exp", iat + lifetimeSeconds);
        claims.put("jti", UUID.randomUUID().toString());
        try {
            JWEObject jwe = new JWEObject(JWEHeader.parse(header),
                    new Payload(JsJson.stringify(claims).getBytes(StandardCharsets.UTF_8)));
            jwe.encrypt(encrypter);
            return jwe.serialize();
        } catch (ParseException | JOSEException e) {
            throw new IllegalStateException("A256CBC-HS512 encryption failed", e);
        }
    }

    /** The decrypted, time-valid claims of {@code token}, or empty; never throws for client input. */
    public Optional<Decrypted> decode(String token, long nowMs) {
        if (!JoseSupport.wellFormed(token, 5)) {
            return Optional.empty();
        }
        try {
            JWEObject parsed = JoseSupport.parseJwe(token);
            JWEHeader h = parsed.getHeader();
            if (!JWEAlgorithm.DIR.equals(h.getAlgorithm()) || !ACCEPTED_ENC.contains(h.getEncryptionMethod())
                    || h.getCompressionAlgorithm() != null || h.getCriticalParams() != null) {
                return Optional.empty();
            }
            String kid = h.getKeyID();
            for (int i = 0; i < keys.size(); i++) {
                if (kid != null && !kid.equals(keys.get(i).kid())) {
                    continue;
                }
                // A JWEObject can be decrypted once: the first attempt uses this parse, any other parses afresh.
                JWEObject jwe = parsed != null ? parsed : JoseSupport.parseJwe(token);
                parsed = null;
                Optional<Decrypted> result = attempt(jwe, i, nowMs);
                if (result.isPresent() || kid != null) {
                    return result; // with a kid only the first matching secret is tried, as in Better Auth
                }
            }
            return Optional.empty();
        } catch (ParseException e) {
            return Optional.empty();
        } catch (RuntimeException e) {
            // Client input must never become a 500; an unforeseen parser failure costs one database read.
            LOG.log(Level.WARNING, "Unexpected failure decoding a JWE cookie; treated as a miss", e);
            return Optional.empty();
        }
    }

    private Optional<Decrypted> attempt(JWEObject jwe, int index, long nowMs) {
        try {
            jwe.decrypt(decrypters.get(index));
        } catch (JOSEException e) {
            return Optional.empty();
        }
        Optional<JsonObject> claims = CacheJson.objectFromStrictUtf8(jwe.getPayload().toBytes());
        if (claims.isEmpty()) {
            return Optional.empty();
        }
        OptionalDouble exp = JoseSupport.validExpiry(claims.get(), nowMs, CLOCK_TOLERANCE_SECONDS);
        return exp.isPresent() ? Optional.of(new Decrypted(claims.get(), exp.getAsDouble(), secrets.all().get(index)))
                : Optional.empty();
    }
}
