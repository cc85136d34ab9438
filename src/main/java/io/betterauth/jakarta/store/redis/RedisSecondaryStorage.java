package io.betterauth.jakarta.store.redis;

import io.betterauth.jakarta.spi.AtomicSecondaryStorage;
import io.betterauth.jakarta.spi.SecondaryStorage;
import io.betterauth.jakarta.spi.StoreProbe;
import io.betterauth.jakarta.spi.StoreUnavailableException;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;
import redis.clients.jedis.UnifiedJedis;
import redis.clients.jedis.exceptions.JedisConnectionException;
import redis.clients.jedis.exceptions.JedisException;
import redis.clients.jedis.params.SetParams;

/**
 * {@link SecondaryStorage} on Redis through Jedis 8 ({@code redis.clients:jedis}, which the application adds: the
 * library declares it optional). Values are written with {@code SET key value EX seconds}, exactly as Better Auth's
 * Redis storage does, so a Node Better Auth on the same Redis database reads them. The {@link AtomicSecondaryStorage}
 * operations are single Redis commands or Lua scripts on one key (atomic, and valid in a Redis Cluster):
 * {@code increment} is Better Auth's {@code INCR} then {@code EXPIRE} script, {@code getAndDelete} is {@code GETDEL}
 * (Redis 6.2 or later), the conditional writes compare with {@code GET} and then {@code SET … EX} or {@code DEL}.
 *
 * <p>Built from a Redis URL, which is what {@code better-auth.secondary-storage.redis-url} holds: one Redis
 * ({@code redis://[user:password@]host:port[/db]}), a Sentinel-watched master
 * ({@code redis-sentinel://host:26379,host2:26379/masterName[/db]}) or a Redis Cluster
 * ({@code redis-cluster://host:7001,host2:7002}), each with a TLS form ({@code rediss…}); see {@link RedisEndpoint}.
 * Every key Better Auth writes is used alone (no command touches two keys), so the same keys work on a Cluster
 * unchanged, without hash tags. The client is built on the first call, so a Redis that is down does not stop the
 * application from starting. Connect and socket timeouts are bounded (2 s by default) and so is the wait for a
 * pooled connection (and a Cluster command's redirections and retries), so a call against a Redis that is down or
 * hung fails within a small multiple of that timeout (one timeout when the connection is refused or gets no
 * answer). Every failure of Redis or of the client is a {@link StoreUnavailableException} (the HTTP layer answers
 * 503); nothing is retried except once, at once, when a pooled connection turns out to be dead (a Cluster client
 * also follows redirections). The pool opens new connections as needed, so the storage recovers by itself when
 * Redis is back, without a restart.
 *
 * <p>Thread-safe; one instance per application. {@link #close()} closes the connection pool.
 */
public final class RedisSecondaryStorage implements AtomicSecondaryStorage, StoreProbe, AutoCloseable {

    /** The default connect, socket and pool-wait timeout. */
    public static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(2);

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

    private final RedisConnection connection;
    private final long fastFailureNanos;

    /** A client for {@code redisUrl} (any form {@link RedisEndpoint} reads) with {@link #DEFAULT_TIMEOUT}. */
    public RedisSecondaryStorage(String redisUrl) {
        this(redisUrl, DEFAULT_TIMEOUT);
    }

    /**
     * A client for {@code redisUrl} (any form {@link RedisEndpoint} reads); {@code timeout} bounds connecting, each
     * reply, and the wait for a free pooled connection.
     *
     * @throws IllegalArgumentException when the URL is not a Redis URL or the timeout is not positive
     */
    public RedisSecondaryStorage(String redisUrl, Duration timeout) {
        this(RedisEndpoint.parse(Objects.requireNonNull(redisUrl, "redisUrl")), timeout, null);
    }

    /**
     * A client for {@code endpoint}, built on the first call (so a Redis, Sentinel or Cluster that is down does not
     * stop the application from starting: calls fail with {@link StoreUnavailableException} until it is back).
     *
     * @param timeout          bounds connecting, each reply, the wait for a pooled connection, and a Cluster
     *                         command's retries
     * @param sentinelPassword the Sentinels' own password ({@code requirepass} in sentinel.conf); null = none
     * @throws IllegalArgumentException when the timeout is not positive
     */
    public RedisSecondaryStorage(RedisEndpoint endpoint, Duration timeout, String sentinelPassword) {
        this(new RedisConnection(endpoint, timeout, sentinelPassword), timeout);
    }

