package io.betterauth.jakarta.store.redis;

import java.time.Duration;
import java.util.LinkedHashSet;
import java.util.Objects;
import java.util.Set;
import redis.clients.jedis.ConnectionPoolConfig;
import redis.clients.jedis.DefaultJedisClientConfig;
import redis.clients.jedis.DefaultRedisCredentials;
import redis.clients.jedis.HostAndPort;
import redis.clients.jedis.RedisClient;
import redis.clients.jedis.RedisClusterClient;
import redis.clients.jedis.RedisProtocol;
import redis.clients.jedis.RedisSentinelClient;
import redis.clients.jedis.SslOptions;
import redis.clients.jedis.UnifiedJedis;
import redis.clients.jedis.exceptions.JedisConnectionException;

/**
 * The Jedis 8 client for a {@link RedisEndpoint}: a pooled {@link RedisClient} for one Redis, a
 * {@link RedisSentinelClient} for a Sentinel-watched master, a {@link RedisClusterClient} for a Cluster.
 *
 * <p>Built lazily, on the first call that needs it: a Sentinel client asks the Sentinels for the master, and a
 * Cluster client reads the slot map, while being built, so building them at deployment would stop an application
 * whose Redis is down, which a single Redis never did. A build that fails is tried again on the next call, so the
 * storage recovers by itself once Redis is back. One build at a time: the calls that waited for a build that failed
 * fail with it, so none waits for more than the build in progress and its own.
 *
 * <p>Every connection has the same connect and socket timeout, and the wait for a pooled connection is bounded by
 * it too. A Cluster client follows {@code MOVED}/{@code ASK} redirections and retries a failed node, but for no
 * longer in all than that timeout ({@code maxTotalRetriesDuration}), so a call fails within a small multiple of the
 * timeout, as on one Redis. Jedis sends each command, and each {@code EVAL} by its first key, to the node owning the
 * key's slot.
 *
 * <p>Thread-safe.
 */
final class RedisConnection implements AutoCloseable {

    private static final int MAX_CONNECTIONS = 32;
    /** Attempts per Cluster command (redirections included), within the overall retry duration. */
    private static final int CLUSTER_MAX_ATTEMPTS = 5;

    private final RedisEndpoint endpoint;
    private final Duration timeout;
    private final String sentinelPassword;
    private volatile UnifiedJedis client;
    private boolean closed;
    /** The last failed build's message and when it ended ({@link System#nanoTime()}); guarded by this. */
    private String lastFailure;
    private long lastFailureAt;

    RedisConnection(RedisEndpoint endpoint, Duration timeout, String sentinelPassword) {
        this.endpoint = Objects.requireNonNull(endpoint, "endpoint");
        this.timeout = Objects.requireNonNull(timeout, "timeout");
        if (timeout.isZero() || timeout.isNegative()) {
            throw new IllegalArgumentException("The Redis timeout must be positive");
        }
        this.sentinelPassword = sentinelPassword == null || sentinelPassword.isEmpty() ? null : sentinelPassword;
    }

    /** On a client the application built: used as it is. */
    RedisConnection(UnifiedJedis client) {
        this.endpoint = null;
        this.timeout = null;
        this.sentinelPassword = null;
        this.client = Objects.requireNonNull(client, "client");
    }

    /**
     * The client, built now if this is the first call (or the last build failed).
     *
     * @throws redis.clients.jedis.exceptions.JedisException when it cannot be built (no Sentinel answers, no
     *                                                        Cluster node answers…)
     * @throws IllegalStateException                         after {@link #close()}
     */
    UnifiedJedis client() {
        UnifiedJedis c = client;
        if (c != null) {
            return c;
        }
        long asked = System.nanoTime();
        synchronized (this) {
            if (closed) {
                throw new IllegalStateException("The Redis client is closed");
            }
            if (client == null) {
                if (lastFailure != null && lastFailureAt - asked > 0) {
                    // A build failed while this call waited for it: its failure, not another wait as long. Else
                    // the calls queued behind a hung Sentinel or Cluster would each wait out a build in turn.
                    throw new JedisConnectionException(lastFailure);
                }
                try {
                    client = build();
                } catch (RuntimeException e) {
                    lastFailure = "Redis client not built: " + e.getClass().getSimpleName();
                    lastFailureAt = System.nanoTime();
                    throw e;
                }
            }
            return client;
        }
    }

