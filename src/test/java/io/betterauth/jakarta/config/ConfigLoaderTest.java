package io.betterauth.jakarta.config;

import io.betterauth.jakarta.core.cookie.SessionCookies;
import io.betterauth.jakarta.config.option.SessionOptions;
import io.betterauth.jakarta.config.option.DatabaseOptions;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.logging.Handler;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import org.junit.jupiter.api.Test;

class ConfigLoaderTest {

    static final String SECRET = "a-long-random-secret-9f8e7d6c5b4a3210ZYXWVUT";

    @Test
    void defaults_areBetterAuths() {
        BetterAuthConfig c = new ConfigLoader(List.of(ConfigSource.of(Map.of("better-auth.secret", SECRET)))).load();
        assertThat(c.session())
                .extracting(SessionOptions::expiresIn, SessionOptions::updateAge, SessionOptions::freshAge,
                        SessionOptions::disableSessionRefresh, SessionOptions::deferSessionRefresh)
                .containsExactly(604800L, 86400L, 86400L, false, false);
        assertThat(c.advanced().cookiePrefix()).isEqualTo("better-auth");
        assertThat(c.basePath()).isEqualTo("/api/auth");
        assertThat(c.emailAndPassword().minPasswordLength()).isEqualTo(8);
        assertThat(c.emailAndPassword().maxPasswordLength()).isEqualTo(128);
        // Better Auth's emailAndPassword.enabled is off unless set; the sessions page (ours) is an explicit choice.
        assertThat(c.emailAndPassword().enabled()).isFalse();
        assertThat(c.emailAndPassword().disableSignUp()).isFalse();
        assertThat(c.sessionsPage().enabled()).isFalse();
        assertThat(BetterAuthConfig.builder().secret(SECRET).build().emailAndPassword().enabled()).isFalse();
        assertThat(BetterAuthConfig.builder().secret(SECRET).build().sessionsPage().enabled()).isFalse();
        assertThat(c.advanced().defaultCookieAttributes().sameSite().configValue()).isEqualTo("lax");
        assertThat(c.advanced().ipAddress().ipAddressHeaders()).isEmpty();
    }

    @Test
    void missingSecret_refusesToStart_withAMessageThatSaysWhatToDo() {
        assertThatThrownBy(() -> new ConfigLoader(List.of(ConfigSource.of(Map.of()))).load())
                .isInstanceOf(ConfigurationException.class)
                .hasMessageContaining("better-auth.secret").hasMessageContaining("BETTER_AUTH_SECRET");
    }

    @Test
    void devMode_allowsAMissingSecret_andWarnsLoudly() {
        List<String> warnings = captureWarnings(() -> {
            BetterAuthConfig c = new ConfigLoader(List.of(ConfigSource.of(Map.of("better-auth.dev-mode", "true")))).load();
            assertThat(c.secret()).isEqualTo(BetterAuthConfig.DEFAULT_SECRET);
        });
        assertThat(warnings).anyMatch(w -> w.contains("dev-mode is ON"));
    }

    @Test
    void shortSecret_startsWithAWarning() {
        List<String> warnings = captureWarnings(() ->
                new ConfigLoader(List.of(ConfigSource.of(Map.of("better-auth.secret", "short-secret")))).load());
        assertThat(warnings).anyMatch(w -> w.contains("shorter than 32 characters"));
        List<String> none = captureWarnings(() ->
                new ConfigLoader(List.of(ConfigSource.of(Map.of("better-auth.secret", SECRET)))).load());
        assertThat(none).isEmpty();
    }

    @Test
    void betterAuthsPublicDefaultSecret_outsideDevMode_refusesToStart_namingTheOptionToSet() {
        assertThatThrownBy(() -> load(Map.of("better-auth.secret", BetterAuthConfig.DEFAULT_SECRET)))
                .isInstanceOf(ConfigurationException.class).hasMessageContaining("default secret")
                .hasMessageContaining("better-auth.secret").hasMessageContaining("BETTER_AUTH_SECRET")
                .hasMessageContaining("better-auth.dev-mode=true");
        Map<String, String> env = Map.of("BETTER_AUTH_SECRET", BetterAuthConfig.DEFAULT_SECRET);
        assertThatThrownBy(() -> new ConfigLoader(List.of(ConfigSource.environment(env::get))).load())
                .isInstanceOf(ConfigurationException.class).hasMessageContaining("default secret");
        // The same rule holds for a configuration built in code (a CDI producer).
        assertThatThrownBy(() -> BetterAuthConfig.builder().secret(BetterAuthConfig.DEFAULT_SECRET).build())
                .isInstanceOf(ConfigurationException.class).hasMessageContaining("default secret");
        // Kept next to versioned secrets, where it would be left out of the ring, it is still a mistake to fix.
        assertThatThrownBy(() -> load(Map.of("better-auth.secret", BetterAuthConfig.DEFAULT_SECRET,
                "better-auth.secrets", "2:" + SECRET)))
                .isInstanceOf(ConfigurationException.class).hasMessageContaining("better-auth.secret ");
    }

