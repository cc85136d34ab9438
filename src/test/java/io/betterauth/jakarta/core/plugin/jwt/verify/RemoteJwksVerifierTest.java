package io.betterauth.jakarta.core.plugin.jwt.verify;

import static org.assertj.core.api.Assertions.assertThat;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.MACSigner;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import com.sun.net.httpserver.HttpServer;
import io.betterauth.jakarta.api.User;
import io.betterauth.jakarta.config.plugin.JwtOptions;
import io.betterauth.jakarta.config.plugin.RemoteJwksOptions;
import io.betterauth.jakarta.core.plugin.jwt.AccessTokenSigner;
import io.betterauth.jakarta.core.plugin.jwt.JwkAlgorithm;
import io.betterauth.jakarta.core.plugin.jwt.JwkGenerator;
import io.betterauth.jakarta.core.plugin.jwt.JwkKeys;
import io.betterauth.jakarta.core.plugin.jwt.SessionCacheJwt;
import io.betterauth.jakarta.core.plugin.jwt.SigningKey;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.StringReader;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Verifier mode against a key set served over loopback HTTP, as a resource server sees Better Auth's
 * {@code /api/auth/jwks}: tokens signed with this library's keys (and Node's, from the 1.7.25 vectors) give their
 * user; everything else gives no caller, without an exception; an unknown {@code kid} refetches once, and a burst of
 * them does not turn into a burst of fetches.
 */
class RemoteJwksVerifierTest {

    private static final String ISSUER = "https://auth.example.com";
    private static final Instant NOW = Instant.parse("2030-01-01T10:20:30Z");
    private static final Clock CLOCK = Clock.fixed(NOW, ZoneOffset.UTC);

    private HttpServer server;
    private final AtomicReference<String> jwks = new AtomicReference<>("{\"keys\":[]}");
    private final AtomicInteger fetches = new AtomicInteger();
    private final List<RemoteJwksVerifier> opened = new ArrayList<>();

