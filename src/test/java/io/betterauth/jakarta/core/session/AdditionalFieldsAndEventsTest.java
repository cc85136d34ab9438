package io.betterauth.jakarta.core.session;

import io.betterauth.jakarta.api.ApiResult;
import io.betterauth.jakarta.api.AuthException;
import io.betterauth.jakarta.api.GetSessionOptions;
import io.betterauth.jakarta.api.Session;
import io.betterauth.jakarta.api.User;
import io.betterauth.jakarta.config.AdditionalField;
import io.betterauth.jakarta.config.BetterAuthConfig;
import io.betterauth.jakarta.config.ConfigLoader;
import io.betterauth.jakarta.config.ConfigSource;
import io.betterauth.jakarta.config.ConfigurationException;
import io.betterauth.jakarta.core.cookie.RequestCookies;
import io.betterauth.jakarta.core.cookie.SessionCookies;
import io.betterauth.jakarta.core.endpoint.AuthResult;
import io.betterauth.jakarta.core.endpoint.EmailPasswordAuth;
import io.betterauth.jakarta.core.endpoint.EmailPasswordAuthTest;
import io.betterauth.jakarta.core.endpoint.Endpoints;
import io.betterauth.jakarta.core.security.PasswordHasher;
import io.betterauth.jakarta.testing.MutableClock;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.betterauth.jakarta.api.event.SessionCreating;
import io.betterauth.jakarta.api.event.SessionEvent;
import io.betterauth.jakarta.api.event.UserEvent;
import io.betterauth.jakarta.spi.AuthEvents;
import io.betterauth.jakarta.store.memory.InMemorySessionStore;
import io.betterauth.jakarta.store.memory.InMemoryUserStore;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Additional session and user fields (Better Auth's additionalFields; the session tests' additional-field cases and
 * sign-up.test.ts' input:false case) and the hooks as events.
 */
class AdditionalFieldsAndEventsTest {

    static final String SESSION_FIELDS = "{\"activeOrganizationId\":{\"type\":\"string\",\"required\":false},"
            + "\"theme\":{\"type\":\"string\",\"defaultValue\":\"light\"},"
            + "\"riskScore\":{\"type\":\"number\",\"input\":false,\"returned\":false,\"defaultValue\":7}}";
    static final String USER_FIELDS = "{\"role\":{\"type\":\"string\",\"input\":false,\"defaultValue\":\"member\"},"
            + "\"nickname\":{\"type\":\"string\"},\"internalNote\":{\"type\":\"string\",\"returned\":false,\"defaultValue\":\"n\"}}";

    final MutableClock clock = new MutableClock(Instant.parse("2030-01-01T00:00:00Z"));
    final List<Object> events = new ArrayList<>();
    final InMemorySessionStore sessions = new InMemorySessionStore();
    final InMemoryUserStore users = new InMemoryUserStore();
    AuthEvents listener = new AuthEvents() {
        @Override public void beforeSessionCreate(SessionCreating e) {
            events.add("before:" + e.reason());
        }
        @Override public void after(SessionEvent e) {
            events.add(e);
        }
        @Override public void after(UserEvent e) {
            events.add(e);
        }
    };
    final BetterAuthConfig config = BetterAuthConfig.builder().emailAndPasswordEnabled(true).secret(SessionManagerTest.SECRET)
            .baseUrl("http://localhost:3000").cookieCacheEnabled(true).updateAge(60)
            .sessionFields(AdditionalFields.parse(SESSION_FIELDS)).userFields(AdditionalFields.parse(USER_FIELDS)).build();
    final SessionManager manager = new SessionManager(config, sessions, users, new SessionCookies(config),
            new IdGenerator(), clock, new DelegatingEvents());
    final Endpoints api = Endpoints.of(config, manager, sessions, users, new PasswordHasher());
    final EmailPasswordAuth auth = new EmailPasswordAuth(config, users, manager, new PasswordHasher(), new IdGenerator());

    /** Forwards to whatever {@link #listener} is at the time, so a test can swap it. */
    final class DelegatingEvents implements AuthEvents {
        @Override public void beforeSessionCreate(SessionCreating e) { listener.beforeSessionCreate(e); }
        @Override public void after(SessionEvent e) { listener.after(e); }
        @Override public void after(UserEvent e) { listener.after(e); }
    }

    RequestCookies signUp(String body) {
        return SessionManagerTest.browser(auth.signUp(EmailPasswordAuthTest.body(body), ClientInfo.UNKNOWN,
                RequestCookies.empty()).setCookies());
    }

    @Test
    void declaredSessionField_setThroughUpdateSession_isReturnedByGetSession_andByTheCache() {
        RequestCookies device = signUp("{\"name\":\"A\",\"email\":\"a@example.com\",\"password\":\"test123456\"}");
        ApiResult<Session> r = api.sessions().updateSession(device, Map.of("activeOrganizationId", "org-1", "token", "ignored"));
        assertThat(r.value().additional()).containsEntry("activeOrganizationId", "org-1").containsEntry("theme", "light");
        RequestCookies after = CookieCacheSessionTest.apply(device, r.setCookies());
        SessionLookup cached = manager.resolve(after, GetSessionOptions.DEFAULT); // served from the new cache
        assertThat(cached.toJson(config::output)).contains("\"userId\":").contains("\"theme\":\"light\",\"activeOrganizationId\":\"org-1\",\"id\":\"")
                .doesNotContain("riskScore");
        SessionLookup stored = manager.resolve(after, new GetSessionOptions(false, false, true));
        assertThat(stored.current().session().additional()).containsEntry("riskScore", 7L);
        assertThat(stored.toJson(config::output)).doesNotContain("riskScore");
    }

    @Test
    void returnedFalseFields_neverEnterTheCacheCookie() { // T-33
        RequestCookies device = signUp("{\"name\":\"R\",\"email\":\"r@example.com\",\"password\":\"test123456\"}");
        String cache = device.get("better-auth.session_data").orElseThrow();
        String payload = new String(java.util.Base64.getUrlDecoder().decode(cache), java.nio.charset.StandardCharsets.UTF_8);
        assertThat(payload).contains("\"theme\":\"light\"").doesNotContain("riskScore").doesNotContain("internalNote");
        assertThat(sessions.listByUser(users.findByEmail("r@example.com").orElseThrow().id()).get(0).additional())
                .containsEntry("riskScore", 7L); // kept server-side
    }

    @Test
    void undeclaredOrWronglyTypedOrNotInputFields_are400_andTheRowIsUnchanged() { // T-33
        RequestCookies device = signUp("{\"name\":\"B\",\"email\":\"b@example.com\",\"password\":\"test123456\"}");
        Session before = sessions.findByToken(manager.cookies().sessionToken(device).orElseThrow()).orElseThrow();
        assertThatThrownBy(() -> api.sessions().updateSession(device, Map.of("unknownField", "x")))
                .isInstanceOfSatisfying(AuthException.class, e -> assertThat(AuthResult.of(e).json()).isEqualTo("{\"message\":\"No fields to update\"}"));
        assertThatThrownBy(() -> api.sessions().updateSession(device, Map.of("activeOrganizationId", 5)))
                .isInstanceOfSatisfying(AuthException.class, e -> assertThat(AuthResult.of(e).json()).isEqualTo("{\"message\":"
                        + "\"[body.activeOrganizationId] Invalid input: expected string, received number\",\"code\":\"VALIDATION_ERROR\"}"));
        assertThatThrownBy(() -> api.sessions().updateSession(device, Map.of("riskScore", 99)))
                .isInstanceOfSatisfying(AuthException.class, e -> assertThat(AuthResult.of(e).json()).isEqualTo(
                        "{\"message\":\"riskScore is not allowed to be set\",\"code\":\"FIELD_NOT_ALLOWED\"}"));
        assertThat(sessions.findByToken(before.token())).contains(before);
    }

    @Test
    void anAdditionalFieldOverACoreColumn_refusesToStart_forSessionAndUserTables_byNameOrColumn_inAnyCase() {
        // Otherwise update-session / sign-up would take it from the body (input defaults to true) and write the
        // table's own column: a session's userId or token, a user's email or emailVerified.
        for (String core : io.betterauth.jakarta.api.Session.CORE_FIELDS) {
            assertRefused("better-auth.session.additional-fields", "{\"" + core + "\":{\"type\":\"string\"}}", core);
        }
        for (String core : User.CORE_FIELDS) {
            assertRefused("better-auth.user.additional-fields", "{\"" + core + "\":{\"type\":\"string\"}}", core);
        }
        assertRefused("better-auth.session.additional-fields", "{\"USERID\":{\"type\":\"string\"}}", "userId");
        assertRefused("better-auth.session.additional-fields",
                "{\"owner\":{\"type\":\"string\",\"fieldName\":\"userid\"}}", "userId");
        assertRefused("better-auth.user.additional-fields",
                "{\"verified\":{\"type\":\"boolean\",\"input\":false,\"fieldName\":\"EmailVerified\"}}",
                "emailVerified");
        // In code (a CDI producer) too.
        assertThatThrownBy(() -> BetterAuthConfig.builder().emailAndPasswordEnabled(true).secret(SessionManagerTest.SECRET)
                .sessionFields(new AdditionalFields(List.of(AdditionalField.of("token", AdditionalField.Type.STRING))))
                .build()).isInstanceOf(ConfigurationException.class).hasMessageContaining("'token'");
        // A user's core field is an ordinary name on the session table, and the other way round.
        assertThat(BetterAuthConfig.builder().emailAndPasswordEnabled(true).secret(SessionManagerTest.SECRET)
                .sessionFields(AdditionalFields.parse("{\"email\":{\"type\":\"string\"}}"))
                .userFields(AdditionalFields.parse("{\"userAgent\":{\"type\":\"string\"}}")).build().session().additionalFields()
                .all()).hasSize(1);
    }

    private static void assertRefused(String key, String fields, String core) {
        assertThatThrownBy(() -> new ConfigLoader(List.of(ConfigSource.of(Map.of("better-auth.secret",
                SessionManagerTest.SECRET, key, fields)))).load()).as(fields)
                .isInstanceOf(ConfigurationException.class).hasMessageStartingWith(key)
                .hasMessageContaining("own field '" + core + "'");
    }

    @Test
    void userFields_inputFalseIsRefusedAtSignUp_defaultsAreApplied_returnedFalseIsHidden() {
        assertThatThrownBy(() -> signUp("{\"name\":\"C\",\"email\":\"c@example.com\",\"password\":\"test123456\",\"role\":\"admin\"}"))
                .isInstanceOfSatisfying(AuthException.class, e -> assertThat(AuthResult.of(e).json()).isEqualTo(
                        "{\"message\":\"role is not allowed to be set\",\"code\":\"FIELD_NOT_ALLOWED\"}"));
        AuthResult r = auth.signUp(EmailPasswordAuthTest.body("{\"name\":\"C\",\"email\":\"c@example.com\","
                + "\"password\":\"test123456\",\"nickname\":\"cc\"}"), ClientInfo.UNKNOWN, RequestCookies.empty());
        assertThat(r.json()).contains("\"role\":\"member\",\"nickname\":\"cc\",\"id\":\"").doesNotContain("internalNote");
        assertThat(users.findByEmail("c@example.com").orElseThrow().additional()).containsEntry("internalNote", "n");
    }

    @Test
    void aNewUsersRow_holdsEveryDeclaredField_nullWhereNothingWasWritten_asSignUpAnswersOnBetterAuthsSqlAdapters() {
        // found by the differential harness (admin profile): Better Auth's sign-up answered "banReason":null,
        // "banExpires":null (the inserted row), ours left them out of the answer and the cache
        AdditionalFields fields = AdditionalFields.parse("{\"role\":{\"type\":\"string\",\"input\":false,"
                + "\"defaultValue\":\"user\"},\"banReason\":{\"type\":\"string\",\"required\":false,\"input\":false},"
                + "\"nickname\":{\"type\":\"string\",\"required\":false},"
                + "\"theme\":{\"type\":\"string\",\"required\":false,\"defaultValue\":\"light\"}}");
        Map<String, Object> created = fields.forCreate(jakarta.json.Json.createObjectBuilder().build());
        assertThat(created).containsExactly(org.assertj.core.api.Assertions.entry("role", "user"),
                org.assertj.core.api.Assertions.entry("banReason", null),
                org.assertj.core.api.Assertions.entry("nickname", null),
                org.assertj.core.api.Assertions.entry("theme", "light"));
        assertThat(fields.forUpdate(jakarta.json.Json.createObjectBuilder().build())).as("an update writes nothing")
                .isEmpty();
        User user = new User("u", "N", "n@example.com", false, null, clock.instant(), clock.instant(), created);
        assertThat(io.betterauth.jakarta.core.js.JsJson.stringify(user.toJson())).contains(
                "\"role\":\"user\",\"banReason\":null,\"nickname\":null,\"theme\":\"light\",\"id\":\"u\"");
    }

    @Test
    void events_reportCreateRefreshRevoke_withoutTheToken() {
        RequestCookies device = signUp("{\"name\":\"D\",\"email\":\"d@example.com\",\"password\":\"test123456\"}");
        String token = manager.cookies().sessionToken(device).orElseThrow();
        clock.advance(Duration.ofSeconds(61));
        manager.resolve(device, new GetSessionOptions(false, false, true)); // refresh
        api.sessions().revokeSessions(device);
        assertThat(events).filteredOn(String.class::isInstance).containsExactly("before:sign-up");
        assertThat(events).filteredOn(UserEvent.class::isInstance).extracting(e -> ((UserEvent) e).kind())
                .containsExactly(UserEvent.Kind.CREATED);
        assertThat(events).filteredOn(SessionEvent.class::isInstance).extracting(e -> ((SessionEvent) e).kind() + ":" + ((SessionEvent) e).reason())
                .containsExactly("CREATED:sign-up", "REFRESHED:refresh", "REVOKED:revoke-sessions");
        assertThat(events.toString()).doesNotContain(token);
    }

    @Test
    void aRejectingBeforeListener_stopsTheSignIn_withItsOwnError() {
        signUp("{\"name\":\"E\",\"email\":\"e@example.com\",\"password\":\"test123456\"}");
        listener = new AuthEvents() {
            @Override public void beforeSessionCreate(SessionCreating e) {
                e.reject(403, "SIGN_IN_BLOCKED", "Sign-in is blocked for this account");
            }
        };
        assertThatThrownBy(() -> auth.signIn(EmailPasswordAuthTest.body("{\"email\":\"e@example.com\",\"password\":\"test123456\"}"),
                ClientInfo.UNKNOWN, RequestCookies.empty())).isInstanceOfSatisfying(AuthException.class, e -> {
                    assertThat(e.status()).isEqualTo(403);
                    assertThat(AuthResult.of(e).json()).isEqualTo("{\"message\":\"Sign-in is blocked for this account\",\"code\":\"SIGN_IN_BLOCKED\"}");
                });
        assertThat(sessions.listByUser(users.findByEmail("e@example.com").orElseThrow().id())).hasSize(1); // only sign-up's
    }

    @Test
    void aBeforeListener_canChangeTheNewSession() {
        listener = new AuthEvents() {
            @Override public void beforeSessionCreate(SessionCreating e) {
                e.replace(e.proposed().withAdditional(Map.of("activeOrganizationId", "default-org"), e.proposed().updatedAt()));
            }
        };
        RequestCookies device = signUp("{\"name\":\"F\",\"email\":\"f@example.com\",\"password\":\"test123456\"}");
        assertThat(manager.resolve(device, new GetSessionOptions(false, false, true)).current().session().additional())
                .containsEntry("activeOrganizationId", "default-org");
    }
}
