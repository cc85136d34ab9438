package io.betterauth.jakarta.store;

import static org.assertj.core.api.Assertions.assertThat;

import io.betterauth.jakarta.spi.AtomicSecondaryStorage;
import io.betterauth.jakarta.spi.AtomicSecondaryStorageContract;
import io.betterauth.jakarta.store.redis.RedisSecondaryStorage;
import java.net.URI;
import java.time.Duration;
import java.util.Optional;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import redis.clients.jedis.RedisClient;

/**
 * {@link AtomicSecondaryStorageContract} (and so the {@code SecondaryStorage} contract, in real time) on the real
 * Redis on 127.0.0.1:6379, logical database 11
 * ({@code -Dtest.atomic.redis.url}): two {@link RedisSecondaryStorage} clients, each with its own connection pool, as
 * two application instances; time to live read with a plain Jedis client. Only the keys this test used are deleted
 * afterwards. A Redis that cannot be reached fails the run.
 */
class AtomicSecondaryStorageRedisTest extends AtomicSecondaryStorageContract {

    static final String URL = System.getProperty("test.atomic.redis.url", "redis://127.0.0.1:6379/11");

    private RedisSecondaryStorage first;
    private RedisSecondaryStorage second;
    private RedisClient plain;

    @BeforeAll
    void connect() {
        plain = RedisClient.create(URI.create(URL));
        assertThat(plain.ping()).isEqualTo("PONG");
        first = new RedisSecondaryStorage(URL);
        second = new RedisSecondaryStorage(URL);
    }

    @AfterAll
    void cleanUp() {
        try {
            if (plain != null && !keysUsed().isEmpty()) {
                plain.del(keysUsed().toArray(String[]::new));
            }
        } finally {
            first.close();
            second.close();
            plain.close();
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
