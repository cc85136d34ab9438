package io.betterauth.jakarta.it;

import static io.betterauth.jakarta.it.AuthClient.PASSWORD;
import static io.betterauth.jakarta.it.AuthClient.cookieAttributes;
import static io.betterauth.jakarta.it.AuthClient.email;
import static io.betterauth.jakarta.it.AuthClient.everyCookie;
import static io.betterauth.jakarta.it.AuthClient.json;
import static io.betterauth.jakarta.it.InteropDatabase.credentialRows;
import static io.betterauth.jakarta.it.InteropDatabase.sessionRows;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import jakarta.json.JsonObject;
import java.io.IOException;
import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import redis.clients.jedis.RedisClient;

/**
 * A real Node Better Auth 1.7.25 beside our server: the same secret, the same PostgreSQL database (created by Better
 * Auth's own migration, which our server must then use unchanged with auto-migrate on), the same Redis. Every claim
 * is checked both ways, for the cookie cache off and with each strategy (compact, jwt, jwe):
 *
 * <ul>
 *   <li>a user signed up on either signs in on the other (the scrypt hashes interoperate);</li>
 *   <li>a {@code session_token} cookie from either is accepted by the other, with byte-identical get-session
 *       bodies;</li>
 *   <li>a revocation (revoke-session, sign-out) on either is seen by the other at its next store read;</li>
 *   <li>a {@code session_data} cache minted by either is accepted by the other: after the session was revoked, the
 *       other server still answers from the cache (so it was the cache that answered), and refuses with
 *       {@code ?disableCookieCache=true};</li>
 *   <li>with Redis as secondary storage (alone, and with the sessions also in the database), sessions created on
 *       either are found, listed and revoked by the other;</li>
 *   <li>with secure cookies ({@code __Secure-} names) both set the same cookies and accept and clear the other's;</li>
 *   <li>a user deleted on either (delete-user, with the password or from a fresh session) is gone on both, with
 *       every session, its account rows and Redis keys; with delete-user off both answer the same empty 404.</li>
 *   <li>with Better Auth's bearer plugin on both, the {@code set-auth-token} of either authenticates on both, and
 *       sign-out with it on the other ends the session;</li>
 *   <li>with the multi-session plugin on both, one browser's device cookies from either are listed by both, and
 *       sign-out on either ends every account of the browser on both;</li>
 *   <li>with the admin plugin on both (its columns from Better Auth's migration), a ban on either ends the user's
 *       sessions and both refuse the sign-in with the same 403 {@code BANNED_USER} until an unban on the other; an
 *       impersonation started on either is seen alike by both (hidden from list-sessions) and stopped on the other
 *       with the {@code admin_session} cookie; both fail alike on a forged admin cookie, a non-admin, oneself.</li>
 *   <li>with the jwt plugin on both (its {@code jwks} table created by Better Auth's migration), both serve the same
 *       key set, sign with the same key, and each one's JWT verifies with the other's key set, with the same
 *       claims but {@code iss}/{@code aud} (each server's origin) and the times.</li>
 * </ul>
 *
 * And issue 5's two instances: two Payara Micro processes of the same application on the same PostgreSQL and Redis
 * (secondary storage with store-session-in-database, compact cache) behave as one.
 *
 * <p>Each test is one scenario, written as the script it follows; the endpoints are called through
 * {@link AuthClient} (one per server, {@link ServerPair} for a configuration's two), the database is read through
 * {@link InteropDatabase}. Every scenario signs up its own user.
 *
 * <p>Servers: one Node process ({@code src/test/node/node-server.mjs}, {@link NodeBetterAuthServer}) with one Better
 * Auth per configuration, and two Payara Micro processes started in parallel ({@link PayaraMicroProcess}), A with the
 * WARs {@code /off}, {@code /compact}, {@code /kv}, {@code /kvdb}, {@code /secure}, {@code /admin} and B with {@code /jwt},
 * {@code /jwe}, {@code /kvdb}, {@code /bearer}, {@code /multi}, {@code /jwtp}, every one on the database {@code ba_interop} (recreated here) and Redis database 13
 * (flushed here). Nothing is skipped: a missing service fails the test. Logs:
 * {@code target/payara-interop-a|b/server.log}, {@code target/node-interop/}. Runs in other checkouts (CI) wait for
 * this one: a PostgreSQL advisory lock is held for the whole class. Tagged {@code payara-only}: it starts Payara
 * Micro itself whatever container profile the build runs, so the WildFly pass excludes it.
 */
@Tag("payara-only")
class NodeServerInteropIT {

    static final String REDIS_URL = "redis://127.0.0.1:6379/13";
    static final Duration READY_TIMEOUT = Duration.ofSeconds(180);
    static final String STATUS_TRUE = "{\"status\":true}";

    static Connection runLock;
    static PayaraMicroProcess serverA;
    static PayaraMicroProcess serverB;
    static NodeBetterAuthServer node;
    static RedisClient redis;
    static List<String> schemaAfterMigration;

    // ================================================================================================ the database

    @Test
    void ourServers_usedTheTablesOfBetterAuthsMigration_unchanged() throws Exception {
        assertThat(InteropDatabase.schema()).isEqualTo(schemaAfterMigration);
        assertThat(NodeBetterAuthServer.read(serverA.log()) + NodeBetterAuthServer.read(serverB.log()))
                .doesNotContain("Created Better Auth tables");
    }

    // ====================================================================== accounts and tokens, per cookie cache

    @ParameterizedTest(name = "cookie cache {0}")
    @ValueSource(strings = {"off", "compact", "jwt", "jwe"})
    void aUserSignedUpOnEither_signsInOnTheOther(String strategy) throws Exception {
        ServerPair servers = servers(strategy);
        AuthClient node = servers.node();
        AuthClient java = servers.java();

        String fromNode = email(strategy + "-node");
        JsonObject nodeUser = json(node.signUp(fromNode)).getJsonObject("user");
        assertThat(json(java.signIn(fromNode)).getJsonObject("user")).isEqualTo(nodeUser);
        assertThat(java.signInRefused(fromNode, PASSWORD + "x")).isEqualTo("INVALID_EMAIL_OR_PASSWORD");

        String fromJava = email(strategy + "-java");
        JsonObject javaUser = json(java.signUp(fromJava)).getJsonObject("user");
        assertThat(json(node.signIn(fromJava)).getJsonObject("user")).isEqualTo(javaUser);
        assertThat(node.signInRefused(fromJava, PASSWORD + "x")).isEqualTo("INVALID_EMAIL_OR_PASSWORD");

        // both wrote the same account row: Better Auth's scrypt hash
        assertThat(credentialRows(nodeUser.getString("id"))).isEqualTo(credentialRows(javaUser.getString("id")))
                .isEqualTo(List.of("credential|accountId=userId|scrypt"));
    }

