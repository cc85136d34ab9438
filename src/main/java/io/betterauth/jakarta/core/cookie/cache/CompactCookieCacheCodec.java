package io.betterauth.jakarta.core.cookie.cache;

import io.betterauth.jakarta.config.option.CookieCacheStrategy;
import io.betterauth.jakarta.core.js.JsBase64;
import io.betterauth.jakarta.core.js.JsJson;
import io.betterauth.jakarta.core.security.SecretRing;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.lang.System.Logger;
import java.lang.System.Logger.Level;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import io.betterauth.jakarta.core.security.ConstantTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * The {@code compact} cookie cache (spec §3.3), Better Auth's default:
 * {@code base64url(JSON.stringify({session: sessionData, expiresAt, signature}))} without padding, where
 * {@code signature = base64url(HMAC-SHA256(secret, JSON.stringify({...sessionData, expiresAt})))}, also unpadded.
 *
 * <p>Decoding verifies the HMAC over the raw text of the cookie's {@code "session"} member with
 * {@code ,"expiresAt":n} spliced before its closing brace. That is byte-identical to what Node signed, so caches
 * minted by Node verify even where a Java re-serialisation would differ; our own caches are canonical anyway
 * ({@link JsJson}), so Node verifies them too. The session data is parsed from that same text, so what is used is
 * what was verified; a member name repeated anywhere in the payload makes the cache a miss. Signatures are compared
 * in constant time.
 *
 * <p>Two deliberate differences from Better Auth: a value that is not base64 (e.g. a JWT left over from another
 * strategy) is a miss, where Better Auth answers 500 (§3.10); and a cache signed with an older secret of the
 * {@link SecretRing} is accepted and reported as such, where Better Auth checks the current secret only (§1.3), so
 * rotating secrets does not drop every cache at once.
 */
public final class CompactCookieCacheCodec implements CookieCacheCodec {

    private static final Logger LOG = System.getLogger(CompactCookieCacheCodec.class.getName());
    private static final String HMAC = "HmacSHA256";
    /** {@link SecretRing#current()} is the first of {@link SecretRing#all()}. */
    private static final int CURRENT = 0;

    private final SecretRing secrets;
    /**
     * An HMAC keyed with each secret of the ring, same order, cloned for every use: provider look-up and key set-up
     * happen once, not per request.
     */
    private final List<Mac> keyedMacs = new ArrayList<>();

    public CompactCookieCacheCodec(SecretRing secrets) {
        this.secrets = secrets;
        for (SecretRing.Secret secret : secrets.all()) {
            keyedMacs.add(keyedMac(secret.value()));
        }
    }

    @Override
    public CookieCacheStrategy strategy() {
        return CookieCacheStrategy.COMPACT;
    }

    /** {@code expiresAt = nowMs + lifetimeSeconds * 1000}; pass 60 s for a don't-remember session, as Better Auth. */
    @Override
    public String encodeJson(Map<String, ?> sessionData, long nowMs, long lifetimeSeconds) {
        long expiresAt = nowMs + lifetimeSeconds * 1000L;
        String signature = JsBase64.encodeUrlNoPad(hmac(CURRENT, signedText(sessionData, expiresAt)));
        Map<String, Object> outer = new LinkedHashMap<>();
        outer.put("session", sessionData);
        outer.put("expiresAt", expiresAt);
        outer.put("signature", signature);
        return JsBase64.encodeUrlNoPad(JsJson.stringify(outer).getBytes(StandardCharsets.UTF_8));
    }

    /**
     * {@code JSON.stringify({...sessionData, expiresAt})}: the text the signature covers. A member named
     * {@code expiresAt} already present keeps its position with the new value, as with a JavaScript spread.
     */
    public static String signedText(Map<String, ?> sessionData, long expiresAt) {
        Map<String, Object> signed = new LinkedHashMap<>(sessionData);
        signed.put("expiresAt", expiresAt);
        return JsJson.stringify(signed);
    }

    @Override
    public Optional<DecodedCache> decode(String cookieValue, long nowMs) {
        if (cookieValue == null || cookieValue.isEmpty()) {
            return Optional.empty();
        }
        try {
            return decodeChecked(cookieValue, nowMs);
        } catch (RuntimeException e) {
            // Client input must never become a 500; an unforeseen parser failure costs one database read.
            LOG.log(Level.WARNING, "Unexpected failure decoding a compact session_data cookie; treated as a miss", e);
            return Optional.empty();
        }
    }

    private Optional<DecodedCache> decodeChecked(String cookieValue, long nowMs) {
        byte[] bytes = JsBase64.decode(cookieValue);
        if (bytes == null) {
            return Optional.empty();
        }
        // Lenient UTF-8 (replacement characters), as Better Auth's TextDecoder.
        String json = new String(bytes, StandardCharsets.UTF_8);
        Optional<JsonObject> parsed = CacheJson.object(json);
        if (parsed.isEmpty()) {
            return Optional.empty();
        }
        JsonObject outer = parsed.get();
        // The session is read from exactly the text the signature covers: the outer parse rejects a repeated member
        // name, so its one "session" member is the value parsed from that raw text, not parsed a second time.
        String raw = CacheJson.rawMember(json, "session");
        JsonValue signedSession = outer.get("session");
        // parseCompactCookieCache: {session: record, expiresAt: number, signature: string}
        if (raw == null || signedSession == null || signedSession.getValueType() != JsonValue.ValueType.OBJECT
                || !(outer.get("expiresAt") instanceof JsonNumber expiresAtNumber)
                || !(outer.get("signature") instanceof JsonString signatureString)) {
            return Optional.empty();
        }
        JsonObject session = signedSession.asJsonObject();
        if (session.containsKey("expiresAt")) {
            // Node would overwrite that member in place rather than append; Better Auth never writes one.
            return Optional.empty();
        }
        double expiresAt = expiresAtNumber.doubleValue();
        if (!Double.isFinite(expiresAt)) {
            return Optional.empty(); // z.number() rejects Infinity, which JSON.parse gives for 1e400
        }
        String expiresAtMember = "\"expiresAt\":" + JsJson.number(expiresAt) + "}";
        String signedText = raw.substring(0, raw.length() - 1) + (session.isEmpty() ? "" : ",") + expiresAtMember;

        byte[] presented = JsBase64.decode(signatureString.getString());
        if (presented == null) {
            return Optional.empty();
        }
        SecretRing.Secret verifiedBy = null;
        for (int i = 0; i < keyedMacs.size(); i++) {
            if (ConstantTime.equal(presented, hmac(i, signedText))) {
                verifiedBy = secrets.all().get(i);
                break;
            }
        }
        if (verifiedBy == null || expiresAt < nowMs) {
            return Optional.empty();
        }
        SecretRing.Secret secret = verifiedBy;
        return SessionData.fromJson((JsonValue) session, nowMs).map(data -> new DecodedCache(data,
                (long) expiresAt, secret.version(), secret == secrets.current()));
    }

    /** HMAC-SHA256 of {@code text} with the secret at {@code index} of the ring. */
    private byte[] hmac(int index, String text) {
        Mac prototype = keyedMacs.get(index);
        Mac mac;
        try {
            mac = (Mac) prototype.clone();
        } catch (CloneNotSupportedException e) {
            mac = keyedMac(secrets.all().get(index).value()); // a provider whose Mac cannot be cloned
        }
        return mac.doFinal(text.getBytes(StandardCharsets.UTF_8));
    }

    private static Mac keyedMac(String secret) {
        try {
            Mac mac = Mac.getInstance(HMAC);
            mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), HMAC));
            return mac;
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is not available", e);
        }
    }
}
