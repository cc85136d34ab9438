package io.betterauth.jakarta.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.betterauth.jakarta.config.option.CookieCacheStrategy;
import io.betterauth.jakarta.config.option.DatabaseOptions;
import io.betterauth.jakarta.config.option.RateLimitOptions;
import io.betterauth.jakarta.config.option.SameSite;
import io.betterauth.jakarta.core.cookie.SessionCookies;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Every key lands where Better Auth names its option; string options are enums with the old errors. */
class OptionTreeTest {

    static final String SECRET = ConfigLoaderTest.SECRET;

    private static BetterAuthConfig load(Map<String, String> values) {
        Map<String, String> all = new HashMap<>(values);
        all.putIfAbsent("better-auth.secret", SECRET);
        return new ConfigLoader(List.of(ConfigSource.of(all))).load();
    }

    @Test
    void aLoggedConfiguration_neverShowsTheSecretsOrTheRedisPassword() {
        String older = "an-older-secret-that-is-long-enough-for-validation-1";
        BetterAuthConfig config = load(Map.of("better-auth.secrets", "2:" + SECRET + ",1:" + older,
                "better-auth.secondary-storage.redis-url", "redis://app:s3cr3t-pass@127.0.0.1:6379/0"));

        assertThat(config.toString()).doesNotContain(SECRET).doesNotContain(older).doesNotContain("s3cr3t-pass")
                .contains("secret=***").contains("redis://***@127.0.0.1:6379/0").contains("basePath=/api/auth");
    }

    @Test
    void aLoggedConfiguration_neverShowsAPasswordInTheDatabaseUrl() {
        BetterAuthConfig inUserInfo = load(Map.of("better-auth.database.url",
                "jdbc:mysql://app:s3cr3t-pass@127.0.0.1:3306/app"));
        BetterAuthConfig inQuery = load(Map.of("better-auth.database.url",
                "jdbc:postgresql://127.0.0.1:5432/app?user=app&password=s3cr3t-pass"));

        assertThat(inUserInfo.toString()).doesNotContain("s3cr3t-pass").contains("jdbc:mysql://***@127.0.0.1:3306/app");
        assertThat(inQuery.toString()).doesNotContain("s3cr3t-pass").contains("password=***");
    }

