package io.betterauth.jakarta.store.redis;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.betterauth.jakarta.store.redis.RedisEndpoint.Kind;
import io.betterauth.jakarta.store.redis.RedisEndpoint.Node;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The three forms of {@code better-auth.secondary-storage.redis-url}, and that no message repeats a password. */
class RedisEndpointTest {

    @Test
    void oneRedis_asJedisReadsIt() {
        assertThat(RedisEndpoint.parse("redis://127.0.0.1:6379/0")).isEqualTo(
                new RedisEndpoint(Kind.STANDALONE, false, List.of(new Node("127.0.0.1", 6379)), null, null, null, 0,
                        false));
        assertThat(RedisEndpoint.parse("redis://cache.example.com")).isEqualTo(
                new RedisEndpoint(Kind.STANDALONE, false, List.of(new Node("cache.example.com", 6379)), null, null,
                        null, 0, false));
        RedisEndpoint e = RedisEndpoint.parse(" rediss://app:p%40ss:w%2Frd@cache.example.com:6380/15/?protocol=3 ");
        assertThat(e.kind()).isEqualTo(Kind.STANDALONE);
        assertThat(e.tls()).isTrue();
        assertThat(e.user()).isEqualTo("app");
        assertThat(e.password()).isEqualTo("p@ss:w/rd");
        assertThat(e.database()).isEqualTo(15);
        assertThat(e.resp3()).isTrue();
        assertThat(e.nodes()).containsExactly(new Node("cache.example.com", 6380));
        assertThat(RedisEndpoint.parse("redis://:only-a-password@[::1]:6379/2")).satisfies(p -> {
            assertThat(p.user()).isNull();
            assertThat(p.password()).isEqualTo("only-a-password");
            assertThat(p.nodes()).containsExactly(new Node("::1", 6379));
            assertThat(p.database()).isEqualTo(2);
        });
        // a raw '@' in a password: the credentials end at the last '@'
        assertThat(RedisEndpoint.parse("redis://u:a@b@h:1/3").password()).isEqualTo("a@b");
        assertThat(RedisEndpoint.parse("REDIS://h:1").kind()).isEqualTo(Kind.STANDALONE);
    }

    @Test
    void sentinels_nameTheirMaster_andMayGiveADatabase() {
        RedisEndpoint e = RedisEndpoint.parse("redis-sentinel://app:s3cret@10.0.0.1:26379,10.0.0.2:26380,"
                + "sentinel-3/better-auth/4");
        assertThat(e.kind()).isEqualTo(Kind.SENTINEL);
        assertThat(e.tls()).isFalse();
        assertThat(e.nodes()).containsExactly(new Node("10.0.0.1", 26379), new Node("10.0.0.2", 26380),
                new Node("sentinel-3", 26379));
        assertThat(e.masterName()).isEqualTo("better-auth");
        assertThat(e.user()).isEqualTo("app");
        assertThat(e.password()).isEqualTo("s3cret");
        assertThat(e.database()).isEqualTo(4);
        assertThat(RedisEndpoint.parse("rediss-sentinel://h1,h2/mymaster")).satisfies(p -> {
            assertThat(p.tls()).isTrue();
            assertThat(p.masterName()).isEqualTo("mymaster");
            assertThat(p.database()).isZero();
        });
    }

    @Test
    void aCluster_isItsSeedNodes_withDatabaseZeroOnly() {
        RedisEndpoint e = RedisEndpoint.parse("redis-cluster://:pw@127.0.0.1:7001,127.0.0.1:7002,[::1]:7003");
        assertThat(e.kind()).isEqualTo(Kind.CLUSTER);
        assertThat(e.nodes()).containsExactly(new Node("127.0.0.1", 7001), new Node("127.0.0.1", 7002),
                new Node("::1", 7003));
        assertThat(e.password()).isEqualTo("pw");
        assertThat(e.masterName()).isNull();
        assertThat(RedisEndpoint.parse("rediss-cluster://h:7001/0").tls()).isTrue();
        assertThatThrownBy(() -> RedisEndpoint.parse("redis-cluster://h:7001/1"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("only database 0");
    }

    @Test
    void whatIsWrong_isSaid() {
        String[][] cases = {
            {"http://h:1", "scheme"},
            {"cache.example.com:6379", "Not a Redis URL"},
            {"", "No Redis URL"},
            {"redis://h1:1,h2:2", "names one host"},
            {"redis://h:0", "port"},
            {"redis://h:65536", "port"},
            {"redis://h:port", "port"},
            {"redis://h:1/x", "database"},
            {"redis://h:1/-1", "database"},
            {"redis://h:1/1/2", "path of at most /db"},
            {"redis-sentinel://h:26379", "names the master"},
            {"redis-sentinel://h:26379/", "names the master"},
            {"redis-sentinel://h:26379/m/1/2", "/masterName/db"},
            {"redis-cluster://h1:1,,h2:2", "empty host"},
            {"redis-cluster://", "names a host"},
            {"redis://::1:6379", "brackets"},
            {"redis://[::1:6379", "closing"},
            {"redis://bad host:1", "not a host name"},
            {"redis://h:1?protocol=4", "protocol"},
            {"redis://u:%zz@h:1", "'%'"},
        };
        for (String[] c : cases) {
            assertThatThrownBy(() -> RedisEndpoint.parse(c[0])).as(c[0])
                    .isInstanceOf(IllegalArgumentException.class).hasMessageContaining(c[1]);
        }
    }

    @Test
    void noMessage_andNoToString_repeatsThePassword() {
        String[] bad = {
            "http://user:s3cret@example.com",
            "redis://user:s3cret@ bad host",
            "redis://user:s3cret@h:1/x",
            "redis-cluster://user:s3cret@h:1/5",
            "redis-sentinel://user:s3cret@h:26379",
            "redis://s3cret@h:1",
            "redis://user:s3cret@h:99999",
            "redis-sentinel://user:s3cret@h:1,/m",
        };
        for (String url : bad) {
            assertThatThrownBy(() -> RedisEndpoint.parse(url)).as(url).isInstanceOf(IllegalArgumentException.class)
                    .satisfies(e -> assertThat(e.getMessage() + e.getCause()).doesNotContain("s3cret"));
        }
        RedisEndpoint e = RedisEndpoint.parse("redis-sentinel://app:s3cret@h1:26379,h2:26380/better-auth/2");
        assertThat(e.toString()).isEqualTo("redis-sentinel://app:***@h1:26379,h2:26380/better-auth/2")
                .doesNotContain("s3cret");
        assertThat(RedisEndpoint.parse("rediss-cluster://:s3cret@[::1]:7001").toString())
                .isEqualTo("rediss-cluster://:***@[::1]:7001");
        assertThat(RedisEndpoint.parse("redis://h:1").toString()).isEqualTo("redis://h:1");
    }

    @Test
    void theStorage_acceptsEveryForm_withoutConnecting() {
        // Built lazily: none of these hosts exists, and nothing is asked of them until the first call.
        for (String url : new String[] {"redis://no-such-host.invalid:6379/1",
            "redis-sentinel://no-such-host.invalid:26379/m", "redis-cluster://no-such-host.invalid:7001"}) {
            new RedisSecondaryStorage(url).close();
        }
        assertThatThrownBy(() -> new RedisSecondaryStorage("redis-cluster://h:1/2"))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
