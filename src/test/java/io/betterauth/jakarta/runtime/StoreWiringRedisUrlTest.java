package io.betterauth.jakarta.runtime;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.betterauth.jakarta.config.ConfigurationException;
import io.betterauth.jakarta.store.redis.RedisEndpoint;
import org.junit.jupiter.api.Test;

/** A Redis URL the storage cannot use stops the start-up, naming the key and the fault, never the password. */
class StoreWiringRedisUrlTest {

    @Test
    void aBadRedisUrl_isAConfigurationError_thatNamesTheKey_andHidesThePassword() {
        assertThatThrownBy(() -> StoreWiring.redisEndpoint("redis-cluster://app:s3cret@10.0.0.1:7001/3"))
                .isInstanceOf(ConfigurationException.class)
                .hasMessageStartingWith("better-auth.secondary-storage.redis-url: ")
                .hasMessageContaining("only database 0")
                .satisfies(e -> assertThat(e.getMessage()).doesNotContain("s3cret"));
        assertThatThrownBy(() -> StoreWiring.redisEndpoint("redis-sentinel://:s3cret@10.0.0.1:26379"))
                .isInstanceOf(ConfigurationException.class).hasMessageContaining("names the master")
                .satisfies(e -> assertThat(e.getMessage()).doesNotContain("s3cret"));
    }

    @Test
    void eachForm_isRead() {
        assertThat(StoreWiring.redisEndpoint("redis://127.0.0.1:6379/0").kind())
                .isEqualTo(RedisEndpoint.Kind.STANDALONE);
        assertThat(StoreWiring.redisEndpoint("redis-sentinel://127.0.0.1:26390/better-auth").kind())
                .isEqualTo(RedisEndpoint.Kind.SENTINEL);
        assertThat(StoreWiring.redisEndpoint("redis-cluster://127.0.0.1:7001,127.0.0.1:7002").kind())
                .isEqualTo(RedisEndpoint.Kind.CLUSTER);
    }
}
