package io.betterauth.jakarta.it;

import static io.betterauth.jakarta.it.AuthClient.json;
import static org.assertj.core.api.Assertions.assertThat;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.MACSigner;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import com.sun.net.httpserver.HttpServer;
import io.betterauth.jakarta.core.plugin.jwt.AccessTokenSigner;
import io.betterauth.jakarta.core.plugin.jwt.JwkAlgorithm;
import io.betterauth.jakarta.core.plugin.jwt.JwkGenerator;
import io.betterauth.jakarta.core.plugin.jwt.JwkKeys;
import io.betterauth.jakarta.core.plugin.jwt.SessionCacheJwt;
import io.betterauth.jakarta.core.plugin.jwt.SigningKey;
import jakarta.json.JsonObject;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URL;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Verifier mode on each container: a WAR with no database, no data source and no secret, whose only Better Auth
 * setting is {@code better-auth.plugins.jwt.remote-jwks-url}, pointing at a key set this test serves on
 * 127.0.0.1 the way Better Auth's {@code /api/auth/jwks} does. A JWT as {@code GET /token} signs it authenticates
 * a protected servlet and a JAX-RS resource (the user, no session); without one, or with a tampered, expired,
 * HS256 or foreign-issuer token, the protected servlet answers 401; the endpoints do not exist. With
 * {@code session-cookie-cache}, Better Auth 1.7's session-cache JWT in the {@code session_data} cookie is a caller too.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class RemoteJwksIT {

    private static final Issuer ISSUER = Issuer.start();

    @Deployment(testable = false)
    static WebArchive deployment() {
        Map<String, String> config = new LinkedHashMap<>();
        config.put("better-auth.plugins", "jwt");
        config.put("better-auth.plugins.jwt.remote-jwks-url", ISSUER.jwksUrl());
        config.put("better-auth.plugins.jwt.session-cookie-cache", "true");
        // Nothing else: no secret, and none of the defaults Deployments gives the scenarios with a database.
        for (String key : List.of("better-auth.database.url", "better-auth.trusted-origins",
                "better-auth.rate-limit.enabled", "better-auth.email-and-password.enabled",
                "better-auth.sessions-page.enabled")) {
            config.put(key, Deployments.UNSET);
        }
        return Deployments.war("remote-jwks", config);
    }

    @AfterAll
    static void stopTheIssuer() {
        ISSUER.stop();
    }

    @ArquillianResource
    URL url;

    @Test
    void aBetterAuthJwt_isTheCaller_withoutADatabase_andAnythingElseIsNoCaller() throws Exception {
        Http http = new Http(url);
        String jwt = ISSUER.token("user-1", Instant.now(), ISSUER.origin());
        Map<String, String> bearer = Map.of("Authorization", "Bearer " + jwt);

        HttpResponse<String> page = http.get("/protected/whoami", null, bearer);
        assertThat(page.statusCode()).as(page.body()).isEqualTo(200);
        JsonObject who = json(page);
        assertThat(who.getString("caller")).isEqualTo("user-1");
        assertThat(who.getBoolean("isCallerInRoleUser")).isTrue();
        assertThat(who.getString("email")).isEqualTo("ada@example.com");
        assertThat(who.isNull("sessionExpiresAt")).as("a JWT carries no session").isTrue();
        assertThat(http.get("/api/me", null, bearer).body()).isEqualTo("user-1 (user)");
        assertThat(http.get("/guarded/whoami", null, bearer).statusCode()).isEqualTo(200);
        assertThat(http.get("/guarded-fresh/whoami", null, bearer).statusCode())
                .as("nothing proves a recent sign-in").isEqualTo(403);

        int sig = jwt.lastIndexOf('.') + 1;
        String tampered = jwt.substring(0, sig) + (jwt.charAt(sig) == 'A' ? 'B' : 'A') + jwt.substring(sig + 1);
        for (String header : List.of("Bearer " + tampered, "Bearer " + ISSUER.hs256("user-1"),
                "Bearer " + ISSUER.token("user-1", Instant.now().minusSeconds(3600), ISSUER.origin()),
                "Bearer " + ISSUER.token("user-1", Instant.now(), "https://another-issuer.example"),
                "Bearer a.b.c", "Basic " + jwt)) {
            HttpResponse<String> refused = http.get("/protected/whoami", null, Map.of("Authorization", header));
            assertThat(refused.statusCode()).as(header).isEqualTo(401);
        }
        assertThat(http.get("/protected/whoami", null).statusCode()).isEqualTo(401);
        // Anonymous where nothing is protected (WildFly's Elytron names the anonymous caller "anonymous").
        JsonObject nobody = json(http.get("/whoami", null));
        assertThat(nobody.isNull("caller") || "anonymous".equals(nobody.getString("caller"))).as(nobody.toString())
                .isTrue();
        assertThat(nobody.getBoolean("isCallerInRoleUser")).isFalse();

        for (String endpoint : List.of("/api/auth/get-session", "/api/auth/jwks", "/api/auth/token", "/api/auth/ok")) {
            assertThat(http.get(endpoint, null, bearer).statusCode()).as(endpoint).isEqualTo(404);
        }
    }

    /**
     * Better Auth 1.7's session-cache JWT in the {@code session_data} cookie (its name here: no {@code better-auth.url}
     * outside dev mode, so {@code __Secure-}) is the caller too, whole or in chunks; a cache of another kind, issuer or
     * age, or a {@code /token} JWT in its place, is no caller; a cookie too large for the container is refused by it,
     * never a 500.
     */
    @Test
    void theSessionCacheCookie_isTheCaller_andAnythingElseInItIsNoCaller() throws Exception {
        Http http = new Http(url);
        String name = "__Secure-better-auth.session_data";
        String cache = ISSUER.sessionCache("user-2", Instant.now(), ISSUER.origin());

        HttpResponse<String> page = http.get("/protected/whoami", name + "=" + cache);
        assertThat(page.statusCode()).as(page.body()).isEqualTo(200);
        JsonObject who = json(page);
        assertThat(who.getString("caller")).isEqualTo("user-2");
        assertThat(who.getString("email")).isEqualTo("ada@example.com");
        assertThat(who.isNull("sessionExpiresAt")).as("the caller is the cached user only").isTrue();
        assertThat(http.get("/api/me", name + "=" + cache).body()).isEqualTo("user-2 (user)");
        int half = cache.length() / 2;
        assertThat(http.get("/protected/whoami", name + ".0=" + cache.substring(0, half) + "; " + name + ".1="
                + cache.substring(half)).statusCode()).as("chunked").isEqualTo(200);

        int sig = cache.lastIndexOf('.') + 1;
        String tampered = cache.substring(0, sig) + (cache.charAt(sig) == 'A' ? 'B' : 'A') + cache.substring(sig + 1);
        for (String cookie : List.of(name + "=" + tampered,
                name + "=" + ISSUER.hs256SessionCache("user-2"),
                name + "=" + ISSUER.token("user-2", Instant.now(), ISSUER.origin()),
                name + "=" + ISSUER.sessionCache("user-2", Instant.now(), "https://another-issuer.example"),
                name + "=" + ISSUER.sessionCache("user-2", Instant.now().minusSeconds(600), ISSUER.origin()),
                "better-auth.session_data=" + cache,
                name + "=a.b.c")) {
            HttpResponse<String> refused = http.get("/protected/whoami", cookie);
            assertThat(refused.statusCode()).as(cookie).isEqualTo(401);
        }
        try {
            HttpResponse<String> huge = http.get("/protected/whoami", name + "=" + "a".repeat(70_000) + "." + cache);
            assertThat(huge.statusCode()).as("an oversized cookie").isIn(400, 401, 413, 431);
        } catch (IOException e) {
            // the container closed the connection on the header's size: no caller either
        }
    }

    /** Better Auth's jwt plugin as a resource server sees it: an Ed25519 key in {@code /api/auth/jwks}. */
    private static final class Issuer {
        private final HttpServer server;
        private final JwkGenerator.ExportedKeyPair key = JwkGenerator.generate(JwkAlgorithm.EDDSA, 2048);
        private final String kid = "it-key-" + System.nanoTime();

        private Issuer(HttpServer server) {
            this.server = server;
        }

        static Issuer start() {
            try {
                HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
                Issuer issuer = new Issuer(server);
                server.createContext("/api/auth/jwks", exchange -> {
                    byte[] body = ("{\"keys\":[{\"alg\":\"EdDSA\",\"kid\":\"" + issuer.kid + "\","
                            + issuer.key.publicJwk().substring(1) + "]}").getBytes(StandardCharsets.UTF_8);
                    exchange.getResponseHeaders().add("Content-Type", "application/json");
                    exchange.sendResponseHeaders(200, body.length);
                    try (OutputStream out = exchange.getResponseBody()) {
                        out.write(body);
                    }
                });
                server.start();
                return issuer;
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }

        String origin() {
            return "http://127.0.0.1:" + server.getAddress().getPort();
        }

        String jwksUrl() {
            return origin() + "/api/auth/jwks";
        }

        /** The JWT of Better Auth's {@code GET /token} for this user, issued at {@code at}. */
        String token(String userId, Instant at, String iss) {
            Map<String, Object> user = new LinkedHashMap<>();
            user.put("name", "Ada");
            user.put("email", "ada@example.com");
            user.put("emailVerified", true);
            user.put("image", null);
            user.put("createdAt", "2026-01-01T00:00:00.000Z");
            user.put("updatedAt", "2026-01-01T00:00:00.000Z");
            user.put("id", userId);
            return new AccessTokenSigner(iss, List.of(origin()), 900).sign(
                    new SigningKey(kid, JwkAlgorithm.EDDSA, JwkKeys.signer(JwkAlgorithm.EDDSA, key.privateJwk())),
                    user, at);
        }

        /** Better Auth 1.7's session-cache JWT of a 5-minute cache, written at {@code at}. */
        String sessionCache(String userId, Instant at, String iss) {
            return SessionCacheJwt.sign(new SigningKey(kid, JwkAlgorithm.EDDSA,
                    JwkKeys.signer(JwkAlgorithm.EDDSA, key.privateJwk())), cachePayload(userId), at.toEpochMilli(),
                    300, iss);
        }

        /** The same claims HS256-signed with the shared secret, naming the issuer's key and the cache's typ. */
        String hs256SessionCache(String userId) throws Exception {
            String claims = sessionCache(userId, Instant.now(), origin()).split("\\.")[1];
            String header = java.util.Base64.getUrlEncoder().withoutPadding().encodeToString(("{\"alg\":\"HS256\","
                    + "\"kid\":\"" + kid + "\",\"typ\":\"" + SessionCacheJwt.TYPE + "\"}")
                    .getBytes(StandardCharsets.UTF_8));
            String input = header + "." + claims;
            return input + "." + new MACSigner(Deployments.SECRET.getBytes(StandardCharsets.UTF_8))
                    .sign(new JWSHeader(JWSAlgorithm.HS256), input.getBytes(StandardCharsets.US_ASCII));
        }

        private static Map<String, Object> cachePayload(String userId) {
            Map<String, Object> session = new LinkedHashMap<>();
            session.put("id", "session-of-" + userId);
            session.put("token", "token-of-" + userId);
            session.put("userId", userId);
            session.put("expiresAt", Instant.now().plusSeconds(86_400).toString());
            session.put("createdAt", "2026-01-01T00:00:00.000Z");
            session.put("updatedAt", "2026-01-01T00:00:00.000Z");
            session.put("ipAddress", "");
            session.put("userAgent", "");
            Map<String, Object> user = new LinkedHashMap<>();
            user.put("name", "Ada");
            user.put("email", "ada@example.com");
            user.put("emailVerified", true);
            user.put("image", null);
            user.put("createdAt", "2026-01-01T00:00:00.000Z");
            user.put("updatedAt", "2026-01-01T00:00:00.000Z");
            user.put("id", userId);
            Map<String, Object> payload = new LinkedHashMap<>();
            payload.put("session", session);
            payload.put("user", user);
            payload.put("updatedAt", System.currentTimeMillis());
            payload.put("version", "1");
            return payload;
        }

        /** The resource-server mistake: HS256 with a shared secret, naming the issuer's key. */
        String hs256(String userId) throws Exception {
            SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.HS256).keyID(kid).build(),
                    new JWTClaimsSet.Builder().subject(userId).issuer(origin()).audience(origin())
                            .expirationTime(Date.from(Instant.now().plusSeconds(600))).build());
            jwt.sign(new MACSigner(Deployments.SECRET.getBytes(StandardCharsets.UTF_8)));
            return jwt.serialize();
        }

        void stop() {
            server.stop(0);
        }
    }
}