    @ParameterizedTest(name = "cookie cache {0}")
    @ValueSource(strings = {"off", "compact", "jwt", "jwe", "jwtcache"})
    void aSessionTokenFromEither_isAcceptedByTheOther_withTheSameBody(String strategy) throws Exception {
        ServerPair servers = servers(strategy);
        String email = email(strategy + "-java");
        servers.java().signUp(email);

        HttpResponse<String> onNode = servers.node().signIn(email);
        HttpResponse<String> onJava = servers.java().signIn(email);
        assertThat(json(onJava).keySet()).containsExactlyElementsOf(json(onNode).keySet());
        assertThat(cookieAttributes(onJava)).as("Set-Cookie names and attributes of a sign-in")
                .isEqualTo(cookieAttributes(onNode));

        Device fromNode = Device.of(onNode);
        Device fromJava = Device.of(onJava);
        assertBothAnswerTheSame(servers, fromNode);
        assertBothAnswerTheSame(servers, fromJava);
        assertThat(servers.java().listed(fromNode)).as("the sign-up's session and both sign-ins")
                .isEqualTo(servers.node().listed(fromJava)).hasSize(3);
    }

    @ParameterizedTest(name = "cookie cache {0}")
    @ValueSource(strings = {"off", "compact", "jwt", "jwe", "jwtcache"})
    void aDontRememberMeSessionFromEither_isAcceptedByTheOther_forOneDay(String strategy) throws Exception {
        ServerPair servers = servers(strategy);
        String email = email(strategy + "-java");
        servers.java().signUp(email);

        // the signed dont_remember cookie, a 1-day session, a session_token without Max-Age
        HttpResponse<String> onNode = servers.node().signIn(email, false);
        HttpResponse<String> onJava = servers.java().signIn(email, false);
        assertThat(cookieAttributes(onJava)).as("Set-Cookie of a rememberMe:false sign-in")
                .isEqualTo(cookieAttributes(onNode));

        for (Device d : List.of(Device.of(onNode), Device.of(onJava))) {
            assertThat(d.cookieMap()).containsKey("better-auth.dont_remember");
            for (AuthClient server : servers.both()) {
                JsonObject session = json(server.getSessionFromStore(d.cookies())).getJsonObject("session");
                assertThat(session.getString("token")).isEqualTo(d.token());
                // Better Auth stamps createdAt and expiresAt with two Date() calls: they may be a millisecond apart.
                assertThat(Instant.parse(session.getString("expiresAt")))
                        .isCloseTo(Instant.parse(session.getString("createdAt")).plus(Duration.ofDays(1)),
                                within(1, ChronoUnit.SECONDS));
            }
        }
    }

    // ======================================================================== revocation, per cookie cache, both ways

    @ParameterizedTest(name = "cookie cache {0}, revoked on {1}")
    @CsvSource({"off, java", "off, node", "compact, java", "compact, node", "jwt, java", "jwt, node",
            "jwe, java", "jwe, node", "jwtcache, java", "jwtcache, node"})
    void revokeSession_onOne_endsTheSessionOnTheOther(String strategy, String revokedOn) throws Exception {
        ServerPair servers = servers(strategy);
        AuthClient revoker = servers.on(revokedOn);
        AuthClient other = servers.otherThan(revokedOn);
        String email = email(strategy + "-java");
        servers.java().signUp(email);

        Device caller = revoker.signedIn(email);
        Device victim = other.signedIn(email);
        assertThat(revoker.revokeSession(caller, victim.token())).isEqualTo(STATUS_TRUE);
        other.assertNoSession(victim);
    }

    @ParameterizedTest(name = "cookie cache {0}, signed out on {1}")
    @CsvSource({"off, java", "off, node", "compact, java", "compact, node", "jwt, java", "jwt, node",
            "jwe, java", "jwe, node", "jwtcache, java", "jwtcache, node"})
    void signOut_onOne_endsTheOthersSession(String strategy, String signedOutOn) throws Exception {
        ServerPair servers = servers(strategy);
        AuthClient other = servers.otherThan(signedOutOn);
        String email = email(strategy + "-java");
        servers.java().signUp(email);

        Device signedInOnTheOther = other.signedIn(email);
        servers.on(signedOutOn).signOut(signedInOnTheOther);
        other.assertNoSession(signedInOnTheOther);
    }

    // ========================================================================================= cookie caches, both ways

    /**
     * The minting server signs the session out first: the reader then still answers from the cache (the documented
     * revocation window), which proves it accepted the cache, and refuses once the cache is bypassed.
     */
    @ParameterizedTest(name = "{0} cache minted on {1}")
    @CsvSource({"compact, node", "compact, java", "jwt, node", "jwt, java", "jwe, node", "jwe, java",
            "jwtcache, node", "jwtcache, java"})
    void aCookieCacheMintedByOne_isAcceptedByTheOther(String strategy, String mintedOn) throws Exception {
        ServerPair servers = servers(strategy);
        AuthClient minter = servers.on(mintedOn);
        AuthClient reader = servers.otherThan(mintedOn);
        String email = email(strategy + "-node");
        servers.node().signUp(email);

        Device cached = minter.signedIn(email);
        assertThat(cached.cacheCookies()).as("session_data from sign-in (" + strategy + ")").isNotEmpty();
        String live = minter.getSession(cached.cookies());
        HttpResponse<String> whileLive = reader.getSessionAnswer(cached.cookies());
        assertSameJson(whileLive.body(), live, "get-session from the same " + strategy + " cache on both servers");
        assertThat(Http.setCookies(whileLive)).as("a cache the reader accepts is not expired").isEmpty();

        minter.signOut(cached);
        HttpResponse<String> fromCache = reader.getSessionAnswer(cached.cookies());
        assertSameJson(fromCache.body(), live, "answered from the other server's " + strategy + " cache");
        assertThat(Http.setCookies(fromCache)).isEmpty();
        reader.assertNoSession(cached);
    }

