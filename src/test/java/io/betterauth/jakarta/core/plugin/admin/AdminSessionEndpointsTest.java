package io.betterauth.jakarta.core.plugin.admin;

import static org.assertj.core.api.Assertions.assertThat;

import io.betterauth.jakarta.api.AuthException;
import io.betterauth.jakarta.api.User;
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
import io.betterauth.jakarta.core.endpoint.Caller;
import io.betterauth.jakarta.core.endpoint.Endpoints;
import io.betterauth.jakarta.core.endpoint.RequestBody;
import io.betterauth.jakarta.core.js.ClientJson;
import io.betterauth.jakarta.core.plugin.Plugins;
import io.betterauth.jakarta.core.security.PasswordHasher;
import io.betterauth.jakarta.core.session.ClientInfo;
import io.betterauth.jakarta.core.session.ColumnLimits;
import io.betterauth.jakarta.core.session.IdGenerator;
import io.betterauth.jakarta.core.session.SessionManager;
import io.betterauth.jakarta.spi.AuthEvents;
import io.betterauth.jakarta.store.memory.InMemorySessionStore;
import io.betterauth.jakarta.store.memory.InMemoryUserStore;
import jakarta.json.JsonObject;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.BiFunction;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * The admin plugin's session endpoints as an admin's client meets them, over in-memory stores wired as the runtime
 * wires them: Better Auth's order (validation, then the session, then the permission), its errors (the 401 with no
 * body, the 403 codes, zod's messages) and what each endpoint does to the sessions.
 */
class AdminSessionEndpointsTest {

    static final String SECRET = "admin-endpoints-test-secret-0123456789abcdef";
    static final String PASSWORD = "admin-password-1";

    final InMemorySessionStore sessions = new InMemorySessionStore();
    final InMemoryUserStore users = new InMemoryUserStore();
    final Wired server = wire(AdminOptions.DEFAULT);
    final Endpoints endpoints = server.endpoints();
    final AdminSessionEndpoints admin = server.admin().sessions();

    /** A server over this test's stores (and secret), with these admin options, wired as the runtime wires it. */
    record Wired(Endpoints endpoints, AdminPlugin admin) {
    }

    Wired wire(AdminOptions options) {
        BetterAuthConfig config = BetterAuthConfig.builder().secret(SECRET).baseUrl("http://localhost:3000")
                .emailAndPasswordEnabled(true).cookieCacheEnabled(true)
                .plugins(new PluginOptions(Set.of(Plugin.ADMIN), BearerOptions.DEFAULT, JwtOptions.DEFAULT, options,
                        MultiSessionOptions.DEFAULT))
                .build();
        Clock clock = Clock.systemUTC();
        SessionManager manager = new SessionManager(config, sessions, users, new SessionCookies(config),
                new IdGenerator(), clock, Plugins.databaseHooks(config, users, sessions, clock, AuthEvents.NONE));
        Endpoints wired = Endpoints.of(config, manager, sessions, users, new PasswordHasher(1));
        return new Wired(wired, Plugins.of(config, manager, wired.guard(), null, clock,
                new Plugins.Stores(users, sessions, ColumnLimits.JAVASCRIPT_DATES)).admin().orElseThrow());
    }

    /** A signed-in browser: the cookies its sign-up set, and its user's id and session token. */
    record Browser(RequestCookies cookies, String email, String userId, String token) {
    }

    Browser signUp(String tag) {
        String email = tag + "-" + System.nanoTime() + "@example.com";
        AuthResult r = endpoints.emailPassword().signUp(body("{\"name\":\"A\",\"email\":\"" + email
                + "\",\"password\":\"" + PASSWORD + "\"}"), ClientInfo.UNKNOWN, RequestCookies.empty());
        JsonObject json = json(r);
        String header = r.setCookies().stream().map(l -> l.split(";", 2)[0]).collect(Collectors.joining("; "));
        return new Browser(RequestCookies.parse(header), email, json.getJsonObject("user").getString("id"),
                json.getString("token"));
    }

