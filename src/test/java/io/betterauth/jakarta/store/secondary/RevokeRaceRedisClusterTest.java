package io.betterauth.jakarta.store.secondary;

import io.betterauth.jakarta.store.redis.RedisTopologies;
import org.junit.jupiter.api.BeforeAll;

/**
 * {@link RevokeRaceContract} on the three-master Redis Cluster on loopback: a session's key and its user's
 * {@code active-sessions-<userId>} list usually live on different nodes, and the races still end with no revoked
 * session left. Fails under CI when the Cluster is not running.
 */
class RevokeRaceRedisClusterTest extends RevokeRaceRedisTest {

    @Override
    String url() {
        return RedisTopologies.CLUSTER_URL;
    }

    @BeforeAll
    void requireCluster() {
        RedisTopologies.requireCluster();
    }
}
