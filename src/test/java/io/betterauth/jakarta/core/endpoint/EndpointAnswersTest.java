package io.betterauth.jakarta.core.endpoint;

import static io.betterauth.jakarta.core.endpoint.EmailPasswordAuthTest.body;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.betterauth.jakarta.api.AuthException;
import io.betterauth.jakarta.api.GetSessionOptions;
import io.betterauth.jakarta.config.BetterAuthConfig;
import io.betterauth.jakarta.core.cookie.ClearSiteData;
import io.betterauth.jakarta.core.cookie.RequestCookies;
import io.betterauth.jakarta.core.cookie.SessionCookies;
import io.betterauth.jakarta.core.security.OriginCheck;
import io.betterauth.jakarta.core.security.PasswordHasher;
import io.betterauth.jakarta.core.session.ClientInfo;
import io.betterauth.jakarta.core.session.IdGenerator;
import io.betterauth.jakarta.core.session.ColumnLimits;
import io.betterauth.jakarta.core.session.SessionManager;
import io.betterauth.jakarta.core.session.SessionManagerTest;
import io.betterauth.jakarta.spi.SessionCustomizer;
import io.betterauth.jakarta.store.memory.InMemorySessionStore;
import io.betterauth.jakarta.store.memory.InMemoryUserStore;
import io.betterauth.jakarta.testing.MutableClock;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Consumer;
import java.util.function.Function;
import org.junit.jupiter.api.Test;

/**
 * What the endpoints answer over HTTP, from the core alone: Better Auth's bodies byte for byte, the headers, the
 * origin check (which only a call over HTTP gets), the sign-in {@code callbackURL} rules and update-user's refusal
 * of an email. The resource in {@code rest} only maps these to JAX-RS.
 */
class EndpointAnswersTest {

    static final String ORIGIN = "http://localhost:3000";
    static final String SIGN_UP = "{\"name\":\"U\",\"email\":\"%s\",\"password\":\"test123456\"}";

    final MutableClock clock = new MutableClock(Instant.parse("2030-01-01T00:00:00Z"));
    Endpoints endpoints;

    EndpointAnswersTest() {
        setUp(b -> { });
    }

    void setUp(Consumer<BetterAuthConfig.Builder> options) {
        BetterAuthConfig.Builder b = BetterAuthConfig.builder().emailAndPasswordEnabled(true).secret(SessionManagerTest.SECRET).baseUrl(ORIGIN);
        options.accept(b);
        BetterAuthConfig config = b.build();
        InMemorySessionStore sessions = new InMemorySessionStore();
        InMemoryUserStore users = new InMemoryUserStore();
        SessionManager manager = new SessionManager(config, sessions, users, new SessionCookies(config),
                new IdGenerator(), clock);
        endpoints = Endpoints.of(config, manager, sessions, users, new PasswordHasher(), new IdGenerator(),
                ColumnLimits.JAVASCRIPT_DATES);
    }

    /** A POST over HTTP with these cookies and an {@code Origin} header (none when null). */
    static Caller post(RequestCookies cookies, String origin) {
        Map<String, String> headers = origin == null ? Map.of() : Map.of("origin", origin);
        return Caller.overHttp(cookies, () -> ClientInfo.UNKNOWN, () -> new OriginCheck.Request("POST",
                cookies != RequestCookies.empty(), name -> headers.get(name.toLowerCase(Locale.ROOT)), ORIGIN));
    }

    RequestCookies signedUp(String email) {
        AuthResult r = endpoints.emailPassword().signUp(body(SIGN_UP.formatted(email)), post(RequestCookies.empty(),
                ORIGIN));
        return SessionManagerTest.browser(r.setCookies());
    }

    static void refused(Runnable call, int status, String code) {
        assertThatThrownBy(call::run).isInstanceOfSatisfying(AuthException.class, e -> {
            assertThat(e.status()).isEqualTo(status);
            assertThat(e.code()).isEqualTo(code);
        });
    }