    Browser signUpAdmin() {
        Browser b = signUp("admin");
        User u = users.findById(b.userId()).orElseThrow();
        users.update(u.withAdditional(Map.of("role", "admin")));
        return b;
    }

    static RequestBody body(String json) {
        return new RequestBody(ClientJson.parse(json).orElseThrow().asJsonObject());
    }

    static JsonObject json(AuthResult r) {
        return ClientJson.parse(r.json()).orElseThrow().asJsonObject();
    }

    static AuthResult call(BiFunction<RequestBody, Caller, AuthResult> endpoint, String body, RequestCookies cookies) {
        try {
            return endpoint.apply(body(body), Caller.serverSide(cookies, () -> ClientInfo.UNKNOWN));
        } catch (AuthException e) {
            return AuthResult.of(e);
        }
    }

    @Test
    void theBodyIsValidatedFirst_withZodsMessages_evenWithoutASession() {
        AuthResult r = call(admin::listUserSessions, "{}", RequestCookies.empty());
        assertThat(r.status()).isEqualTo(400);
        assertThat(r.json()).isEqualTo("{\"message\":\"[body.userId] Invalid input: expected nonoptional, received "
                + "undefined\",\"code\":\"VALIDATION_ERROR\"}");
        AuthResult token = call(admin::revokeUserSession, "{\"sessionToken\":1}", RequestCookies.empty());
        assertThat(token.json()).isEqualTo("{\"message\":\"[body.sessionToken] Invalid input: expected string, "
                + "received number\",\"code\":\"VALIDATION_ERROR\"}");
    }

    /** As zod 4's {@code z.coerce.string()} in our node_modules reads them (printed by a probe with safeParse). */
    @Test
    void aUserId_isAnyJsonValue_readAsJavaScriptsString() {
        Map<String, String> seen = Map.of("null", "null", "12", "12", "1.5e21", "1.5e+21", "true", "true",
                "{\"a\":1}", "[object Object]", "[1,[2,null]]", "1,2,", "\"\"", "", "1e-7", "1e-7");
        seen.forEach((json, expected) -> assertThat(body("{\"userId\":" + json + "}").coercedString("userId"))
                .as(json).isEqualTo(expected));
    }

    @Test
    void withoutASession_theAnswerIs401_withAnEmptyBody() {
        for (BiFunction<RequestBody, Caller, AuthResult> endpoint : List.<BiFunction<RequestBody, Caller, AuthResult>>of(
                admin::listUserSessions, admin::revokeUserSessions)) {
            AuthResult r = call(endpoint, "{\"userId\":\"u\"}", RequestCookies.empty());
            assertThat(r.status()).isEqualTo(401);
            assertThat(r.json()).isEmpty();
        }
        assertThat(call(admin::revokeUserSession, "{\"sessionToken\":\"t\"}", RequestCookies.empty()).status())
                .isEqualTo(401);
    }

    @Test
    void anOrdinaryUser_getsThePluginsForbiddenCodes_andNothingIsRevoked() {
        Browser user = signUp("user");
        Browser victim = signUp("victim");
        AuthResult list = call(admin::listUserSessions, "{\"userId\":\"" + victim.userId() + "\"}", user.cookies());
        assertThat(list.status()).isEqualTo(403);
        assertThat(list.json()).isEqualTo("{\"message\":\"You are not allowed to list users sessions\","
                + "\"code\":\"YOU_ARE_NOT_ALLOWED_TO_LIST_USERS_SESSIONS\"}");
        AuthResult revoke = call(admin::revokeUserSessions, "{\"userId\":\"" + victim.userId() + "\"}",
                user.cookies());
        assertThat(revoke.json()).isEqualTo("{\"message\":\"You are not allowed to revoke users sessions\","
                + "\"code\":\"YOU_ARE_NOT_ALLOWED_TO_REVOKE_USERS_SESSIONS\"}");
        assertThat(call(admin::revokeUserSession, "{\"sessionToken\":\"" + victim.token() + "\"}", user.cookies())
                .status()).isEqualTo(403);
        assertThat(sessions.findByToken(victim.token())).isPresent();
    }

