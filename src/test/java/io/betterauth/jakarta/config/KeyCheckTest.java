package io.betterauth.jakarta.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.logging.Handler;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import org.junit.jupiter.api.Test;

/** Unknown {@code better-auth.*} keys stop the start-up naming the closest known key; unknown variables only warn. */
class KeyCheckTest {

    private static final String SECRET = ConfigLoaderTest.SECRET;

    @Test
    void aMisspelledKey_stopsTheStartUp_namingTheKeyItMeant() {
        assertThatThrownBy(() -> load(Map.of("better-auth.secret", SECRET, "better-auth.sesion.expires-in", "60")))
                .isInstanceOf(ConfigurationException.class)
                .hasMessageStartingWith("better-auth.sesion.expires-in is not a known configuration key; did you "
                        + "mean better-auth.session.expires-in?")
                .hasMessageContaining("better-auth.config.unknown-keys=warn");
    }

    @Test
    void aKeyLikeNoOther_saysSo_andEveryUnknownKeyIsNamedAtOnce() {
        assertThatThrownBy(() -> load(Map.of("better-auth.secret", SECRET, "better-auth.frobnicate", "1",
                "better-auth.session.cookie-cache.max-ag", "60")))
                .isInstanceOf(ConfigurationException.class)
                .hasMessageContaining("better-auth.frobnicate is not a known configuration key; no similar key")
                .hasMessageContaining("better-auth.session.cookie-cache.max-ag is not a known configuration key; "
                        + "did you mean better-auth.session.cookie-cache.max-age?");
    }

    @Test
    void knownKeys_familyKeys_andOtherApplicationsKeys_pass() {
        BetterAuthConfig c = load(Map.of("better-auth.secret", SECRET, "better-auth.user.model-name", "ba_user",
                "better-auth.session.expires-in", "60", "my-app.setting", "x", "better-authx", "y"));
        assertThat(c.session().expiresIn()).isEqualTo(60);
    }

    @Test
    void theEscapeHatch_turnsUnknownKeysIntoWarnings_andRefusesOtherValues() {
        List<String> warnings = captureWarnings(() -> load(Map.of("better-auth.secret", SECRET,
                "better-auth.sesion.expires-in", "60", "better-auth.config.unknown-keys", "WARN")));
        assertThat(warnings).anyMatch(w -> w.contains("better-auth.sesion.expires-in is not a known configuration "
                + "key; did you mean better-auth.session.expires-in? (ignored"));
        assertThatThrownBy(() -> load(Map.of("better-auth.secret", SECRET, "better-auth.config.unknown-keys", "off")))
                .isInstanceOf(ConfigurationException.class)
                .hasMessage("Configuration value better-auth.config.unknown-keys='off' is not valid: expected warn "
                        + "or fail");
    }

    @Test
    void unknownEnvironmentVariables_onlyWarn_andNodeBetterAuthsOwnAreNotReported() {
        Map<String, String> env = new HashMap<>();
        env.put("BETTER_AUTH_SECRET", SECRET);
        env.put("BETTER_AUTH_URL", "https://app.example.com");
        env.put("BETTER_AUTH_SESION_EXPIRES_IN", "60");
        env.put("BETTER_AUTH_SESSION_MODEL_NAME", "ba_session");
        env.put("BETTER_AUTH_TELEMETRY", "0");
        env.put("BETTER_AUTH_TELEMETRY_ENDPOINT", "https://telemetry.example.com");
        env.put("PATH", "/usr/bin");
        List<String> warnings = captureWarnings(() ->
                new ConfigLoader(List.of(ConfigSource.environment(env))).load());
        assertThat(warnings).containsExactly("Environment variable BETTER_AUTH_SESION_EXPIRES_IN is no better-auth "
                + "key's; did you mean BETTER_AUTH_SESSION_EXPIRES_IN? (ignored)");
    }

    @Test
    void sourcesList_theirOwnNamesOnly() {
        assertThat(ConfigSource.of(Map.of("better-auth.url", "x", "other", "y")).names())
                .containsExactly("better-auth.url");
        assertThat(ConfigSource.environment(Map.of("BETTER_AUTH_URL", "x", "HOME", "/root")).names())
                .containsExactly("BETTER_AUTH_URL");
        assertThat(ConfigSource.environment(Map.of("BETTER_AUTH_URL", "x")::get).names()).isEmpty();
        String property = "better-auth.key-check-test." + System.nanoTime();
        System.setProperty(property, "1");
        try {
            assertThat(ConfigSource.systemProperties().names()).contains(property)
                    .allMatch(n -> n.startsWith("better-auth."));
        } finally {
            System.clearProperty(property);
        }
    }

    @Test
    void distance_isLevenshteins_cutAtTheLimit() {
        assertThat(KeyCheck.distance("kitten", "sitting", 4)).isEqualTo(3);
        assertThat(KeyCheck.distance("same", "same", 4)).isZero();
        assertThat(KeyCheck.distance("a", "abcdefgh", 4)).isEqualTo(4);
        assertThat(KeyCheck.distance("abcdefgh", "hgfedcba", 4)).isEqualTo(4);
    }

    private static BetterAuthConfig load(Map<String, String> values) {
        return new ConfigLoader(List.of(ConfigSource.of(values))).load();
    }

    private static List<String> captureWarnings(Runnable action) {
        Logger logger = Logger.getLogger(KeyCheck.class.getName());
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
