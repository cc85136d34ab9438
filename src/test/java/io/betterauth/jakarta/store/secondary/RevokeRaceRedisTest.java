package io.betterauth.jakarta.store.secondary;

import io.betterauth.jakarta.spi.SecondaryStorage;
import io.betterauth.jakarta.store.redis.RedisSecondaryStorage;
import org.junit.jupiter.api.AfterAll;

/**
 * {@link RevokeRaceContract} on the real Redis on 127.0.0.1:6379, logical database 11 ({@code -Dtest.race.redis.url}),
 * two servers each with its own {@link RedisSecondaryStorage} (its own connection pool). Keys are random per run and
 * only those this test wrote are deleted afterwards. A Redis that cannot be reached fails the run.
 */
class RevokeRaceRedisTest extends RevokeRaceContract {

    static final String URL = System.getProperty("test.race.redis.url", "redis://127.0.0.1:6379/11");

    private final RedisSecondaryStorage serverA = new RedisSecondaryStorage(url());
    private final RedisSecondaryStorage serverB = new RedisSecondaryStorage(url());

    /** The Redis URL under test (a Cluster in the subclass); read while this instance is built. */
    String url() {
        return URL;
    }

    @Override
    SecondaryStorage serverA() {
        return serverA;
    }

    @Override
    SecondaryStorage serverB() {
        return serverB;
    }

    @Override
    long maxJitterNanos() {
        return 400_000;
    }

    @AfterAll
    void cleanUp() {
        try {
            keysWritten().forEach(serverA::delete);
        } finally {
            serverA.close();
            serverB.close();
        }
    }
}
