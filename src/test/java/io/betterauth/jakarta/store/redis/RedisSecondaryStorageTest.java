package io.betterauth.jakarta.store.redis;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import io.betterauth.jakarta.api.Account;
import io.betterauth.jakarta.core.session.IdGenerator;
import io.betterauth.jakarta.core.js.JsJson;
import io.betterauth.jakarta.api.Session;
import io.betterauth.jakarta.api.SessionAndUser;
import io.betterauth.jakarta.api.User;
import io.betterauth.jakarta.spi.StoreUnavailableException;
import io.betterauth.jakarta.store.memory.InMemoryUserStore;
import io.betterauth.jakarta.store.secondary.RecordingSecondaryStorage;
import io.betterauth.jakarta.store.secondary.SecondaryStorageSessionStore;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import java.io.InputStream;
import java.io.StringReader;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import redis.clients.jedis.RedisClient;
import redis.clients.jedis.UnifiedJedis;
import redis.clients.jedis.params.SetParams;

/**
 * Better Auth's key layout in the real Redis on 127.0.0.1:6379, logical database 15 ({@code -Dtest.redis.url}),
 * checked with a plain Jedis client; and {@link RedisSecondaryStorage} when Redis is down, hung, or back. Only the
 * keys this test wrote are deleted afterwards. A Redis that cannot be reached fails the run: this test never skips.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class RedisSecondaryStorageTest {

    static final String URL = System.getProperty("test.redis.url", "redis://127.0.0.1:6379/15");
    static final Duration WEEK = Duration.ofDays(7);
    static final Duration BOUND = Duration.ofSeconds(5);

    final IdGenerator ids = new IdGenerator();
    final InMemoryUserStore users = new InMemoryUserStore();
    final Set<String> keysSetDirectly = new LinkedHashSet<>();
    UnifiedJedis plain;
    RedisSecondaryStorage redis;
    RecordingSecondaryStorage recording;
    SecondaryStorageSessionStore store;

    @BeforeAll
    void connect() {
        plain = RedisClient.create(URI.create(URL));
        assertThat(plain.ping()).isEqualTo("PONG");
        redis = new RedisSecondaryStorage(URL);
        recording = new RecordingSecondaryStorage(redis);
        store = new SecondaryStorageSessionStore(recording, users, Clock.systemUTC());
    }

    @AfterAll
    void cleanUp() {
        try {
            if (plain != null && recording != null) {
                Set<String> keys = new LinkedHashSet<>(recording.everWritten());
                keys.addAll(keysSetDirectly);
                if (!keys.isEmpty()) {
                    plain.del(keys.toArray(String[]::new));
                }
            }
        } finally {
            if (redis != null) {
                redis.close();
            }
            if (plain != null) {
                plain.close();
            }
        }
    }

    User newUser() {
        Instant now = Instant.now().truncatedTo(ChronoUnit.MILLIS);
        User u = new User(ids.generate(), "Test User", ids.generate(8).toLowerCase() + "@example.com", false, null,
                now, now);
        users.create(u, new Account(ids.generate(), u.id(), Account.CREDENTIAL_PROVIDER, u.id(), "00:11", now, now));
        return u;
    }

    Session session(User u, Duration lifetime) {
        Instant now = Instant.now().truncatedTo(ChronoUnit.MILLIS);
        return new Session(ids.generate(), ids.generate(), u.id(), now.plus(lifetime), now, now, "203.0.113.7",
                "Mozilla/5.0 \u00e9");
    }

    Session created(User u, Duration lifetime) {
        Session s = session(u, lifetime);
        store.create(s);
        return s;
    }

    void setDirectly(String key, String value) {
        keysSetDirectly.add(key);
        plain.set(key, value, SetParams.setParams().ex(120));
    }

    static String active(User u) {
        return "active-sessions-" + u.id();
    }

    static String revoked(User u) {
        return "revoked-sessions-before-" + u.id();
    }

    static String value(Session s, User u) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("session", s.toJson());
        m.put("user", u.toJson());
        return JsJson.stringify(m);
    }

    static String entry(Session s) {
        return "{\"token\":\"" + s.token() + "\",\"expiresAt\":" + s.expiresAt().toEpochMilli() + "}";
    }

    // ---------------------------------------------------------------------------------------------------------
    // Key layout

    @Test
    void afterCreate_exactlyTheTokenKeyAndTheListExist_withBetterAuthsValuesAndTtls() {
        User u = newUser();
        Session s = session(u, WEEK);
        recording.clear();
        store.create(s);
        assertThat(recording.keysSet()).containsExactly(active(u), s.token());
        assertThat(plain.get(s.token())).isEqualTo(value(s, u));
        assertThat(plain.get(active(u))).isEqualTo("[" + entry(s) + "]");
        assertThat(plain.ttl(s.token())).isBetween(604790L, 604800L);
        assertThat(plain.ttl(active(u))).isBetween(604790L, 604800L);
        assertThat(plain.exists(revoked(u))).isFalse();
        assertThat(store.findWithUser(s.token(), users)).contains(new SessionAndUser(s, u));
    }

    @Test
    void delete_prunesTheList_andDeletesItWhenEmpty() { // T-35
        User u = newUser();
        Session week = created(u, WEEK);
        Session day = created(u, Duration.ofDays(1));
        assertThat(plain.get(active(u))).isEqualTo("[" + entry(day) + "," + entry(week) + "]");
        assertThat(plain.ttl(active(u))).isBetween(604790L, 604800L);
        assertThat(plain.ttl(day.token())).isBetween(86390L, 86400L);

        store.delete(day.token());
        assertThat(plain.exists(day.token())).isFalse();
        assertThat(plain.get(active(u))).isEqualTo("[" + entry(week) + "]");

        store.delete(week.token());
        assertThat(plain.exists(week.token())).isFalse();
        assertThat(plain.exists(active(u))).isFalse();
    }

    @Test
    void deleteByUser_writesRevokedSessionsBefore_withItsTtl_andDeletesTheTokensAndTheList() {
        User u = newUser();
        Session a = created(u, WEEK);
        Session b = created(u, Duration.ofDays(1));
        long before = System.currentTimeMillis();
        store.deleteByUser(u.id());
        long after = System.currentTimeMillis();
        assertThat(Long.parseLong(plain.get(revoked(u)))).isBetween(before, after);
        assertThat(plain.ttl(revoked(u))).isBetween(604790L, 604800L);
        assertThat(plain.exists(a.token())).isFalse();
        assertThat(plain.exists(b.token())).isFalse();
        assertThat(plain.exists(active(u))).isFalse();
        assertThat(store.listByUser(u.id())).isEmpty();
    }

    @Test
    void aValueWrittenByBetterAuth_isRead() throws Exception {
        JsonObject signUp;
        try (InputStream in = getClass().getResourceAsStream("/vectors/secondary-storage-better-auth-1.7.25.json");
             JsonReader r = Json.createReader(in)) {
            signUp = r.readObject().getJsonObject("signUp");
        }
        // Spec §5.1's shape exactly as Better Auth 1.7.25 wrote it (secondary storage only: "id" first).
        String token = signUp.getString("token");
        String userId = signUp.getString("userId");
        setDirectly(token, signUp.getString("storedToken"));
        setDirectly("active-sessions-" + userId, signUp.getString("storedList"));
        String sessionId;
        try (JsonReader r = Json.createReader(new StringReader(signUp.getString("storedToken")))) {
            sessionId = r.readObject().getJsonObject("session").getString("id");
        }
        Instant created = Instant.parse("2030-01-01T10:20:30.456Z");
        Session expected = new Session(sessionId, token, userId, Instant.parse("2030-01-08T10:20:30.456Z"), created,
                created, "203.0.113.7", "vector-agent");
        assertThat(signUp.getString("storedToken")).startsWith("{\"session\":{\"id\":\"" + sessionId + "\"");
        assertThat(store.findWithUser(token, users)).contains(new SessionAndUser(expected,
                new User(userId, "Test User", "vector@example.com", false, null, created, created)));
        assertThat(store.listByUser(userId)).containsExactly(expected);
    }

    @Test
    void garbageValues_areNoSession() { // T-37
        User u = newUser();
        Session good = created(u, WEEK);
        for (String garbage : new String[] {"garbage", "{\"session\":{}}", "[]", "{\"session\":"
                + JsJson.stringify(good.toJson()) + ",\"user\":null}"}) {
            String token = ids.generate();
            setDirectly(token, garbage.replace(good.token(), token));
            assertThat(store.findByToken(token)).isEmpty();
            assertThat(store.findWithUser(token, users)).isEmpty();
        }
        setDirectly(active(u), "[" + entry(good) + ",{\"token\":\"" + ids.generate() + "\",\"expiresAt\":"
                + good.expiresAt().toEpochMilli() + "}, 17]");
        assertThat(store.listByUser(u.id())).containsExactly(good);
        setDirectly(active(u), "not a list");
        assertThat(store.listByUser(u.id())).isEmpty();
    }

    @Test
    void aSessionExpiringInHalfASecond_isWrittenWithTtlOne_neverWithoutExpiry_issue10992() {
        User u = newUser();
        Session s = session(u, Duration.ofMillis(500));
        recording.clear();
        store.create(s);
        assertThat(recording.writes()).extracting(RecordingSecondaryStorage.Call::ttl)
                .containsOnly(Duration.ofSeconds(1));
        long pttl = plain.pttl(s.token());
        assertThat(pttl).as("PTTL: -1 would be a key that never expires").isNotEqualTo(-1L).isLessThanOrEqualTo(1000L);
        assertThat(plain.pttl(active(u))).isNotEqualTo(-1L).isLessThanOrEqualTo(1000L);
    }

    @Test
    void aMissingUser_writesNoTokenKey_issue10884() {
        User ghost = new User(ids.generate(), "Ghost", "ghost@example.com", false, null, Instant.now(),
                Instant.now());
        Session s = session(ghost, WEEK);
        assertThatThrownBy(() -> store.create(s)).isInstanceOf(IllegalStateException.class);
        assertThat(plain.exists(s.token())).isFalse();
        assertThat(plain.exists(active(ghost))).isFalse();
    }

    @Test
    void userUpdated_rewritesTheUserOfEverySession_issue2390() {
        User u = newUser();
        Session a = created(u, WEEK);
        Session b = created(u, Duration.ofDays(1));
        User renamed = new User(u.id(), "Renamed", u.email(), true, null, u.createdAt(),
                Instant.now().truncatedTo(ChronoUnit.MILLIS));
        store.userUpdated(renamed);
        assertThat(plain.get(a.token())).isEqualTo(value(a, renamed));
        assertThat(plain.get(b.token())).isEqualTo(value(b, renamed));
        assertThat(plain.ttl(a.token())).isBetween(604790L, 604800L);
        assertThat(plain.ttl(b.token())).isBetween(86390L, 86400L);
    }

    // ---------------------------------------------------------------------------------------------------------
    // Redis unavailable

    static int closedPort() throws Exception {
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return s.getLocalPort();
        }
    }

    @Test
    void aClosedPort_failsWithStoreUnavailable_withinTheBound() throws Exception {
        int port = closedPort();
        try (RedisSecondaryStorage down = new RedisSecondaryStorage("redis://127.0.0.1:" + port + "/15")) {
            SecondaryStorageSessionStore sessions = new SecondaryStorageSessionStore(down, users, Clock.systemUTC());
            assertTimeoutPreemptively(BOUND, () -> {
                assertThatThrownBy(() -> down.get("k")).isInstanceOf(StoreUnavailableException.class);
                assertThatThrownBy(() -> down.set("k", "v", Duration.ofSeconds(1)))
                        .isInstanceOf(StoreUnavailableException.class);
                assertThatThrownBy(() -> down.delete("k")).isInstanceOf(StoreUnavailableException.class);
                assertThatThrownBy(() -> sessions.findByToken("t")).isInstanceOf(StoreUnavailableException.class);
            });
        }
    }

    @Test
    void aRedisThatNeverAnswers_failsWithStoreUnavailable_withinTheBound() throws Exception {
        try (ServerSocket hung = new ServerSocket()) {
            hung.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 50); // accepts, never replies
            try (RedisSecondaryStorage stuck = new RedisSecondaryStorage("redis://127.0.0.1:" + hung.getLocalPort())) {
                assertTimeoutPreemptively(BOUND, () ->
                        assertThatThrownBy(() -> stuck.get("k")).isInstanceOf(StoreUnavailableException.class));
            }
        }
    }

    @Test
    void whenRedisComesBack_theSameInstanceWorksAgain_withoutRestart() throws Exception {
        URI target = URI.create(URL);
        String db = target.getPath() == null || target.getPath().length() <= 1 ? "" : target.getPath();
        String key = "better-auth-jakarta-test-" + ids.generate();
        keysSetDirectly.add(key);
        try (TcpProxy proxy = new TcpProxy(target.getHost(), target.getPort() < 0 ? 6379 : target.getPort())) {
            proxy.start();
            try (RedisSecondaryStorage viaProxy = new RedisSecondaryStorage(
                    "redis://127.0.0.1:" + proxy.port() + db)) {
                viaProxy.set(key, "\"v1\"", Duration.ofSeconds(60));
                assertThat(viaProxy.get(key)).contains("\"v1\"");

                proxy.stop();
                assertTimeoutPreemptively(BOUND, () ->
                        assertThatThrownBy(() -> viaProxy.get(key)).isInstanceOf(StoreUnavailableException.class));

                proxy.start();
                assertThat(viaProxy.get(key)).contains("\"v1\"");

                // Redis restarted between two calls: the pooled connection is dead; the call still succeeds.
                proxy.dropConnections();
                assertThat(viaProxy.get(key)).contains("\"v1\"");
                viaProxy.delete(key);
                assertThat(plain.exists(key)).isFalse();
            }
        }
    }

    @Test
    void aUrlThatIsNotRedis_isRejected_withoutRepeatingItsPassword() {
        assertThatThrownBy(() -> new RedisSecondaryStorage("http://user:s3cret@example.com"))
                .isInstanceOf(IllegalArgumentException.class)
                .satisfies(e -> assertThat(String.valueOf(e.getMessage()) + e.getCause()).doesNotContain("s3cret"));
        assertThatThrownBy(() -> new RedisSecondaryStorage("redis://user:s3cret@ bad host"))
                .isInstanceOf(IllegalArgumentException.class)
                .satisfies(e -> assertThat(String.valueOf(e.getMessage()) + e.getCause()).doesNotContain("s3cret"));
        assertThatThrownBy(() -> new RedisSecondaryStorage(URL, Duration.ZERO))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void aTtlBelowOneSecond_isNeverSentAsZero() {
        assertThat(RedisSecondaryStorage.ttlSeconds(Duration.ofMillis(1))).isEqualTo(1);
        assertThat(RedisSecondaryStorage.ttlSeconds(Duration.ofMillis(1999))).isEqualTo(1);
        assertThat(RedisSecondaryStorage.ttlSeconds(Duration.ofSeconds(604800))).isEqualTo(604800);
        assertThatThrownBy(() -> redis.set("k", "v", Duration.ZERO)).isInstanceOf(IllegalArgumentException.class);
    }
}
