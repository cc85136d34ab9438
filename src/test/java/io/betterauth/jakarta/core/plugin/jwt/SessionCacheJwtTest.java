package io.betterauth.jakarta.core.plugin.jwt;

import static org.assertj.core.api.Assertions.assertThat;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.MACSigner;
import io.betterauth.jakarta.config.option.CookieCacheStrategy;
import io.betterauth.jakarta.core.cookie.cache.CookieCacheCodec;
import io.betterauth.jakarta.core.cookie.cache.DecodedCache;
import io.betterauth.jakarta.core.js.JsJson;
import io.betterauth.jakarta.core.security.SecretRing;
import io.betterauth.jakarta.spi.JwkRecord;
import io.betterauth.jakarta.store.memory.InMemoryJwksStore;
import io.betterauth.jakarta.testing.TestVectors;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;

/**
 * Better Auth 1.7's session-cache JWT ({@code jwt({ sessionCookieCache: true })}) against Better Auth 1.7.25 itself:
 * {@code session-cache-jwt-better-auth-1.7.25.json} holds, for each key algorithm, the {@code session_data} cookie
 * Node wrote at a pinned clock, the {@code jwks} row it names and what Node's get-session answered from it alone
 * (written by {@code src/test/node/session-cache-jwt-vectors.mjs}). Then what an attacker might send instead.
 */
class SessionCacheJwtTest {

    private static final JsonObject FILE = TestVectors.read("session-cache-jwt-better-auth-1.7.25.json")
            .asJsonObject();
    private static final String SECRET = FILE.getString("secret");
    private static final long NOW = Instant.parse(FILE.getString("now")).toEpochMilli();
    /** Better Auth's iss: the base URL's origin (the vectors' base URL has a path). */
    private static final String ISSUER = "http://127.0.0.1:3000";
    private static final Base64.Encoder B64 = Base64.getUrlEncoder().withoutPadding();

    private static List<JsonObject> keys() {
        return NodeJwkVectors.keys(FILE);
    }

    /** The codec of a server holding exactly these rows, whose keyPairConfig.alg is {@code configured}. */
    private static SessionCacheJwtCodec codec(JwkAlgorithm configured, String issuer, JwkRecord... rows) {
        InMemoryJwksStore store = new InMemoryJwksStore();
        for (JwkRecord row : rows) {
            store.create(row);
        }
        KeyRing ring = new KeyRing(store, new PrivateKeyEnvelope(SecretRing.single(SECRET), false),
                new KeyRing.Settings(configured, null, JwkGenerator.DEFAULT_MODULUS_LENGTH, null,
                        java.time.Duration.ofDays(30)), Clock.fixed(Instant.ofEpochMilli(NOW), ZoneOffset.UTC));
        return new SessionCacheJwtCodec(ring, configured, issuer);
    }

    private static JsonObject node(int index) {
        return keys().get(index);
    }

    private static SessionCacheJwtCodec eddsaCodec() {
        return codec(JwkAlgorithm.EDDSA, ISSUER, NodeJwkVectors.record(node(0)));
    }

    private static SigningKey eddsaKey() {
        JwkRecord row = NodeJwkVectors.record(node(0));
        return new SigningKey(row.id(), JwkAlgorithm.EDDSA, JwkKeys.signer(JwkAlgorithm.EDDSA,
                new PrivateKeyEnvelope(SecretRing.single(SECRET), false).open(row.privateKey())));
    }

    private static JsonObject part(String token, int index) {
        String json = new String(Base64.getUrlDecoder().decode(token.split("\\.")[index]), StandardCharsets.UTF_8);
        return Json.createReader(new StringReader(json)).readObject();
    }

    /** Node's header and claims, decoded as ordered JSON trees (to be edited and signed again). */
    private static Map<String, Object> tree(JsonObject o) {
        return new LinkedHashMap<>(JsJson.safeParsed(o));
    }

