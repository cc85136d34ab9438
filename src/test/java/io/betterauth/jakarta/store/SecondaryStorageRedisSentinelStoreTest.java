package io.betterauth.jakarta.store;

import io.betterauth.jakarta.store.redis.RedisTopologies;

/**
 * The store contract on Better Auth's secondary-storage layout ({@link SecondaryStorageRedisStoreTest}) on the
 * master that the loopback Redis Sentinel names ({@code better-auth}), through a {@code redis-sentinel://} URL.
 * Fails under CI when that topology is not running.
 */
class SecondaryStorageRedisSentinelStoreTest extends SecondaryStorageRedisStoreTest {

    @Override
    protected String url() {
        return RedisTopologies.SENTINEL_URL;
    }

    private AutoCloseable noFailover;

    @Override
    protected void requireRedis() {
        RedisTopologies.requireSentinel();
        noFailover = RedisTopologies.sentinelLock(false); // RedisSentinelTest in another JVM waits
    }

    @Override
    protected void releaseRedis() throws Exception {
        if (noFailover != null) {
            noFailover.close();
        }
    }
}