    @Test
    void betterAuthsPublicDefaultSecret_asAnyEntryOfTheRing_outsideDevMode_refusesToStart() {
        for (String secrets : new String[] {"2:" + BetterAuthConfig.DEFAULT_SECRET + ",1:" + SECRET,
                "2:" + SECRET + ",1:" + BetterAuthConfig.DEFAULT_SECRET}) {
            String version = secrets.startsWith("2:" + BetterAuthConfig.DEFAULT_SECRET) ? "2" : "1";
            assertThatThrownBy(() -> load(Map.of("better-auth.secret", SECRET + "-legacy",
                    "better-auth.secrets", secrets))).as(secrets)
                    .isInstanceOf(ConfigurationException.class)
                    .hasMessageContaining("version " + version + " of better-auth.secrets")
                    .hasMessageContaining("BETTER_AUTH_SECRETS")
                    .extracting(Throwable::getMessage).asString().doesNotContain(BetterAuthConfig.DEFAULT_SECRET);
            assertThatThrownBy(() -> load(Map.of("better-auth.secrets", secrets))).as(secrets)
                    .isInstanceOf(ConfigurationException.class).hasMessageContaining("of better-auth.secrets");
        }
        assertThatThrownBy(() -> load(Map.of("better-auth.secrets", "2:" + SECRET + ",2:" + SECRET + "x")))
                .isInstanceOf(ConfigurationException.class).hasMessageContaining("Duplicate version 2");
    }

    @Test
    void betterAuthsPublicDefaultSecret_inDevMode_isAccepted_withTheBanner() {
        List<String> warnings = captureWarnings(() -> {
            BetterAuthConfig c = load(Map.of("better-auth.dev-mode", "true",
                    "better-auth.secret", BetterAuthConfig.DEFAULT_SECRET));
            assertThat(c.secretRing().current().value()).isEqualTo(BetterAuthConfig.DEFAULT_SECRET);
        });
        assertThat(warnings).anyMatch(w -> w.contains("dev-mode is ON") && w.contains("public default secret"));
        BetterAuthConfig ring = load(Map.of("better-auth.dev-mode", "true",
                "better-auth.secrets", "2:" + SECRET + ",1:" + BetterAuthConfig.DEFAULT_SECRET));
        assertThat(ring.secretRing().all()).hasSize(2);
    }

    @Test
    void shortOrLowEntropyRingEntries_warn_theCurrentOneThatSignsIncluded() {
        List<String> current = captureWarnings(() -> load(Map.of("better-auth.secret", SECRET,
                "better-auth.secrets", "2:short-current,1:" + SECRET + "-old")));
        assertThat(current).containsExactly(
                "better-auth.secrets version 2 (current) is shorter than 32 characters; use a longer random secret.");
        List<String> older = captureWarnings(() -> load(Map.of("better-auth.secrets",
                "3:" + SECRET + ",2:" + "ab".repeat(20) + ",1:short-old")));
        assertThat(older).containsExactly(
                "better-auth.secrets version 2 looks low in entropy; use a random secret.",
                "better-auth.secrets version 1 is shorter than 32 characters; use a longer random secret.");
        List<String> legacy = captureWarnings(() -> load(Map.of("better-auth.secret", "short-legacy",
                "better-auth.secrets", "2:" + SECRET)));
        assertThat(legacy).singleElement().asString().startsWith("better-auth.secret (kept next to");
    }

    private static BetterAuthConfig load(Map<String, String> values) {
        return new ConfigLoader(List.of(ConfigSource.of(values))).load();
    }

