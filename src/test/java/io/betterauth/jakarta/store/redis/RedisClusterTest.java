package io.betterauth.jakarta.store.redis;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import io.betterauth.jakarta.api.Account;
import io.betterauth.jakarta.api.Session;
import io.betterauth.jakarta.api.User;
import io.betterauth.jakarta.core.session.IdGenerator;
import io.betterauth.jakarta.spi.StoreUnavailableException;
import io.betterauth.jakarta.store.memory.InMemoryUserStore;
import io.betterauth.jakarta.store.secondary.RecordingSecondaryStorage;
import io.betterauth.jakarta.store.secondary.SecondaryStorageSessionStore;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import redis.clients.jedis.ClusterCommandObjects;
import redis.clients.jedis.HostAndPort;
import redis.clients.jedis.RedisClient;
import redis.clients.jedis.RedisClusterClient;
import redis.clients.jedis.RedisProtocol;
import redis.clients.jedis.UnifiedJedis;
import redis.clients.jedis.util.JedisClusterCRC16;

/**
 * {@link RedisSecondaryStorage} on the three-master Redis Cluster on loopback ({@link RedisTopologies}): a session's
 * key and its user's {@code active-sessions-<userId>} list on different slots (and nodes), revoked one by one and
 * all together; the scripts sent to the node that owns their key; and a Cluster that is down. Only the keys this
 * test wrote are deleted afterwards. Fails under CI when the Cluster is not running.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class RedisClusterTest {

    static final Duration WEEK = Duration.ofDays(7);
    static final Duration BOUND = Duration.ofSeconds(5);

    final IdGenerator ids = new IdGenerator();
    final InMemoryUserStore users = new InMemoryUserStore();
    final Set<String> keysSetDirectly = new LinkedHashSet<>();
    RedisClusterClient plain;
    RedisSecondaryStorage redis;
    RecordingSecondaryStorage recording;
    SecondaryStorageSessionStore store;

    @BeforeAll
    void connect() {
        RedisTopologies.requireCluster();
        plain = (RedisClusterClient) RedisTopologies.plainClient(RedisTopologies.CLUSTER_URL);
        redis = new RedisSecondaryStorage(RedisTopologies.CLUSTER_URL);
        recording = new RecordingSecondaryStorage(redis);
        store = new SecondaryStorageSessionStore(recording, users, Clock.systemUTC());
    }

    @AfterAll
    void cleanUp() {
        try {
            if (plain != null && recording != null) {
                Set<String> keys = new LinkedHashSet<>(recording.everWritten());
                keys.addAll(keysSetDirectly);
                keys.forEach(plain::del); // one by one: a multi-key DEL across slots is refused
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
        User u = new User(ids.generate(), "Cluster User", ids.generate(8).toLowerCase() + "@example.com", false, null,
                now, now);
        users.create(u, new Account(ids.generate(), u.id(), Account.CREDENTIAL_PROVIDER, u.id(), "00:11", now, now));
        return u;
    }

    HostAndPort owner(String key) {
        try (var connection = plain.getConnectionFromSlot(JedisClusterCRC16.getSlot(key))) {
            return connection.getHostAndPort();
        }
    }

    /** A session of {@code u} whose token lives on another node than the user's list. */
    Session sessionOnAnotherNode(User u) {
        HostAndPort listNode = owner("active-sessions-" + u.id());
        for (int i = 0; i < 1000; i++) {
            Instant now = Instant.now().truncatedTo(ChronoUnit.MILLIS);
            Session s = new Session(ids.generate(), ids.generate(), u.id(), now.plus(WEEK), now, now, "203.0.113.7",
                    "cluster-agent");
            if (!owner(s.token()).equals(listNode)) {
                return s;
            }
        }
        throw new AssertionError("1000 tokens all on the node of the list: is this a Cluster of one node?");
    }

    @Test
    void aSessionAndItsUsersList_onDifferentNodes_areCreatedFoundAndRevoked() {
        User u = newUser();
        String list = "active-sessions-" + u.id();
        Session s = sessionOnAnotherNode(u);
        assertThat(JedisClusterCRC16.getSlot(s.token())).isNotEqualTo(JedisClusterCRC16.getSlot(list));

        store.create(s);
        assertThat(plain.exists(s.token())).isTrue();
        assertThat(plain.get(list)).contains(s.token());
        assertThat(store.findByToken(s.token())).contains(s);
        assertThat(store.listByUser(u.id())).containsExactly(s);

        store.delete(s.token()); // revoke-session
        assertThat(store.findByToken(s.token())).isEmpty();
        assertThat(plain.exists(s.token())).isFalse();
        assertThat(plain.exists(list)).as("the list of a user without sessions is deleted").isFalse();
    }

    @Test
    void revokingEveryOtherSession_andThenAll_worksAcrossNodes() {
        User u = newUser();
        Session kept = sessionOnAnotherNode(u);
        Session other = sessionOnAnotherNode(u);
        store.create(kept);
        store.create(other);
        assertThat(store.listByUser(u.id())).containsExactlyInAnyOrder(kept, other);

        store.delete(other.token()); // revoke-other-sessions, as the core does it: one by one
        assertThat(store.listByUser(u.id())).containsExactly(kept);
        assertThat(store.findByToken(other.token())).isEmpty();

        store.deleteByUser(u.id()); // revoke-sessions
        assertThat(store.findByToken(kept.token())).isEmpty();
        assertThat(store.listByUser(u.id())).isEmpty();
        assertThat(plain.exists("revoked-sessions-before-" + u.id())).isTrue();
    }

    @Test
    void eachScript_goesToTheNodeThatOwnsItsKey() {
        // Jedis routes EVAL by its declared keys: the slot it computes for the command is the key's slot...
        String key = "rate-limit-" + ids.generate();
        ClusterCommandObjects commands = new ClusterCommandObjects(RedisProtocol.RESP2);
        assertThat(commands.eval("return 1", List.of(key), List.of("1")).getArguments().getKeyHashSlots())
                .containsExactly(JedisClusterCRC16.getSlot(key));
        // ...and on every node the scripts land where the key lives: read back on that node alone.
        Set<HostAndPort> nodes = new LinkedHashSet<>();
        for (int i = 0; nodes.size() < 3 && i < 1000; i++) {
            String k = "cluster-script-" + ids.generate();
            HostAndPort node = owner(k);
            if (nodes.add(node)) {
                keysSetDirectly.add(k);
                assertThat(redis.increment(k, Duration.ofSeconds(60))).isEqualTo(1);
                assertThat(redis.compareAndSet(k, "1", "\"v\"", Duration.ofSeconds(60))).isTrue();
                try (UnifiedJedis direct = RedisClient.create(node)) {
                    assertThat(direct.get(k)).isEqualTo("\"v\"");
                }
                assertThat(redis.compareAndDelete(k, "\"v\"")).isTrue();
                assertThat(redis.getAndDelete(k)).isEmpty();
            }
        }
        assertThat(nodes).hasSize(3);
    }

    @Test
    void theHealthProbe_answersOnACluster() {
        redis.probe(Duration.ofSeconds(2)); // PING, keyless: Jedis picks a node
    }

    @Test
    void aClusterThatIsDown_doesNotStopTheStart_andEachCallFailsWithinTheBound() throws Exception {
        int a = closedPort();
        int b = closedPort();
        // Built lazily: a Cluster client reads the slot map while being built, which would fail here.
        try (RedisSecondaryStorage down = new RedisSecondaryStorage(
                "redis-cluster://127.0.0.1:" + a + ",127.0.0.1:" + b, Duration.ofSeconds(1))) {
            assertTimeoutPreemptively(BOUND, () -> {
                assertThatThrownBy(() -> down.get("k")).isInstanceOf(StoreUnavailableException.class);
                assertThatThrownBy(() -> down.set("k", "v", Duration.ofSeconds(1)))
                        .isInstanceOf(StoreUnavailableException.class);
                assertThatThrownBy(() -> down.increment("k", Duration.ofSeconds(1)))
                        .isInstanceOf(StoreUnavailableException.class);
                assertThatThrownBy(() -> down.probe(Duration.ofSeconds(1)))
                        .isInstanceOf(StoreUnavailableException.class);
            });
        }
    }

    static int closedPort() throws Exception {
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return s.getLocalPort();
        }
    }
}