    @Test
    void anAdmin_listsAUsersSessions_withTheirTokens_andAnUnknownUserHasNone() {
        Browser a = signUpAdmin();
        Browser victim = signUp("victim");
        AuthResult r = call(admin::listUserSessions, "{\"userId\":\"" + victim.userId() + "\"}", a.cookies());
        assertThat(r.status()).as(r.json()).isEqualTo(200);
        assertThat(json(r).getJsonArray("sessions")).singleElement()
                .satisfies(s -> assertThat(s.asJsonObject().getString("token")).isEqualTo(victim.token()));
        assertThat(json(r).getJsonArray("sessions").getJsonObject(0).keySet()).containsSubsequence("expiresAt",
                "token", "userId", "id");
        assertThat(call(admin::listUserSessions, "{\"userId\":12}", a.cookies()).json())
                .as("z.coerce.string: user \"12\"").isEqualTo("{\"sessions\":[]}");
    }

    @Test
    void anAdmin_revokesOneSessionByToken_anyToken_andEverySessionOfAUser() {
        Browser a = signUpAdmin();
        Browser victim = signUp("victim");
        AuthResult one = call(admin::revokeUserSession, "{\"sessionToken\":\"" + victim.token() + "\"}", a.cookies());
        assertThat(one.json()).isEqualTo("{\"success\":true}");
        assertThat(sessions.findByToken(victim.token())).isEmpty();
        assertThat(call(admin::revokeUserSession, "{\"sessionToken\":\"no-such-token\"}", a.cookies()).json())
                .isEqualTo("{\"success\":true}");

        Browser again = signUp("again");
        assertThat(endpoints.emailPassword().signIn(body("{\"email\":\"" + again.email() + "\",\"password\":\""
                + PASSWORD + "\"}"), ClientInfo.UNKNOWN, RequestCookies.empty()).status()).isEqualTo(200);
        assertThat(sessions.listByUser(again.userId())).hasSize(2);
        AuthResult all = call(admin::revokeUserSessions, "{\"userId\":\"" + again.userId() + "\"}", a.cookies());
        assertThat(all.json()).isEqualTo("{\"success\":true}");
        assertThat(sessions.listByUser(again.userId())).isEmpty();
        assertThat(sessions.findByToken(a.token())).as("the admin's own session stays").isPresent();
    }

    @Test
    void theCallersRole_isReadFromTheStore_notFromTheCookieCache() {
        Browser a = signUpAdmin();
        assertThat(call(admin::listUserSessions, "{\"userId\":\"u\"}", a.cookies()).status()).isEqualTo(200);
        User demoted = users.findById(a.userId()).orElseThrow();
        users.update(demoted.withAdditional(Map.of("role", "user")));
        assertThat(a.cookies().get("better-auth.session_data")).as("the cache the request carries").isPresent();
        assertThat(call(admin::listUserSessions, "{\"userId\":\"u\"}", a.cookies()).status()).isEqualTo(403);
    }

    @Test
    void adminUserIds_mayActWhateverTheirRole() {
        Browser root = signUp("root");
        assertThat(call(admin::listUserSessions, "{\"userId\":\"u\"}", root.cookies()).status()).isEqualTo(403);
        AdminSessionEndpoints byId = wire(new AdminOptions("user", List.of("admin"), List.of(root.userId()), 3600,
                null, null, null, false)).admin().sessions();
        AuthResult r = call(byId::listUserSessions, "{\"userId\":\"" + root.userId() + "\"}", root.cookies());
        assertThat(r.status()).as(r.json()).isEqualTo(200);
        assertThat(json(r).getJsonArray("sessions")).hasSize(1);
    }
}