    @Test
    void higherSourcesWin_keyByKey_andTheEnvironmentUsesUpperSnakeCase() {
        Map<String, String> env = Map.of("BETTER_AUTH_SECRET", SECRET, "BETTER_AUTH_SESSION_EXPIRES_IN", "3600",
                "BETTER_AUTH_SESSION_UPDATE_AGE", "600", "BETTER_AUTH_TRUSTED_ORIGINS", "https://a.example, https://b.example");
        BetterAuthConfig c = new ConfigLoader(List.of(
                ConfigSource.of(Map.of("better-auth.session.update-age", "60")),
                ConfigSource.environment(env::get))).load();
        assertThat(c.secret()).isEqualTo(SECRET);
        assertThat(c.session().expiresIn()).isEqualTo(3600);
        assertThat(c.session().updateAge()).isEqualTo(60);
        assertThat(c.trustedOrigins()).containsExactly("https://a.example", "https://b.example");
    }

    @Test
    void valuesThatDoNotParse_nameTheKey() {
        assertThatThrownBy(() -> new ConfigLoader(List.of(ConfigSource.of(Map.of("better-auth.secret", SECRET,
                "better-auth.session.expires-in", "7d")))).load())
                .isInstanceOf(ConfigurationException.class).hasMessageContaining("better-auth.session.expires-in='7d'");
        assertThatThrownBy(() -> new ConfigLoader(List.of(ConfigSource.of(Map.of("better-auth.secret", SECRET,
                "better-auth.session.defer-session-refresh", "maybe")))).load())
                .isInstanceOf(ConfigurationException.class).hasMessageContaining("defer-session-refresh");
        assertThatThrownBy(() -> new ConfigLoader(List.of(ConfigSource.of(Map.of("better-auth.secret", SECRET,
                "better-auth.url", "localhost:8080")))).load())
                .isInstanceOf(ConfigurationException.class).hasMessageContaining("absolute URL");
    }

    @Test
    void cookieOptions_asBetterAuthNamesThem() {
        BetterAuthConfig c = new ConfigLoader(List.of(ConfigSource.of(Map.of("better-auth.secret", SECRET,
                "better-auth.url", "https://app.example.com",
                "better-auth.advanced.cookie-prefix", "myapp",
                "better-auth.advanced.cross-sub-domain-cookies.enabled", "true",
                "better-auth.advanced.default-cookie-attributes.same-site", "strict")))).load();
        SessionCookies cookies = new SessionCookies(c);
        assertThat(cookies.sessionToken("AbCdEfGhIjKlMnOpQrStUvWxYz012345", false))
                .startsWith("__Secure-myapp.session_token=AbCdEfGhIjKlMnOpQrStUvWxYz012345.")
                .endsWith("; Max-Age=604800; Domain=app.example.com; Path=/; HttpOnly; Secure; SameSite=Strict");
        BetterAuthConfig insecure = new ConfigLoader(List.of(ConfigSource.of(Map.of("better-auth.secret", SECRET,
                "better-auth.url", "https://app.example.com",
                "better-auth.advanced.use-secure-cookies", "false")))).load();
        assertThat(new SessionCookies(insecure).sessionTokenName()).isEqualTo("better-auth.session_token");
        BetterAuthConfig noUrl = new ConfigLoader(List.of(ConfigSource.of(Map.of("better-auth.secret", SECRET)))).load();
        assertThat(new SessionCookies(noUrl).sessionTokenName()).isEqualTo("__Secure-better-auth.session_token");
    }

    @Test
    void databaseUrl_fromTheEnvironment_isTheLibrarysOwnConnection_andItsPasswordIsNeverPrinted() {
        Map<String, String> env = Map.of("BETTER_AUTH_SECRET", SECRET,
                "BETTER_AUTH_DATABASE_URL", "jdbc:postgresql://127.0.0.1:5432/app",
                "BETTER_AUTH_DATABASE_USER", "app", "BETTER_AUTH_DATABASE_PASSWORD", "s3cret");
        BetterAuthConfig c = new ConfigLoader(List.of(ConfigSource.environment(env::get))).load();
        assertThat(c.database().connection()).isEqualTo(
                new DatabaseOptions.Connection("jdbc:postgresql://127.0.0.1:5432/app", "app", "s3cret"));
        assertThat(c.database().connection().configured()).isTrue();
        assertThat(c.toString()).doesNotContain("s3cret");
        BetterAuthConfig container = new ConfigLoader(List.of(ConfigSource.of(Map.of("better-auth.secret", SECRET))))
                .load();
        assertThat(container.database().connection().configured()).isFalse();
    }

