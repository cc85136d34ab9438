package io.betterauth.jakarta.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.betterauth.jakarta.config.plugin.AdminOptions;
import io.betterauth.jakarta.config.plugin.BearerOptions;
import io.betterauth.jakarta.config.plugin.JwtOptions;
import io.betterauth.jakarta.config.plugin.MultiSessionOptions;
import io.betterauth.jakarta.config.plugin.PluginOptions;
import io.betterauth.jakarta.config.plugin.Plugin;
import io.betterauth.jakarta.config.plugin.RemoteJwksOptions;
import java.net.URI;
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
                        + "plugin 'organisation' (available: bearer, jwt, admin, multi-session)");
    }

    @Test
    void theAdminPlugin_isSwitchedOnByName_withItsOptions() {
        BetterAuthConfig c = load(Map.of("BETTER_AUTH_PLUGINS", "admin", "BETTER_AUTH_PLUGINS_ADMIN_ADMIN_USER_IDS",
                "u1,u2", "BETTER_AUTH_PLUGINS_ADMIN_DEFAULT_BAN_EXPIRES_IN", "86400",
                "BETTER_AUTH_PLUGINS_ADMIN_ALLOW_IMPERSONATING_ADMINS", "true"));
        assertThat(c.plugins().on(Plugin.ADMIN)).isTrue();
        assertThat(c.plugins().admin().adminUserIds()).containsExactly("u1", "u2");
        assertThat(c.plugins().admin().defaultBanExpiresIn()).isEqualTo(86400L);
        assertThat(c.plugins().admin().allowImpersonatingAdmins()).isTrue();
        assertThat(c.user().additionalFields().all().stream().map(io.betterauth.jakarta.config.AdditionalField::name)).as("its columns")
                .contains("role", "banned", "banReason", "banExpires");
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

    @Test
    void theJwtPlugin_hasBetterAuthsDefaults_andTakesEachOption() {
        JwtOptions defaults = load(Map.of("BETTER_AUTH_PLUGINS", "jwt")).plugins().jwt();
        assertThat(defaults).isEqualTo(JwtOptions.DEFAULT);
        assertThat(defaults.expiresInSeconds()).isEqualTo(900);
        JwtOptions set = load(Map.ofEntries(Map.entry("BETTER_AUTH_PLUGINS", "bearer,jwt"),
                Map.entry("BETTER_AUTH_PLUGINS_JWT_JWKS_PATH", "/.well-known/jwks.json"),
                Map.entry("BETTER_AUTH_PLUGINS_JWT_KEY_PAIR_ALG", "es256"),
                Map.entry("BETTER_AUTH_PLUGINS_JWT_ROTATION_INTERVAL", "3600"),
                Map.entry("BETTER_AUTH_PLUGINS_JWT_GRACE_PERIOD", "0"),
                Map.entry("BETTER_AUTH_PLUGINS_JWT_ISSUER", "https://issuer.example"),
                Map.entry("BETTER_AUTH_PLUGINS_JWT_AUDIENCE", "api-1, api-2"),
                Map.entry("BETTER_AUTH_PLUGINS_JWT_EXPIRATION_TIME", "1 hour"),
                Map.entry("BETTER_AUTH_PLUGINS_JWT_DISABLE_SETTING_JWT_HEADER", "true"))).plugins().jwt();
        assertThat(set).isEqualTo(new JwtOptions("/.well-known/jwks.json",
                io.betterauth.jakarta.core.plugin.jwt.JwkAlgorithm.ES256, 3600L, 0, "https://issuer.example",
                List.of("api-1", "api-2"), "1 hour", true));
        assertThat(set.expiresInSeconds()).isEqualTo(3600);
    }

    @Test
    void aJwtOptionBetterAuthWouldRefuse_stopsTheStartUp() {
        assertThatThrownBy(() -> load(Map.of("BETTER_AUTH_PLUGINS", "jwt", "BETTER_AUTH_PLUGINS_JWT_JWKS_PATH",
                "/a/../b"))).isInstanceOf(ConfigurationException.class)
                .hasMessageStartingWith("options.jwks.jwksPath must be a non-empty string starting with '/'");
        assertThatThrownBy(() -> load(Map.of("BETTER_AUTH_PLUGINS", "jwt", "BETTER_AUTH_PLUGINS_JWT_EXPIRATION_TIME",
                "900"))).isInstanceOf(ConfigurationException.class)
                .hasMessageContaining("Invalid time string format: \"900\"").hasMessageContaining("absolute exp");
        assertThatThrownBy(() -> load(Map.of("BETTER_AUTH_PLUGINS", "jwt", "BETTER_AUTH_PLUGINS_JWT_KEY_PAIR_ALG",
                "HS256"))).isInstanceOf(ConfigurationException.class)
                .hasMessageContaining("unsupported JWK algorithm 'HS256' (supported: EdDSA, ES256, ES512, RS256, PS256)");
        assertThatThrownBy(() -> load(Map.of("BETTER_AUTH_PLUGINS", "bearer", "BETTER_AUTH_PLUGINS_JWT_ISSUER", "x")))
                .isInstanceOf(ConfigurationException.class).hasMessageContaining("the plugin 'jwt' is not switched on");
    }

    private static BetterAuthConfig loadWithoutSecret(Map<String, String> env) {
        return new ConfigLoader(List.of(ConfigSource.environment(env::get))).load();
    }

    @Test
    void aRemoteJwksUrl_isVerifierMode_withoutASecret_withNimbussDefaults() {
        BetterAuthConfig c = loadWithoutSecret(Map.of("BETTER_AUTH_PLUGINS", "jwt",
                "BETTER_AUTH_PLUGINS_JWT_REMOTE_JWKS_URL", "https://auth.example.com/api/auth/jwks"));
        assertThat(c.verifierMode()).isTrue();
        assertThat(c.secret()).isNull();
        RemoteJwksOptions remote = c.plugins().jwt().remoteJwks();
        assertThat(remote).isEqualTo(new RemoteJwksOptions(URI.create("https://auth.example.com/api/auth/jwks"),
                300, 30, 0, null));
        RemoteJwksOptions set = loadWithoutSecret(Map.of("BETTER_AUTH_PLUGINS", "jwt",
                "BETTER_AUTH_PLUGINS_JWT_REMOTE_JWKS_URL", "http://127.0.0.1:3000/api/auth/jwks",
                "BETTER_AUTH_PLUGINS_JWT_REMOTE_JWKS_CACHE_TTL", "60",
                "BETTER_AUTH_PLUGINS_JWT_REMOTE_JWKS_MIN_REFETCH_INTERVAL", "5",
                "BETTER_AUTH_PLUGINS_JWT_CLOCK_SKEW", "10", "BETTER_AUTH_PLUGINS_JWT_ROLES_CLAIM", "role"))
                .plugins().jwt().remoteJwks();
        assertThat(set).isEqualTo(new RemoteJwksOptions(URI.create("http://127.0.0.1:3000/api/auth/jwks"), 60, 5,
                10, "role"));
        assertThat(load(Map.of("BETTER_AUTH_PLUGINS", "jwt")).verifierMode()).as("without the URL").isFalse();
        assertThat(loadWithoutSecret(Map.of("BETTER_AUTH_PLUGINS", "jwt",
                "BETTER_AUTH_PLUGINS_JWT_REMOTE_JWKS_URL", "http://[::1]:3000/jwks")).verifierMode()).isTrue();
    }

    @Test
    void aPlainHttpJwksUrl_toAnotherHost_orADatabaseSetting_stopsTheStartUp() {
        assertThatThrownBy(() -> loadWithoutSecret(Map.of("BETTER_AUTH_PLUGINS", "jwt",
                "BETTER_AUTH_PLUGINS_JWT_REMOTE_JWKS_URL", "http://auth.example.com/api/auth/jwks")))
                .isInstanceOf(ConfigurationException.class).hasMessageContaining("must use https");
        assertThatThrownBy(() -> loadWithoutSecret(Map.of("BETTER_AUTH_PLUGINS", "jwt",
                "BETTER_AUTH_PLUGINS_JWT_REMOTE_JWKS_URL", "http://localhost.evil.example/jwks")))
                .isInstanceOf(ConfigurationException.class).hasMessageContaining("must use https");
        assertThatThrownBy(() -> loadWithoutSecret(Map.of("BETTER_AUTH_PLUGINS", "jwt",
                "BETTER_AUTH_PLUGINS_JWT_REMOTE_JWKS_URL", "https://auth.example.com/api/auth/jwks",
                "BETTER_AUTH_DATABASE_URL", "jdbc:postgresql://127.0.0.1/app")))
                .isInstanceOf(ConfigurationException.class)
                .hasMessageContaining("better-auth.database.url is set").hasMessageContaining("no database");
        assertThatThrownBy(() -> loadWithoutSecret(Map.of("BETTER_AUTH_PLUGINS", "bearer",
                "BETTER_AUTH_PLUGINS_JWT_REMOTE_JWKS_URL", "https://auth.example.com/api/auth/jwks")))
                .isInstanceOf(ConfigurationException.class).hasMessageContaining("the plugin 'jwt' is not switched on");
    }

    @Test
    void aRefetchIntervalOfZero_orNotBelowTheCacheTtl_stopsTheStartUp() {
        // 0 switched Nimbus's rate limit off: every request with a made-up kid fetched the key set. An interval not
        // below the cache TTL stopped the start-up with Nimbus's IllegalStateException, which names no key.
        Map<String, String> base = Map.of("BETTER_AUTH_PLUGINS", "jwt",
                "BETTER_AUTH_PLUGINS_JWT_REMOTE_JWKS_URL", "https://auth.example.com/api/auth/jwks");
        java.util.function.BiFunction<String, String, Map<String, String>> with = (ttl, interval) -> {
            Map<String, String> env = new java.util.HashMap<>(base);
            env.put("BETTER_AUTH_PLUGINS_JWT_REMOTE_JWKS_CACHE_TTL", ttl);
            env.put("BETTER_AUTH_PLUGINS_JWT_REMOTE_JWKS_MIN_REFETCH_INTERVAL", interval);
            return env;
        };
        assertThatThrownBy(() -> loadWithoutSecret(with.apply("300", "0")))
                .isInstanceOf(ConfigurationException.class).hasMessageContaining("min-refetch-interval");
        assertThatThrownBy(() -> loadWithoutSecret(with.apply("30", "30")))
                .isInstanceOf(ConfigurationException.class).hasMessageContaining("min-refetch-interval")
                .hasMessageContaining("cache-ttl");
        assertThat(loadWithoutSecret(with.apply("31", "30")).plugins().jwt().remoteJwks().minRefetchInterval())
                .isEqualTo(30);
    }

    @Test
    void theAdminPluginsOptions_haveBetterAuthsDefaults() {
        AdminOptions d = load(Map.of()).plugins().admin();
        assertThat(d).isEqualTo(AdminOptions.DEFAULT);
        assertThat(d.defaultRole()).isEqualTo("user");
        assertThat(d.adminRoles()).containsExactly("admin");
        assertThat(d.adminUserIds()).isEmpty();
        assertThat(d.impersonationSessionDuration()).isEqualTo(3600);
        assertThat(d.defaultBanReason()).isNull();
        assertThat(d.defaultBanExpiresIn()).isNull();
        assertThat(d.bannedUserMessage()).isEqualTo("You have been banned from this application. Please contact "
                + "support if you believe this is an error.");
        assertThat(d.allowImpersonatingAdmins()).isFalse();
        assertThatThrownBy(() -> load(Map.of("BETTER_AUTH_PLUGINS_ADMIN_DEFAULT_ROLE", "member")))
                .isInstanceOf(ConfigurationException.class).hasMessageContaining("the plugin 'admin' is not switched on");
    }

    @Test
    void anAdminRoleThatIsNoRole_stopsTheStartUp_withBetterAuthsMessage() {
        assertThatThrownBy(() -> new AdminOptions("user", List.of("admin", "superuser"), List.of(), 3600, null, null,
                null, false)).isInstanceOf(ConfigurationException.class)
                .hasMessage("Invalid admin roles: superuser. Admin roles must be defined in the 'roles' configuration.");
        assertThat(new AdminOptions("user", List.of("ADMIN", "user"), List.of(), 3600, null, null, null, false)
                .adminRoles()).as("checked without case, as Better Auth").containsExactly("ADMIN", "user");
    }

    @Test
    void withTheAdminPlugin_theTablesGetItsColumns_beforeTheAppsFields() {
        BetterAuthConfig c = BetterAuthConfig.builder().secret(ConfigLoaderTest.SECRET)
                .userFields(io.betterauth.jakarta.core.session.AdditionalFields.parse(
                        "{\"nickname\":{\"type\":\"string\"}}"))
                .plugins(admin(AdminOptions.DEFAULT)).build();
        assertThat(c.user().additionalFields().all()).extracting(AdditionalField::name)
                .containsExactly("role", "banned", "banReason", "banExpires", "nickname");
        assertThat(c.user().additionalFields().all().get(0)).isEqualTo(new AdditionalField("role",
                AdditionalField.Type.STRING, false, "user", false, true, "role"));
        assertThat(c.user().additionalFields().all().get(1).defaultValue()).isEqualTo(false);
        assertThat(c.user().additionalFields().all().get(3).type()).isEqualTo(AdditionalField.Type.DATE);
        assertThat(c.session().additionalFields().all()).containsExactly(new AdditionalField("impersonatedBy",
                AdditionalField.Type.STRING, false, null, false, true, "impersonatedBy"));
        BetterAuthConfig off = BetterAuthConfig.builder().secret(ConfigLoaderTest.SECRET).build();
        assertThat(off.user().additionalFields().isEmpty()).isTrue();
        assertThat(off.session().additionalFields().isEmpty()).isTrue();
    }

    @Test
    void aConfiguredFieldOverAnAdminColumn_stopsTheStartUp_onlyWithThePluginOn() {
        io.betterauth.jakarta.core.session.AdditionalFields role = io.betterauth.jakarta.core.session.AdditionalFields
                .parse("{\"userRole\":{\"type\":\"string\",\"fieldName\":\"ROLE\"}}");
        assertThatThrownBy(() -> BetterAuthConfig.builder().secret(ConfigLoaderTest.SECRET).userFields(role)
                .plugins(admin(AdminOptions.DEFAULT)).build()).isInstanceOf(ConfigurationException.class)
                .hasMessage("better-auth.user.additional-fields declares 'userRole' over the column 'role' a plugin "
                        + "switched on in better-auth.plugins adds; choose another name.");
        assertThat(BetterAuthConfig.builder().secret(ConfigLoaderTest.SECRET).userFields(role).build()
                .user().additionalFields().all()).hasSize(1);
    }

    @Test
    void aUserSettableFieldNamedAsAJwtClaim_stopsTheStartUp_withTheJwtPluginOn() {
        // With Better Auth's jwt() a user field "exp" a client may set becomes the /token JWT's exp: a user could
        // mint a token that never expires. A server-set field of that name, or the plugin off, is accepted.
        assertThatThrownBy(() -> load(Map.of("BETTER_AUTH_PLUGINS", "jwt",
                "BETTER_AUTH_USER_ADDITIONAL_FIELDS", "{\"exp\":{\"type\":\"number\",\"required\":false}}")))
                .isInstanceOf(ConfigurationException.class)
                .hasMessage("better-auth.user.additional-fields declares 'exp', which a user may set (input), and the "
                        + "jwt plugin copies it into the JWT's 'exp' claim: a user could choose their own token's exp. "
                        + "Rename the field, or declare it with \"input\":false.");
        assertThat(load(Map.of("BETTER_AUTH_PLUGINS", "jwt", "BETTER_AUTH_USER_ADDITIONAL_FIELDS",
                "{\"aud\":{\"type\":\"string\",\"required\":false,\"input\":false}}")).user()
                .additionalFields().all()).hasSize(1);
        assertThat(load(Map.of("BETTER_AUTH_USER_ADDITIONAL_FIELDS",
                "{\"exp\":{\"type\":\"number\",\"required\":false}}")).user().additionalFields().all()).hasSize(1);
    }

    private static PluginOptions admin(AdminOptions options) {
        return new PluginOptions(java.util.Set.of(Plugin.ADMIN), BearerOptions.DEFAULT, JwtOptions.DEFAULT, options,
                MultiSessionOptions.DEFAULT);
    }
}