    /** A JWS over exactly this header and these claims, signed with Node's EdDSA key. */
    private static String signed(Map<String, Object> header, Map<String, Object> claims) throws Exception {
        String input = B64.encodeToString(JsJson.stringify(header).getBytes(StandardCharsets.UTF_8)) + "."
                + B64.encodeToString(JsJson.stringify(claims).getBytes(StandardCharsets.UTF_8));
        return input + "." + eddsaKey().signer().sign(new JWSHeader(JWSAlgorithm.EdDSA),
                input.getBytes(StandardCharsets.US_ASCII));
    }

    /** Node's EdDSA session cache with its claims (and header) edited, signed again with the same key. */
    private static String nodeEdited(Consumer<Map<String, Object>> header, Consumer<Map<String, Object>> claims)
            throws Exception {
        String token = node(0).getString("sessionData");
        Map<String, Object> h = tree(part(token, 0));
        Map<String, Object> c = tree(part(token, 1));
        header.accept(h);
        claims.accept(c);
        return signed(h, c);
    }

    private static String nodeEdited(Consumer<Map<String, Object>> claims) throws Exception {
        return nodeEdited(h -> { }, claims);
    }

    // ============================================================================================ Node's own tokens

    @Test
    void nodesSessionCaches_verifyInJava_toTheSessionNodeAnsweredFromThem() {
        for (JsonObject key : keys()) {
            JwkRecord row = NodeJwkVectors.record(key);
            String token = key.getString("sessionData");
            JsonObject header = part(token, 0);
            assertThat(header.keySet()).containsExactly("alg", "kid", "typ");
            assertThat(header.getString("typ")).isEqualTo(SessionCacheJwt.TYPE);
            assertThat(header.getString("kid")).isEqualTo(row.id());

            DecodedCache decoded = codec(JwkAlgorithm.EDDSA, ISSUER, row).decode(token, NOW).orElseThrow();
            JsonObject answered = key.getJsonObject("verifiedByNode");
            assertThat(decoded.data().session().token()).as(row.alg()).isEqualTo(key.getString("sessionToken"));
            assertThat(decoded.data().session().id()).isEqualTo(answered.getJsonObject("session").getString("id"));
            assertThat(decoded.data().user().id()).isEqualTo(key.getString("userId"))
                    .isEqualTo(answered.getJsonObject("user").getString("id"));
            assertThat(decoded.data().user().name()).isEqualTo(FILE.getString("name"))
                    .isEqualTo(answered.getJsonObject("user").getString("name"));
            assertThat(decoded.expiresAtMs()).isEqualTo(Math.floorDiv(NOW, 1000) * 1000 + 300_000);
            assertThat(decoded.currentSecret()).isTrue();
        }
    }

    @Test
    void ourTokens_forNodesInput_areNodesBytes_whereTheAlgorithmIsDeterministic_andVerify() {
        for (JsonObject key : keys()) {
            JwkRecord row = NodeJwkVectors.record(key);
            SessionCacheJwtCodec codec = codec(JwkAlgorithm.named(row.alg()), ISSUER, row);
            String node = key.getString("sessionData");
            // Node's payload as setCookieCache built it: its claims without those the signer adds
            Map<String, Object> payload = tree(part(node, 1));
            payload.keySet().removeAll(List.of("sid", "iat", "exp", "iss", "aud", "sub"));
            assertThat(payload.keySet()).containsExactly("session", "user", "updatedAt", "version");

            String ours = codec.encodeJson(payload, NOW, 300);
            assertThat(ours.substring(0, ours.lastIndexOf('.'))).as(row.alg())
                    .isEqualTo(node.substring(0, node.lastIndexOf('.')));
            if (row.alg().equals("EdDSA") || row.alg().equals("RS256")) {
                assertThat(ours).as(row.alg()).isEqualTo(node);
            }
            assertThat(codec.decode(ours, NOW)).as(row.alg()).isPresent();
            assertThat(codec.strategy()).isEqualTo(CookieCacheStrategy.JWT);
        }
    }

