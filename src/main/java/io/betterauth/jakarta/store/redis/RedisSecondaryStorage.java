package io.betterauth.jakarta.store.redis;

import io.betterauth.jakarta.spi.AtomicSecondaryStorage;
import io.betterauth.jakarta.spi.SecondaryStorage;
import io.betterauth.jakarta.spi.StoreUnavailableException;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Supplier;
import redis.clients.jedis.ConnectionPoolConfig;
import redis.clients.jedis.DefaultJedisClientConfig;
import redis.clients.jedis.DefaultRedisCredentials;
import redis.clients.jedis.HostAndPort;
import redis.clients.jedis.RedisClient;
import redis.clients.jedis.RedisProtocol;
import redis.clients.jedis.SslOptions;
import redis.clients.jedis.UnifiedJedis;
import redis.clients.jedis.exceptions.JedisConnectionException;
import redis.clients.jedis.exceptions.JedisException;
import redis.clients.jedis.params.SetParams;
import redis.clients.jedis.util.JedisURIHelper;

/**
 * {@link SecondaryStorage} on Redis through Jedis 8 ({@code redis.clients:jedis}, which the application adds: the
 * library declares it optional). Values are written with {@code SET key value EX seconds}, exactly as Better Auth's
 * Redis storage does, so a Node Better Auth on the same Redis database reads them. The {@link AtomicSecondaryStorage}
 * operations are single Redis commands or Lua scripts on one key (atomic, and valid in a Redis Cluster):
 * {@code increment} is Better Auth's {@code INCR} then {@code EXPIRE} script, {@code getAndDelete} is {@code GETDEL}
 * (Redis 6.2 or later), the conditional writes compare with {@code GET} and then {@code SET … EX} or {@code DEL}.
 *
 * <p>Built from a Redis URL ({@code redis://[user:password@]host:port[/db]}, {@code rediss://} for TLS), which is
 * what {@code better-auth.secondary-storage.redis-url} holds. Connect and socket timeouts are bounded (2 s by
 * default) and so is the wait for a pooled connection, so a call against a Redis that is down or hung fails within
 * a small multiple of that timeout (one timeout when the connection is refused or gets no answer). Every failure of Redis or of the client is a {@link StoreUnavailableException} (the HTTP layer answers
 * 503); nothing is retried except once, at once, when a pooled connection turns out to be dead. The pool opens new
 * connections as needed, so the storage recovers by itself when Redis is back, without a restart.
 *
 * <p>Thread-safe; one instance per application. {@link #close()} closes the connection pool.
 */
public final class RedisSecondaryStorage implements AtomicSecondaryStorage, AutoCloseable {

    /** The default connect, socket and pool-wait timeout. */
    public static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(2);

    private static final int MAX_CONNECTIONS = 32;

    /**
     * Better Auth's increment script, except that the time to live is set whenever the counter has none (not only when
     * the count is 1): a counter some other writer left without one still expires.
     */
    private static final String INCREMENT = "local n = redis.call('INCR', KEYS[1]) "
            + "if redis.call('TTL', KEYS[1]) == -1 then redis.call('EXPIRE', KEYS[1], ARGV[1]) end return n";
    private static final String COMPARE_AND_SET = "if redis.call('GET', KEYS[1]) == ARGV[1] then "
            + "redis.call('SET', KEYS[1], ARGV[2], 'EX', ARGV[3]) return 1 end return 0";
    private static final String COMPARE_AND_DELETE = "if redis.call('GET', KEYS[1]) == ARGV[1] then "
            + "return redis.call('DEL', KEYS[1]) end return 0";

    private final UnifiedJedis client;
    private final long fastFailureNanos;

    /** A pooled client for {@code redisUrl} with {@link #DEFAULT_TIMEOUT}. */
    public RedisSecondaryStorage(String redisUrl) {
        this(redisUrl, DEFAULT_TIMEOUT);
    }

