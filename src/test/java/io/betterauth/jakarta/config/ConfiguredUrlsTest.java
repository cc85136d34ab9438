package io.betterauth.jakarta.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Malformed URLs and numbers stop the start-up with the key named, and a URL is never shown with its password. */
class ConfiguredUrlsTest {

    private static final String SECRET = ConfigLoaderTest.SECRET;

    @Test
    void masked_hidesUserInformationAndPasswordParameters() {
        assertThat(ConfiguredUrls.masked("redis://user:s3cret@127.0.0.1:6379/0")).isEqualTo("redis://***@127.0.0.1:6379/0");
        assertThat(ConfiguredUrls.masked("redis://:p@ss@host:6379")).isEqualTo("redis://***@host:6379");
        assertThat(ConfiguredUrls.masked("redis-sentinel://u:pw@h1:26379,h2:26380/mymaster"))
                .isEqualTo("redis-sentinel://***@h1:26379,h2:26380/mymaster");
        assertThat(ConfiguredUrls.masked("jdbc:postgresql://db/app?user=app&password=s3cret&ssl=true"))
                .isEqualTo("jdbc:postgresql://db/app?user=app&password=***&ssl=true");
        assertThat(ConfiguredUrls.masked("jdbc:sqlserver://db;user=sa;Password=s3cret;encrypt=true"))
                .isEqualTo("jdbc:sqlserver://db;user=sa;Password=***;encrypt=true");
        assertThat(ConfiguredUrls.masked("jdbc:oracle:thin:scott/s3cret@db:1521/orcl"))
                .isEqualTo("jdbc:oracle:thin:***@db:1521/orcl");
        assertThat(ConfiguredUrls.masked("https://app.example.com")).isEqualTo("https://app.example.com");
    }

    @Test
    void aMalformedDatabaseUrl_stopsTheStartUp_withoutItsPassword() {
        for (String bad : List.of("postgresql://app:s3cret@db/app", "jdbc:", "jdbc:postgresql", "s3cret")) {
            assertThatThrownBy(() -> load("better-auth.database.url", bad))
                    .isInstanceOf(ConfigurationException.class)
                    .hasMessageStartingWith("better-auth.database.url must be a JDBC URL such as "
                            + "jdbc:postgresql://127.0.0.1:5432/app, not ")
                    .hasMessageNotContaining("s3cret");
        }
        assertThatThrownBy(() -> load("better-auth.database.url", "postgresql://app:s3cret@db/app"))
                .hasMessageEndingWith("not 'postgresql://***@db/app'");
        assertThatThrownBy(() -> load("better-auth.database.url", "s3cret"))
                .hasMessageEndingWith("not a value without a scheme (not shown: it may hold a password)");
        assertThat(load("better-auth.database.url", "jdbc:h2:mem:app;DB_CLOSE_DELAY=-1").database().connection().url())
                .startsWith("jdbc:h2:mem:");
    }

    @Test
    void aMalformedRedisUrl_stopsTheStartUp_withoutItsPassword() {
        for (String bad : List.of("http://u:s3cret@host:6379", "redis://u:s3cret@", "redis://u:s3cret@h1:6379,h2:6379",
                "redis://u:s3cret@host:99999", "redis://u:s3cret@ho st", "127.0.0.1:6379", "redis-sentinel://u:s3cret@/m")) {
            assertThatThrownBy(() -> load("better-auth.secondary-storage.redis-url", bad))
                    .as(bad).isInstanceOf(ConfigurationException.class)
                    .hasMessageStartingWith("better-auth.secondary-storage.redis-url must be a Redis URL such as "
                            + "redis://127.0.0.1:6379/0 (schemes: redis, rediss, redis-sentinel, rediss-sentinel, "
                            + "redis-cluster, rediss-cluster), not ")
                    .hasMessageNotContaining("s3cret");
        }
        for (String good : List.of("redis://127.0.0.1:6379/0", "rediss://u:p@cache.example.com", "redis://[::1]:6379",
                "redis-sentinel://:pw@127.0.0.1:26379,127.0.0.1:26380/mymaster/1", "rediss-sentinel://h:26379/m",
                "redis-cluster://u:pw@h1:7001,h2:7002,h3:7003", "rediss-cluster://h1:7001")) {
            assertThat(load("better-auth.secondary-storage.redis-url", good).secondaryStorage().redisUrl())
                    .isEqualTo(good);
        }
    }

    @Test
    void aMalformedBaseUrl_stopsTheStartUp_withoutItsPassword() {
        for (String bad : List.of("app.example.com", "https://u:s3cret@/x", "https://exa mple.com", "/api")) {
            assertThatThrownBy(() -> load("better-auth.url", bad))
                    .as(bad).isInstanceOf(ConfigurationException.class)
                    .hasMessageStartingWith("better-auth.url must be an absolute URL such as https://app.example.com")
                    .hasMessageNotContaining("s3cret");
        }
    }

    @Test
    void numbersOutOfRange_stopTheStartUp_namingTheKeyAndTheRange() {
        assertThatThrownBy(() -> load("better-auth.session.expires-in", "0"))
                .isInstanceOf(ConfigurationException.class)
                .hasMessage("Configuration value better-auth.session.expires-in='0' is not valid: expected a whole "
                        + "number from 1 to 2147483647");
        assertThatThrownBy(() -> load("better-auth.session.cookie-cache.max-age", "-300"))
                .hasMessageContaining("better-auth.session.cookie-cache.max-age='-300'");
        assertThatThrownBy(() -> load("better-auth.session.update-age", "-1"))
                .hasMessageContaining("expected a whole number from 0 to");
        assertThatThrownBy(() -> load("better-auth.rate-limit.window", "0")).hasMessageContaining("from 1 to");
        assertThatThrownBy(() -> load("better-auth.rate-limit.max", "99999999999999999999"))
                .hasMessage("Configuration value better-auth.rate-limit.max='99999999999999999999' is not valid: "
                        + "expected a whole number from 1 to 2147483647");
        assertThatThrownBy(() -> load("better-auth.email-and-password.min-password-length", "0"))
                .hasMessageContaining("from 1 to 4096");
        assertThatThrownBy(() -> load("better-auth.purge.batch-size", "2147483648"))
                .hasMessageContaining("from 1 to 100000");
        assertThatThrownBy(() -> load("better-auth.advanced.max-body-size", "0"))
                .hasMessageContaining("from 1 to 104857600");
        assertThat(load("better-auth.session.update-age", "0").session().updateAge()).isZero();
    }

    private static BetterAuthConfig load(String key, String value) {
        return new ConfigLoader(List.of(ConfigSource.of(Map.of("better-auth.secret", SECRET, key, value)))).load();
    }
}
