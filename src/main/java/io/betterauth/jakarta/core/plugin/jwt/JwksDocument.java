package io.betterauth.jakarta.core.plugin.jwt;

import io.betterauth.jakarta.core.js.JsJson;
import io.betterauth.jakarta.spi.JwkRecord;
import jakarta.json.Json;
import jakarta.json.JsonException;
import jakarta.json.JsonObject;
import java.io.StringReader;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The body of Better Auth's {@code GET <jwksPath>} ({@code plugins/jwt/index.mjs}, {@code getJwks}): every stored
 * key whose {@code expiresAt + gracePeriod} is still ahead (or that never expires), in the store's order, each as
 * {@code {alg: row.alg ?? configured alg, crv: row.crv ?? configured crv, ...publicKey, kid: row.id}}. Member order
 * follows JavaScript's spread: {@code alg}, {@code crv} (left out when neither the row nor the configuration has one,
 * yet holding its place if the public key brings it), the public key's members, {@code kid}. No {@code use} member.
 */
public final class JwksDocument {

    /** Better Auth's default {@code jwks.gracePeriod}: 30 days, in seconds. */
    public static final long DEFAULT_GRACE_PERIOD = 2_592_000L;

    private JwksDocument() {
    }

    /**
     * The JWKS JSON.
     *
     * @param rows               the stored keys, in the store's order
     * @param configuredAlg      {@code keyPairConfig.alg} (EdDSA when unset), for rows without {@code alg}
     * @param configuredCrv      {@code keyPairConfig.crv} when configured explicitly, else null
     * @param gracePeriodSeconds how long an expired key stays published
     * @throws IllegalStateException when a row's public key is not a JSON object (Better Auth fails the request too)
     */
    public static String json(List<JwkRecord> rows, JwkAlgorithm configuredAlg, String configuredCrv,
            long gracePeriodSeconds, Instant now) {
        List<Object> keys = new ArrayList<>();
        for (JwkRecord row : rows) {
            if (row.expiresAt() != null
                    && row.expiresAt().toEpochMilli() + gracePeriodSeconds * 1000 <= now.toEpochMilli()) {
                continue;
            }
            Map<String, Object> key = new LinkedHashMap<>();
            key.put("alg", row.alg() != null ? row.alg() : configuredAlg.alg());
            String crv = row.crv() != null ? row.crv() : configuredCrv;
            key.put("crv", crv != null ? crv : JsJson.Undefined.INSTANCE);
            key.putAll(publicKey(row));
            key.put("kid", row.id());
            keys.add(key);
        }
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("keys", keys);
        return JsJson.stringify(body);
    }

    private static Map<String, Object> publicKey(JwkRecord row) {
        try {
            JsonObject jwk = Json.createReader(new StringReader(row.publicKey())).readObject();
            return JsJson.safeParsed(jwk);
        } catch (JsonException | ClassCastException e) {
            throw new IllegalStateException("The public key of JWK " + row.id() + " is not a JSON object");
        }
    }
}
