package io.betterauth.jakarta.store;

import io.betterauth.jakarta.store.redis.RedisTopologies;

/**
 * The store contract on Better Auth's secondary-storage layout ({@link SecondaryStorageRedisStoreTest}) on the
 * three-master Redis Cluster on loopback (a key's slot decides its node), through a {@code redis-cluster://} URL.
 * Fails under CI when that topology is not running.
 */
class SecondaryStorageRedisClusterStoreTest extends SecondaryStorageRedisStoreTest {

    @Override
    protected String url() {
        return RedisTopologies.CLUSTER_URL;
    }

    @Override
    protected void requireRedis() {
        RedisTopologies.requireCluster();
    }
}
