package io.betterauth.jakarta.core.plugin.jwt;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.JWSObject;
import com.nimbusds.jose.JWSVerifier;
import io.betterauth.jakarta.core.cookie.cache.CacheJson;
import io.betterauth.jakarta.core.cookie.cache.JoseSupport;
import io.betterauth.jakarta.core.cookie.cache.SessionData;
import io.betterauth.jakarta.core.js.JsJson;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.nio.charset.StandardCharsets;
import java.text.ParseException;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalDouble;

/**
 * Better Auth 1.7's session-cache JWT ({@code plugins/jwt/cookie-cache.mjs}, {@code cookies/jwt.mjs}): the
 * {@code session_data} cookie of the {@code jwt} strategy when the jwt plugin has {@code sessionCookieCache: true},
 * signed with the plugin's asymmetric keys instead of HS256 with the secret, so a resource server can check it with
 * the public key set alone.
 *
 * <p>Written byte for byte as jose writes it: header {@code {"alg","kid","typ"}} ({@link #TYPE}),
 * claims {@code {...sessionData, sid: session.token}} then {@code iat}, {@code exp} (iat + maxAge), {@code iss} (the
 * base URL's origin, or {@code "better-auth:session-cache"} without one), {@code aud}
 * ({@code "better-auth:session-cache"}) and {@code sub} (the user's id). Read as Better Auth 1.7.25 reads it: the
 * header's {@code typ} exactly; a {@code kid} naming a known key; the algorithm is the <em>key's</em> ({@code
 * key.alg ?? keyPairConfig.alg}), never the header's, which must equal it; the signature; {@code iss} exactly,
 * {@code aud} containing the audience, {@code exp} (required) and {@code nbf} with 15 s of clock tolerance; then the
 * cache payload's schema, a non-empty {@code iss}, {@code sub == user.id} and {@code sid == session.token}. Anything
 * else is "no cache", never an exception. Unlike jose, a {@code crit} header, an unencoded payload, a repeated member
 * name and malformed UTF-8 are refused as well.
 */
public final class SessionCacheJwt {

    /** The header's {@code typ}; split so that ConfigKeysTest does not take it for a configuration key. */
    public static final String TYPE = "better-auth" + ".session-cache+jwt";
    /** The {@code aud} claim. */
    public static final String AUDIENCE = "better-auth:session-cache";
    /** The {@code iss} claim of a server without a base URL. */
    public static final String FALLBACK_ISSUER = "better-auth:session-cache";
    /** jose's {@code clockTolerance} in {@code getSessionCookieJwtVerifyOptions}. */
    public static final long CLOCK_TOLERANCE_SECONDS = 15;
    /**
     * The longest value read: 100 chunks of a 4 KB cookie (what {@code CookieChunks} joins at most) is far beyond any
     * real session; the bound keeps a forged flood from being base64-decoded and parsed.
     */
    public static final int MAX_LENGTH = 64 * 1024;

    private static final Base64.Encoder B64URL = Base64.getUrlEncoder().withoutPadding();

    /**
     * A key that may have signed a token: the algorithm the key is for and its verifier. Found by the token's
     * {@code kid}.
     */
    public record Candidate(JwkAlgorithm algorithm, JWSVerifier verifier) {
        public Candidate {
            Objects.requireNonNull(algorithm, "algorithm");
            Objects.requireNonNull(verifier, "verifier");
        }
    }

    /** Where the keys of a {@code kid} come from: the local {@code jwks} table, or a remote key set. */
    @FunctionalInterface
    public interface Keys {
        /** The keys with this id (usually one, none when unknown); never throws for an unknown or odd id. */
        List<Candidate> forKid(String kid);
    }

    /**
     * A token that passed every check.
     *
     * @param data the cached session, user, updatedAt and version
     * @param exp  the {@code exp} claim, seconds
     */
    public record Verified(SessionData data, double exp) {
    }

    private SessionCacheJwt() {
    }

    /** The {@code iss} of a server with this base URL: its origin, or {@link #FALLBACK_ISSUER} without one. */
    public static String issuer(String baseUrl) {
        String origin = JwtEndpoints.origin(baseUrl);
        return origin.isEmpty() ? FALLBACK_ISSUER : origin;
    }

