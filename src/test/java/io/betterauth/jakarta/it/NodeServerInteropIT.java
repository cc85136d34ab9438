package io.betterauth.jakarta.it;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.io.IOException;
import java.io.StringReader;
import java.net.URL;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
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
 * </ul>
 *
 * And issue 5's two instances: two Payara Micro processes of the same application on the same PostgreSQL and Redis
 * (secondary storage with store-session-in-database, compact cache) behave as one.
 *
 * <p>Servers: one Node process ({@code src/test/node/node-server.mjs}) with one Better Auth per configuration, and
 * two Payara Micro processes started in parallel ({@link PayaraMicroProcess}), A with the WARs {@code /off},
 * {@code /compact}, {@code /kv}, {@code /kvdb} and B with {@code /jwt}, {@code /jwe}, {@code /kvdb}, every one on
 * the database {@code ba_interop} (recreated here) and Redis database 13 (flushed here). Nothing is skipped: a
 * missing service fails the test. Logs: {@code target/payara-interop-a|b/server.log},
 * {@code target/node-interop/}. Runs in other checkouts (CI) wait for this one: a PostgreSQL advisory lock is held
 * for the whole class. Tagged {@code payara-only}: it starts Payara Micro itself whatever container profile the build
 * runs, so the WildFly pass excludes it.
 */
@Tag("payara-only")
class NodeServerInteropIT {

    static final String DATABASE = "ba_interop";
    static final String PG_ADMIN_URL = "jdbc:postgresql://127.0.0.1:5432/test?user=postgres";
    static final String PG_URL = "jdbc:postgresql://127.0.0.1:5432/" + DATABASE + "?user=postgres";
    static final String PG_NODE_URL = "postgres://postgres@127.0.0.1:5432/" + DATABASE;
    static final String REDIS_URL = "redis://127.0.0.1:6379/13";
    static final Path NODE_DIR = Path.of("src", "test", "node");
    static final Path NODE_LOGS = Path.of("target", "node-interop");
    static final String PASSWORD = "interop-password-1";
    static final Duration READY_TIMEOUT = Duration.ofSeconds(180);

    /** Another run of this class (another checkout, CI) uses the same database and Redis: one at a time. */
    static final long RUN_LOCK = 0x4241_4e4f_4445L;
    static final Duration RUN_LOCK_TIMEOUT = Duration.ofMinutes(6);

    static Connection runLock;
    static PayaraMicroProcess serverA;
    static PayaraMicroProcess serverB;
    static NodeServer node;
    static RedisClient redis;
    static List<String> schemaAfterMigration;

    // -------------------------------------------------------------------------------------------------------------
    // Servers