    @BeforeEach
    void serveTheKeySet() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/api/auth/jwks", exchange -> {
            fetches.incrementAndGet();
            byte[] body = jwks.get().getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().add("Content-Type", "application/json");
            exchange.sendResponseHeaders(200, body.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(body);
            }
        });
        server.start();
    }

    @AfterEach
    void stop() throws IOException {
        for (RemoteJwksVerifier v : opened) {
            v.close();
        }
        server.stop(0);
    }

    private URI jwksUrl() {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/api/auth/jwks");
    }

    private RemoteJwksVerifier verifier(String issuer, List<String> audience, Clock clock) {
        RemoteJwksVerifier v = new RemoteJwksVerifier(new RemoteJwksOptions(jwksUrl(), 300, 30, 0, null), issuer,
                audience, clock);
        opened.add(v);
        return v;
    }

    private RemoteJwksVerifier verifier() {
        return verifier(ISSUER, List.of(ISSUER), CLOCK);
    }

    /** A key as Better Auth's jwks table holds it: its kid, its algorithm, the public JWK as {@code /jwks} lists it. */
    private record Key(String kid, JwkAlgorithm alg, JwkGenerator.ExportedKeyPair pair) {
        static Key generate(String kid, JwkAlgorithm alg) {
            return new Key(kid, alg, JwkGenerator.generate(alg, JwkGenerator.DEFAULT_MODULUS_LENGTH));
        }

        String published() {
            return "{\"alg\":\"" + alg.alg() + "\",\"kid\":\"" + kid + "\"," + pair.publicJwk().substring(1);
        }

        String sign(Map<String, Object> user, Instant at, String issuer, String audience) {
            return new AccessTokenSigner(issuer, List.of(audience), 900)
                    .sign(new SigningKey(kid, alg, JwkKeys.signer(alg, pair.privateJwk())), user, at);
        }

        String sign(Map<String, Object> user) {
            return sign(user, NOW.minusSeconds(60), ISSUER, ISSUER);
        }
    }

    private void publish(Key... keys) {
        jwks.set("{\"keys\":[" + String.join(",", java.util.Arrays.stream(keys).map(Key::published).toList()) + "]}");
    }

    private static Map<String, Object> user(String id) {
        Map<String, Object> u = new LinkedHashMap<>();
        u.put("name", "Ada");
        u.put("email", "ada@example.com");
        u.put("emailVerified", true);
        u.put("image", null);
        u.put("createdAt", "2029-12-01T08:00:00.000Z");
        u.put("updatedAt", "2029-12-02T08:00:00.000Z");
        u.put("role", "admin,user");
        u.put("id", id);
        return u;
    }

    @ParameterizedTest
    @EnumSource(JwkAlgorithm.class)
    void aTokenFromTheIssuer_givesItsUser_withoutASession(JwkAlgorithm alg) {
        Key key = Key.generate("k-" + alg.alg(), alg);
        publish(key);
        Optional<User> caller = verifier().verifyAuthorization("Bearer " + key.sign(user("u-1")));
        assertThat(caller).isPresent();
        User u = caller.get();
        assertThat(u.id()).isEqualTo("u-1");
        assertThat(u.name()).isEqualTo("Ada");
        assertThat(u.email()).isEqualTo("ada@example.com");
        assertThat(u.emailVerified()).isTrue();
        assertThat(u.createdAt()).isEqualTo(Instant.parse("2029-12-01T08:00:00Z"));
        assertThat(u.additional()).containsEntry("role", "admin,user").doesNotContainKeys("iat", "exp", "iss",
                "aud", "sub");
    }

    @Test
    void theRolesClaim_grantsGroups_onlyWhenConfigured() {
        Key key = Key.generate("k1", JwkAlgorithm.EDDSA);
        publish(key);
        User u = verifier().verify(key.sign(user("u-1"))).orElseThrow();
        assertThat(verifier().groups(u)).isEmpty();
        RemoteJwksVerifier withRoles = new RemoteJwksVerifier(new RemoteJwksOptions(jwksUrl(), 300, 30, 0, "role"),
                ISSUER, List.of(ISSUER), CLOCK);
        opened.add(withRoles);
        assertThat(withRoles.groups(u)).containsExactlyInAnyOrder("admin", "user");
    }

    @Test
    void nodesTokens_fromBetterAuth1725_verify_forEveryAlgorithm() throws IOException {
        JsonObject vectors;
        try (InputStream in = getClass().getResourceAsStream("/vectors/jwt-better-auth-1.7.25.json")) {
            vectors = Json.createReader(new StringReader(new String(in.readAllBytes(), StandardCharsets.UTF_8)))
                    .readObject();
        }
        Clock then = Clock.fixed(Instant.parse(vectors.getString("now")), ZoneOffset.UTC);
        String origin = "http://127.0.0.1:3000"; // the vector's baseURL, cut to its origin as Better Auth does
        for (JsonObject key : vectors.getJsonArray("keys").getValuesAs(JsonObject.class)) {
            jwks.set(key.getString("jwks"));
            JsonObject user = Json.createReader(new StringReader(key.getString("userJson"))).readObject();
            Optional<User> caller = verifier(origin, List.of(origin), then).verify(key.getString("token"));
            assertThat(caller).as(key.getString("alg")).isPresent();
            assertThat(caller.get().id()).isEqualTo(user.getString("id"));
            assertThat(caller.get().name()).isEqualTo(user.getString("name"));
            assertThat(caller.get().email()).isEqualTo(user.getString("email"));
        }
    }

    // =========================================================== session_data: Better Auth 1.7's session-cache JWT

    private RemoteJwksVerifier sessionCacheVerifier(String issuer, Clock clock) {
        RemoteJwksVerifier v = new RemoteJwksVerifier(new RemoteJwksOptions(jwksUrl(), 300, 30, 0, null), issuer,
                List.of(issuer), clock, true);
        opened.add(v);
        return v;
    }

    /** A session cache as {@code setCookieCache} builds it for this user, its session expiring at {@code until}. */
    private static Map<String, Object> cachePayload(String userId, String token, Instant until) {
        Map<String, Object> session = new LinkedHashMap<>();
        session.put("id", "s-" + token);
        session.put("token", token);
        session.put("userId", userId);
        session.put("expiresAt", until.toString());
        session.put("createdAt", "2029-12-31T00:00:00.000Z");
        session.put("updatedAt", "2029-12-31T00:00:00.000Z");
        session.put("ipAddress", "");
        session.put("userAgent", "");
        Map<String, Object> payload = new LinkedHashMap<>();
        payload.put("session", session);
        payload.put("user", user(userId));
        payload.put("updatedAt", NOW.toEpochMilli());
        payload.put("version", "1");
        return payload;
    }

    private static String sessionCache(Key key, Map<String, Object> payload, String issuer) {
        return SessionCacheJwt.sign(new SigningKey(key.kid(), key.alg(), JwkKeys.signer(key.alg(),
                key.pair().privateJwk())), payload, NOW.toEpochMilli() - 10_000, 300, issuer);
    }

    @Test
    void aSessionCacheJwt_givesItsUser_onlyWhenSessionCookieCacheIsOn() {
        Key key = Key.generate("k1", JwkAlgorithm.EDDSA);
        publish(key);
        String cache = sessionCache(key, cachePayload("u-1", "tok-1", NOW.plusSeconds(3600)), ISSUER);
        Optional<User> caller = sessionCacheVerifier(ISSUER, CLOCK).verifySessionCache(cache);
        assertThat(caller.map(User::id)).contains("u-1");
        assertThat(caller.get().additional()).containsEntry("role", "admin,user");
        assertThat(verifier().verifySessionCache(cache)).as("session-cookie-cache off").isEmpty();
        assertThat(verifier().readsSessionCache()).isFalse();
        // nor is it a bearer token: its audience is the session cache's
        assertThat(sessionCacheVerifier(ISSUER, CLOCK).verifyAuthorization("Bearer " + cache)).isEmpty();
        // and not even where that audience is accepted: its typ says it is a cookie's copy
        assertThat(verifier(ISSUER, List.of(ISSUER, SessionCacheJwt.AUDIENCE), CLOCK)
                .verifyAuthorization("Bearer " + cache)).isEmpty();
    }

    @Test
    void nodesSessionCaches_fromBetterAuth1725_verify_forEveryAlgorithm() throws IOException {
        JsonObject vectors;
        try (InputStream in = getClass().getResourceAsStream("/vectors/session-cache-jwt-better-auth-1.7.25.json")) {
            vectors = Json.createReader(new StringReader(new String(in.readAllBytes(), StandardCharsets.UTF_8)))
                    .readObject();
        }
        Clock then = Clock.fixed(Instant.parse(vectors.getString("now")), ZoneOffset.UTC);
        for (JsonObject key : vectors.getJsonArray("keys").getValuesAs(JsonObject.class)) {
            JsonObject row = key.getJsonObject("row");
            jwks.set("{\"keys\":[{\"alg\":\"" + row.getString("alg") + "\",\"kid\":\"" + row.getString("id")
                    + "\"," + row.getString("publicKey").substring(1) + "]}");
            Optional<User> caller = sessionCacheVerifier("http://127.0.0.1:3000", then)
                    .verifySessionCache(key.getString("sessionData"));
            assertThat(caller.map(User::id)).as(row.getString("alg")).contains(key.getString("userId"));
            assertThat(caller.get().name()).isEqualTo(vectors.getString("name"));
            assertThat(sessionCacheVerifier("https://auth.example.com", then)
                    .verifySessionCache(key.getString("sessionData"))).as("another issuer").isEmpty();
        }
    }

    @Test
    void aSessionCache_whoseSessionEnded_orOfTheTokenEndpoint_orHs256_givesNoCaller() throws Exception {
        Key key = Key.generate("k1", JwkAlgorithm.EDDSA);
        publish(key);
        RemoteJwksVerifier v = sessionCacheVerifier(ISSUER, CLOCK);
        assertThat(v.verifySessionCache(sessionCache(key, cachePayload("u-1", "t", NOW.minusSeconds(1)), ISSUER)))
                .as("the cached session has expired").isEmpty();
        assertThat(v.verifySessionCache(key.sign(user("u-1")))).as("a /token JWT").isEmpty();
        assertThat(v.verifySessionCache(sessionCache(Key.generate("k1", JwkAlgorithm.EDDSA),
                cachePayload("u-1", "t", NOW.plusSeconds(60)), ISSUER))).as("same kid, another key").isEmpty();
        assertThat(v.verifySessionCache(sessionCache(Key.generate("k2", JwkAlgorithm.EDDSA),
                cachePayload("u-1", "t", NOW.plusSeconds(60)), ISSUER))).as("unknown kid").isEmpty();
        String good = sessionCache(key, cachePayload("u-1", "t", NOW.plusSeconds(60)), ISSUER);
        String[] p = good.split("\\.");
        String hsHeader = Base64.getUrlEncoder().withoutPadding().encodeToString(("{\"alg\":\"HS256\",\"kid\":\"k1\","
                + "\"typ\":\"better-auth.session-cache+jwt\"}").getBytes(StandardCharsets.UTF_8));
        String input = hsHeader + "." + p[1];
        String hs = input + "." + new MACSigner(key.pair().publicJwk().getBytes(StandardCharsets.UTF_8))
                .sign(new JWSHeader(JWSAlgorithm.HS256), input.getBytes(StandardCharsets.US_ASCII));
        assertThat(v.verifySessionCache(hs)).as("HS256 keyed with the public JWK").isEmpty();
        for (String junk : new String[] {"", "a.b.c", "x".repeat(70_000), p[0] + "." + p[1] + "."}) {
            assertThat(v.verifySessionCache(junk)).isEmpty();
        }
        assertThat(v.verifySessionCache(null)).isEmpty();
        assertThat(v.verifySessionCache(good)).isPresent();
    }

    @Test
    void anUnknownKid_refetchesTheKeySetOnce_andFindsTheRotatedKey() {
        Key old = Key.generate("old", JwkAlgorithm.EDDSA);
        Key rotated = Key.generate("rotated", JwkAlgorithm.ES256);
        publish(old);
        RemoteJwksVerifier v = verifier();
        assertThat(v.verify(old.sign(user("u-1")))).isPresent();
        assertThat(fetches.get()).isEqualTo(1);
        assertThat(v.verify(old.sign(user("u-2")))).isPresent();
        assertThat(fetches.get()).as("cached").isEqualTo(1);

        publish(old, rotated);
        assertThat(v.verify(rotated.sign(user("u-3")))).map(User::id).contains("u-3");
        assertThat(fetches.get()).isEqualTo(2);
    }

    @Test
    void aBurstOfUnknownKids_makesOneFetch_withinTheMinimumInterval() {
        Key known = Key.generate("known", JwkAlgorithm.EDDSA);
        publish(known);
        RemoteJwksVerifier v = verifier();
        assertThat(v.verify(known.sign(user("u-1")))).isPresent();
        for (int i = 0; i < 25; i++) {
            Key stranger = Key.generate("stranger-" + i, JwkAlgorithm.EDDSA);
            assertThat(v.verify(stranger.sign(user("u-x")))).isEmpty();
        }
        assertThat(fetches.get()).as("the first fetch and one refetch").isEqualTo(2);
        assertThat(v.verify(known.sign(user("u-1")))).as("the known key still verifies").isPresent();
    }

    @Test
    void aRedirectFromTheKeySetUrl_isNotFollowed_asJoseRefusesIt() {
        // jose's createRemoteJWKSet fetches with redirect: "manual" and wants a 200; following one would let a
        // loopback http URL (allowed in clear) hand the key set to any host, read in clear.
        Key key = Key.generate("k1", JwkAlgorithm.EDDSA);
        publish(key);
        server.createContext("/moved", exchange -> {
            exchange.getResponseHeaders().add("Location", jwksUrl().toString());
            exchange.sendResponseHeaders(302, -1);
            exchange.close();
        });
        RemoteJwksVerifier moved = new RemoteJwksVerifier(new RemoteJwksOptions(
                URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/moved"), 300, 30, 0, null),
                ISSUER, List.of(ISSUER), CLOCK);
        opened.add(moved);
        assertThat(moved.verify(key.sign(user("u-1")))).as("keys behind a redirect").isEmpty();
        assertThat(fetches.get()).as("the redirect's target was never fetched").isZero();
        assertThat(verifier().verify(key.sign(user("u-1")))).as("the same keys at the URL itself").isPresent();
    }

    @Test
    void tamperedExpiredAndMisaddressedTokens_giveNoCaller() {
        Key key = Key.generate("k1", JwkAlgorithm.EDDSA);
        publish(key);
        RemoteJwksVerifier v = verifier();
        String good = key.sign(user("u-1"));
        String[] parts = good.split("\\.");
        String otherPayload = Base64.getUrlEncoder().withoutPadding().encodeToString(
                new String(Base64.getUrlDecoder().decode(parts[1]), StandardCharsets.UTF_8)
                        .replace("u-1", "u-2").getBytes(StandardCharsets.UTF_8));
        assertThat(v.verify(parts[0] + "." + otherPayload + "." + parts[2])).as("tampered").isEmpty();
        assertThat(v.verify(parts[0] + "." + parts[1] + "." + parts[2].substring(0, 10) + "AAAA" + parts[2]
                .substring(14))).as("bad signature").isEmpty();
        assertThat(v.verify(key.sign(user("u-1"), NOW.minusSeconds(901), ISSUER, ISSUER))).as("expired").isEmpty();
        assertThat(v.verify(key.sign(user("u-1"), NOW.minusSeconds(60), "https://evil.example", ISSUER)))
                .as("another issuer").isEmpty();
        assertThat(v.verify(key.sign(user("u-1"), NOW.minusSeconds(60), ISSUER, "https://other-api.example")))
                .as("another audience").isEmpty();
        assertThat(v.verify(good)).as("the untouched token").isPresent();
    }

    @Test
    void hs256None_andAlgorithmConfusion_areRefused() throws Exception {
        Key rsa = Key.generate("rsa", JwkAlgorithm.RS256);
        publish(rsa);
        RemoteJwksVerifier v = verifier();
        JWTClaimsSet claims = new JWTClaimsSet.Builder().subject("u-1").issuer(ISSUER).audience(ISSUER)
                .expirationTime(java.util.Date.from(NOW.plusSeconds(600))).build();
        // HS256 keyed with the shared secret, the resource-server mistake, and with the public key's bytes.
        SignedJWT hs = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.HS256).keyID("rsa").build(), claims);
        hs.sign(new MACSigner("a-shared-better-auth-secret-0123456789abcdef".getBytes(StandardCharsets.UTF_8)));
        assertThat(v.verify(hs.serialize())).as("HS256").isEmpty();
        SignedJWT confused = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.HS256).keyID("rsa").build(), claims);
        confused.sign(new MACSigner(rsa.published().getBytes(StandardCharsets.UTF_8)));
        assertThat(v.verify(confused.serialize())).as("HS256 keyed with the public JWK").isEmpty();
        String none = b64("{\"alg\":\"none\",\"kid\":\"rsa\"}") + "." + b64(claims.toString()) + ".";
        assertThat(v.verify(none)).as("none").isEmpty();
        // PS256 over the RS256 key: the header's alg must be the JWK's.
        Key samePairAsPs = new Key("rsa", JwkAlgorithm.PS256, rsa.pair());
        assertThat(v.verify(samePairAsPs.sign(user("u-1")))).as("PS256 on an RS256 key").isEmpty();
        String noKid = b64("{\"alg\":\"RS256\"}") + "." + rsa.sign(user("u-1")).split("\\.", 2)[1];
        assertThat(v.verify(noKid)).as("no kid").isEmpty();
        assertThat(v.verify(rsa.sign(user("u-1")))).as("the genuine token").isPresent();
    }

    @Test
    void aSessionTokenOtherSchemesAndGarbage_giveNoCaller_neverAnException() {
        publish(Key.generate("k1", JwkAlgorithm.EDDSA));
        RemoteJwksVerifier v = verifier();
        assertThat(v.verifyAuthorization(null)).isEmpty();
        assertThat(v.verifyAuthorization("Basic dTpw")).isEmpty();
        assertThat(v.verifyAuthorization("Bearer abc.def")).as("a signed session token").isEmpty();
        assertThat(v.verifyAuthorization("Bearer a.b.c")).isEmpty();
        assertThat(v.verifyAuthorization("Bearer " + "x".repeat(20_000) + ".y.z")).isEmpty();
        jwks.set("not json");
        RemoteJwksVerifier broken = verifier();
        Key key = Key.generate("k2", JwkAlgorithm.EDDSA);
        assertThat(broken.verify(key.sign(user("u-1")))).as("an unreadable key set").isEmpty();
    }

    @Test
    void theIssuerDefaultsToTheUrlsOrigin_andTheAudienceToTheIssuer() {
        JwtOptions jwt = new JwtOptions("/jwks", JwkAlgorithm.EDDSA, null, 0, null, List.of(), "15m", false,
                new RemoteJwksOptions(URI.create("https://Auth.Example.com:443/api/auth/jwks"), 300, 30, 0, null));
        try (RemoteJwksVerifier v = RemoteJwksVerifier.of(jwt, CLOCK)) {
            assertThat(v.issuer()).isEqualTo("https://auth.example.com");
            assertThat(v.audience()).containsExactly("https://auth.example.com");
        } catch (IOException e) {
            throw new AssertionError(e);
        }
    }

    private static String b64(String json) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(json.getBytes(StandardCharsets.UTF_8));
    }
}