    /**
     * A pooled client for {@code redisUrl}; {@code timeout} bounds connecting, each reply, and the wait for a free
     * pooled connection.
     *
     * @throws IllegalArgumentException when the URL is not a Redis URL or the timeout is not positive
     */
    public RedisSecondaryStorage(String redisUrl, Duration timeout) {
        this(pooledClient(redisUrl, timeout), timeout);
    }

    /**
     * On a client the application configured itself (TLS, Sentinel, cluster, credentials provider…); its timeouts
     * are the application's. {@link #close()} closes it.
     */
    public RedisSecondaryStorage(UnifiedJedis client) {
        this(client, DEFAULT_TIMEOUT);
    }

    private RedisSecondaryStorage(UnifiedJedis client, Duration timeout) {
        this.client = Objects.requireNonNull(client, "client");
        this.fastFailureNanos = timeout.toNanos() / 2;
    }

    private static RedisClient pooledClient(String redisUrl, Duration timeout) {
        Objects.requireNonNull(redisUrl, "redisUrl");
        Objects.requireNonNull(timeout, "timeout");
        if (timeout.isZero() || timeout.isNegative()) {
            throw new IllegalArgumentException("The Redis timeout must be positive");
        }
        URI uri;
        try {
            uri = URI.create(redisUrl.trim());
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("Not a Redis URL (redis://host:port/db)"); // no cause: it quotes the URL
        }
        String scheme = uri.getScheme();
        if (!"redis".equalsIgnoreCase(scheme) && !"rediss".equalsIgnoreCase(scheme) || uri.getHost() == null) {
            // Messages never repeat the URL: it may carry a password.
            throw new IllegalArgumentException("Not a Redis URL (redis://host:port/db)");
        }
        int millis = (int) Math.min(Integer.MAX_VALUE, timeout.toMillis());
        DefaultJedisClientConfig.Builder config = DefaultJedisClientConfig.builder()
                .connectionTimeoutMillis(millis)
                .socketTimeoutMillis(millis)
                .blockingSocketTimeoutMillis(millis)
                .clientName("better-auth-jakarta");
        HostAndPort address;
        try {
            if (!JedisURIHelper.isValid(uri)) {
                throw new IllegalArgumentException("Not a Redis URL (redis://host:port/db)");
            }
            address = JedisURIHelper.getHostAndPort(uri);
            String user = JedisURIHelper.getUser(uri);
            String password = JedisURIHelper.getPassword(uri);
            if (user != null || password != null) {
                config.credentials(new DefaultRedisCredentials(user, password));
            }
            if (JedisURIHelper.hasDbIndex(uri)) {
                config.database(JedisURIHelper.getDBIndex(uri));
            }
            // An explicit protocol: left to negotiate, Jedis connects while building the client, which would then
            // block for the whole timeout on a hung Redis. RESP2 is what Better Auth's ioredis speaks, and GET, SET
            // and DEL answer the same in both; "?protocol=3" in the URL chooses RESP3.
            RedisProtocol protocol = JedisURIHelper.getRedisProtocol(uri);
            config.protocol(protocol != null ? protocol : RedisProtocol.RESP2);
            if (JedisURIHelper.isRedisSSLScheme(uri)) {
                config.sslOptions(SslOptions.defaults()); // the JVM's trust store, full host verification
            }
        } catch (RuntimeException e) {
            throw new IllegalArgumentException("Not a usable Redis URL (redis://host:port/db): "
                    + e.getClass().getSimpleName()); // no cause: it may quote the URL and its password
        }
        ConnectionPoolConfig pool = new ConnectionPoolConfig();
        pool.setMaxTotal(MAX_CONNECTIONS);
        pool.setMaxIdle(MAX_CONNECTIONS);
        pool.setMinIdle(0);
        pool.setMaxWait(timeout);
        pool.setBlockWhenExhausted(true);
        pool.setTestWhileIdle(true);
        try {
            return RedisClient.builder().hostAndPort(address).clientConfig(config.build()).poolConfig(pool).build();
        } catch (JedisException | IllegalArgumentException e) {
            throw new IllegalArgumentException("Not a usable Redis URL (redis://host:port/db)", e);
        }
    }