    /** Drops idle pooled connections (they may all be dead after a Redis restart); best effort. */
    void discardIdleConnections() {
        UnifiedJedis c = client;
        try {
            if (c instanceof RedisClient pooled) {
                pooled.getPool().clear();
            } else if (c instanceof RedisSentinelClient sentineled) {
                sentineled.getPrimaryNodesConnectionMap().values().forEach(pool -> pool.clear());
            }
            // A Cluster client retries and refreshes its slot map itself.
        } catch (RuntimeException ignored) {
            // A broken connection is also discarded when it fails.
        }
    }

    @Override
    public void close() {
        UnifiedJedis c;
        synchronized (this) {
            closed = true;
            c = client;
        }
        if (c != null) {
            try {
                c.close();
            } catch (RuntimeException e) {
                // Closing pools whose Redis is gone may fail; there is nothing left to release.
            }
        }
    }

    private UnifiedJedis build() {
        if (endpoint == null) {
            throw new IllegalStateException("The Redis client is closed");
        }
        Set<HostAndPort> nodes = new LinkedHashSet<>();
        endpoint.nodes().forEach(n -> nodes.add(new HostAndPort(n.host(), n.port())));
        ConnectionPoolConfig pool = new ConnectionPoolConfig();
        pool.setMaxTotal(MAX_CONNECTIONS);
        pool.setMaxIdle(MAX_CONNECTIONS);
        pool.setMinIdle(0);
        pool.setMaxWait(timeout);
        pool.setBlockWhenExhausted(true);
        pool.setTestWhileIdle(true);
        // Without the mean borrow-wait, active and idle times (JMX's Mean*Time, MaxBorrowWaitTime): kept, every
        // borrow and return adds clock reads, Durations and writes to sample arrays every thread shares, twice per
        // get-session (its token key and revocation marker). Counts, bounds and the outage behaviour (the pool
        // wait, idle tests, eviction) are unchanged.
        pool.setCollectDetailedStatistics(false);
        try {
            return switch (endpoint.kind()) {
                case STANDALONE -> RedisClient.builder().hostAndPort(nodes.iterator().next())
                        .clientConfig(redisConfig(endpoint.database())).poolConfig(pool).build();
                case SENTINEL -> RedisSentinelClient.builder().masterName(endpoint.masterName()).sentinels(nodes)
                        .clientConfig(redisConfig(endpoint.database())).sentinelClientConfig(sentinelConfig())
                        .poolConfig(pool).build();
                case CLUSTER -> RedisClusterClient.builder().nodes(nodes).clientConfig(redisConfig(0))
                        .poolConfig(pool).maxAttempts(CLUSTER_MAX_ATTEMPTS).maxTotalRetriesDuration(timeout)
                        .build();
            };
        } catch (IllegalArgumentException | IllegalStateException e) {
            // Jedis refused the configuration it was built with; say so as a connection failure (503), without
            // the message, which may hold an address list but never a password.
            throw new JedisConnectionException("Redis client not built: " + e.getClass().getSimpleName());
        }
    }

    private DefaultJedisClientConfig.Builder timeouts() {
        int millis = (int) Math.min(Integer.MAX_VALUE, timeout.toMillis());
        DefaultJedisClientConfig.Builder config = DefaultJedisClientConfig.builder()
                .connectionTimeoutMillis(millis)
                .socketTimeoutMillis(millis)
                .blockingSocketTimeoutMillis(millis)
                .clientName("better-auth-jakarta");
        if (endpoint.tls()) {
            config.sslOptions(SslOptions.defaults()); // the JVM's trust store, full host verification
        }
        return config;
    }

    private DefaultJedisClientConfig redisConfig(int database) {
        DefaultJedisClientConfig.Builder config = timeouts();
        if (endpoint.user() != null || endpoint.password() != null) {
            config.credentials(new DefaultRedisCredentials(endpoint.user(), endpoint.password()));
        }
        config.database(database);
        // An explicit protocol: left to negotiate, Jedis connects while building a client, which would then block
        // for the whole timeout on a hung Redis. RESP2 is what Better Auth's ioredis speaks, and GET, SET and DEL
        // answer the same in both; "?protocol=3" in the URL chooses RESP3.
        config.protocol(endpoint.resp3() ? RedisProtocol.RESP3 : RedisProtocol.RESP2);
        return config.build();
    }

    private DefaultJedisClientConfig sentinelConfig() {
        DefaultJedisClientConfig.Builder config = timeouts();
        if (sentinelPassword != null) {
            config.password(sentinelPassword);
        }
        config.protocol(RedisProtocol.RESP2);
        return config.build();
    }
}