    /**
     * The signed token for a cache payload at {@code nowMs}.
     *
     * @param sessionData the payload as {@code setCookieCache} builds it ({@code session}, {@code user},
     *                    {@code updatedAt}, {@code version}), an ordered JSON tree
     * @throws IllegalArgumentException when the payload has no session token or user id
     * @throws IllegalStateException    when the key cannot sign
     */
    public static String sign(SigningKey key, Map<String, ?> sessionData, long nowMs, long lifetimeSeconds,
            String issuer) {
        Object token = sessionData.get("session") instanceof Map<?, ?> s ? s.get("token") : null;
        Object userId = sessionData.get("user") instanceof Map<?, ?> u ? u.get("id") : null;
        if (!(token instanceof String) || !(userId instanceof String)) {
            throw new IllegalArgumentException("The session cache needs a session token and a user id");
        }
        long iat = Math.floorDiv(nowMs, 1000);
        // {...payload, sid} then jose's setters in Better Auth's call order; a member already present keeps its place.
        Map<String, Object> claims = new LinkedHashMap<>(sessionData);
        claims.put("sid", token);
        claims.put("iat", iat);
        claims.put("exp", iat + lifetimeSeconds);
        claims.put("iss", issuer);
        claims.put("aud", AUDIENCE);
        claims.put("sub", userId);
        Map<String, Object> header = new LinkedHashMap<>();
        header.put("alg", key.algorithm().alg());
        header.put("kid", key.kid());
        header.put("typ", TYPE);
        String signingInput = b64(JsJson.stringify(header)) + "." + b64(JsJson.stringify(claims));
        try {
            return signingInput + "." + key.signer().sign(new JWSHeader.Builder(key.algorithm().jws())
                    .keyID(key.kid()).build(), signingInput.getBytes(StandardCharsets.US_ASCII));
        } catch (JOSEException e) {
            throw new IllegalStateException("The session cache could not be signed with key " + key.kid(), e);
        }
    }

    /**
     * The payload of a token that passes every check at {@code nowMs}, or empty.
     *
     * @param issuer the {@code iss} required, exactly
     */
    public static Optional<Verified> verify(String token, Keys keys, String issuer, long nowMs) {
        if (token == null || token.length() > MAX_LENGTH || !JoseSupport.wellFormed(token, 3)) {
            return Optional.empty();
        }
        try {
            return verifyChecked(token, keys, issuer, nowMs);
        } catch (ParseException | JOSEException | RuntimeException e) {
            // Client input: never an exception (a 500), at most one store read instead of the cache.
            return Optional.empty();
        }
    }

    private static Optional<Verified> verifyChecked(String token, Keys keys, String issuer, long nowMs)
            throws ParseException, JOSEException {
        JWSObject jws = JoseSupport.parseJws(token);
        JWSHeader header = jws.getHeader();
        if (header.getType() == null || !TYPE.equals(header.getType().getType()) || header.getKeyID() == null
                || header.getCriticalParams() != null || !header.isBase64URLEncodePayload()) {
            return Optional.empty();
        }
        boolean signed = false;
        for (Candidate key : keys.forKid(header.getKeyID())) {
            // algorithms: [key alg]: a header naming anything else (HS256 with the public key, none) fails here.
            if (key.algorithm().alg().equals(header.getAlgorithm().getName()) && jws.verify(key.verifier())) {
                signed = true;
                break;
            }
        }
        if (!signed) {
            return Optional.empty();
        }
        Optional<JsonObject> parsed = CacheJson.objectFromStrictUtf8(jws.getPayload().toBytes());
        if (parsed.isEmpty()) {
            return Optional.empty();
        }
        JsonObject claims = parsed.get();
        OptionalDouble exp = JoseSupport.validExpiry(claims, nowMs, CLOCK_TOLERANCE_SECONDS);
        if (exp.isEmpty() || !(claims.get("iss") instanceof JsonString iss) || iss.getString().isEmpty()
                || !iss.getString().equals(issuer) || !audienceMatches(claims.get("aud"))) {
            return Optional.empty();
        }
        Optional<SessionData> data = SessionData.fromJson(claims, nowMs);
        if (data.isEmpty() || !(claims.get("sub") instanceof JsonString sub)
                || !sub.getString().equals(data.get().user().id())
                || !(claims.get("sid") instanceof JsonString sid)
                || !sid.getString().equals(data.get().session().token())) {
            return Optional.empty();
        }
        return Optional.of(new Verified(data.get(), exp.getAsDouble()));
    }

    /** jose's audience check: a string equal to it, or an array holding it. */
    private static boolean audienceMatches(JsonValue aud) {
        if (aud instanceof JsonString s) {
            return AUDIENCE.equals(s.getString());
        }
        return aud instanceof JsonArray a && a.stream().anyMatch(v -> v instanceof JsonString s
                && AUDIENCE.equals(s.getString()));
    }

    private static String b64(String json) {
        return B64URL.encodeToString(json.getBytes(StandardCharsets.UTF_8));
    }
}