    @Test
    void ourOwnPayload_roundTrips_withTheDecodedSessionAndUser() {
        SessionCacheJwtCodec codec = eddsaCodec();
        DecodedCache nodes = codec.decode(node(0).getString("sessionData"), NOW).orElseThrow();
        String ours = codec.encode(nodes.data(), NOW + 5_000, 300);
        DecodedCache again = codec.decode(ours, NOW + 5_000).orElseThrow();
        assertThat(again.data()).isEqualTo(nodes.data());
        assertThat(part(ours, 1).getString("sid")).isEqualTo(node(0).getString("sessionToken"));
        assertThat(part(ours, 1).getString("sub")).isEqualTo(node(0).getString("userId"));
        assertThat(part(ours, 1).getString("iss")).isEqualTo(ISSUER);
        assertThat(part(ours, 1).getString("aud")).isEqualTo(SessionCacheJwt.AUDIENCE);
    }

    @Test
    void theKeysAlgorithmDecides_aRowWithoutAlgUsesKeyPairConfig() {
        JwkRecord row = NodeJwkVectors.record(node(0));
        JwkRecord legacy = new JwkRecord(row.id(), row.publicKey(), row.privateKey(), row.createdAt(), null, null, null);
        String token = node(0).getString("sessionData");
        assertThat(codec(JwkAlgorithm.EDDSA, ISSUER, legacy).decode(token, NOW)).isPresent();
        // keyPairConfig.alg ES256 for a row without alg: the EdDSA header does not match the key's algorithm
        assertThat(codec(JwkAlgorithm.ES256, ISSUER, legacy).decode(token, NOW)).isEmpty();
    }

    @Test
    void theIssuer_isTheBaseUrlsOrigin_orBetterAuthsFallback() {
        assertThat(SessionCacheJwt.issuer("http://127.0.0.1:3000/some/path")).isEqualTo(ISSUER);
        assertThat(SessionCacheJwt.issuer("HTTPS://App.Example.com:443/")).isEqualTo("https://app.example.com");
        assertThat(SessionCacheJwt.issuer(null)).isEqualTo("better-auth:session-cache");
        assertThat(codec(JwkAlgorithm.EDDSA, "https://other.example.com", NodeJwkVectors.record(node(0)))
                .decode(node(0).getString("sessionData"), NOW)).as("another server's issuer").isEmpty();
    }

    // =========================================================================================== time, 15 s leeway

    @Test
    void aCacheDecodes_until15sAfterExp_then_isNoCache() {
        SessionCacheJwtCodec codec = eddsaCodec();
        String token = node(0).getString("sessionData");
        long exp = part(token, 1).getJsonNumber("exp").longValue() * 1000;
        assertThat(codec.decode(token, exp + 14_999)).isPresent()
                .hasValueSatisfying(d -> assertThat(d.expiredAt(exp + 14_999)).as("still a miss for get-session")
                        .isTrue());
        assertThat(codec.decode(token, exp + 15_000)).isEmpty();
    }

    // ===================================================================================== what an attacker sends

    @Test
    void aTamperedToken_isNoCache() {
        SessionCacheJwtCodec codec = eddsaCodec();
        String token = node(0).getString("sessionData");
        String[] p = token.split("\\.");
        Map<String, Object> claims = tree(part(token, 1));
        claims.put("updatedAt", 1);
        String otherPayload = B64.encodeToString(JsJson.stringify(claims).getBytes(StandardCharsets.UTF_8));
        assertThat(codec.decode(p[0] + "." + otherPayload + "." + p[2], NOW)).isEmpty();
        String flipped = p[2].charAt(0) == 'A' ? "B" + p[2].substring(1) : "A" + p[2].substring(1);
        assertThat(codec.decode(p[0] + "." + p[1] + "." + flipped, NOW)).isEmpty();
        assertThat(codec.decode(p[0] + "." + p[1] + ".", NOW)).isEmpty();
        assertThat(codec.decode(p[0] + "." + p[1], NOW)).isEmpty();
        assertThat(codec.decode(token + "=", NOW)).isEmpty();
    }