    @Test
    void everyKey_landsInItsOption() {
        Map<String, String> keys = new HashMap<>();
        keys.put("better-auth.session.store-session-in-database", "true");
        keys.put("better-auth.session.absolute-expires-in", "600");
        keys.put("better-auth.session.fresh-change-password", "false");
        keys.put("better-auth.session.fresh-revoke", "true");
        keys.put("better-auth.session.revoke-on-sign-in", "true");
        keys.put("better-auth.session.hash-tokens", "true");
        keys.put("better-auth.session.cookie-cache.enabled", "true");
        keys.put("better-auth.session.cookie-cache.max-age", "120");
        keys.put("better-auth.session.cookie-cache.strategy", "jwt");
        keys.put("better-auth.session.cookie-cache.version", "7");
        keys.put("better-auth.session.additional-fields", "{\"theme\":{\"type\":\"string\"}}");
        keys.put("better-auth.user.additional-fields", "{\"plan\":{\"type\":\"string\"}}");
        keys.put("better-auth.user.delete-user.enabled", "true");
        keys.put("better-auth.email-and-password.disable-sign-up", "true");
        keys.put("better-auth.email-and-password.password.max-concurrent-hashes", "3");
        keys.put("better-auth.advanced.cookie-prefix", "app");
        keys.put("better-auth.advanced.cross-sub-domain-cookies.enabled", "true");
        keys.put("better-auth.advanced.cross-sub-domain-cookies.domain", "example.com");
        keys.put("better-auth.advanced.default-cookie-attributes.same-site", "Strict");
        keys.put("better-auth.advanced.default-cookie-attributes.path", "/app");
        keys.put("better-auth.advanced.default-cookie-attributes.http-only", "false");
        keys.put("better-auth.advanced.default-cookie-attributes.secure", "true");
        keys.put("better-auth.advanced.default-cookie-attributes.partitioned", "true");
        keys.put("better-auth.advanced.ip-address.ip-address-headers", "x-forwarded-for, x-real-ip");
        keys.put("better-auth.advanced.ip-address.disable-ip-tracking", "true");
        keys.put("better-auth.advanced.ip-address.trusted-proxy-count", "2");
        keys.put("better-auth.advanced.disable-csrf-check", "true");
        keys.put("better-auth.advanced.use-host-prefix", "true");
        keys.put("better-auth.advanced.clear-site-data", "true");
        keys.put("better-auth.rate-limit.storage", "secondary-storage");
        keys.put("better-auth.secondary-storage.redis-url", "redis://127.0.0.1:6379/0");
        keys.put("better-auth.database", "memory");
        keys.put("better-auth.database.auto-migrate", "false");
        keys.put("better-auth.database.jndi-name", "java:app/jdbc/auth");
        keys.put("better-auth.sessions-page.enabled", "false");
        keys.put("better-auth.sessions-page.path", "/me/sessions");
        keys.put("better-auth.login-page", "/login");
        BetterAuthConfig c = load(keys);

        assertThat(c.session().storeSessionInDatabase()).isTrue();
        assertThat(c.session().preserveSessionInDatabase()).isFalse();
        assertThat(c.session().absoluteExpiresIn()).isEqualTo(600);
        assertThat(c.session().freshChangePassword()).isFalse();
        assertThat(c.session().freshRevoke()).isTrue();
        assertThat(c.session().revokeOnSignIn()).isTrue();
        assertThat(c.session().hashTokens()).isTrue();
        assertThat(c.session().cookieCache().enabled()).isTrue();
        assertThat(c.session().cookieCache().maxAge()).isEqualTo(120);
        assertThat(c.session().cookieCache().strategy()).isEqualTo(CookieCacheStrategy.JWT);
        assertThat(c.session().cookieCache().version()).isEqualTo("7");
        assertThat(c.session().additionalFields().all()).extracting(AdditionalField::name).containsExactly("theme");
        assertThat(c.user().additionalFields().all()).extracting(AdditionalField::name).containsExactly("plan");
        assertThat(c.user().deleteUser().enabled()).isTrue();
        assertThat(c.emailAndPassword().disableSignUp()).isTrue();
        assertThat(c.emailAndPassword().maxConcurrentHashes()).isEqualTo(3);
        assertThat(c.advanced().cookiePrefix()).isEqualTo("app");
        assertThat(c.advanced().crossSubDomainCookies().enabled()).isTrue();
        assertThat(c.advanced().crossSubDomainCookies().domain()).isEqualTo("example.com");
        assertThat(c.advanced().defaultCookieAttributes().sameSite()).isEqualTo(SameSite.STRICT);
        assertThat(c.advanced().defaultCookieAttributes().path()).isEqualTo("/app");
        assertThat(c.advanced().defaultCookieAttributes().httpOnly()).isFalse();
        assertThat(c.advanced().defaultCookieAttributes().secure()).isTrue();
        assertThat(c.advanced().defaultCookieAttributes().partitioned()).isTrue();
        assertThat(c.advanced().ipAddress().ipAddressHeaders()).containsExactly("x-forwarded-for", "x-real-ip");
        assertThat(c.advanced().ipAddress().disableIpTracking()).isTrue();
        assertThat(c.advanced().ipAddress().trustedProxies().count()).isEqualTo(2);
        assertThat(c.advanced().disableCsrfCheck()).isTrue();
        assertThat(c.advanced().useHostPrefix()).isTrue();
        assertThat(c.advanced().clearSiteData()).isTrue();
        assertThat(c.rateLimit().storage()).isEqualTo(RateLimitOptions.Storage.SECONDARY_STORAGE);
        assertThat(c.secondaryStorage().redisUrl()).isEqualTo("redis://127.0.0.1:6379/0");
        assertThat(c.database().adapter()).isEqualTo(DatabaseOptions.Adapter.MEMORY);
        assertThat(c.database().autoMigrate()).isFalse();
        assertThat(c.database().jndiName()).isEqualTo("java:app/jdbc/auth");
        assertThat(load(Map.of()).database().jndiName()).isEqualTo("java:comp/DefaultDataSource");
        assertThat(c.sessionsPage().enabled()).isFalse();
        assertThat(c.sessionsPage().path()).isEqualTo("/me/sessions");
        assertThat(c.loginPage()).isEqualTo("/login");
    }