    @BeforeAll
    static void startServers() throws Exception {
        try {
            assertThat(NODE_DIR.resolve("node_modules/better-auth").toFile())
                    .as("src/test/node/node_modules is missing: run `npm ci` there (Maven does it)").isDirectory();
            assertThat(NODE_DIR.resolve("node_modules/pg").toFile())
                    .as("src/test/node/node_modules/pg is missing: run `npm ci` in src/test/node").isDirectory();
            Files.createDirectories(NODE_LOGS);
            runLock = acquireRunLock();
            recreateDatabase();
            redis = RedisClient.create(REDIS_URL);
            redis.flushDB();

            // Better Auth's own migration creates the tables; our servers must use them as they are.
            runNode("migrate", List.of("migrate", PG_NODE_URL), Duration.ofSeconds(60), "MIGRATED");
            schemaAfterMigration = schema();
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
                    .defaultDataSource(PG_URL, "org.postgresql.Driver")
                    .start();
            serverB = PayaraMicroProcess.named("interop-b").port(portB)
                    .deploy("/jwt", war("jwt", portB, cache("jwt")))
                    .deploy("/jwe", war("jwe", portB, cache("jwe")))
                    .deploy("/kvdb", war("kvdb", portB, storeInDatabase()))
                    .defaultDataSource(PG_URL, "org.postgresql.Driver")
                    .start();
            node = NodeServer.start("""
                    [{"name":"off","strategy":"off","deleteUser":true},
                     {"name":"compact","strategy":"compact"},
                     {"name":"jwt","strategy":"jwt"},
                     {"name":"jwe","strategy":"jwe"},
                     {"name":"kv","strategy":"off","storage":"secondary"},
                     {"name":"kvdb","strategy":"compact","storage":"secondary+database","deleteUser":true},
                     {"name":"secure","strategy":"compact","useSecureCookies":true}]""");
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

    static Http java(PayaraMicroProcess server, String contextRoot) throws IOException {
        return new Http(new URL(server.url(contextRoot)));
    }

    static Http javaServer(String config) throws IOException {
        return switch (config) {
            case "off", "compact", "kv", "kvdb", "secure" -> java(serverA, "/" + config);
            case "jwt", "jwe" -> java(serverB, "/" + config);
            default -> throw new IllegalArgumentException(config);
        };
    }

    static Http nodeServer(String config) throws IOException {
        return new Http(new URL("http://127.0.0.1:" + node.port(config)));
    }

    // -------------------------------------------------------------------------------------------------------------
    // The database our server found

    @Test
    void ourServers_usedTheTablesOfBetterAuthsMigration_unchanged() throws Exception {
        assertThat(schema()).isEqualTo(schemaAfterMigration);
        assertThat(read(serverA.log()) + read(serverB.log())).doesNotContain("Created Better Auth tables");
    }

    // -------------------------------------------------------------------------------------------------------------
    // Accounts, tokens, revocation and caches, per cookie-cache strategy

    @ParameterizedTest(name = "cookie cache {0}")
    @ValueSource(strings = {"off", "compact", "jwt", "jwe"})
    void accountsTokensRevocationsAndCaches_interoperate(String strategy) throws Exception {
        Http node = nodeServer(strategy);
        Http java = javaServer(strategy);

        // 1. A user signed up on either signs in on the other: the scrypt hashes interoperate.
        String nodeEmail = email(strategy + "-node");
        JsonObject nodeUser = json(expect(200, signUp(node, nodeEmail))).getJsonObject("user");
        HttpResponse<String> javaSignIn = signIn(java, nodeEmail, PASSWORD);
        assertThat(json(expect(200, javaSignIn)).getJsonObject("user")).isEqualTo(nodeUser);
        assertThat(json(expect(401, signIn(java, nodeEmail, PASSWORD + "x"))).getString("code"))
                .isEqualTo("INVALID_EMAIL_OR_PASSWORD");

        String javaEmail = email(strategy + "-java");
        JsonObject javaUser = json(expect(200, signUp(java, javaEmail))).getJsonObject("user");
        assertThat(json(expect(200, signIn(node, javaEmail, PASSWORD))).getJsonObject("user")).isEqualTo(javaUser);
        assertThat(json(expect(401, signIn(node, javaEmail, PASSWORD + "x"))).getString("code"))
                .isEqualTo("INVALID_EMAIL_OR_PASSWORD");
        assertThat(credentialRows(nodeUser.getString("id"))).isEqualTo(credentialRows(javaUser.getString("id")))
                .isEqualTo(List.of("credential|accountId=userId|scrypt"));

        // 2. A session_token cookie from either is accepted by the other; both answer byte for byte alike.
        HttpResponse<String> nodeSignIn = expect(200, signIn(node, javaEmail, PASSWORD));
        HttpResponse<String> javaSignIn2 = expect(200, signIn(java, javaEmail, PASSWORD));
        assertThat(json(javaSignIn2).keySet()).containsExactlyElementsOf(json(nodeSignIn).keySet());
        assertThat(cookieAttributes(javaSignIn2)).as("Set-Cookie names and attributes of a sign-in")
                .isEqualTo(cookieAttributes(nodeSignIn));
        Device fromNode = Device.of(nodeSignIn);
        Device fromJava = Device.of(javaSignIn2);
        for (Device d : List.of(fromNode, fromJava)) {
            String onNode = expect(200, node.get("/api/auth/get-session?disableCookieCache=true", d.tokenOnly())).body();
            String onJava = expect(200, java.get("/api/auth/get-session?disableCookieCache=true", d.tokenOnly())).body();
            assertThat(json(onJava).getJsonObject("session").getString("token")).isEqualTo(d.token());
            assertThat(onJava).as("get-session of the same session on our server and on Better Auth").isEqualTo(onNode);
            // and without the query, the way a browser asks
            assertThat(json(expect(200, java.get("/api/auth/get-session", d.tokenOnly()))).getJsonObject("session")
                    .getString("token")).isEqualTo(d.token());
            assertThat(json(expect(200, node.get("/api/auth/get-session", d.tokenOnly()))).getJsonObject("session")
                    .getString("token")).isEqualTo(d.token());
        }

        assertThat(listed(java, fromNode)).isEqualTo(listed(node, fromJava)).hasSize(4);

        // The same for "don't remember me" sessions (signed dont_remember cookie, 1-day session, no Max-Age).
        HttpResponse<String> nodeShort = expect(200, signIn(node, javaEmail, PASSWORD, false));
        HttpResponse<String> javaShort = expect(200, signIn(java, javaEmail, PASSWORD, false));
        assertThat(cookieAttributes(javaShort)).as("Set-Cookie of a rememberMe:false sign-in")
                .isEqualTo(cookieAttributes(nodeShort));
        for (Device d : List.of(Device.of(nodeShort), Device.of(javaShort))) {
            assertThat(d.cookieMap()).containsKey("better-auth.dont_remember");
            for (Http server : List.of(node, java)) {
                JsonObject session = json(expect(200, server.get("/api/auth/get-session?disableCookieCache=true",
                        d.cookies()))).getJsonObject("session");
                assertThat(session.getString("token")).isEqualTo(d.token());
                // Better Auth stamps createdAt and expiresAt with two Date() calls: they may be a millisecond apart.
                assertThat(Instant.parse(session.getString("expiresAt")))
                        .isCloseTo(Instant.parse(session.getString("createdAt")).plus(Duration.ofDays(1)),
                                org.assertj.core.api.Assertions.within(1, ChronoUnit.SECONDS));
            }
        }

        // 3. A revocation on either is seen by the other at its next store read.
        Device nodeVictim = Device.of(expect(200, signIn(node, javaEmail, PASSWORD)));
        assertThat(expect(200, java.postJson("/api/auth/revoke-session",
                "{\"token\":\"" + nodeVictim.token() + "\"}", fromJava.cookies())).body()).isEqualTo("{\"status\":true}");
        assertNoSession(node, nodeVictim);
        Device javaVictim = Device.of(expect(200, signIn(java, javaEmail, PASSWORD)));
        assertThat(expect(200, node.postJson("/api/auth/revoke-session",
                "{\"token\":\"" + javaVictim.token() + "\"}", fromNode.cookies())).body()).isEqualTo("{\"status\":true}");
        assertNoSession(java, javaVictim);
        Device signedOutOnJava = Device.of(expect(200, signIn(node, javaEmail, PASSWORD)));
        expect(200, java.postJson("/api/auth/sign-out", "{}", signedOutOnJava.cookies()));
        assertNoSession(node, signedOutOnJava);
        Device signedOutOnNode = Device.of(expect(200, signIn(java, javaEmail, PASSWORD)));
        expect(200, node.postJson("/api/auth/sign-out", "{}", signedOutOnNode.cookies()));
        assertNoSession(java, signedOutOnNode);

        if (strategy.equals("off")) {
            return;
        }
        // 4. A session_data cache minted by either is accepted by the other. The minting server signs the session
        //    out first: the other server then still answers from the cache (the documented revocation window), which
        //    proves it accepted the cache, and refuses once the cache is bypassed.
        for (Http[] minterAndReader : List.of(new Http[] {node, java}, new Http[] {java, node})) {
            Http minter = minterAndReader[0];
            Http reader = minterAndReader[1];
            Device cached = Device.of(expect(200, signIn(minter, nodeEmail, PASSWORD)));
            assertThat(cached.cacheCookies()).as("session_data from sign-in (" + strategy + ")").isNotEmpty();
            String live = expect(200, minter.get("/api/auth/get-session", cached.cookies())).body();
            HttpResponse<String> whileLive = expect(200, reader.get("/api/auth/get-session", cached.cookies()));
            assertSameJson(whileLive.body(), live, "get-session from the same " + strategy + " cache on both servers");
            assertThat(Http.setCookies(whileLive)).as("a cache the reader accepts is not expired").isEmpty();

            expect(200, minter.postJson("/api/auth/sign-out", "{}", cached.cookies()));
            HttpResponse<String> fromCache = expect(200, reader.get("/api/auth/get-session", cached.cookies()));
            assertSameJson(fromCache.body(), live, "answered from the other server's " + strategy + " cache");
            assertThat(Http.setCookies(fromCache)).isEmpty();
            assertNoSession(reader, cached);
        }
    }

    // -------------------------------------------------------------------------------------------------------------
    // Redis secondary storage

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"kv", "kvdb"})
    void redisSessions_createdOnEither_areFoundListedAndRevokedByTheOther(String mode) throws Exception {
        Http node = nodeServer(mode);
        Http java = javaServer(mode);
        boolean rows = mode.equals("kvdb");

        String email = email(mode);
        Device n = Device.of(expect(200, signUp(node, email)));
        String userId = json(expect(200, node.get("/api/auth/get-session?disableCookieCache=true", n.tokenOnly())))
                .getJsonObject("user").getString("id");
        assertThat(redis.get(n.token())).as("Better Auth wrote the session to Redis").isNotNull();
        String onNode = expect(200, node.get("/api/auth/get-session?disableCookieCache=true", n.tokenOnly())).body();
        assertSameJson(expect(200, java.get("/api/auth/get-session?disableCookieCache=true", n.tokenOnly())).body(),
                onNode, "a session Better Auth wrote to Redis, read by both");

        Device j = Device.of(expect(200, signIn(java, email, PASSWORD)));
        assertThat(redis.get(j.token())).as("our server wrote the session to Redis").isNotNull();
        String onJava = expect(200, java.get("/api/auth/get-session?disableCookieCache=true", j.tokenOnly())).body();
        assertSameJson(expect(200, node.get("/api/auth/get-session?disableCookieCache=true", j.tokenOnly())).body(),
                onJava, "a session our server wrote to Redis, read by both");
        // the values under both tokens have the same members
        JsonObject nodeValue = json(redis.get(n.token()));
        JsonObject javaValue = json(redis.get(j.token()));
        assertThat(javaValue.keySet()).containsExactly("session", "user");
        assertThat(javaValue.getJsonObject("session").keySet())
                .containsExactlyInAnyOrderElementsOf(nodeValue.getJsonObject("session").keySet());
        assertThat(javaValue.getJsonObject("user")).isEqualTo(nodeValue.getJsonObject("user"));
        assertThat(redis.ttl(j.token())).isBetween(604_790L, 604_800L);
        assertThat(redis.ttl(n.token())).isBetween(604_790L, 604_800L);
        assertThat(sessionRows(userId)).as("session rows (" + mode + ")").isEqualTo(rows ? 2 : 0);

        // both list both sessions (Better Auth's active-sessions-<userId> list, written by each)
        assertThat(listedTokens(java, j)).containsExactlyInAnyOrder(n.token(), j.token());
        assertThat(listedTokens(node, n)).containsExactlyInAnyOrder(n.token(), j.token());

        // a revocation on either is seen by the other
        expect(200, java.postJson("/api/auth/revoke-session", "{\"token\":\"" + n.token() + "\"}", j.cookies()));
        assertThat(redis.get(n.token())).isNull();
        assertNoSession(node, n);
        Device n2 = Device.of(expect(200, signIn(node, email, PASSWORD)));
        expect(200, node.postJson("/api/auth/revoke-session", "{\"token\":\"" + j.token() + "\"}", n2.cookies()));
        assertNoSession(java, j);
        assertThat(listedTokens(java, Device.of(expect(200, signIn(java, email, PASSWORD)))))
                .contains(n2.token()).doesNotContain(n.token(), j.token());

        // revoke-sessions on Better Auth (the revoked-sessions-before marker) ends our server's sessions too
        Device j2 = Device.of(expect(200, signIn(java, email, PASSWORD)));
        expect(200, node.postJson("/api/auth/revoke-sessions", "{}", n2.cookies()));
        assertThat(redis.get("revoked-sessions-before-" + userId)).isNotNull();
        assertNoSession(java, j2);
        assertNoSession(node, j2);
        // and the other way round
        Device n3 = Device.of(expect(200, signIn(node, email, PASSWORD)));
        Device j3 = Device.of(expect(200, signIn(java, email, PASSWORD)));
        expect(200, java.postJson("/api/auth/revoke-sessions", "{}", j3.cookies()));
        assertNoSession(node, n3);
        assertNoSession(java, n3);
    }

