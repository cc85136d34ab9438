package io.betterauth.jakarta.store.redis;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import org.junit.jupiter.api.Assumptions;
import redis.clients.jedis.UnifiedJedis;

/**
 * The loopback Redis Cluster and Sentinel setup that {@code bin/lib/redis-topologies.sh start} runs (and
 * {@code bin/test} starts before the tests): three masters on 127.0.0.1:7001-7003, and a master 6390 with replica
 * 6391 watched by the Sentinel on 26390 under the name {@code better-auth}. {@code -Dtest.redis.cluster.url} and
 * {@code -Dtest.redis.sentinel.url} point the tests elsewhere.
 *
 * <p>When a topology does not answer, a test fails under {@code CI=true} (CI must never skip it); run by hand
 * without it, the test is skipped, naming the command that starts it.
 */
public final class RedisTopologies {

    /** The three-master Cluster. */
    public static final String CLUSTER_URL = System.getProperty("test.redis.cluster.url",
            "redis-cluster://127.0.0.1:7001,127.0.0.1:7002,127.0.0.1:7003");
    /** The Sentinel-watched master, database 0. */
    public static final String SENTINEL_URL = System.getProperty("test.redis.sentinel.url",
            "redis-sentinel://127.0.0.1:26390/better-auth");

    private RedisTopologies() {
    }

    /**
     * A plain Jedis client for any URL form (to look at what the storage wrote), built as the storage builds its
     * own; the caller closes it.
     */
    public static UnifiedJedis plainClient(String url) {
        return new RedisConnection(RedisEndpoint.parse(url), Duration.ofSeconds(2), null).client();
    }

    /**
     * A lock across test JVMs (several checkouts may run their tests at once on one machine) on the Sentinel setup:
     * shared while a test uses the master, exclusive while one fails it over. Closing it releases it.
     */
    public static AutoCloseable sentinelLock(boolean exclusive) {
        try {
            FileChannel channel = FileChannel.open(Path.of(System.getProperty("java.io.tmpdir"),
                    "better-auth-redis-sentinel.lock"), StandardOpenOption.CREATE, StandardOpenOption.READ,
                    StandardOpenOption.WRITE);
            FileLock lock = channel.lock(0, Long.MAX_VALUE, !exclusive);
            return () -> {
                lock.release();
                channel.close();
            };
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Fails (CI) or skips (by hand) unless every Cluster node answers PING and the cluster state is ok. */
    public static void requireCluster() {
        RedisEndpoint e = RedisEndpoint.parse(CLUSTER_URL);
        String missing = null;
        for (RedisEndpoint.Node n : e.nodes()) {
            String info = command(n, "CLUSTER", "INFO");
            if (info == null || !info.contains("cluster_state:ok")) {
                missing = "the Redis Cluster node " + n + " (cluster_state:ok)";
                break;
            }
        }
        require(missing);
    }

    /** Fails (CI) or skips (by hand) unless the Sentinel knows its master. */
    public static void requireSentinel() {
        RedisEndpoint e = RedisEndpoint.parse(SENTINEL_URL);
        String reply = command(e.nodes().get(0), "SENTINEL", "GET-MASTER-ADDR-BY-NAME", e.masterName());
        require(reply == null || reply.startsWith("*-1") ? "the Redis Sentinel " + e.nodes().get(0)
                + " knowing master " + e.masterName() : null);
    }

    private static void require(String missing) {
        if (missing == null) {
            return;
        }
        String message = "Not running: " + missing + "; start the loopback topologies with "
                + "bin/lib/redis-topologies.sh start (bin/test does)";
        if ("true".equalsIgnoreCase(System.getenv("CI"))) {
            throw new AssertionError(message);
        }
        Assumptions.abort(message);
    }

    /** One RESP command on a fresh connection; its raw reply, or null when nothing answers. */
    static String command(RedisEndpoint.Node node, String... args) {
        try (Socket s = new Socket()) {
            s.connect(new InetSocketAddress(node.host(), node.port()), 1000);
            s.setSoTimeout(2000);
            StringBuilder b = new StringBuilder("*").append(args.length).append("\r\n");
            for (String a : args) {
                b.append('$').append(a.getBytes(StandardCharsets.UTF_8).length).append("\r\n").append(a)
                        .append("\r\n");
            }
            OutputStream out = s.getOutputStream();
            out.write(b.toString().getBytes(StandardCharsets.UTF_8));
            out.flush();
            InputStream in = s.getInputStream();
            byte[] buf = new byte[8192];
            int n = in.read(buf);
            return n <= 0 ? null : new String(buf, 0, n, StandardCharsets.UTF_8);
        } catch (IOException e) {
            return null;
        }
    }
}