    @Test
    void preserveSessionInDatabase_impliesStoringThem() {
        BetterAuthConfig c = load(Map.of("better-auth.session.preserve-session-in-database", "true"));
        assertThat(c.session().storeSessionInDatabase()).isTrue();
        assertThat(c.session().preserveSessionInDatabase()).isTrue();
    }

    @Test
    void theBuilderAndTheLoader_startFromTheSameDefaults() {
        assertThat(load(Map.of())).isEqualTo(BetterAuthConfig.builder().secret(SECRET).build());
    }

    @Test
    void sameSite_inAnyLetterCase_isWrittenCapitalised_andAnythingElseNamesTheKey() {
        for (String value : List.of("none", "NONE", " None ")) {
            BetterAuthConfig c = load(Map.of("better-auth.advanced.default-cookie-attributes.same-site", value));
            assertThat(new SessionCookies(c).sessionToken("AbCdEfGhIjKlMnOpQrStUvWxYz012345", false))
                    .as(value).endsWith("; Secure; SameSite=None");
        }
        assertThatThrownBy(() -> load(Map.of("better-auth.advanced.default-cookie-attributes.same-site", "lenient")))
                .isInstanceOf(ConfigurationException.class)
                .hasMessageContaining("better-auth.advanced.default-cookie-attributes.same-site='lenient'")
                .hasMessageContaining("'strict', 'lax' or 'none'");
    }

    @Test
    void databaseAndRateLimitStorage_keepTheirMessages_andTheirExactSpelling() {
        assertThatThrownBy(() -> load(Map.of("better-auth.database", "JPA")))
                .isInstanceOf(ConfigurationException.class)
                .hasMessage("better-auth.database must be 'jpa', 'memory' or 'none', not 'JPA'");
        assertThatThrownBy(() -> load(Map.of("better-auth.rate-limit.storage", "Memory")))
                .isInstanceOf(ConfigurationException.class)
                .hasMessage("better-auth.rate-limit.storage must be 'memory' or 'secondary-storage', not 'Memory'");
        assertThat(load(Map.of("better-auth.database", "none")).stateless()).isTrue();
        assertThat(load(Map.of("better-auth.database", "jpa")).database().adapter())
                .isEqualTo(DatabaseOptions.Adapter.JPA);
    }

    @Test
    void statelessMode_turnsTheCacheOn_asJwe_forTheSessionsLifetime_withRefresh() {
        BetterAuthConfig c = BetterAuthConfig.builder().secret(SECRET).database(DatabaseOptions.Adapter.NONE)
                .expiresIn(3600).build();
        assertThat(c.session().cookieCache().enabled()).isTrue();
        assertThat(c.session().cookieCache().strategy()).isEqualTo(CookieCacheStrategy.JWE);
        assertThat(c.session().cookieCache().maxAge()).isEqualTo(3600);
        assertThat(c.session().cookieCache().refreshCache()).isTrue();
        BetterAuthConfig stored = BetterAuthConfig.builder().secret(SECRET).refreshCache(true).build();
        assertThat(stored.session().cookieCache().enabled()).isFalse();
        assertThat(stored.session().cookieCache().refreshCache()).isFalse();
    }
}