    // -------------------------------------------------------------------------------------------------------------
    // __Secure- cookies

    @Test
    void secureCookies_sameNamesAndAttributes_acceptedAndClearedBothWays() throws Exception {
        Http node = nodeServer("secure");
        Http java = javaServer("secure");
        String email = email("secure");
        expect(200, signUp(node, email));
        HttpResponse<String> onNode = expect(200, signIn(node, email, PASSWORD, false));
        HttpResponse<String> onJava = expect(200, signIn(java, email, PASSWORD, false));
        assertThat(cookieAttributes(onJava)).as("Set-Cookie of a rememberMe:false sign-in with secure cookies")
                .isEqualTo(cookieAttributes(onNode))
                .anyMatch(l -> l.startsWith("__Secure-better-auth.session_token=…;") && l.contains("; Secure"))
                .anyMatch(l -> l.startsWith("__Secure-better-auth.dont_remember=…;"))
                .anyMatch(l -> l.startsWith("__Secure-better-auth.session_data=…;"))
                .noneMatch(l -> l.startsWith("better-auth."));
        Map<HttpResponse<String>, String> cookies = new LinkedHashMap<>();
        for (HttpResponse<String> signIn : List.of(onNode, onJava)) {
            String jar = Http.setCookies(signIn).stream().map(l -> l.split(";", 2)[0]).collect(Collectors.joining("; "));
            cookies.put(signIn, jar);
            String token = json(signIn).getString("token");
            for (Http server : List.of(node, java)) {
                for (String query : List.of("", "?disableCookieCache=true")) {
                    assertThat(json(expect(200, server.get("/api/auth/get-session" + query, jar)))
                            .getJsonObject("session").getString("token")).isEqualTo(token);
                }
            }
        }
        // each signs out the other's device, with the same __Secure- deletions
        HttpResponse<String> outOnJava = expect(200, java.postJson("/api/auth/sign-out", "{}", cookies.get(onNode)));
        HttpResponse<String> outOnNode = expect(200, node.postJson("/api/auth/sign-out", "{}", cookies.get(onJava)));
        assertThat(Http.setCookies(outOnJava)).as("sign-out's Set-Cookie lines, line for line")
                .isEqualTo(Http.setCookies(outOnNode))
                .anyMatch(l -> l.startsWith("__Secure-better-auth.session_token=; Max-Age=0;") && l.contains("; Secure"));
        for (Http server : List.of(node, java)) {
            for (String jar : cookies.values()) {
                assertThat(expect(200, server.get("/api/auth/get-session?disableCookieCache=true", jar)).body())
                        .isEqualTo("null");
            }
        }
    }