    @Test
    void aValidSignature_overWrongClaims_isNoCache() throws Exception {
        SessionCacheJwtCodec codec = eddsaCodec();
        assertThat(codec.decode(nodeEdited(c -> { }), NOW)).as("control: re-signed unchanged").isPresent();
        assertThat(codec.decode(nodeEdited(h -> h.put("typ", "JWT"), c -> { }), NOW)).as("typ JWT").isEmpty();
        assertThat(codec.decode(nodeEdited(h -> h.remove("typ"), c -> { }), NOW)).as("no typ").isEmpty();
        assertThat(codec.decode(nodeEdited(h -> h.remove("kid"), c -> { }), NOW)).as("no kid").isEmpty();
        assertThat(codec.decode(nodeEdited(h -> h.put("kid", "unknown"), c -> { }), NOW)).as("unknown kid").isEmpty();
        assertThat(codec.decode(nodeEdited(h -> h.put("crit", List.of("exp")), c -> { }), NOW)).as("crit").isEmpty();
        assertThat(codec.decode(nodeEdited(c -> c.put("aud", ISSUER)), NOW)).as("aud of /token").isEmpty();
        assertThat(codec.decode(nodeEdited(c -> c.put("aud", List.of("x", SessionCacheJwt.AUDIENCE))), NOW))
                .as("aud array holding it, as jose accepts").isPresent();
        assertThat(codec.decode(nodeEdited(c -> c.remove("aud")), NOW)).as("no aud").isEmpty();
        assertThat(codec.decode(nodeEdited(c -> c.put("iss", "https://evil.example")), NOW)).as("iss").isEmpty();
        assertThat(codec.decode(nodeEdited(c -> c.remove("iss")), NOW)).as("no iss").isEmpty();
        assertThat(codec.decode(nodeEdited(c -> c.put("sub", "someone-else")), NOW)).as("sub != user.id").isEmpty();
        assertThat(codec.decode(nodeEdited(c -> c.remove("sub")), NOW)).as("no sub").isEmpty();
        assertThat(codec.decode(nodeEdited(c -> c.put("sid", "another-session-token")), NOW)).as("sid != token")
                .isEmpty();
        assertThat(codec.decode(nodeEdited(c -> c.remove("sid")), NOW)).as("no sid").isEmpty();
        assertThat(codec.decode(nodeEdited(c -> c.remove("exp")), NOW)).as("no exp").isEmpty();
        assertThat(codec.decode(nodeEdited(c -> c.put("nbf", Math.floorDiv(NOW, 1000) + 16)), NOW)).as("nbf ahead")
                .isEmpty();
        assertThat(codec.decode(nodeEdited(c -> c.remove("user")), NOW)).as("no user").isEmpty();
    }

    @Test
    void aTokenOfTheTokenEndpoint_presentedAsSessionData_isNoCache() {
        SessionCacheJwtCodec codec = eddsaCodec();
        Map<String, Object> user = tree(part(node(0).getString("sessionData"), 1));
        @SuppressWarnings("unchecked")
        Map<String, Object> u = (Map<String, Object>) user.get("user");
        String accessToken = new AccessTokenSigner(ISSUER, List.of(ISSUER), 900).sign(eddsaKey(), u,
                Instant.ofEpochMilli(NOW));
        assertThat(codec.decode(accessToken, NOW)).isEmpty();
    }