    // ===================================================================================== Redis secondary storage

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"kv", "kvdb"})
    void redisSessions_writtenByEither_areReadAndListedByBoth(String mode) throws Exception {
        ServerPair servers = servers(mode);
        AuthClient node = servers.node();
        AuthClient java = servers.java();
        String email = email(mode);

        Device n = node.signedUp(email);
        String userId = node.userId(n);
        assertThat(redis.get(n.token())).as("Better Auth wrote the session to Redis").isNotNull();
        assertSameJson(java.getSessionFromStore(n.tokenOnly()), node.getSessionFromStore(n.tokenOnly()),
                "a session Better Auth wrote to Redis, read by both");

        Device j = java.signedIn(email);
        assertThat(redis.get(j.token())).as("our server wrote the session to Redis").isNotNull();
        assertSameJson(node.getSessionFromStore(j.tokenOnly()), java.getSessionFromStore(j.tokenOnly()),
                "a session our server wrote to Redis, read by both");

        // the values under both tokens have the same members and lifetime
        JsonObject nodeValue = json(redis.get(n.token()));
        JsonObject javaValue = json(redis.get(j.token()));
        assertThat(javaValue.keySet()).containsExactly("session", "user");
        assertThat(javaValue.getJsonObject("session").keySet())
                .containsExactlyInAnyOrderElementsOf(nodeValue.getJsonObject("session").keySet());
        assertThat(javaValue.getJsonObject("user")).isEqualTo(nodeValue.getJsonObject("user"));
        assertThat(redis.ttl(j.token())).isBetween(604_790L, 604_800L);
        assertThat(redis.ttl(n.token())).isBetween(604_790L, 604_800L);
        assertThat(sessionRows(userId)).as("session rows (" + mode + ")").isEqualTo(mode.equals("kvdb") ? 2 : 0);

        // both list both sessions (Better Auth's active-sessions-<userId> list, written by each)
        assertThat(java.listedTokens(j)).containsExactlyInAnyOrder(n.token(), j.token());
        assertThat(node.listedTokens(n)).containsExactlyInAnyOrder(n.token(), j.token());
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"kv", "kvdb"})
    void redisSessions_revokedOnEither_areGoneOnTheOther(String mode) throws Exception {
        ServerPair servers = servers(mode);
        AuthClient node = servers.node();
        AuthClient java = servers.java();
        String email = email(mode);
        Device n = node.signedUp(email);
        Device j = java.signedIn(email);

        java.revokeSession(j, n.token());
        assertThat(redis.get(n.token())).isNull();
        node.assertNoSession(n);

        Device n2 = node.signedIn(email);
        node.revokeSession(n2, j.token());
        java.assertNoSession(j);
        assertThat(java.listedTokens(java.signedIn(email))).contains(n2.token()).doesNotContain(n.token(), j.token());
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"kv", "kvdb"})
    void redisRevokeSessions_onEither_endsTheOthersSessions(String mode) throws Exception {
        ServerPair servers = servers(mode);
        AuthClient node = servers.node();
        AuthClient java = servers.java();
        String email = email(mode);
        Device n = node.signedUp(email);
        String userId = node.userId(n);

        // revoke-sessions on Better Auth (the revoked-sessions-before marker) ends our server's sessions too
        Device j = java.signedIn(email);
        node.revokeSessions(n);
        assertThat(redis.get("revoked-sessions-before-" + userId)).isNotNull();
        java.assertNoSession(j);
        node.assertNoSession(j);

        // and the other way round
        Device n2 = node.signedIn(email);
        Device j2 = java.signedIn(email);
        java.revokeSessions(j2);
        node.assertNoSession(n2);
        java.assertNoSession(n2);
    }

    // ============================================================================================= __Secure- cookies

    @Test
    void secureCookies_signIn_setsTheSameSecureCookiesOnBoth() throws Exception {
        ServerPair servers = servers("secure");
        String email = email("secure");
        servers.node().signUp(email);

        HttpResponse<String> onNode = servers.node().signIn(email, false);
        HttpResponse<String> onJava = servers.java().signIn(email, false);
        assertThat(cookieAttributes(onJava)).as("Set-Cookie of a rememberMe:false sign-in with secure cookies")
                .isEqualTo(cookieAttributes(onNode))
                .anyMatch(l -> l.startsWith("__Secure-better-auth.session_token=…;") && l.contains("; Secure"))
                .anyMatch(l -> l.startsWith("__Secure-better-auth.dont_remember=…;"))
                .anyMatch(l -> l.startsWith("__Secure-better-auth.session_data=…;"))
                .noneMatch(l -> l.startsWith("better-auth."));
    }

    @Test
    void secureCookies_fromEither_areAcceptedByBoth() throws Exception {
        ServerPair servers = servers("secure");
        String email = email("secure");
        servers.node().signUp(email);

        for (HttpResponse<String> signIn : List.of(servers.node().signIn(email, false),
                servers.java().signIn(email, false))) {
            String token = json(signIn).getString("token");
            for (AuthClient server : servers.both()) {
                assertThat(server.sessionToken(everyCookie(signIn))).isEqualTo(token);
                assertThat(json(server.getSessionFromStore(everyCookie(signIn))).getJsonObject("session")
                        .getString("token")).isEqualTo(token);
            }
        }
    }

    @Test
    void secureCookies_signOutOnEither_clearsTheOthersCookiesAlike() throws Exception {
        ServerPair servers = servers("secure");
        String email = email("secure");
        servers.node().signUp(email);
        String nodeCookies = everyCookie(servers.node().signIn(email, false));
        String javaCookies = everyCookie(servers.java().signIn(email, false));

        // each signs out the other's device, with the same __Secure- deletions
        HttpResponse<String> outOnJava = servers.java().signOut(nodeCookies);
        HttpResponse<String> outOnNode = servers.node().signOut(javaCookies);
        assertThat(Http.setCookies(outOnJava)).as("sign-out's Set-Cookie lines, line for line")
                .isEqualTo(Http.setCookies(outOnNode))
                .anyMatch(l -> l.startsWith("__Secure-better-auth.session_token=; Max-Age=0;") && l.contains("; Secure"));
        for (AuthClient server : servers.both()) {
            for (String cookies : List.of(nodeCookies, javaCookies)) {
                assertThat(server.getSessionFromStore(cookies)).isEqualTo("null");
            }
        }
    }

    // ================================================================================================= delete-user

    @ParameterizedTest(name = "{0}: deleted on {1} with {2}")
    @CsvSource({"off, java, the password", "off, node, a fresh session",
            "kvdb, java, the password", "kvdb, node, a fresh session"})
    void deleteUser_onOne_removesTheUserAndEverySessionOnBoth(String config, String deletedOn, String proof)
            throws Exception {
        ServerPair servers = servers(config);
        AuthClient deleter = servers.on(deletedOn);
        AuthClient other = servers.otherThan(deletedOn);
        String email = email(config + "-delete-on-" + deletedOn);
        Device elsewhere = other.signedUp(email);
        Device caller = deleter.signedIn(email);
        String userId = other.userId(elsewhere);

        HttpResponse<String> deleted = deleter.deleteUser(caller, deleteUserBody(proof));
        assertThat(deleted.body()).isEqualTo("{\"success\":true,\"message\":\"User deleted\"}");
        for (AuthClient server : servers.both()) {
            server.assertNoSession(elsewhere);
            server.assertNoSession(caller);
            assertThat(server.signInRefused(email, PASSWORD)).isEqualTo("INVALID_EMAIL_OR_PASSWORD");
        }
        assertThat(sessionRows(userId)).isZero();
        assertThat(credentialRows(userId)).as("the account rows went with the user").isEmpty();
        if (config.equals("kvdb")) {
            assertThat(redis.get(elsewhere.token())).isNull();
            assertThat(redis.get(caller.token())).isNull();
        }
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"off", "kvdb"})
    void deleteUser_onEither_clearsTheSameCookies(String config) throws Exception {
        ServerPair servers = servers(config);
        HttpResponse<String> onJava = deletedUser(servers.java(), servers.node(), config, "the password");
        HttpResponse<String> onNode = deletedUser(servers.node(), servers.java(), config, "a fresh session");
        assertThat(Http.setCookies(onJava)).as("delete-user's Set-Cookie lines on both, line for line")
                .containsExactlyElementsOf(Http.setCookies(onNode));
    }

    @Test
    void deleteUser_whenOff_bothAnswerTheSameEmpty404() throws Exception {
        ServerPair servers = servers("compact"); // delete-user off on the compact WARs and Node instance
        Device d = servers.node().signedUp(email("compact-delete-off"));
        HttpResponse<String> onNode = servers.node().deleteUser(d, 404);
        HttpResponse<String> onJava = servers.java().deleteUser(d, 404);
        assertThat(onJava.body()).isEqualTo(onNode.body()).isEmpty();
        assertThat(servers.java().getSessionFromStore(d.tokenOnly())).isNotEqualTo("null");
    }

    // ======================================================= issue 5: two instances of the same application

    @Test
    void twoInstances_aSessionCreatedOnEither_worksOnBoth() throws Exception {
        AuthClient a = AuthClient.java(serverA, "/kvdb");
        AuthClient b = AuthClient.java(serverB, "/kvdb");
        String email = email("two-instances");

        Device s = a.signedUp(email);
        assertThat(s.cacheCookies()).isNotEmpty();
        String onA = a.getSessionFromStore(s.tokenOnly());
        assertThat(b.getSessionFromStore(s.tokenOnly())).as("a session created on A works on B").isEqualTo(onA);
        HttpResponse<String> cachedOnB = b.getSessionAnswer(s.cookies());
        assertThat(json(cachedOnB).getJsonObject("session").getString("token")).isEqualTo(s.token());
        assertThat(Http.setCookies(cachedOnB)).as("A's cache accepted by B").isEmpty();

        Device t = b.signedIn(email);
        assertThat(json(a.getSessionFromStore(t.tokenOnly())).getJsonObject("session").getString("token"))
                .as("a session created on B works on A").isEqualTo(t.token());
        assertThat(b.listedTokens(t)).containsExactlyInAnyOrder(s.token(), t.token());
        assertThat(a.listedTokens(s)).containsExactlyInAnyOrder(s.token(), t.token());
        assertThat(sessionRows(json(onA).getJsonObject("user").getString("id"))).isEqualTo(2);
    }

    @Test
    void twoInstances_aSessionRevokedOnA_isRefusedByBOnceTheCacheIsBypassed() throws Exception {
        AuthClient a = AuthClient.java(serverA, "/kvdb");
        AuthClient b = AuthClient.java(serverB, "/kvdb");
        String email = email("two-instances");
        Device s = a.signedUp(email);
        Device t = b.signedIn(email);
        String userId = a.userId(s);

        // revoked on A: rejected on B at the next request that does not use the cookie cache
        assertThat(a.revokeSession(t, s.token())).isEqualTo(STATUS_TRUE);
        assertThat(b.getSession(s.tokenOnly())).isEqualTo("null");
        assertThat(b.getSessionFromStore(s.cookies())).isEqualTo("null");
        assertThat(b.getSession(s.cookies()))
                .as("the cookie cache still answers until it expires (the documented revocation window)")
                .isNotEqualTo("null");
        assertThat(b.revokeOtherSessionsRefused(s)).as("sensitive endpoints always read the store")
                .isEqualTo("UNAUTHORIZED");
        assertThat(redis.get(s.token())).isNull();
        assertThat(sessionRows(userId)).isEqualTo(1);
    }

    @Test
    void twoInstances_revokeSessionsOnB_endsTheSessionsOnA() throws Exception {
        AuthClient a = AuthClient.java(serverA, "/kvdb");
        AuthClient b = AuthClient.java(serverB, "/kvdb");
        String email = email("two-instances");
        Device s = a.signedUp(email);
        Device t = b.signedIn(email);
        String userId = a.userId(s);

        Device u = a.signedIn(email);
        b.revokeSessions(t);
        assertThat(a.getSessionFromStore(u.tokenOnly())).isEqualTo("null");
        assertThat(sessionRows(userId)).isZero();
    }

    // ============================================================================================ scenario helpers

    /** get-session of the same session on both: the same body byte for byte from the store, the token either way. */
    // ================================================================================ Better Auth's bearer plugin

    @ParameterizedTest(name = "issued by {0}")
    @ValueSource(strings = {"node", "java"})
    void aBearerTokenFromEither_authenticatesOnBoth_andSignOutWithItOnTheOtherEndsTheSession(String issuer)
            throws Exception {
        ServerPair servers = servers("bearer");
        AuthClient from = issuer.equals("node") ? servers.node() : servers.java();
        AuthClient other = issuer.equals("node") ? servers.java() : servers.node();
        String email = email("bearer-" + issuer);
        from.signUp(email);
        HttpResponse<String> signIn = from.signIn(email);
        for (HttpResponse<String> r : List.of(signIn, other.signIn(email))) {
            assertThat(r.headers().allValues("access-control-expose-headers")).as(r.uri().toString())
                    .containsExactly("set-auth-token");
            Device d = Device.of(r);
            assertThat(r.headers().firstValue("set-auth-token")).as("the session cookie's signed value")
                    .contains(java.net.URLDecoder.decode(d.cookieMap().get("better-auth.session_token"),
                            java.nio.charset.StandardCharsets.UTF_8));
        }
        String authToken = signIn.headers().firstValue("set-auth-token").orElseThrow();
        String token = json(signIn).getString("token");
        String onJava = servers.java().getSessionWithBearer(authToken).body();
        assertThat(json(onJava).getJsonObject("session").getString("token")).isEqualTo(token);
        assertThat(onJava).as("get-session with the bearer token on our server and on Better Auth")
                .isEqualTo(servers.node().getSessionWithBearer(authToken).body());
        assertThat(servers.java().getSessionWithBearer(token).body()).as("a raw token").isEqualTo(onJava);

        assertThat(other.signOutWithBearer(authToken).body()).isEqualTo("{\"success\":true}");
        assertThat(servers.java().getSessionWithBearer(authToken).body()).isEqualTo("null");
        assertThat(servers.node().getSessionWithBearer(authToken).body()).isEqualTo("null");
    }

    // =========================================================================== Better Auth's multi-session plugin

    @ParameterizedTest(name = "signed out on {0}")
    @ValueSource(strings = {"node", "java"})
    void oneBrowsersDeviceCookiesFromBoth_areListedByBoth_andSignOutOnEitherEndsEveryAccount(String signedOutOn)
            throws Exception {
        ServerPair servers = servers("multi");
        String a = email("multi-a");
        String b = email("multi-b");
        servers.node().signUp(a);
        servers.java().signUp(b);
        // one browser: A signs in on Better Auth, then B on ours, sending A's cookies along
        Map<String, String> jar = new java.util.LinkedHashMap<>();
        String tokenA = keep(jar, servers.node().signInWith(a, null));
        String tokenB = keep(jar, servers.java().signInWith(b, header(jar)));
        assertThat(jar.keySet()).as("a device cookie per account").contains(
                "better-auth.session_token_multi-" + tokenA.toLowerCase(),
                "better-auth.session_token_multi-" + tokenB.toLowerCase());
        String onJava = servers.java().listDeviceSessions(header(jar));
        // the same entries; each server lists them in its own order
        assertThat(jsonArray(onJava)).hasSize(2)
                .containsExactlyInAnyOrderElementsOf(jsonArray(servers.node().listDeviceSessions(header(jar))));

        AuthClient out = signedOutOn.equals("node") ? servers.node() : servers.java();
        assertThat(out.signOut(header(jar)).body()).isEqualTo("{\"success\":true}");
        assertThat(servers.java().listDeviceSessions(header(jar))).isEqualTo("[]");
        assertThat(servers.node().listDeviceSessions(header(jar))).isEqualTo("[]");
    }

    static jakarta.json.JsonArray jsonArray(String body) {
        return jakarta.json.Json.createReader(new java.io.StringReader(body)).readArray();
    }

    // ==================================================================================== Better Auth's jwt plugin

    @Test
    void jwtPlugin_bothServeTheSameKeySet_andEachOnesTokenVerifiesWithTheOthers() throws Exception {
        ServerPair servers = servers("jwtp");
        String email = email("jwtp");
        servers.java().signUp(email);
        String onJava = servers.java().jwt(servers.java().signedIn(email).tokenOnly());
        String onNode = servers.node().jwt(servers.node().signedIn(email).tokenOnly());
        jakarta.json.JsonArray keys = json(servers.java().jwks()).getJsonArray("keys");
        assertThat(keys).as("one key, minted by whichever signed first").hasSize(1)
                .isEqualTo(json(servers.node().jwks()).getJsonArray("keys"));
        com.nimbusds.jose.JWSVerifier verifier = io.betterauth.jakarta.core.plugin.jwt.JwkKeys.verifier(
                io.betterauth.jakarta.core.plugin.jwt.JwkAlgorithm.named(keys.getJsonObject(0).getString("alg")),
                keys.getJsonObject(0).toString());
        Map<String, Object> claims = new HashMap<>();
        for (String token : List.of(onJava, onNode)) {
            com.nimbusds.jwt.SignedJWT jwt = com.nimbusds.jwt.SignedJWT.parse(token);
            assertThat(jwt.getHeader().getKeyID()).isEqualTo(keys.getJsonObject(0).getString("kid"));
            assertThat(jwt.verify(verifier)).as("signed with the shared key").isTrue();
            Map<String, Object> c = new HashMap<>(jwt.getJWTClaimsSet().toJSONObject());
            c.keySet().removeAll(List.of("iat", "exp", "iss", "aud"));
            if (claims.isEmpty()) {
                claims.putAll(c);
            } else {
                assertThat(c).as("the same claims from both").isEqualTo(claims);
            }
        }
        assertThat(claims).containsEntry("email", email).containsKey("sub");
    }

    // ================================================================================== Better Auth's admin plugin

    /** An admin (role written to the table, as an operator does) signed in on {@code on}: their device. */
    static Device admin(AuthClient on, String tag) throws Exception {
        String email = email(tag);
        on.signUp(email);
        Device d = on.signedIn(email);
        InteropDatabase.setRole(on.userId(d), "admin");
        return d;
    }

    @ParameterizedTest(name = "banned on {0}")
    @ValueSource(strings = {"node", "java"})
    void aBanOnEither_endsTheUsersSessions_andBothRefuseTheSignIn_untilAnUnbanOnTheOther(String bannedOn)
            throws Exception {
        ServerPair servers = servers("admin");
        AuthClient banner = bannedOn.equals("node") ? servers.node() : servers.java();
        AuthClient other = bannedOn.equals("node") ? servers.java() : servers.node();
        Device root = admin(banner, "admin-root");
        Device rootOnOther = admin(other, "admin-root2");
        String victim = email("admin-victim");
        other.signUp(victim);
        Device onNode = servers.node().signedIn(victim);
        Device onJava = servers.java().signedIn(victim);
        String victimId = other.userId(onNode);

        HttpResponse<String> ban = banner.admin("ban-user", "{\"userId\":\"" + victimId
                + "\",\"banReason\":\"spam\",\"banExpiresIn\":3600}", root.cookies());
        assertThat(ban.statusCode()).as(ban.body()).isEqualTo(200);
        JsonObject user = json(ban).getJsonObject("user");
        assertThat(user.getBoolean("banned")).isTrue();
        assertThat(user.getString("banReason")).isEqualTo("spam");
        assertThat(InteropDatabase.sessionRows(victimId)).as("every session deleted").isZero();
        servers.node().assertNoSession(onNode);
        servers.java().assertNoSession(onJava);
        HttpResponse<String> refusedNode = servers.node().signInAttempt(victim);
        HttpResponse<String> refusedJava = servers.java().signInAttempt(victim);
        assertThat(refusedJava.statusCode()).isEqualTo(403).isEqualTo(refusedNode.statusCode());
        assertThat(refusedJava.body()).as("the same 403").isEqualTo(refusedNode.body())
                .contains("\"code\":\"BANNED_USER\"");

        HttpResponse<String> unban = other.admin("unban-user", "{\"userId\":\"" + victimId + "\"}",
                rootOnOther.cookies());
        assertThat(unban.statusCode()).as(unban.body()).isEqualTo(200);
        assertThat(List.copyOf(json(unban).getJsonObject("user").keySet())).as("the user's members, in order")
                .isEqualTo(List.copyOf(user.keySet()));
        servers.node().signIn(victim);
        servers.java().signIn(victim);

        // the errors, byte for byte: a non-admin, oneself, an unknown user
        Device plain = servers.node().signedIn(victim);
        for (String[] call : new String[][] {{"ban-user", "{\"userId\":\"x\"}", plain.tokenOnly()},
                {"ban-user", "{\"userId\":\"" + other.userId(rootOnOther) + "\"}", rootOnOther.tokenOnly()},
                {"unban-user", "{\"userId\":\"no-such-user\"}", rootOnOther.tokenOnly()},
                {"ban-user", "{\"banExpiresIn\":\"x\"}", null}}) {
            HttpResponse<String> n = servers.node().admin(call[0], call[1], call[2]);
            HttpResponse<String> j = servers.java().admin(call[0], call[1], call[2]);
            assertThat(j.statusCode()).as(String.join(" ", call)).isEqualTo(n.statusCode());
            assertThat(j.body()).as(String.join(" ", call)).isEqualTo(n.body());
        }
    }

    @ParameterizedTest(name = "started on {0}")
    @ValueSource(strings = {"node", "java"})
    void anImpersonationStartedOnEither_isSeenAndStoppedOnTheOther(String startedOn) throws Exception {
        ServerPair servers = servers("admin");
        AuthClient starter = startedOn.equals("node") ? servers.node() : servers.java();
        AuthClient stopper = startedOn.equals("node") ? servers.java() : servers.node();
        Device root = admin(starter, "admin-imp");
        String target = email("admin-target");
        stopper.signUp(target);
        Device targetDevice = stopper.signedIn(target);
        String targetId = stopper.userId(targetDevice);
        String rootId = starter.userId(root);

        Map<String, String> jar = new java.util.LinkedHashMap<>(root.cookieMap());
        HttpResponse<String> started = starter.admin("impersonate-user", "{\"userId\":\"" + targetId + "\"}",
                header(jar));
        assertThat(started.statusCode()).as(started.body()).isEqualTo(200);
        String impersonation = keepSession(jar, started);
        assertThat(jar).containsKeys("better-auth.admin_session", "better-auth.dont_remember");
        assertThat(json(started).getJsonObject("session").getString("impersonatedBy")).isEqualTo(rootId);
        String onNode = servers.node().getSessionFromStore(header(jar));
        assertThat(servers.java().getSessionFromStore(header(jar))).as("the same get-session on both").isEqualTo(onNode);
        assertThat(json(onNode).getJsonObject("session").getString("impersonatedBy")).isEqualTo(rootId);
        assertThat(json(onNode).getJsonObject("user").getString("id")).isEqualTo(targetId);
        for (AuthClient server : List.of(servers.node(), servers.java())) {
            // the user's sessions of sign-up and sign-in, never the impersonation
            assertThat(server.listedTokens(targetDevice.tokenOnly())).as(server + ": the user's own list")
                    .hasSize(2).contains(targetDevice.token()).doesNotContain(impersonation);
            assertThat(server.listedTokens(header(jar))).as(server + ": the impersonated browser's list")
                    .hasSize(2).contains(targetDevice.token()).doesNotContain(impersonation);
        }

        // both fail alike: a forged admin cookie, and no impersonation at all
        Map<String, String> forged = new java.util.LinkedHashMap<>(jar);
        forged.put("better-auth.admin_session", jar.get("better-auth.admin_session").replaceFirst(".{6}$", "AAAA%3D"));
        for (String cookie : List.of(header(forged), targetDevice.tokenOnly())) {
            HttpResponse<String> n = servers.node().admin("stop-impersonating", "{}", cookie);
            HttpResponse<String> j = servers.java().admin("stop-impersonating", "{}", cookie);
            assertThat(j.statusCode()).isIn(400, 500).isEqualTo(n.statusCode());
            assertThat(j.body()).isEqualTo(n.body());
        }
        assertThat(servers.java().sessionToken(header(jar))).as("still impersonating").isEqualTo(impersonation);

        HttpResponse<String> stopped = stopper.admin("stop-impersonating", "{}", header(jar));
        assertThat(stopped.statusCode()).as(stopped.body()).isEqualTo(200);
        assertThat(json(stopped).getJsonObject("session").getString("token")).isEqualTo(root.token());
        keepSession(jar, stopped);
        assertThat(jar).doesNotContainKeys("better-auth.admin_session", "better-auth.dont_remember");
        assertThat(servers.node().sessionToken(header(jar))).isEqualTo(root.token());
        assertThat(servers.java().sessionToken(header(jar))).isEqualTo(root.token());
        assertThat(InteropDatabase.sessionRows(targetId)).as("the impersonation session is deleted; the user's "
                + "sessions of sign-up and sign-in stay").isEqualTo(2);
    }

    /** Keeps an answer's cookies in the jar; the token of the answer's {@code session}. */
    static String keepSession(Map<String, String> jar, HttpResponse<String> answer) {
        for (String line : Http.setCookies(answer)) {
            String pair = line.split(";", 2)[0];
            String name = pair.substring(0, pair.indexOf('='));
            if (line.contains("Max-Age=0")) {
                jar.remove(name);
            } else {
                jar.put(name, pair.substring(name.length() + 1));
            }
        }
        return json(answer).getJsonObject("session").getString("token");
    }

    /**
     * Better Auth 1.7's session-cache JWT ({@code jwt({ sessionCookieCache: true })}, cache strategy jwt) on both,
     * with one base URL (the JWT's {@code iss}): each one's {@code session_data} is a JWT of the shared key set with
     * Better Auth's header and claims, and neither takes the other kind of jwt cache, HS256 with the shared secret,
     * in its place: after sign-out such a cookie answers nothing, where the key-signed one still answers until it
     * expires (the revocation window, as in Better Auth; {@code aCookieCacheMintedByOne_isAcceptedByTheOther}).
     */
    @ParameterizedTest(name = "read on {0}")
    @ValueSource(strings = {"java", "node"})
    void sessionCacheJwt_isSignedWithTheSharedKeys_andASecretSignedCacheIsNotTakenForIt(String readOn)
            throws Exception {
        ServerPair servers = servers("jwtcache");
        ServerPair hs256 = servers("jwt");
        String email = email("jwtcache-node");
        servers.node().signUp(email);
        jakarta.json.JsonArray keys = json(servers.java().jwks()).getJsonArray("keys");
        for (AuthClient minter : servers.both()) {
            Device d = minter.signedIn(email);
            String jwt = io.betterauth.jakarta.core.cookie.CookieChunks.read("better-auth.session_data",
                    io.betterauth.jakarta.core.cookie.RequestCookies.parse(d.cookies())).orElseThrow();
            com.nimbusds.jwt.SignedJWT parsed = com.nimbusds.jwt.SignedJWT.parse(jwt);
            assertThat(parsed.getHeader().getType().getType()).isEqualTo("better-auth.session-cache+jwt");
            JsonObject key = keys.getValuesAs(JsonObject.class).stream()
                    .filter(k -> k.getString("kid").equals(parsed.getHeader().getKeyID())).findFirst().orElseThrow();
            assertThat(parsed.verify(io.betterauth.jakarta.core.plugin.jwt.JwkKeys.verifier(
                    io.betterauth.jakarta.core.plugin.jwt.JwkAlgorithm.named(key.getString("alg")), key.toString())))
                    .as("signed with a key of the shared key set").isTrue();
            Map<String, Object> claims = parsed.getJWTClaimsSet().toJSONObject();
            assertThat(claims).containsEntry("iss", servers.java().origin())
                    .containsEntry("sid", d.token()).containsKeys("sub", "iat", "exp", "session", "user");
            assertThat(parsed.getJWTClaimsSet().getAudience()).containsExactly("better-auth:session-cache");
        }
        AuthClient reader = servers.on(readOn);
        Device secretSigned = hs256.node().signedIn(email);
        assertThat(secretSigned.cacheCookies()).isNotEmpty();
        assertSameJson(reader.getSession(secretSigned.cookies()), hs256.node().getSession(secretSigned.cookies()),
                "the HS256 cache's session, read from the store");
        hs256.node().signOut(secretSigned);
        assertThat(reader.getSession(secretSigned.cookies())).as("an HS256 cache is no session cache here")
                .isEqualTo("null");
    }

    /** Keeps an answer's cookies in the jar (a deletion removes one); the answer's session token. */
    static String keep(Map<String, String> jar, HttpResponse<String> answer) {
        for (String line : Http.setCookies(answer)) {
            String pair = line.split(";", 2)[0];
            String name = pair.substring(0, pair.indexOf('='));
            if (line.contains("Max-Age=0")) {
                jar.remove(name);
            } else {
                jar.put(name, pair.substring(name.length() + 1));
            }
        }
        return json(answer).getString("token");
    }

    static String header(Map<String, String> jar) {
        return jar.isEmpty() ? null : jar.entrySet().stream().map(e -> e.getKey() + "=" + e.getValue())
                .collect(java.util.stream.Collectors.joining("; "));
    }

    static void assertBothAnswerTheSame(ServerPair servers, Device d) throws Exception {
        String onNode = servers.node().getSessionFromStore(d.tokenOnly());
        String onJava = servers.java().getSessionFromStore(d.tokenOnly());
        assertThat(json(onJava).getJsonObject("session").getString("token")).isEqualTo(d.token());
        assertThat(onJava).as("get-session of the same session on our server and on Better Auth").isEqualTo(onNode);
        // and without the query, the way a browser asks
        assertThat(servers.java().sessionToken(d.tokenOnly())).isEqualTo(d.token());
        assertThat(servers.node().sessionToken(d.tokenOnly())).isEqualTo(d.token());
    }

    /**
     * The same JSON: every member and value equal, in any member order. Better Auth's own member order depends on
     * where it read the session (the table's column order from the database, the order its createSession built the
     * value in from secondary-storage-only Redis, zod's schema order from a cookie cache), so answers read from the
     * database are compared byte for byte and the others as JSON, as BetterAuthSecondaryStorageVectorTest does.
     */
    static void assertSameJson(String actual, String expected, String what) {
        assertThat(json(actual)).as(what + "\nactual:   " + actual + "\nexpected: " + expected)
                .isEqualTo(json(expected));
    }

    /** delete-user's body: the password, or none (then the session must be fresh). */
    static String deleteUserBody(String proof) {
        return switch (proof) {
            case "the password" -> "{\"password\":\"" + PASSWORD + "\"}";
            case "a fresh session" -> "{}";
            default -> throw new IllegalArgumentException(proof);
        };
    }

    /** A user signed up on {@code other}, deleted from a session signed in on {@code deleter}: the 200 answer. */
    static HttpResponse<String> deletedUser(AuthClient deleter, AuthClient other, String config, String proof)
            throws Exception {
        String email = email(config + "-delete-cookies");
        other.signUp(email);
        return deleter.deleteUser(deleter.signedIn(email), deleteUserBody(proof));
    }

    // ===================================================================================================== servers

    static ServerPair servers(String config) throws IOException {
        PayaraMicroProcess java = switch (config) {
            case "off", "compact", "kv", "kvdb", "secure", "admin" -> serverA;
            case "jwt", "jwe", "bearer", "multi", "jwtp", "jwtcache" -> serverB;
            default -> throw new IllegalArgumentException(config);
        };
        return new ServerPair(AuthClient.node(node, config), AuthClient.java(java, "/" + config));
    }

    @BeforeAll
    static void startServers() throws Exception {
        try {
            NodeBetterAuthServer.checkInstalled();
            runLock = InteropDatabase.acquireRunLock();
            InteropDatabase.recreate();
            redis = RedisClient.create(REDIS_URL);
            redis.flushDB();

            // Better Auth's own migration creates the tables; our servers must use them as they are.
            // with the jwt plugin's jwks table: the /jwtp servers share their signing keys through it
            // and the admin plugin's columns (user.role, banned, banReason, banExpires, session.impersonatedBy)
            NodeBetterAuthServer.migrateWithPlugins(InteropDatabase.NODE_URL, "jwt,admin");
            schemaAfterMigration = InteropDatabase.schema();
            assertThat(schemaAfterMigration).as("tables created by Better Auth's migration")
                    .anyMatch(l -> l.startsWith("session.token "));

            int portA = PayaraMicroProcess.freePort();
            int portB = PayaraMicroProcess.freePort();
            while (portB == portA) {
                portB = PayaraMicroProcess.freePort();
            }
            serverA = PayaraMicroProcess.named("interop-a").port(portA)
                    .deploy("/off", war("off", portA, DELETE_USER))
                    .deploy("/compact", war("compact", portA, cache("compact")))
                    .deploy("/kv", war("kv", portA, Map.of("better-auth.secondary-storage.redis-url", REDIS_URL)))
                    .deploy("/kvdb", war("kvdb", portA, storeInDatabase()))
                    .deploy("/secure", war("secure", portA, secure()))
                    .deploy("/admin", war("admin", portA, Map.of("better-auth.plugins", "admin")))
                    .defaultDataSource(InteropDatabase.JDBC_URL, "org.postgresql.Driver")
                    .start();
            serverB = PayaraMicroProcess.named("interop-b").port(portB)
                    .deploy("/jwt", war("jwt", portB, cache("jwt")))
                    .deploy("/jwe", war("jwe", portB, cache("jwe")))
                    .deploy("/kvdb", war("kvdb", portB, storeInDatabase()))
                    .deploy("/bearer", war("bearer", portB, Map.of("better-auth.plugins", "bearer")))
                    .deploy("/multi", war("multi", portB, Map.of("better-auth.plugins", "multi-session")))
                    .deploy("/jwtp", war("jwtp", portB, Map.of("better-auth.plugins", "jwt")))
                    .deploy("/jwtcache", war("jwtcache", portB, sessionCacheJwt()))
                    .defaultDataSource(InteropDatabase.JDBC_URL, "org.postgresql.Driver")
                    .start();
            node = NodeBetterAuthServer.start(InteropDatabase.NODE_URL, REDIS_URL, """
                    [{"name":"off","strategy":"off","deleteUser":true},
                     {"name":"compact","strategy":"compact"},
                     {"name":"jwt","strategy":"jwt"},
                     {"name":"jwe","strategy":"jwe"},
                     {"name":"kv","strategy":"off","storage":"secondary"},
                     {"name":"kvdb","strategy":"compact","storage":"secondary+database","deleteUser":true},
                     {"name":"secure","strategy":"compact","useSecureCookies":true},
                     {"name":"bearer","strategy":"off","plugins":["bearer"]},
                     {"name":"multi","strategy":"off","plugins":["multi-session"]},
                     {"name":"jwtp","strategy":"off","plugins":["jwt"]},
                     {"name":"admin","strategy":"off","plugins":["admin"]},
                     {"name":"jwtcache","strategy":"jwt","plugins":[{"id":"jwt","options":{"sessionCookieCache":true}}],
                      "options":{"baseURL":"http://127.0.0.1:%d"}}]""".formatted(portB));
            node.awaitReady(Duration.ofSeconds(60));
            serverA.awaitReady(READY_TIMEOUT);
            serverB.awaitReady(READY_TIMEOUT);
        } catch (Throwable e) {
            stopServers();
            throw e;
        }
    }

    @AfterAll
    static void stopServers() throws InterruptedException {
        List<Thread> stopping = new ArrayList<>();
        for (AutoCloseable c : new AutoCloseable[] {node, serverA, serverB, redis}) {
            if (c != null) {
                Thread t = new Thread(() -> {
                    try {
                        c.close();
                    } catch (Exception e) {
                        System.err.println("NodeServerInteropIT: could not stop " + c + ": " + e);
                    }
                }, "stop-" + c);
                t.start();
                stopping.add(t);
            }
        }
        for (Thread t : stopping) {
            t.join(TimeUnit.SECONDS.toMillis(60));
        }
        if (runLock != null) {
            try {
                runLock.close(); // releases the advisory lock
            } catch (SQLException e) {
                System.err.println("NodeServerInteropIT: " + e);
            }
        }
        runLock = null;
        node = null;
        serverA = null;
        serverB = null;
        redis = null;
    }

    static Map<String, String> cache(String strategy) {
        return Map.of("better-auth.session.cookie-cache.enabled", "true",
                "better-auth.session.cookie-cache.strategy", strategy);
    }

    /**
     * Better Auth 1.7's session-cache JWT: the jwt plugin with {@code sessionCookieCache}, the jwt cache strategy. The
     * Node instance has our base URL, so both write and expect the same {@code iss}.
     */
    static Map<String, String> sessionCacheJwt() {
        Map<String, String> c = new HashMap<>(cache("jwt"));
        c.put("better-auth.plugins", "jwt");
        c.put("better-auth.plugins.jwt.session-cookie-cache", "true");
        return c;
    }

    /** delete-user on (/off and /kvdb, as on the Node instances of the same names); the other WARs keep it off. */
    static final Map<String, String> DELETE_USER = Map.of("better-auth.user.delete-user.enabled", "true");

    /** Secure cookies over http (Better Auth's {@code advanced.useSecureCookies}): {@code __Secure-} names. */
    static Map<String, String> secure() {
        Map<String, String> c = new HashMap<>(cache("compact"));
        c.put("better-auth.advanced.use-secure-cookies", "true");
        return c;
    }

    static Map<String, String> storeInDatabase() {
        Map<String, String> c = new HashMap<>(cache("compact"));
        c.putAll(DELETE_USER);
        c.put("better-auth.secondary-storage.redis-url", REDIS_URL);
        c.put("better-auth.session.store-session-in-database", "true");
        return c;
    }

    static WebArchive baseWar;

    /** The test WAR with this configuration; the dependencies are resolved once. */
    static WebArchive war(String name, int port, Map<String, String> scenario) {
        Map<String, String> config = new HashMap<>(scenario);
        config.put("better-auth.secret", Deployments.SECRET);
        config.put("better-auth.url", "http://127.0.0.1:" + port);
        if (baseWar == null) {
            baseWar = Deployments.war(name, config);
            return baseWar;
        }
        return Deployments.reconfigured(baseWar, name, config);
    }
}