    @Test
    void stateChangingEndpoints_answerBetterAuthsBodies() {
        RequestCookies device = signedUp("bodies@example.com");
        SessionEndpoints sessions = endpoints.sessions();
        assertThat(sessions.revokeOtherSessions(post(device, ORIGIN)).json()).isEqualTo("{\"status\":true}");
        assertThat(sessions.revokeSession(body("{\"token\":\"nobody\"}"), post(device, ORIGIN)).json())
                .isEqualTo("{\"status\":true}");
        AuthResult updated = endpoints.account().updateUser(body("{\"name\":\"V\"}"), post(device, ORIGIN));
        assertThat(updated.json()).isEqualTo("{\"status\":true}");
        assertThat(updated.setCookies()).isNotEmpty(); // the session cookie re-sent
        AuthResult signOut = sessions.signOut(post(device, ORIGIN));
        assertThat(signOut.json()).isEqualTo("{\"success\":true}");
        assertThat(signOut.setCookies()).allMatch(line -> line.contains("Max-Age=0"));
        assertThat(signOut.headers()).isEmpty();
        assertThat(sessions.revokeSessions(post(signedUp("all@example.com"), ORIGIN)).json())
                .isEqualTo("{\"status\":true}");
    }

    @Test
    void changePassword_answersTokenAndUser_andDeleteUser_itsMessage() {
        setUp(b -> b.deleteUserEnabled(true));
        RequestCookies device = signedUp("account@example.com");
        AuthResult changed = endpoints.account().changePassword(body("{\"newPassword\":\"test1234567\","
                + "\"currentPassword\":\"test123456\"}"), post(device, ORIGIN));
        assertThat(changed.json()).startsWith("{\"token\":null,\"user\":{\"name\":\"U\",\"email\":\"account@example.com\"");
        AuthResult deleted = endpoints.account().deleteUser(body("{\"password\":\"test1234567\"}"), post(device, ORIGIN));
        assertThat(deleted.json()).isEqualTo("{\"success\":true,\"message\":\"User deleted\"}");
        assertThat(deleted.setCookies()).allMatch(line -> line.contains("Max-Age=0"));
    }

    @Test
    void endpointsThatEndSessions_sendClearSiteData_whenConfigured() { // T-20
        setUp(b -> b.clearSiteData(true).deleteUserEnabled(true));
        Map<String, String> clear = Map.of(ClearSiteData.HEADER, ClearSiteData.VALUE);
        assertThat(endpoints.sessions().signOut(post(signedUp("a@example.com"), ORIGIN)).headers()).isEqualTo(clear);
        assertThat(endpoints.sessions().revokeSessions(post(signedUp("b@example.com"), ORIGIN)).headers())
                .isEqualTo(clear);
        assertThat(endpoints.account().deleteUser(body("{\"password\":\"test123456\"}"),
                post(signedUp("c@example.com"), ORIGIN)).headers()).isEqualTo(clear);
        assertThat(endpoints.sessions().revokeOtherSessions(post(signedUp("d@example.com"), ORIGIN)).headers())
                .isEmpty();
    }

    @Test
    void getSession_alwaysAnswersNoStoreAndNoCache_nullSessionAndErrorAlike() {
        Map<String, String> noStore = Map.of("Cache-Control", "no-store", "Pragma", "no-cache");
        AuthResult none = endpoints.sessions().getSession(post(RequestCookies.empty(), ORIGIN),
                GetSessionOptions.DEFAULT, SessionEndpoints.Customizer.NONE);
        assertThat(none.json()).isEqualTo("null");
        assertThat(none.headers()).isEqualTo(noStore);
        RequestCookies device = signedUp("get@example.com");
        AuthResult refused = endpoints.sessions().getSession(post(device, "https://evil.example"),
                new GetSessionOptions(true, false, false), SessionEndpoints.Customizer.NONE);
        assertThat(refused.status()).isEqualTo(403);
        assertThat(refused.json()).contains("\"code\":\"INVALID_ORIGIN\"");
        assertThat(refused.headers()).isEqualTo(noStore);
    }

