package io.betterauth.jakarta.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.betterauth.jakarta.config.plugin.Plugin;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** {@code better-auth.plugins} and the plugins' option keys, as an application configures them. */
class PluginConfigTest {

    private static BetterAuthConfig load(Map<String, String> env) {
        Map<String, String> all = new java.util.HashMap<>(env);
        all.put("BETTER_AUTH_SECRET", ConfigLoaderTest.SECRET);
        return new ConfigLoader(List.of(ConfigSource.environment(all::get))).load();
    }

    @Test
    void noPluginByDefault_asBetterAuth() {
        BetterAuthConfig c = load(Map.of());
        assertThat(c.plugins().enabled()).isEmpty();
        assertThat(c.plugins().on(Plugin.BEARER)).isFalse();
        assertThat(c.plugins().bearer().requireSignature()).isFalse();
    }

    @Test
    void betterAuthPlugins_fromTheEnvironment_inAnyCase_blanksIgnored_withTheirOptions() {
        BetterAuthConfig c = load(Map.of("BETTER_AUTH_PLUGINS", " Bearer ,, bearer",
                "BETTER_AUTH_PLUGINS_BEARER_REQUIRE_SIGNATURE", "true"));
        assertThat(c.plugins().enabled()).containsExactly(Plugin.BEARER);
        assertThat(c.plugins().bearer().requireSignature()).isTrue();
    }

    @Test
    void anUnknownPlugin_stopsTheStartUp_listingTheAvailableOnes() {
        assertThatThrownBy(() -> load(Map.of("BETTER_AUTH_PLUGINS", "bearer,organisation")))
                .isInstanceOf(ConfigurationException.class)
                .hasMessage("Configuration value better-auth.plugins='bearer,organisation' is not valid: unknown "
                        + "plugin 'organisation' (available: bearer, multi-session)");
        assertThatThrownBy(() -> load(Map.of("BETTER_AUTH_PLUGINS", "jwt")))
                .isInstanceOf(ConfigurationException.class)
                .hasMessageEndingWith("the plugin 'jwt' is not available in this version (available: bearer, "
                        + "multi-session)");
    }

    @Test
    void anOptionOfAPluginThatIsNotOn_stopsTheStartUp_namingTheListToFix() {
        assertThatThrownBy(() -> load(Map.of("BETTER_AUTH_PLUGINS", "",
                "BETTER_AUTH_PLUGINS_BEARER_REQUIRE_SIGNATURE", "true")))
                .isInstanceOf(ConfigurationException.class)
                .hasMessage("better-auth.plugins.bearer.require-signature is set, but the plugin 'bearer' is not "
                        + "switched on: add it to better-auth.plugins (BETTER_AUTH_PLUGINS), now ''");
    }

    @Test
    void aMisspelledPluginOption_namesTheClosestKey() {
        assertThatThrownBy(() -> new ConfigLoader(List.of(ConfigSource.of(Map.of("better-auth.secret",
                ConfigLoaderTest.SECRET, "better-auth.plugins", "bearer",
                "better-auth.plugins.bearer.require-signatures", "true")))).load())
                .isInstanceOf(ConfigurationException.class)
                .hasMessageContaining("better-auth.plugins.bearer.require-signature");
    }
}