    @Test
    void cookieCacheDecodedEntries_is1000ByDefault_0TurnsItOff_andNegativeIsRefused() {
        Map<String, String> base = Map.of("better-auth.secret", SECRET);
        assertThat(new ConfigLoader(List.of(ConfigSource.of(base))).load().session().cookieCache().decodedEntries())
                .isEqualTo(1000);
        Map<String, String> env = Map.of("BETTER_AUTH_SECRET", SECRET,
                "BETTER_AUTH_SESSION_COOKIE_CACHE_DECODED_ENTRIES", "0");
        assertThat(new ConfigLoader(List.of(ConfigSource.environment(env::get))).load().session().cookieCache()
                .decodedEntries()).isZero();
        assertThatThrownBy(() -> new ConfigLoader(List.of(ConfigSource.of(Map.of("better-auth.secret", SECRET,
                "better-auth.session.cookie-cache.decoded-entries", "-1")))).load())
                .isInstanceOf(ConfigurationException.class).hasMessageContaining("decoded-entries");
    }

    @Test
    void databasePoolSize_is10ByDefault_configurable_andBoundedFrom1To1000() {
        Map<String, String> base = Map.of("better-auth.secret", SECRET);
        assertThat(new ConfigLoader(List.of(ConfigSource.of(base))).load().database().connection().poolSize())
                .isEqualTo(10);
        Map<String, String> env = Map.of("BETTER_AUTH_SECRET", SECRET, "BETTER_AUTH_DATABASE_POOL_SIZE", "32",
                "BETTER_AUTH_DATABASE_URL", "jdbc:postgresql://127.0.0.1:5432/app");
        assertThat(captureWarnings(() -> assertThat(new ConfigLoader(List.of(ConfigSource.environment(env::get)))
                .load().database().connection().poolSize()).isEqualTo(32))).noneMatch(m -> m.contains("pool-size"));
        // the container's data source has its own pool: the key alone is a mistake worth a warning
        assertThat(captureWarnings(() -> new ConfigLoader(List.of(ConfigSource.of(Map.of("better-auth.secret", SECRET,
                "better-auth.database.pool-size", "32")))).load()))
                .anyMatch(m -> m.contains("pool-size has no effect without better-auth.database.url"));
        for (String bad : List.of("0", "-1", "1001", "ten")) {
            assertThatThrownBy(() -> new ConfigLoader(List.of(ConfigSource.of(Map.of("better-auth.secret", SECRET,
                    "better-auth.database.pool-size", bad)))).load())
                    .isInstanceOf(ConfigurationException.class).hasMessageContaining("pool-size");
        }
    }

    @Test
    void maxBodySize_is64KiBByDefault_configurableInBytes_andMustBePositive() {
        Map<String, String> base = Map.of("better-auth.secret", SECRET);
        assertThat(new ConfigLoader(List.of(ConfigSource.of(base))).load().advanced().maxBodySize()).isEqualTo(65536);
        Map<String, String> env = Map.of("BETTER_AUTH_SECRET", SECRET, "BETTER_AUTH_ADVANCED_MAX_BODY_SIZE", "1048576");
        assertThat(new ConfigLoader(List.of(ConfigSource.environment(env::get))).load().advanced().maxBodySize())
                .isEqualTo(1048576);
        for (String bad : List.of("0", "-1", "64k", "4294967296")) {
            assertThatThrownBy(() -> new ConfigLoader(List.of(ConfigSource.of(Map.of("better-auth.secret", SECRET,
                    "better-auth.advanced.max-body-size", bad)))).load())
                    .isInstanceOf(ConfigurationException.class).hasMessageContaining("max-body-size");
        }
    }

    static List<String> captureWarnings(Runnable action) {
        Logger logger = Logger.getLogger(ConfigLoader.class.getName());
        List<String> messages = new ArrayList<>();
        Handler handler = new Handler() {
            @Override public void publish(LogRecord r) { messages.add(r.getMessage()); }
            @Override public void flush() { }
            @Override public void close() { }
        };
        logger.addHandler(handler);
        try {
            action.run();
        } finally {
            logger.removeHandler(handler);
        }
        return messages;
    }
}
