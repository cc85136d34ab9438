package io.betterauth.jakarta.store;

import io.betterauth.jakarta.store.redis.RedisTopologies;

/**
 * {@link AtomicSecondaryStorageRedisTest} (the atomic and plain secondary-storage contracts) on the three-master
 * Redis Cluster on loopback (a key's slot decides its node), through a {@code redis-cluster://} URL. Fails under CI
 * when that topology is not running.
 */
class AtomicSecondaryStorageRedisClusterTest extends AtomicSecondaryStorageRedisTest {

    @Override
    protected String url() {
        return RedisTopologies.CLUSTER_URL;
    }

    @Override
    protected void requireRedis() {
        RedisTopologies.requireCluster();
    }
}