    /**
     * On a client the application configured itself (TLS, Sentinel, cluster, credentials provider…); its timeouts
     * are the application's. {@link #close()} closes it.
     */
    public RedisSecondaryStorage(UnifiedJedis client) {
        this(new RedisConnection(client), DEFAULT_TIMEOUT);
    }

    private RedisSecondaryStorage(RedisConnection connection, Duration timeout) {
        this.connection = connection;
        this.fastFailureNanos = timeout.toNanos() / 2;
    }

    @Override
    public Optional<String> get(String key) {
        Objects.requireNonNull(key, "key");
        return Optional.ofNullable(call("GET", c -> c.get(key)));
    }

    @Override
    public void set(String key, String value, Duration ttl) {
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(value, "value");
        long seconds = ttlSeconds(ttl);
        call("SET", c -> c.set(key, value, SetParams.setParams().ex(seconds)));
    }

    @Override
    public void delete(String key) {
        Objects.requireNonNull(key, "key");
        call("DEL", c -> c.del(key));
    }

    @Override
    public long increment(String key, Duration ttl) {
        Objects.requireNonNull(key, "key");
        String seconds = Long.toString(ttlSeconds(ttl));
        return call("INCR", c -> (Long) c.eval(INCREMENT, List.of(key), List.of(seconds)));
    }

    @Override
    public Optional<String> getAndDelete(String key) {
        Objects.requireNonNull(key, "key");
        return Optional.ofNullable(call("GETDEL", c -> c.getDel(key)));
    }

    @Override
    public boolean compareAndSet(String key, String expected, String value, Duration ttl) {
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(value, "value");
        long seconds = ttlSeconds(ttl);
        if (expected == null) {
            return call("SET NX", c -> c.set(key, value, SetParams.setParams().nx().ex(seconds))) != null;
        }
        return call("compare-and-set", c -> (Long) c.eval(COMPARE_AND_SET, List.of(key),
                List.of(expected, value, Long.toString(seconds)))) == 1L;
    }

    @Override
    public boolean compareAndDelete(String key, String expected) {
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(expected, "expected");
        return call("compare-and-delete", c -> (Long) c.eval(COMPARE_AND_DELETE, List.of(key),
                List.of(expected))) == 1L;
    }

    /**
     * {@code PING}, bounded by the client's own timeouts (connect, reply and pool wait: {@link #DEFAULT_TIMEOUT}
     * with a URL), not by {@code timeout}; the caller bounds its own wait.
     */
    @Override
    public void probe(Duration timeout) {
        call("PING", UnifiedJedis::ping);
    }

    /** Closes the client and its connections; later calls fail with {@link StoreUnavailableException}. */
    @Override
    public void close() {
        connection.close();
    }

    /** Whole seconds for {@code EX}: a sub-second remainder is dropped, but never down to 0 (Redis: forever). */
    static long ttlSeconds(Duration ttl) {
        Objects.requireNonNull(ttl, "ttl");
        if (ttl.isZero() || ttl.isNegative()) {
            throw new IllegalArgumentException("A secondary-storage TTL must be positive, was " + ttl);
        }
        return Math.max(1, ttl.getSeconds());
    }

    private <T> T call(String command, Function<UnifiedJedis, T> work) {
        long start = System.nanoTime();
        try {
            return work.apply(connection.client());
        } catch (JedisConnectionException e) {
            // A connection that died while pooled (Redis restarted) fails at once: drop the idle ones and try once
            // more on a fresh connection. A slow failure (timeout) is not retried, to keep the bound.
            if (System.nanoTime() - start < fastFailureNanos) {
                connection.discardIdleConnections();
                try {
                    return work.apply(connection.client());
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

    private static StoreUnavailableException unavailable(String command, RuntimeException e) {
        return new StoreUnavailableException("Redis " + command + " failed: " + e.getClass().getSimpleName(), e);
    }
}