    @Test
    void getSessionAndListSessions_answerTheCustomizersShape_onlyWhenThereIsASession() {
        RequestCookies device = signedUp("custom@example.com");
        SessionCustomizer custom = new SessionCustomizer() {
            @Override
            public Object customize(io.betterauth.jakarta.api.SessionAndUser current) {
                return Map.of("who", current.user().email());
            }

            @Override
            public boolean customizesListSessions() {
                return true;
            }

            @Override
            public Object customizeListEntry(io.betterauth.jakarta.api.Session session) {
                return "device";
            }
        };
        SessionEndpoints.Customizer present = new SessionEndpoints.Customizer() {
            @Override
            public boolean present() {
                return true;
            }

            @Override
            public <T> T apply(Function<SessionCustomizer, T> call) {
                return call.apply(custom);
            }
        };
        assertThat(endpoints.sessions().getSession(post(device, ORIGIN), GetSessionOptions.DEFAULT, present).json())
                .isEqualTo("{\"who\":\"custom@example.com\"}");
        assertThat(endpoints.sessions().getSession(post(RequestCookies.empty(), ORIGIN), GetSessionOptions.DEFAULT,
                present).json()).isEqualTo("null");
        assertThat(endpoints.sessions().listSessions(post(device, ORIGIN), GetSessionOptions.DEFAULT, present).json())
                .isEqualTo("[\"device\"]");
    }

    @Test
    void overHttp_stateChangingEndpointsWithCookies_requireATrustedOrigin() {
        RequestCookies device = signedUp("origin@example.com");
        refused(() -> endpoints.sessions().revokeOtherSessions(post(device, "https://evil.example")), 403,
                "INVALID_ORIGIN");
        refused(() -> endpoints.sessions().signOut(post(device, null)), 403, "MISSING_OR_NULL_ORIGIN");
        refused(() -> endpoints.account().updateUser(body("{\"name\":\"X\"}"), post(device, "https://evil.example")),
                403, "INVALID_ORIGIN");
        // The same calls from the app's own code (no request origin) are not origin-checked.
        assertThat(endpoints.sessions().revokeOtherSessions(device).value()).isTrue();
    }

    @Test
    void signIn_callbackUrl_mustBeAStringAndTrusted_overHttpOnly() {
        signedUp("callback@example.com");
        String credentials = "\"email\":\"callback@example.com\",\"password\":\"test123456\"";
        assertThatThrownBy(() -> endpoints.emailPassword().signIn(body("{" + credentials + ",\"callbackURL\":5}"),
                post(RequestCookies.empty(), ORIGIN))).isInstanceOfSatisfying(AuthException.class, e -> {
                    assertThat(e.status()).isEqualTo(400);
                    assertThat(AuthResult.of(e).json()).isEqualTo("{\"message\":\"Invalid callbackURL: expected a string\"}");
                });
        refused(() -> endpoints.emailPassword().signIn(body("{" + credentials
                + ",\"callbackURL\":\"https://evil.example/x\"}"), post(RequestCookies.empty(), ORIGIN)), 403,
                "INVALID_CALLBACK_URL");
        AuthResult ok = endpoints.emailPassword().signIn(body("{" + credentials + ",\"callbackURL\":\"/home\"}"),
                post(RequestCookies.empty(), ORIGIN));
        assertThat(ok.headers()).containsEntry("Location", "/home");
        // Past the origin check (the server-side form), the body's own validation still runs.
        refused(() -> endpoints.emailPassword().signIn(body("{" + credentials + ",\"callbackURL\":5}"),
                ClientInfo.UNKNOWN, RequestCookies.empty()), 400, "VALIDATION_ERROR");
    }

    @Test
    void updateUser_refusesAnEmail_butTakesFalsyOnes_asBetterAuth() {
        RequestCookies device = signedUp("email@example.com");
        refused(() -> endpoints.account().updateUser(body("{\"email\":\"new@example.com\"}"), post(device, ORIGIN)),
                400, "EMAIL_CAN_NOT_BE_UPDATED");
        for (String falsy : List.of("null", "false", "\"\"")) {
            assertThat(endpoints.account().updateUser(body("{\"email\":" + falsy + ",\"name\":\"N\"}"),
                    post(device, ORIGIN)).json()).as(falsy).isEqualTo("{\"status\":true}");
        }
    }
}
