package io.betterauth.jakarta.core.endpoint;

import static io.betterauth.jakarta.core.endpoint.EndpointAnswersTest.refused;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.betterauth.jakarta.api.ApiResult;
import io.betterauth.jakarta.api.AuthException;
import io.betterauth.jakarta.api.GetSessionOptions;
import io.betterauth.jakarta.api.SignIn;
import io.betterauth.jakarta.api.User;
import io.betterauth.jakarta.config.BetterAuthConfig;
import io.betterauth.jakarta.core.cookie.RequestCookies;
import io.betterauth.jakarta.core.cookie.SessionCookies;
import io.betterauth.jakarta.core.security.PasswordHasher;
import io.betterauth.jakarta.core.session.AdditionalFields;
import io.betterauth.jakarta.core.session.ClientInfo;
import io.betterauth.jakarta.core.session.IdGenerator;
import io.betterauth.jakarta.core.session.SessionManager;
import io.betterauth.jakarta.core.session.SessionManagerTest;
import io.betterauth.jakarta.store.memory.InMemorySessionStore;
import io.betterauth.jakarta.store.memory.InMemoryUserStore;
import io.betterauth.jakarta.testing.MutableClock;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;

/**
 * The server-side calls behind {@code BetterAuthApi}'s signUp, signIn, signOut, updateUser and deleteUser: the
 * same validation and rules as the HTTP endpoints, typed results with the cookies to set, and no origin check.
 */
class ServerSideCallsTest {

    static final ClientInfo CLIENT = new ClientInfo("203.0.113.5", "ServerSide/1");

    final MutableClock clock = new MutableClock(Instant.parse("2030-01-01T00:00:00Z"));
    InMemorySessionStore sessions;
    InMemoryUserStore users;
    SessionManager manager;
    Endpoints endpoints;

    ServerSideCallsTest() {
        setUp(b -> { });
    }

    void setUp(Consumer<BetterAuthConfig.Builder> options) {
        BetterAuthConfig.Builder b = BetterAuthConfig.builder().emailAndPasswordEnabled(true).secret(SessionManagerTest.SECRET)
                .baseUrl("http://localhost:3000");
        options.accept(b);
        BetterAuthConfig config = b.build();
        sessions = new InMemorySessionStore();
        users = new InMemoryUserStore();
        manager = new SessionManager(config, sessions, users, new SessionCookies(config), new IdGenerator(), clock);
        endpoints = Endpoints.of(config, manager, sessions, users, new PasswordHasher());
    }

    ApiResult<SignIn> signUp(String email) {
        return endpoints.emailPassword().signUp("Ann", email, "test123456", Map.of(), CLIENT, RequestCookies.empty());
    }

    boolean signedIn(RequestCookies device) {
        return manager.resolve(device, GetSessionOptions.DEFAULT).session().isPresent();
    }

    @Test
    void signUp_createsTheUserAndASession_whoseCookiesAuthenticate() {
        ApiResult<SignIn> r = endpoints.emailPassword().signUp("Ann", "Ann@Example.com", "test123456",
                Map.of("image", "https://example.com/a.png"), CLIENT, RequestCookies.empty());
        assertThat(r.value().user().email()).isEqualTo("ann@example.com");
        assertThat(r.value().user().image()).isEqualTo("https://example.com/a.png");
        assertThat(r.value().token()).hasSize(32);
        assertThat(sessions.findByToken(r.value().token()).orElseThrow().ipAddress()).isEqualTo("203.0.113.5");
        RequestCookies device = SessionManagerTest.browser(r.setCookies());
        assertThat(manager.cookies().sessionToken(device)).contains(r.value().token());
        assertThat(signedIn(device)).isTrue();
    }

    @Test
    void signUp_withoutAutoSignIn_hasNoTokenAndNoCookies() {
        setUp(b -> b.autoSignIn(false));
        ApiResult<SignIn> r = signUp("manual@example.com");
        assertThat(r.value().token()).isNull();
        assertThat(r.value().user().email()).isEqualTo("manual@example.com");
        assertThat(r.setCookies()).isEmpty();
    }

    @Test
    void signUp_validatesItsArguments_asTheEndpointValidatesABody() {
        assertThatThrownBy(() -> endpoints.emailPassword().signUp(null, "x@example.com", "test123456", Map.of(),
                CLIENT, RequestCookies.empty())).isInstanceOfSatisfying(AuthException.class, e ->
                assertThat(AuthResult.of(e).json()).isEqualTo("{\"message\":\"[body.name] Invalid input: expected "
                        + "string, received undefined\",\"code\":\"VALIDATION_ERROR\"}"));
        refused(() -> endpoints.emailPassword().signUp("N", "not an email", "test123456", Map.of(), CLIENT,
                RequestCookies.empty()), 400, "VALIDATION_ERROR");
        refused(() -> endpoints.emailPassword().signUp("N", "short@example.com", "short", Map.of(), CLIENT,
                RequestCookies.empty()), 400, "PASSWORD_TOO_SHORT");
        refused(() -> endpoints.emailPassword().signUp("N", "f@example.com", "test123456", Map.of("rememberMe", "no"),
                CLIENT, RequestCookies.empty()), 400, "VALIDATION_ERROR");
        signUp("taken@example.com");
        refused(() -> signUp("TAKEN@example.com"), 422, "USER_ALREADY_EXISTS_USE_ANOTHER_EMAIL");
    }

