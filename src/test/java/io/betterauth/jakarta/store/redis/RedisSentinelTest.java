package io.betterauth.jakarta.store.redis;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import io.betterauth.jakarta.core.session.IdGenerator;
import io.betterauth.jakarta.spi.StoreUnavailableException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import redis.clients.jedis.HostAndPort;
import redis.clients.jedis.Jedis;
import redis.clients.jedis.exceptions.JedisException;

/**
 * {@link RedisSecondaryStorage} on the master that the loopback Redis Sentinel names ({@link RedisTopologies}):
 * through a failover ({@code SENTINEL FAILOVER}) the same storage instance goes on to the new master and still reads
 * what it wrote before; and a Sentinel that is down. The failover is waited for by polling, each wait bounded (no
 * step is timed). Only the keys this test wrote are deleted afterwards. Fails under CI when the Sentinel setup is
 * not running.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class RedisSentinelTest {

    static final Duration WAIT = Duration.ofSeconds(60);
    static final Duration BOUND = Duration.ofSeconds(5);

    final IdGenerator ids = new IdGenerator();
    final Set<String> keys = new LinkedHashSet<>();
    RedisEndpoint endpoint;
    RedisSecondaryStorage redis;

    @BeforeAll
    void connect() {
        RedisTopologies.requireSentinel();
        endpoint = RedisEndpoint.parse(RedisTopologies.SENTINEL_URL);
        redis = new RedisSecondaryStorage(RedisTopologies.SENTINEL_URL);
    }

    @AfterAll
    void cleanUp() {
        if (redis != null) {
            try {
                keys.forEach(k -> {
                    try {
                        redis.delete(k);
                    } catch (StoreUnavailableException e) {
                        // the keys expire by themselves
                    }
                });
            } finally {
                redis.close();
            }
        }
    }

    String key(String what) {
        String k = what + "-sentinel-test-" + ids.generate();
        keys.add(k);
        return k;
    }

    Jedis sentinel() {
        RedisEndpoint.Node n = endpoint.nodes().get(0);
        return new Jedis(new HostAndPort(n.host(), n.port()));
    }

    HostAndPort master() {
        try (Jedis s = sentinel()) {
            List<String> addr = s.sentinelGetMasterAddrByName(endpoint.masterName());
            return new HostAndPort(addr.get(0), Integer.parseInt(addr.get(1)));
        }
    }

    static void await(String what, BooleanSupplier condition) {
        long deadline = System.nanoTime() + WAIT.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("Not reached within " + WAIT + ": " + what);
            }
            try {
                Thread.sleep(200);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError(e);
            }
        }
    }

    /** The replica the Sentinel could promote, once it is in sync and holds {@code key}. */
    HostAndPort syncedReplicaHolding(String key, String value) {
        HostAndPort[] found = new HostAndPort[1];
        await("a replica in sync that holds the key just written", () -> {
            try (Jedis s = sentinel()) {
                for (var r : s.sentinelReplicas(endpoint.masterName())) {
                    String flags = r.getOrDefault("flags", "");
                    if (!flags.equals("slave") || !"ok".equals(r.get("master-link-status"))) {
                        continue; // s_down, disconnected, or still syncing
                    }
                    HostAndPort replica = new HostAndPort(r.get("ip"), Integer.parseInt(r.get("port")));
                    try (Jedis direct = new Jedis(replica)) {
                        if (value.equals(direct.get(key))) {
                            found[0] = replica;
                            return true;
                        }
                    }
                }
                return false;
            } catch (JedisException e) {
                return false;
            }
        });
        return found[0];
    }

    @Test
    void afterAFailover_theSameStorageWritesToTheNewMaster_andReadsWhatItWroteBefore() throws Exception {
        try (AutoCloseable alone = RedisTopologies.sentinelLock(true)) { // no other JVM's test on the master now
            failOverAndCarryOn();
        }
    }

    void failOverAndCarryOn() {
        String before = key("before");
        redis.set(before, "\"written before the failover\"", Duration.ofMinutes(5));
        HostAndPort oldMaster = master();
        HostAndPort promoted = syncedReplicaHolding(before, "\"written before the failover\"");

        await("the Sentinel accepting SENTINEL FAILOVER", () -> {
            try (Jedis s = sentinel()) {
                return "OK".equals(s.sentinelFailover(endpoint.masterName()));
            } catch (JedisException e) {
                return false; // NOGOODSLAVE / INPROG: not yet
            }
        });
        await("the Sentinel naming a new master", () -> !master().equals(oldMaster));
        assertThat(master()).isEqualTo(promoted);

        // Until the client hears of the switch its writes fail (503) or reach the demoted master; poll with a new
        // key each time until one lands on the new master.
        String[] after = new String[1];
        await("a write through the storage landing on the new master", () -> {
            String k = key("after");
            try {
                redis.set(k, "\"written after the failover\"", Duration.ofMinutes(5));
            } catch (StoreUnavailableException e) {
                return false;
            }
            try (Jedis direct = new Jedis(promoted)) {
                if ("\"written after the failover\"".equals(direct.get(k))) {
                    after[0] = k;
                    return true;
                }
                return false;
            }
        });
        assertThat(redis.get(after[0])).contains("\"written after the failover\"");
        assertThat(redis.get(before)).contains("\"written before the failover\"");
        assertThat(redis.increment(key("counter"), Duration.ofMinutes(1))).isEqualTo(1);
        redis.probe(Duration.ofSeconds(2)); // the health probe on the new master
    }

    @Test
    void aSentinelWithAPassword_isAskedWithTheSentinelPasswordKey() throws Exception {
        // A Sentinel of this test's own (a child process, loopback only, stopped at the end) with requirepass,
        // watching the same master under another name, so the shared Sentinel never hears of it.
        int port;
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            port = s.getLocalPort();
        }
        Path dir = Files.createTempDirectory("better-auth-sentinel-auth");
        Process sentinel = null;
        try (AutoCloseable noFailover = RedisTopologies.sentinelLock(false)) {
            HostAndPort master = master();
            Path conf = dir.resolve("sentinel.conf");
            Files.writeString(conf, "port " + port + "\nbind 127.0.0.1\ndir " + dir + "\nrequirepass sentinel-pw\n"
                    + "sentinel monitor better-auth-pw " + master.getHost() + " " + master.getPort() + " 1\n");
            sentinel = new ProcessBuilder("redis-server", conf.toString(), "--sentinel")
                    .redirectErrorStream(true).redirectOutput(dir.resolve("sentinel.log").toFile()).start();
            HostAndPort address = new HostAndPort("127.0.0.1", port);
            await("the password-protected Sentinel knowing its master", () -> {
                try (Jedis s = new Jedis(address)) {
                    s.auth("sentinel-pw");
                    return s.sentinelGetMasterAddrByName("better-auth-pw") != null;
                } catch (JedisException e) {
                    return false;
                }
            });
            RedisEndpoint pw = RedisEndpoint.parse("redis-sentinel://127.0.0.1:" + port + "/better-auth-pw");
            String k = key("sentinel-pw");
            try (RedisSecondaryStorage withPassword = new RedisSecondaryStorage(pw, Duration.ofSeconds(2),
                    "sentinel-pw");
                 RedisSecondaryStorage without = new RedisSecondaryStorage(pw, Duration.ofSeconds(2), null)) {
                withPassword.set(k, "\"v\"", Duration.ofSeconds(60));
                assertThat(redis.get(k)).contains("\"v\"");
                assertThatThrownBy(() -> without.get(k)).isInstanceOf(StoreUnavailableException.class);
            }
        } finally {
            if (sentinel != null) {
                sentinel.destroy();
                sentinel.waitFor();
            }
            try (var files = Files.walk(dir)) {
                files.sorted(Comparator.reverseOrder()).forEach(f -> f.toFile().delete());
            }
        }
    }

    @Test
    void aSentinelThatIsDown_doesNotStopTheStart_andEachCallFailsWithinTheBound() throws Exception {
        int port;
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            port = s.getLocalPort();
        }
        // Built lazily: a Sentinel client asks the Sentinels for the master while being built, which fails here.
        try (RedisSecondaryStorage down = new RedisSecondaryStorage(
                "redis-sentinel://127.0.0.1:" + port + "/better-auth", Duration.ofSeconds(1))) {
            assertTimeoutPreemptively(BOUND, () -> {
                assertThatThrownBy(() -> down.get("k")).isInstanceOf(StoreUnavailableException.class);
                assertThatThrownBy(() -> down.delete("k")).isInstanceOf(StoreUnavailableException.class);
                assertThatThrownBy(() -> down.probe(Duration.ofSeconds(1)))
                        .isInstanceOf(StoreUnavailableException.class);
            });
        }
    }
}
