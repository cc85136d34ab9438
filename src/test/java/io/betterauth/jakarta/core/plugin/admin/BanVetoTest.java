package io.betterauth.jakarta.core.plugin.admin;

import static org.assertj.core.api.Assertions.assertThat;

import io.betterauth.jakarta.api.AuthException;
import io.betterauth.jakarta.api.User;
import io.betterauth.jakarta.api.event.SessionCreating;
import io.betterauth.jakarta.api.event.UserEvent;
import io.betterauth.jakarta.config.BetterAuthConfig;
import io.betterauth.jakarta.config.plugin.AdminOptions;
import io.betterauth.jakarta.config.plugin.BearerOptions;
import io.betterauth.jakarta.config.plugin.JwtOptions;
import io.betterauth.jakarta.config.plugin.MultiSessionOptions;
import io.betterauth.jakarta.config.plugin.Plugin;
import io.betterauth.jakarta.config.plugin.PluginOptions;
import io.betterauth.jakarta.core.cookie.RequestCookies;
import io.betterauth.jakarta.core.cookie.SessionCookies;
import io.betterauth.jakarta.core.endpoint.AuthResult;
import io.betterauth.jakarta.core.endpoint.Endpoints;
import io.betterauth.jakarta.core.endpoint.RequestBody;
import io.betterauth.jakarta.core.js.ClientJson;
import io.betterauth.jakarta.core.plugin.Plugins;
import io.betterauth.jakarta.core.security.PasswordHasher;
import io.betterauth.jakarta.core.session.AdditionalFields;
import io.betterauth.jakarta.core.session.ClientInfo;
import io.betterauth.jakarta.core.session.IdGenerator;
import io.betterauth.jakarta.core.session.SessionManager;
import io.betterauth.jakarta.spi.AuthEvents;
import io.betterauth.jakarta.store.memory.InMemorySessionStore;
import io.betterauth.jakarta.store.memory.InMemoryUserStore;
import io.betterauth.jakarta.testing.MutableClock;
import jakarta.json.JsonObject;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * The admin plugin's columns and ban rule as a user meets them through sign-up and sign-in, over in-memory stores
 * wired as the runtime wires them ({@link Plugins#databaseHooks}): new users get {@code role} and
 * {@code banned:false}, clients cannot set them, a banned user gets Better Auth's 403, an expired ban is lifted.
 */
class BanVetoTest {

    static final String SECRET = "admin-plugin-test-secret-0123456789abcdef";
    static final String PASSWORD = "admin-password-1";

    final MutableClock clock = new MutableClock(Instant.parse("2026-12-03T06:00:00Z"));
    final List<String> appHeard = new ArrayList<>();

    final class Server {
        final InMemorySessionStore sessions = new InMemorySessionStore();
        final InMemoryUserStore users = new InMemoryUserStore();
        final BetterAuthConfig config;
        final Endpoints endpoints;

        Server(Set<Plugin> plugins, AdminOptions admin, String userFields) {
            config = BetterAuthConfig.builder().secret(SECRET).baseUrl("http://localhost:3000")
                    .emailAndPasswordEnabled(true).userFields(AdditionalFields.parse(userFields))
                    .plugins(new PluginOptions(plugins, BearerOptions.DEFAULT, JwtOptions.DEFAULT, admin,
                            MultiSessionOptions.DEFAULT))
                    .build();
            AuthEvents app = new AuthEvents() {
                @Override
                public void beforeSessionCreate(SessionCreating event) {
                    appHeard.add("session " + event.reason());
                }

                @Override
                public void after(UserEvent event) {
                    appHeard.add("user " + event.kind() + " banned=" + event.user().additional().get("banned"));
                }
            };
            SessionManager manager = new SessionManager(config, sessions, users, new SessionCookies(config),
                    new IdGenerator(), clock, Plugins.databaseHooks(config, users, sessions, clock, app));
            endpoints = Endpoints.of(config, manager, sessions, users, new PasswordHasher(1));
        }

        AuthResult signUp(String email, String extra) {
            return call(() -> endpoints.emailPassword().signUp(body("{\"name\":\"A\",\"email\":\"" + email
                    + "\",\"password\":\"" + PASSWORD + "\"" + extra + "}"), ClientInfo.UNKNOWN, RequestCookies.empty()));
        }

        AuthResult signIn(String email) {
            return call(() -> endpoints.emailPassword().signIn(body("{\"email\":\"" + email + "\",\"password\":\""
                    + PASSWORD + "\"}"), ClientInfo.UNKNOWN, RequestCookies.empty()));
        }

        User user(String email) {
            return users.findByEmail(email).orElseThrow();
        }

        void ban(String email, String reason, Instant expires) {
            User u = user(email);
            Map<String, Object> ban = new LinkedHashMap<>(u.additional());
            ban.put("banned", true);
            ban.put("banReason", reason);
            ban.put("banExpires", expires);
            users.update(u.withAdditional(ban));
        }
    }

    static AuthResult call(java.util.function.Supplier<AuthResult> endpoint) {
        try {
            return endpoint.get();
        } catch (AuthException e) {
            return AuthResult.of(e);
        }
    }

    static RequestBody body(String json) {
        return new RequestBody(ClientJson.parse(json).orElseThrow().asJsonObject());
    }

    static JsonObject json(AuthResult r) {
        return ClientJson.parse(r.json()).orElseThrow().asJsonObject();
    }

    Server admin() {
        return new Server(Set.of(Plugin.ADMIN), AdminOptions.DEFAULT, null);
    }

    @Test
    void signUp_givesTheDefaultRole_andBannedFalse_inBetterAuthsKeyOrder_beforeTheAppsFields() {
        Server server = new Server(Set.of(Plugin.ADMIN), AdminOptions.DEFAULT, "{\"theme\":{\"type\":\"string\"}}");
        AuthResult r = server.signUp("a@example.com", ",\"theme\":\"dark\"");
        assertThat(r.status()).as(r.json()).isEqualTo(200);
        JsonObject user = json(r).getJsonObject("user");
        assertThat(user.getString("role")).isEqualTo("user");
        assertThat(user.getBoolean("banned")).isFalse();
        assertThat(List.copyOf(user.keySet())).containsSubsequence("updatedAt", "role", "banned", "theme", "id");
        assertThat(server.user("a@example.com").additional()).containsEntry("role", "user")
                .containsEntry("banned", false);
    }

    @Test
    void theDefaultRole_isConfigurable() {
        Server server = new Server(Set.of(Plugin.ADMIN), new AdminOptions("member", List.of("admin"), List.of(), 3600,
                null, null, null, false), null);
        assertThat(json(server.signUp("m@example.com", "")).getJsonObject("user").getString("role"))
                .isEqualTo("member");
    }

    @Test
    void aClient_cannotSetItsRoleOrBan_onSignUp() {
        AuthResult r = admin().signUp("b@example.com", ",\"role\":\"admin\"");
        assertThat(r.status()).isEqualTo(400);
        assertThat(json(r).getString("code")).isEqualTo("FIELD_NOT_ALLOWED");
        assertThat(json(r).getString("message")).isEqualTo("role is not allowed to be set");
    }

    @Test
    void aBannedUser_getsBetterAuths403_withTheBannedUserMessage_andNoSession() {
        Server server = admin();
        server.signUp("c@example.com", "");
        server.ban("c@example.com", "spam", null);
        int before = server.sessions.listByUser(server.user("c@example.com").id()).size();
        AuthResult r = server.signIn("c@example.com");
        assertThat(r.status()).isEqualTo(403);
        assertThat(r.json()).isEqualTo("{\"message\":\"You have been banned from this application. Please contact "
                + "support if you believe this is an error.\",\"code\":\"BANNED_USER\"}");
        assertThat(server.sessions.listByUser(server.user("c@example.com").id())).hasSize(before);
    }

    @Test
    void aBanThatHasNotExpiredYet_stillRefuses_withTheConfiguredMessage() {
        Server server = new Server(Set.of(Plugin.ADMIN), new AdminOptions("user", List.of("admin"), List.of(), 3600,
                null, null, "Banned.", false), null);
        server.signUp("d@example.com", "");
        server.ban("d@example.com", "spam", clock.instant().plusSeconds(60));
        AuthResult r = server.signIn("d@example.com");
        assertThat(r.status()).isEqualTo(403);
        assertThat(r.json()).isEqualTo("{\"message\":\"Banned.\",\"code\":\"BANNED_USER\"}");
    }

    @Test
    void aBanWhoseExpiryPassed_isLifted_andTheSessionIsCreated_thenTheAppsListenersRun() {
        Server server = admin();
        server.signUp("e@example.com", "");
        server.ban("e@example.com", "spam", clock.instant().plusSeconds(60));
        clock.advance(Duration.ofSeconds(61));
        appHeard.clear();
        AuthResult r = server.signIn("e@example.com");
        assertThat(r.status()).as(r.json()).isEqualTo(200);
        Map<String, Object> stored = server.user("e@example.com").additional();
        assertThat(stored).containsEntry("banned", false).containsEntry("banReason", null)
                .containsEntry("banExpires", null).containsEntry("role", "user");
        assertThat(server.user("e@example.com").updatedAt()).isEqualTo(clock.instant());
        assertThat(appHeard).containsExactly("user UPDATED banned=false", "session sign-in");
    }

    @Test
    void withoutTheAdminPlugin_thereAreNoAdminColumns_andNoBanRule() {
        Server server = new Server(Set.of(), AdminOptions.DEFAULT, null);
        JsonObject user = json(server.signUp("f@example.com", "")).getJsonObject("user");
        assertThat(user.containsKey("role")).isFalse();
        assertThat(user.containsKey("banned")).isFalse();
        server.ban("f@example.com", "spam", null); // a column the app declares, say: not the plugin's rule
        assertThat(server.signIn("f@example.com").status()).isEqualTo(200);
    }
}