    // -------------------------------------------------------------------------------------------------------------
    // delete-user

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"off", "kvdb"})
    void deleteUser_onEither_removesTheUserAndEverySessionOnBoth(String config) throws Exception {
        Http node = nodeServer(config);
        Http java = javaServer(config);
        HttpResponse<String> fromJava = null;
        HttpResponse<String> fromNode = null;
        for (boolean onJava : new boolean[] {true, false}) {
            Http deleter = onJava ? java : node;
            Http other = onJava ? node : java;
            String email = email(config + "-delete-on-" + (onJava ? "java" : "node"));
            Device elsewhere = Device.of(expect(200, signUp(other, email)));
            Device caller = Device.of(expect(200, signIn(deleter, email, PASSWORD)));
            String userId = json(expect(200, other.get("/api/auth/get-session?disableCookieCache=true",
                    elsewhere.tokenOnly()))).getJsonObject("user").getString("id");
            // with the password from one, without it (fresh session) from the other
            HttpResponse<String> deleted = expect(200, deleter.postJson("/api/auth/delete-user",
                    onJava ? "{\"password\":\"" + PASSWORD + "\"}" : "{}", caller.cookies()));
            assertThat(deleted.body()).isEqualTo("{\"success\":true,\"message\":\"User deleted\"}");
            for (Http server : List.of(node, java)) {
                assertNoSession(server, elsewhere);
                assertNoSession(server, caller);
                assertThat(json(expect(401, signIn(server, email, PASSWORD))).getString("code"))
                        .isEqualTo("INVALID_EMAIL_OR_PASSWORD");
            }
            assertThat(sessionRows(userId)).isZero();
            assertThat(credentialRows(userId)).as("the account rows went with the user").isEmpty();
            if (config.equals("kvdb")) {
                assertThat(redis.get(elsewhere.token())).isNull();
                assertThat(redis.get(caller.token())).isNull();
            }
            if (onJava) {
                fromJava = deleted;
            } else {
                fromNode = deleted;
            }
        }
        assertThat(Http.setCookies(fromJava)).as("delete-user's Set-Cookie lines on both, line for line")
                .containsExactlyElementsOf(Http.setCookies(fromNode));

        // off (the compact WARs and Node instance): both answer 404 with an empty body
        Device d = Device.of(expect(200, signUp(nodeServer("compact"), email(config + "-delete-off"))));
        HttpResponse<String> offOnNode = expect(404, nodeServer("compact").postJson("/api/auth/delete-user", "{}",
                d.cookies()));
        HttpResponse<String> offOnJava = expect(404, javaServer("compact").postJson("/api/auth/delete-user", "{}",
                d.cookies()));
        assertThat(offOnJava.body()).isEqualTo(offOnNode.body()).isEmpty();
        assertThat(expect(200, javaServer("compact").get("/api/auth/get-session?disableCookieCache=true",
                d.tokenOnly())).body()).isNotEqualTo("null");
    }

    // -------------------------------------------------------------------------------------------------------------
    // Issue 5: two instances of the same application

    @Test
    void twoPayaraInstances_onTheSameDatabaseAndRedis_behaveAsOne() throws Exception {
        Http a = java(serverA, "/kvdb");
        Http b = java(serverB, "/kvdb");
        String email = email("two-instances");

        Device s = Device.of(expect(200, signUp(a, email)));
        assertThat(s.cacheCookies()).isNotEmpty();
        String onA = expect(200, a.get("/api/auth/get-session?disableCookieCache=true", s.tokenOnly())).body();
        assertThat(expect(200, b.get("/api/auth/get-session?disableCookieCache=true", s.tokenOnly())).body())
                .as("a session created on A works on B").isEqualTo(onA);
        HttpResponse<String> cachedOnB = expect(200, b.get("/api/auth/get-session", s.cookies()));
        assertThat(json(cachedOnB).getJsonObject("session").getString("token")).isEqualTo(s.token());
        assertThat(Http.setCookies(cachedOnB)).as("A's cache accepted by B").isEmpty();

        Device t = Device.of(expect(200, signIn(b, email, PASSWORD)));
        assertThat(json(expect(200, a.get("/api/auth/get-session?disableCookieCache=true", t.tokenOnly())))
                .getJsonObject("session").getString("token")).as("a session created on B works on A").isEqualTo(t.token());
        assertThat(listedTokens(b, t)).containsExactlyInAnyOrder(s.token(), t.token());
        assertThat(listedTokens(a, s)).containsExactlyInAnyOrder(s.token(), t.token());
        String userId = json(onA).getJsonObject("user").getString("id");
        assertThat(sessionRows(userId)).isEqualTo(2);

        // revoked on A: rejected on B at the next request that does not use the cookie cache
        assertThat(expect(200, a.postJson("/api/auth/revoke-session", "{\"token\":\"" + s.token() + "\"}",
                t.cookies())).body()).isEqualTo("{\"status\":true}");
        assertThat(expect(200, b.get("/api/auth/get-session", s.tokenOnly())).body()).isEqualTo("null");
        assertThat(expect(200, b.get("/api/auth/get-session?disableCookieCache=true", s.cookies())).body())
                .isEqualTo("null");
        assertThat(expect(200, b.get("/api/auth/get-session", s.cookies())).body())
                .as("the cookie cache still answers until it expires (the documented revocation window)")
                .isNotEqualTo("null");
        assertThat(json(expect(401, b.postJson("/api/auth/revoke-other-sessions", "{}", s.cookies())))
                .getString("code")).as("sensitive endpoints always read the store").isEqualTo("UNAUTHORIZED");
        assertThat(redis.get(s.token())).isNull();
        assertThat(sessionRows(userId)).isEqualTo(1);

        // revoke-sessions on B: A rejects its sessions too
        Device u = Device.of(expect(200, signIn(a, email, PASSWORD)));
        expect(200, b.postJson("/api/auth/revoke-sessions", "{}", t.cookies()));
        assertThat(expect(200, a.get("/api/auth/get-session?disableCookieCache=true", u.tokenOnly())).body())
                .isEqualTo("null");
        assertThat(sessionRows(userId)).isZero();
    }

    // -------------------------------------------------------------------------------------------------------------
    // HTTP helpers

    /** A signed-in client: its raw token and the cookies the server set. */
    record Device(String token, Map<String, String> cookieMap) {

        static Device of(HttpResponse<String> signIn) {
            Map<String, String> cookies = new LinkedHashMap<>();
            for (String line : Http.setCookies(signIn)) {
                String pair = line.split(";", 2)[0];
                int eq = pair.indexOf('=');
                String value = pair.substring(eq + 1);
                if (!value.isEmpty() && !line.contains("Max-Age=0")) {
                    cookies.put(pair.substring(0, eq), value);
                }
            }
            String token = json(signIn).getString("token");
            assertThat(cookies).as("Set-Cookie of the sign-in").containsKey("better-auth.session_token");
            assertThat(cookies.get("better-auth.session_token")).startsWith(token + ".");
            return new Device(token, cookies);
        }

        String cookies() {
            return cookieMap.entrySet().stream().map(e -> e.getKey() + "=" + e.getValue())
                    .collect(Collectors.joining("; "));
        }

        String tokenOnly() {
            return "better-auth.session_token=" + cookieMap.get("better-auth.session_token");
        }

        List<String> cacheCookies() {
            return cookieMap.keySet().stream().filter(k -> k.startsWith("better-auth.session_data")).toList();
        }
    }

    static String email(String tag) {
        return tag + "-" + System.nanoTime() + "@example.com";
    }

    static HttpResponse<String> signUp(Http server, String email) throws Exception {
        return server.postJson("/api/auth/sign-up/email",
                "{\"name\":\"Interop " + email.substring(0, email.indexOf('-')) + "\",\"email\":\"" + email
                        + "\",\"password\":\"" + PASSWORD + "\"}", null);
    }

    static HttpResponse<String> signIn(Http server, String email, String password) throws Exception {
        return server.postJson("/api/auth/sign-in/email",
                "{\"email\":\"" + email + "\",\"password\":\"" + password + "\"}", null);
    }

    static HttpResponse<String> signIn(Http server, String email, String password, boolean rememberMe)
            throws Exception {
        return server.postJson("/api/auth/sign-in/email", "{\"email\":\"" + email + "\",\"password\":\""
                + password + "\",\"rememberMe\":" + rememberMe + "}", null);
    }

    static HttpResponse<String> expect(int status, HttpResponse<String> r) {
        assertThat(r.statusCode()).as(r.request().method() + " " + r.request().uri() + " answered " + r.body())
                .isEqualTo(status);
        return r;
    }

    /** get-session reading the store, with and without the cache cookie: no session. */
    static void assertNoSession(Http server, Device d) throws Exception {
        assertThat(expect(200, server.get("/api/auth/get-session?disableCookieCache=true", d.cookies())).body())
                .isEqualTo("null");
        assertThat(expect(200, server.get("/api/auth/get-session", d.tokenOnly())).body()).isEqualTo("null");
    }

    static Set<String> listedTokens(Http server, Device d) throws Exception {
        JsonArray list = Json.createReader(new StringReader(
                expect(200, server.get("/api/auth/list-sessions", d.cookies())).body())).readArray();
        return list.getValuesAs(JsonObject.class).stream().map(o -> o.getString("token")).collect(Collectors.toSet());
    }

    /**
     * The same JSON: every member and value equal, in any member order. Better Auth's own member order depends on
     * where it read the session (the table's column order from the database, the order its createSession built the
     * value in from secondary-storage-only Redis, zod's schema order from a cookie cache), so answers read from the
     * database are compared byte for byte above and the others as JSON, as BetterAuthSecondaryStorageVectorTest does.
     */
    static void assertSameJson(String actual, String expected, String what) {
        assertThat(json(actual)).as(what + "\nactual:   " + actual + "\nexpected: " + expected)
                .isEqualTo(json(expected));
    }

    /** Each Set-Cookie line without its value: {@code name; attributes}. */
    static List<String> cookieAttributes(HttpResponse<?> r) {
        return Http.setCookies(r).stream().map(l -> l.replaceFirst("=[^;]*", "=…")).toList();
    }

    /** list-sessions as a set of JSON objects (each server lists in its own order). */
    static Set<JsonObject> listed(Http server, Device d) throws Exception {
        return Set.copyOf(Json.createReader(new StringReader(
                expect(200, server.get("/api/auth/list-sessions", d.cookies())).body())).readArray()
                .getValuesAs(JsonObject.class));
    }

    static JsonObject json(HttpResponse<String> r) {
        return json(r.body());
    }

    static JsonObject json(String body) {
        JsonValue v = Json.createReader(new StringReader(body)).readValue();
        assertThat(v.getValueType()).as(body).isEqualTo(JsonValue.ValueType.OBJECT);
        return v.asJsonObject();
    }

    // -------------------------------------------------------------------------------------------------------------
    // PostgreSQL

    /**
     * A PostgreSQL session-level advisory lock held for the whole class: a concurrent run waits (at most
     * {@link #RUN_LOCK_TIMEOUT}) instead of dropping this run's database and flushing its Redis. PostgreSQL releases
     * it when the connection closes, also when this JVM dies.
     */
    static Connection acquireRunLock() throws SQLException, InterruptedException {
        Connection c = DriverManager.getConnection(PG_ADMIN_URL);
        long deadline = System.nanoTime() + RUN_LOCK_TIMEOUT.toNanos();
        try (PreparedStatement ps = c.prepareStatement("select pg_try_advisory_lock(?)")) {
            ps.setLong(1, RUN_LOCK);
            while (true) {
                try (ResultSet rs = ps.executeQuery()) {
                    rs.next();
                    if (rs.getBoolean(1)) {
                        return c;
                    }
                }
                if (System.nanoTime() > deadline) {
                    c.close();
                    throw new IllegalStateException("Another NodeServerInteropIT run held the lock on " + DATABASE
                            + " for " + RUN_LOCK_TIMEOUT.toMinutes() + " minutes");
                }
                Thread.sleep(1000);
            }
        } catch (SQLException | RuntimeException | InterruptedException e) {
            c.close();
            throw e;
        }
    }

    static void recreateDatabase() throws SQLException {
        try (Connection c = DriverManager.getConnection(PG_ADMIN_URL); Statement st = c.createStatement()) {
            st.execute("drop database if exists " + DATABASE + " with (force)");
            st.execute("create database " + DATABASE);
        }
    }

    /** Columns (name, type, nullability, default) and indexes of the public schema, sorted. */
    static List<String> schema() throws SQLException {
        List<String> lines = new ArrayList<>();
        try (Connection c = DriverManager.getConnection(PG_URL); Statement st = c.createStatement()) {
            try (ResultSet rs = st.executeQuery("select table_name, column_name, data_type, is_nullable, "
                    + "coalesce(column_default, '') from information_schema.columns where table_schema = 'public' "
                    + "order by 1, 2")) {
                while (rs.next()) {
                    lines.add(rs.getString(1) + "." + rs.getString(2) + " " + rs.getString(3) + " null="
                            + rs.getString(4) + " default=" + rs.getString(5));
                }
            }
            try (ResultSet rs = st.executeQuery(
                    "select indexdef from pg_indexes where schemaname = 'public' order by indexname")) {
                while (rs.next()) {
                    lines.add(rs.getString(1));
                }
            }
        }
        return lines;
    }

    static int sessionRows(String userId) throws SQLException {
        try (Connection c = DriverManager.getConnection(PG_URL);
             PreparedStatement ps = c.prepareStatement("select count(*) from \"session\" where \"userId\" = ?")) {
            ps.setString(1, userId);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getInt(1);
            }
        }
    }

    /** The user's accounts, described: provider, whether accountId is the user id, the password's shape. */
    static List<String> credentialRows(String userId) throws SQLException {
        List<String> rows = new ArrayList<>();
        try (Connection c = DriverManager.getConnection(PG_URL);
             PreparedStatement ps = c.prepareStatement("select \"providerId\", \"accountId\" = \"userId\", "
                     + "\"password\" ~ '^[0-9a-f]{32}:[0-9a-f]{128}$' from \"account\" where \"userId\" = ?")) {
            ps.setString(1, userId);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    rows.add(rs.getString(1) + "|" + (rs.getBoolean(2) ? "accountId=userId" : "accountId?")
                            + "|" + (rs.getBoolean(3) ? "scrypt" : "other"));
                }
            }
        }
        return rows;
    }

    // -------------------------------------------------------------------------------------------------------------
    // Node

    static void runNode(String name, List<String> args, Duration timeout, String expected) throws Exception {
        Path out = NODE_LOGS.resolve(name + ".out.txt");
        Path err = NODE_LOGS.resolve(name + ".err.txt");
        List<String> cmd = new ArrayList<>(List.of(System.getProperty("node.executable", "node"), "node-server.mjs"));
        cmd.addAll(args);
        ProcessBuilder pb = new ProcessBuilder(cmd).directory(NODE_DIR.toFile())
                .redirectOutput(out.toFile()).redirectError(err.toFile());
        NodeServer.environment(pb);
        Process p = pb.start();
        try {
            p.getOutputStream().close();
            boolean done = p.waitFor(timeout.toSeconds(), TimeUnit.SECONDS);
            String output = "\n--- stdout ---\n" + read(out) + "--- stderr ---\n" + read(err);
            assertThat(done).as("node node-server.mjs " + name + " finished in time" + output).isTrue();
            assertThat(p.exitValue()).as("exit code of node node-server.mjs " + name + output).isZero();
            assertThat(read(out)).as(output).contains(expected);
        } finally {
            p.destroyForcibly();
        }
    }

    static String read(Path p) {
        try {
            return Files.exists(p) ? Files.readString(p, StandardCharsets.UTF_8) : "";
        } catch (IOException e) {
            return "(" + e + ")";
        }
    }

    /** {@code node node-server.mjs serve …}: one Better Auth per configuration, each on its own loopback port. */
    static final class NodeServer implements AutoCloseable {

        private final Process process;
        private final Path out;
        private final Path err;
        private Map<String, Integer> ports = Map.of();

        private NodeServer(Process process, Path out, Path err) {
            this.process = process;
            this.out = out;
            this.err = err;
        }

        static void environment(ProcessBuilder pb) {
            pb.environment().keySet().removeIf(k -> k.startsWith("BETTER_AUTH_") || k.equals("AUTH_SECRET"));
            pb.environment().put("BETTER_AUTH_SECRET", Deployments.SECRET);
            pb.environment().put("BETTER_AUTH_TELEMETRY", "0");
            pb.environment().put("NODE_SERVER_MAX_SECONDS", "900");
            pb.environment().remove("NODE_ENV");
            pb.environment().put("NO_COLOR", "1");
        }

        static NodeServer start(String instancesJson) throws IOException {
            Path out = NODE_LOGS.resolve("serve.out.txt");
            Path err = NODE_LOGS.resolve("serve.err.txt");
            ProcessBuilder pb = new ProcessBuilder(System.getProperty("node.executable", "node"), "node-server.mjs",
                    "serve", PG_NODE_URL, REDIS_URL, instancesJson.replaceAll("\\s+", ""))
                    .directory(NODE_DIR.toFile())
                    .redirectOutput(out.toFile()).redirectError(err.toFile())
                    .redirectInput(ProcessBuilder.Redirect.PIPE);
            environment(pb);
            return new NodeServer(pb.start(), out, err);
        }

        void awaitReady(Duration timeout) throws InterruptedException {
            long deadline = System.nanoTime() + timeout.toNanos();
            while (true) {
                String line = read(out).lines().filter(l -> l.startsWith("READY ")).findFirst().orElse(null);
                if (line != null) {
                    JsonObject o = json(line.substring("READY ".length()));
                    Map<String, Integer> p = new HashMap<>();
                    o.forEach((k, v) -> p.put(k, Integer.parseInt(v.toString())));
                    ports = p;
                    return;
                }
                if (!process.isAlive() || System.nanoTime() > deadline) {
                    throw new IllegalStateException("node node-server.mjs serve did not become ready"
                            + (process.isAlive() ? " in " + timeout : " (exit " + process.exitValue() + ")")
                            + "\n--- stdout ---\n" + read(out) + "--- stderr ---\n" + read(err));
                }
                Thread.sleep(200);
            }
        }

        int port(String name) {
            Integer p = ports.get(name);
            if (p == null) {
                throw new IllegalArgumentException("No Node instance " + name + " in " + ports);
            }
            return p;
        }

        @Override
        public void close() throws Exception {
            try {
                process.getOutputStream().close(); // the script stops when its standard input closes
            } catch (IOException e) {
                // already closed
            }
            if (!process.waitFor(5, TimeUnit.SECONDS)) {
                process.destroy();
                if (!process.waitFor(5, TimeUnit.SECONDS)) {
                    process.destroyForcibly();
                    process.waitFor(5, TimeUnit.SECONDS);
                }
            }
        }

        @Override
        public String toString() {
            return "node-server.mjs " + ports;
        }
    }
}