    @Test
    void signUp_takesDeclaredAdditionalFields() {
        setUp(b -> b.userFields(AdditionalFields.parse("{\"plan\":{\"type\":\"string\"}}")));
        Map<String, Object> fields = new HashMap<>();
        fields.put("plan", "pro");
        assertThat(endpoints.emailPassword().signUp("P", "plan@example.com", "test123456", fields, CLIENT,
                RequestCookies.empty()).value().user().additional()).containsEntry("plan", "pro");
    }

    @Test
    void signIn_issuesANewSession_andRefusesAsTheEndpoint() {
        signUp("in@example.com");
        ApiResult<SignIn> r = endpoints.emailPassword().signIn("IN@example.com", "test123456", true, CLIENT,
                RequestCookies.empty());
        assertThat(r.value().user().email()).isEqualTo("in@example.com");
        RequestCookies device = SessionManagerTest.browser(r.setCookies());
        assertThat(signedIn(device)).isTrue();
        assertThat(r.setCookies()).noneMatch(line -> line.startsWith("better-auth.dont_remember="));
        refused(() -> endpoints.emailPassword().signIn("in@example.com", "wrong-password", true, CLIENT,
                RequestCookies.empty()), 401, "INVALID_EMAIL_OR_PASSWORD");
        refused(() -> endpoints.emailPassword().signIn(null, "test123456", true, CLIENT, RequestCookies.empty()),
                400, "VALIDATION_ERROR");
    }

    @Test
    void signIn_withoutRememberMe_setsTheDontRememberCookie_andA24HourSession() {
        signUp("forget@example.com");
        ApiResult<SignIn> r = endpoints.emailPassword().signIn("forget@example.com", "test123456", false, CLIENT,
                RequestCookies.empty());
        assertThat(r.setCookies()).anyMatch(line -> line.startsWith("better-auth.dont_remember="));
        assertThat(sessions.findByToken(r.value().token()).orElseThrow().expiresAt())
                .isEqualTo(clock.instant().plusSeconds(24 * 60 * 60));
    }

    @Test
    void signOut_endsTheSession_andClearsTheCookies() {
        RequestCookies device = SessionManagerTest.browser(signUp("out@example.com").setCookies());
        ApiResult<Boolean> r = endpoints.sessions().signOut(device);
        assertThat(r.value()).isTrue();
        assertThat(r.setCookies()).isNotEmpty().allMatch(line -> line.contains("Max-Age=0"));
        assertThat(signedIn(device)).isFalse();
        assertThat(endpoints.sessions().signOut(RequestCookies.empty()).value()).isTrue(); // no session: the same
    }

    @Test
    void updateUser_takesBetterAuthsBody_andRefusesAnEmail() {
        RequestCookies device = SessionManagerTest.browser(signUp("up@example.com").setCookies());
        Map<String, Object> fields = new HashMap<>();
        fields.put("name", "Bea");
        fields.put("image", null); // clears it
        ApiResult<Boolean> r = endpoints.account().updateUser(RequestBody.of(fields), device);
        assertThat(r.setCookies()).isNotEmpty();
        User stored = users.findByEmail("up@example.com").orElseThrow();
        assertThat(stored.name()).isEqualTo("Bea");
        assertThat(stored.image()).isNull();
        refused(() -> endpoints.account().updateUser(RequestBody.of(Map.of("email", "new@example.com")), device),
                400, "EMAIL_CAN_NOT_BE_UPDATED");
        refused(() -> endpoints.account().updateUser(RequestBody.of(Map.of("name", 5)), device), 400,
                "VALIDATION_ERROR");
        refused(() -> endpoints.account().updateUser(RequestBody.of(Map.of("name", "X")), RequestCookies.empty()),
                401, "UNAUTHORIZED");
    }

    @Test
    void deleteUser_followsTheEndpointsRules() {
        RequestCookies off = SessionManagerTest.browser(signUp("off@example.com").setCookies());
        refused(() -> endpoints.account().deleteUser(off, "test123456"), 404, null);
        setUp(b -> b.deleteUserEnabled(true));
        RequestCookies device = SessionManagerTest.browser(signUp("gone@example.com").setCookies());
        refused(() -> endpoints.account().deleteUser(device, "wrong-password"), 400, "INVALID_PASSWORD");
        ApiResult<Boolean> r = endpoints.account().deleteUser(device, "test123456");
        assertThat(r.setCookies()).allMatch(line -> line.contains("Max-Age=0"));
        assertThat(users.findByEmail("gone@example.com")).isEmpty();
        assertThat(signedIn(device)).isFalse();
    }
}