    @Test
    void hs256WithTheSecret_andAlgorithmConfusion_areNoCache() throws Exception {
        SessionCacheJwtCodec codec = eddsaCodec();
        String token = node(0).getString("sessionData");
        Map<String, Object> claims = tree(part(token, 1));
        // HS256 with the shared secret, typ and kid as Better Auth's: what a resource server must never trust
        Map<String, Object> hs = new LinkedHashMap<>(tree(part(token, 0)));
        hs.put("alg", "HS256");
        assertThat(codec.decode(mac(hs, claims, SECRET.getBytes(StandardCharsets.UTF_8)), NOW)).isEmpty();
        // HS256 keyed with the public key's JSON and with its raw x: the classic confusion
        String publicJwk = NodeJwkVectors.record(node(0)).publicKey();
        assertThat(codec.decode(mac(hs, claims, publicJwk.getBytes(StandardCharsets.UTF_8)), NOW)).isEmpty();
        byte[] x = Base64.getUrlDecoder().decode(Json.createReader(new StringReader(publicJwk)).readObject()
                .getString("x"));
        assertThat(codec.decode(mac(hs, claims, pad(x)), NOW)).isEmpty();
        // none
        Map<String, Object> none = new LinkedHashMap<>(hs);
        none.put("alg", "none");
        String unsigned = B64.encodeToString(JsJson.stringify(none).getBytes(StandardCharsets.UTF_8)) + "."
                + token.split("\\.")[1] + ".";
        assertThat(codec.decode(unsigned, NOW)).isEmpty();
        // the HS256 jwt cookie cache of a server without sessionCookieCache
        CookieCacheCodec plain = CookieCacheCodec.create(CookieCacheStrategy.JWT, SecretRing.single(SECRET));
        DecodedCache nodes = codec.decode(token, NOW).orElseThrow();
        assertThat(codec.decode(plain.encode(nodes.data(), NOW, 300), NOW)).isEmpty();
        // and the other way: a server without sessionCookieCache takes none of ours
        assertThat(plain.decode(token, NOW)).isEmpty();
    }

    @Test
    void aKeyOfAnotherAlgorithm_underTheSameKid_doesNotVerify() {
        // an ES256 row whose id is the EdDSA key's: the header says EdDSA, the row ES256
        JwkRecord es = NodeJwkVectors.record(node(1));
        JwkRecord ed = NodeJwkVectors.record(node(0));
        JwkRecord swapped = new JwkRecord(ed.id(), es.publicKey(), es.privateKey(), es.createdAt(), null, "ES256",
                "P-256");
        assertThat(codec(JwkAlgorithm.EDDSA, ISSUER, swapped).decode(node(0).getString("sessionData"), NOW)).isEmpty();
        // an EdDSA row whose public key is another one
        JwkRecord other = new JwkRecord(ed.id(), JwkGenerator.generate(JwkAlgorithm.EDDSA, 2048).publicJwk(),
                ed.privateKey(), ed.createdAt(), null, "EdDSA", "Ed25519");
        assertThat(codec(JwkAlgorithm.EDDSA, ISSUER, other).decode(node(0).getString("sessionData"), NOW)).isEmpty();
    }

    @Test
    void garbage_andOversizedValues_areNoCache_neverAnException() {
        SessionCacheJwtCodec codec = eddsaCodec();
        String token = node(0).getString("sessionData");
        for (String value : new String[] {"", ".", "..", "a.b.c", "e30.e30.", "%%%", token.replace('.', '!'),
                "eyJhbGciOiJFZERTQSJ9.bm90IGpzb24.AAAA", "W10.W10.W10"}) {
            assertThat(codec.decode(value, NOW)).as(value).isEmpty();
        }
        String huge = "a".repeat(SessionCacheJwt.MAX_LENGTH) + "." + "b" + "." + "c";
        assertThat(codec.decode(huge, NOW)).isEmpty();
        assertThat(codec.decode(null, NOW)).isEmpty();
    }

    private static byte[] pad(byte[] key) {
        byte[] out = new byte[Math.max(32, key.length)];
        System.arraycopy(key, 0, out, 0, key.length);
        return out;
    }

    private static String mac(Map<String, Object> header, Map<String, Object> claims, byte[] key) throws Exception {
        String input = B64.encodeToString(JsJson.stringify(header).getBytes(StandardCharsets.UTF_8)) + "."
                + B64.encodeToString(JsJson.stringify(claims).getBytes(StandardCharsets.UTF_8));
        return input + "." + new MACSigner(pad(key)).sign(new JWSHeader(JWSAlgorithm.HS256),
                input.getBytes(StandardCharsets.US_ASCII));
    }
}
