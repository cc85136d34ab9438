package io.betterauth.jakarta.store;

import static org.assertj.core.api.Assertions.assertThat;

import io.betterauth.jakarta.spi.AtomicSecondaryStorage;
import io.betterauth.jakarta.spi.AtomicSecondaryStorageContract;
import io.betterauth.jakarta.store.redis.RedisSecondaryStorage;
import io.betterauth.jakarta.store.redis.RedisTopologies;
import java.time.Duration;
import java.util.Optional;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import redis.clients.jedis.UnifiedJedis;

/**
 * {@link AtomicSecondaryStorageContract} (and so the {@code SecondaryStorage} contract, in real time) on the real
 * Redis on 127.0.0.1:6379, logical database 11 ({@code -Dtest.atomic.redis.url}): two {@link RedisSecondaryStorage}
 * clients, each with its own connection pool, as two application instances; time to live read with a plain Jedis
 * client. Only the keys this test used are deleted afterwards. A Redis that cannot be reached fails the run. The
 * subclasses run it all on a Redis Cluster and on a Sentinel-watched master ({@link RedisTopologies}).
 */
class AtomicSecondaryStorageRedisTest extends AtomicSecondaryStorageContract {

    static final String URL = System.getProperty("test.atomic.redis.url", "redis://127.0.0.1:6379/11");

    private RedisSecondaryStorage first;
    private RedisSecondaryStorage second;
    private UnifiedJedis plain;

    /** The Redis URL under test (a Cluster or Sentinel in the subclasses). */
    protected String url() {
        return URL;
    }

    /** Fails (or, by hand, skips) when the Redis under test is not there; the Redis on 6379 must always be. */
    protected void requireRedis() {
    }

    /** Called after the clean-up, last. */
    protected void releaseRedis() throws Exception {
    }

    @BeforeAll
    void connect() {
        requireRedis();
        plain = RedisTopologies.plainClient(url());
        first = new RedisSecondaryStorage(url());
        second = new RedisSecondaryStorage(url());
        assertThat(first.get(key("ping"))).isEmpty(); // StoreUnavailableException here fails every test
    }

    @AfterAll
    void cleanUp() throws Exception {
        try {
            if (plain != null) {
                keysUsed().forEach(plain::del); // one by one: on a Cluster they live on different slots
            }
        } finally {
            if (first != null) {
                first.close();
                second.close();
            }
            if (plain != null) {
                plain.close();
            }
            releaseRedis();
        }
    }

    @Override
    protected AtomicSecondaryStorage storage() {
        return first;
    }

    @Override
    protected AtomicSecondaryStorage otherClient() {
        return second;
    }

    @Override
    protected Optional<Duration> ttlOf(String key) {
        long millis = plain.pttl(key);
        return millis < 0 ? Optional.empty() : Optional.of(Duration.ofMillis(millis));
    }

    @Test
    void increment_ofACounterLeftWithoutATtl_givesItOne_soNoCounterLivesForever() {
        String key = key("no-ttl");
        plain.set(key, "41");
        assertThat(first.increment(key, Duration.ofSeconds(30))).isEqualTo(42);
        assertThat(ttlOf(key)).hasValueSatisfying(ttl ->
                assertThat(ttl).isPositive().isLessThanOrEqualTo(Duration.ofSeconds(30)));
    }

    @Test
    void theCounter_isAPlainRedisInteger_thatANodeBetterAuthIncrementsAlike() {
        String key = key("interop");
        first.increment(key, Duration.ofSeconds(30));
        assertThat(plain.incr(key)).isEqualTo(2);
        assertThat(second.increment(key, Duration.ofSeconds(30))).isEqualTo(3);
    }
}
