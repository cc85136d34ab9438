package io.betterauth.jakarta.core.plugin.jwt;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSHeader;
import io.betterauth.jakarta.core.js.JsJson;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The JWT of Better Auth's {@code GET /token} and {@code set-auth-jwt} ({@code plugins/jwt/sign.mjs},
 * {@code getJwtToken} then {@code signJWT}), byte for byte: the protected header {@code {"alg","kid"}} (no
 * {@code typ}), the payload {@code {iat, ...user, sub: user.id}} followed by {@code exp} (iat + expirationTime),
 * {@code iss} and {@code aud} as jose's {@code SignJWT} appends them. The user is the session's user as the
 * session lookup answers it (fields with {@code returned: false} already left out). Hand-written (not Nimbus's
 * {@code JWTClaimsSet}) because the payload's member order and number formatting must be Node's; Nimbus signs the
 * bytes.
 */
public final class AccessTokenSigner {

    private static final Base64.Encoder B64URL = Base64.getUrlEncoder().withoutPadding();

    private final String issuer;
    private final List<String> audience;
    private final long expiresInSeconds;

    /**
     * @param issuer           {@code jwt.issuer}, by default the base URL's origin
     * @param audience         {@code jwt.audience}, by default the base URL's origin; one value is written as a
     *                         string, several as an array, as jose's {@code setAudience} does
     * @param expiresInSeconds {@code jwt.expirationTime} in seconds ({@link TimeString#seconds}, default 15 minutes)
     */
    public AccessTokenSigner(String issuer, List<String> audience, long expiresInSeconds) {
        this.issuer = Objects.requireNonNull(issuer, "issuer");
        this.audience = List.copyOf(audience);
        this.expiresInSeconds = expiresInSeconds;
        if (this.audience.isEmpty()) {
            throw new IllegalArgumentException("The JWT audience needs at least one value");
        }
    }

    /**
     * The signed JWT for this user at {@code now}.
     *
     * @param user the user as Better Auth's JSON (ordered, as the session lookup writes it); must hold {@code id}
     * @throws IllegalStateException when the key cannot sign (Better Auth answers 500)
     */
    public String sign(SigningKey key, Map<String, Object> user, Instant now) {
        Object id = user.get("id");
        if (!(id instanceof String)) {
            throw new IllegalArgumentException("The user has no id");
        }
        long nowSeconds = Math.floorDiv(now.toEpochMilli(), 1000);
        // {iat, ...user, sub}: a user field named like a claim takes that claim's place, as the spread does.
        Map<String, Object> payload = new LinkedHashMap<>();
        payload.put("iat", nowSeconds);
        payload.putAll(user);
        payload.put("sub", id);
        Object iat = payload.get("iat");
        long base = iat instanceof Number n ? n.longValue() : nowSeconds;
        if (!(payload.get("exp") instanceof Number)) {
            payload.put("exp", base + expiresInSeconds);
        }
        if (payload.get("iss") == null) {
            payload.put("iss", issuer);
        }
        if (payload.get("aud") == null) {
            payload.put("aud", audience.size() == 1 ? audience.get(0) : audience);
        }
        Map<String, Object> header = new LinkedHashMap<>();
        header.put("alg", key.algorithm().alg());
        header.put("kid", key.kid());
        String signingInput = b64(JsJson.stringify(header)) + "." + b64(JsJson.stringify(payload));
        try {
            String signature = key.signer().sign(new JWSHeader.Builder(key.algorithm().jws()).keyID(key.kid()).build(),
                    signingInput.getBytes(StandardCharsets.US_ASCII)).toString();
            return signingInput + "." + signature;
        } catch (JOSEException e) {
            throw new IllegalStateException("The JWT could not be signed with key " + key.kid(), e);
        }
    }

    private static String b64(String json) {
        return B64URL.encodeToString(json.getBytes(StandardCharsets.UTF_8));
    }
}
