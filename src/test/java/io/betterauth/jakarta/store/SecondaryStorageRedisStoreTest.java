package io.betterauth.jakarta.store;

import io.betterauth.jakarta.spi.SessionStore;
import io.betterauth.jakarta.spi.UserStore;
import io.betterauth.jakarta.store.memory.InMemoryUserStore;
import io.betterauth.jakarta.store.redis.RedisSecondaryStorage;
import io.betterauth.jakarta.store.secondary.RecordingSecondaryStorage;
import io.betterauth.jakarta.store.secondary.SecondaryStorageSessionStore;
import java.time.Clock;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.TestInstance;

/**
 * The store contract on Better Auth's secondary-storage layout in the real Redis on 127.0.0.1:6379, logical database
 * 15 ({@code -Dtest.redis.url} changes it). Only the keys this test wrote are deleted afterwards. A Redis that
 * cannot be reached fails the run: this test never skips. The subclasses run it on a Redis Cluster and on a
 * Sentinel-watched master ({@code RedisTopologies}).
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SecondaryStorageRedisStoreTest extends StoreContract {

    static final String URL = System.getProperty("test.redis.url", "redis://127.0.0.1:6379/15");

    private final InMemoryUserStore users = new InMemoryUserStore();
    private RedisSecondaryStorage redis;
    private RecordingSecondaryStorage recording;
    private SecondaryStorageSessionStore sessions;

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
        redis = new RedisSecondaryStorage(url());
        redis.get("better-auth-jakarta-test-ping"); // StoreUnavailableException here fails every test
        recording = new RecordingSecondaryStorage(redis);
        sessions = new SecondaryStorageSessionStore(recording, users, Clock.systemUTC());
    }

    @AfterAll
    void cleanUp() throws Exception {
        if (redis != null) {
            try {
                recording.everWritten().forEach(redis::delete);
            } finally {
                redis.close();
            }
        }
        releaseRedis();
    }

    @Override
    protected SessionStore sessions() {
        return sessions;
    }

    @Override
    protected UserStore users() {
        return users;
    }
}