    @Override
    public Optional<String> get(String key) {
        Objects.requireNonNull(key, "key");
        return Optional.ofNullable(call("GET", () -> client.get(key)));
    }

    @Override
    public void set(String key, String value, Duration ttl) {
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(value, "value");
        long seconds = ttlSeconds(ttl);
        call("SET", () -> client.set(key, value, SetParams.setParams().ex(seconds)));
    }

    @Override
    public void delete(String key) {
        Objects.requireNonNull(key, "key");
        call("DEL", () -> client.del(key));
    }

    @Override
    public long increment(String key, Duration ttl) {
        Objects.requireNonNull(key, "key");
        String seconds = Long.toString(ttlSeconds(ttl));
        return call("INCR", () -> (Long) client.eval(INCREMENT, List.of(key), List.of(seconds)));
    }

    @Override
    public Optional<String> getAndDelete(String key) {
        Objects.requireNonNull(key, "key");
        return Optional.ofNullable(call("GETDEL", () -> client.getDel(key)));
    }

    @Override
    public boolean compareAndSet(String key, String expected, String value, Duration ttl) {
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(value, "value");
        long seconds = ttlSeconds(ttl);
        if (expected == null) {
            return call("SET NX", () -> client.set(key, value, SetParams.setParams().nx().ex(seconds))) != null;
        }
        return call("compare-and-set", () -> (Long) client.eval(COMPARE_AND_SET, List.of(key),
                List.of(expected, value, Long.toString(seconds)))) == 1L;
    }

    @Override
    public boolean compareAndDelete(String key, String expected) {
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(expected, "expected");
        return call("compare-and-delete", () -> (Long) client.eval(COMPARE_AND_DELETE, List.of(key),
                List.of(expected))) == 1L;
    }

    /** Closes the client and its connections; later calls fail with {@link StoreUnavailableException}. */
    @Override
    public void close() {
        try {
            client.close();
        } catch (RuntimeException e) {
            // Closing a pool whose Redis is gone may fail; there is nothing left to release.
        }
    }

    /** Whole seconds for {@code EX}: a sub-second remainder is dropped, but never down to 0 (Redis: forever). */
    static long ttlSeconds(Duration ttl) {
        Objects.requireNonNull(ttl, "ttl");
        if (ttl.isZero() || ttl.isNegative()) {
            throw new IllegalArgumentException("A secondary-storage TTL must be positive, was " + ttl);
        }
        return Math.max(1, ttl.getSeconds());
    }

    private <T> T call(String command, Supplier<T> work) {
        long start = System.nanoTime();
        try {
            return work.get();
        } catch (JedisConnectionException e) {
            // A connection that died while pooled (Redis restarted) fails at once: drop the idle ones and try once
            // more on a fresh connection. A slow failure (timeout) is not retried, to keep the bound.
            if (System.nanoTime() - start < fastFailureNanos) {
                discardIdleConnections();
                try {
                    return work.get();
                } catch (JedisException | IllegalStateException retry) {
                    retry.addSuppressed(e);
                    throw unavailable(command, retry);
                }
            }
            throw unavailable(command, e);
        } catch (JedisException | IllegalStateException e) {
            throw unavailable(command, e);
        }
    }

    private void discardIdleConnections() {
        if (client instanceof RedisClient pooled) {
            try {
                pooled.getPool().clear();
            } catch (RuntimeException ignored) {
                // Best effort: a broken connection is also discarded when it fails.
            }
        }
    }

    private static StoreUnavailableException unavailable(String command, RuntimeException e) {
        return new StoreUnavailableException("Redis " + command + " failed: " + e.getClass().getSimpleName(), e);
    }
}
