package io.betterauth.jakarta.core.endpoint;

import io.betterauth.jakarta.api.Account;
import io.betterauth.jakarta.api.AuthException;
import io.betterauth.jakarta.api.Session;
import io.betterauth.jakarta.api.User;
import io.betterauth.jakarta.config.BetterAuthConfig;
import io.betterauth.jakarta.core.cookie.RequestCookies;
import io.betterauth.jakarta.core.cookie.SessionCookies;
import io.betterauth.jakarta.core.security.PasswordHasher;
import io.betterauth.jakarta.core.session.ClientInfo;
import io.betterauth.jakarta.core.session.IdGenerator;
import io.betterauth.jakarta.core.session.SessionManager;
import io.betterauth.jakarta.core.session.SessionManagerTest;
import io.betterauth.jakarta.testing.MutableClock;
import io.betterauth.jakarta.testing.TestVectors;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.betterauth.jakarta.store.memory.InMemorySessionStore;
import io.betterauth.jakarta.store.memory.InMemoryUserStore;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.io.StringReader;
import java.time.Instant;
import org.junit.jupiter.api.Test;

public class EmailPasswordAuthTest {

    final MutableClock clock = new MutableClock(Instant.parse("2030-01-01T00:00:00Z"));
    final BetterAuthConfig config = BetterAuthConfig.builder().emailAndPasswordEnabled(true).secret(SessionManagerTest.SECRET)
            .baseUrl("http://localhost:3000").build();
    final InMemoryUserStore users = new InMemoryUserStore();
    final InMemorySessionStore sessions = new InMemorySessionStore();
    final SessionManager manager = new SessionManager(config, sessions, users, new SessionCookies(config),
            new IdGenerator(), clock);
    final EmailPasswordAuth auth = new EmailPasswordAuth(config, users, manager, new PasswordHasher(), new IdGenerator());

    public static RequestBody body(String json) {
        return new RequestBody(Json.createReader(new StringReader(json)).readObject());
    }

    static JsonObject json(String s) {
        return Json.createReader(new StringReader(s)).readObject();
    }

    @Test
    void signUp_storesALowercasedUserWithABetterAuthScryptHash_andSignsIn() {
        AuthResult r = auth.signUp(body("{\"name\":\"Ann\",\"email\":\"Ann@Example.com\",\"password\":\"test123456\"}"),
                new ClientInfo("203.0.113.1", "UA"), RequestCookies.empty());
        JsonObject out = json(r.json());
        String token = out.getString("token");
        assertThat(r.json()).isEqualTo("{\"token\":\"" + token + "\",\"user\":{\"name\":\"Ann\",\"email\":\"ann@example.com\","
                + "\"emailVerified\":false,\"image\":null,\"createdAt\":\"2030-01-01T00:00:00.000Z\","
                + "\"updatedAt\":\"2030-01-01T00:00:00.000Z\",\"id\":\"" + out.getJsonObject("user").getString("id") + "\"}}");
        User user = users.findByEmail("ann@example.com").orElseThrow();
        Account credential = users.findCredentialAccount(user.id()).orElseThrow();
        assertThat(credential.accountId()).isEqualTo(user.id());
        assertThat(credential.password()).matches("[0-9a-f]{32}:[0-9a-f]{128}");
        Session session = sessions.findByToken(token).orElseThrow();
        assertThat(session.ipAddress()).isEqualTo("203.0.113.1");
        assertThat(session.userAgent()).isEqualTo("UA");
        assertThat(r.setCookies()).hasSize(1);
    }

    @Test
    void signIn_acceptsAPasswordHashedByBetterAuth() {
        User u = new User("u1", "Node User", "node@example.com", false, null, clock.instant(), clock.instant());
        String betterAuthHash = TestVectors.read("scrypt-better-auth-1.7.25.json").asJsonArray().getJsonObject(0)
                .getString("hash"); // "test123456", written by Node Better Auth
        users.create(u, new Account("a1", "u1", "credential", "u1", betterAuthHash, clock.instant(), clock.instant()));
        AuthResult r = auth.signIn(body("{\"email\":\"NODE@example.com\",\"password\":\"test123456\"}"),
                ClientInfo.UNKNOWN, RequestCookies.empty());
        assertThat(r.json()).startsWith("{\"redirect\":false,\"token\":\"").contains("\"user\":{\"name\":\"Node User\"");
        assertThat(r.headers()).isEmpty();
    }

    @Test
    void signInWithCallbackUrl_redirectsTrue_andSetsLocation() {
        auth.signUp(body("{\"name\":\"C\",\"email\":\"c@example.com\",\"password\":\"test123456\"}"), ClientInfo.UNKNOWN,
                RequestCookies.empty());
        AuthResult r = auth.signIn(body("{\"email\":\"c@example.com\",\"password\":\"test123456\",\"callbackURL\":\"/dashboard\"}"),
                ClientInfo.UNKNOWN, RequestCookies.empty());
        assertThat(r.json()).startsWith("{\"redirect\":true,\"token\":\"").contains(",\"url\":\"/dashboard\",\"user\":");
        assertThat(r.headers()).containsEntry("Location", "/dashboard");
    }

    @Test
    void errors_matchBetterAuthsCodesAndChecksOrder() {
        auth.signUp(body("{\"name\":\"D\",\"email\":\"d@example.com\",\"password\":\"test123456\"}"), ClientInfo.UNKNOWN,
                RequestCookies.empty());
        assertError(() -> auth.signUp(body("{\"name\":\"D\",\"email\":\"d@example.com\",\"password\":\"short\"}"),
                ClientInfo.UNKNOWN, RequestCookies.empty()), 400, "PASSWORD_TOO_SHORT");
        assertError(() -> auth.signUp(body("{\"name\":\"D\",\"email\":\"d@example.com\",\"password\":\"" + "a".repeat(129) + "\"}"),
                ClientInfo.UNKNOWN, RequestCookies.empty()), 400, "PASSWORD_TOO_LONG");
        assertError(() -> auth.signUp(body("{\"name\":\"D\",\"email\":\"D@example.com\",\"password\":\"test123456\"}"),
                ClientInfo.UNKNOWN, RequestCookies.empty()), 422, "USER_ALREADY_EXISTS_USE_ANOTHER_EMAIL");
        assertError(() -> auth.signUp(body("{\"name\":\"D\",\"email\":\"e@example.com\",\"password\":\"\"}"),
                ClientInfo.UNKNOWN, RequestCookies.empty()), 400, "VALIDATION_ERROR");
        assertError(() -> auth.signIn(body("{\"email\":\"not an email\",\"password\":\"x\"}"),
                ClientInfo.UNKNOWN, RequestCookies.empty()), 400, "INVALID_EMAIL");
        assertError(() -> auth.signIn(body("{\"email\":\"d@example.com\",\"password\":\"x\"}"),
                ClientInfo.UNKNOWN, RequestCookies.empty()), 401, "INVALID_EMAIL_OR_PASSWORD");
        assertError(() -> auth.signIn(body("{\"email\":\"d@example.com\",\"password\":\"test123456\",\"rememberMe\":\"false\"}"),
                ClientInfo.UNKNOWN, RequestCookies.empty()), 400, "VALIDATION_ERROR");
    }

    @Test
    void unlessEnabled_signUpAndSignInAnswerBetterAuthsDisabledErrors_afterValidation() {
        // Better Auth: emailAndPassword.enabled defaults to false; the routes exist and answer 400 with a code.
        BetterAuthConfig off = BetterAuthConfig.builder().secret(SessionManagerTest.SECRET).build();
        SessionManager offManager = new SessionManager(off, sessions, users, new SessionCookies(off), new IdGenerator(),
                clock);
        EmailPasswordAuth disabled = new EmailPasswordAuth(off, users, offManager, new PasswordHasher(),
                new IdGenerator());
        assertError(() -> disabled.signUp(body("{\"name\":\"D\",\"email\":\"d@example.com\",\"password\":\"test123456\"}"),
                ClientInfo.UNKNOWN, RequestCookies.empty()), 400, "EMAIL_PASSWORD_SIGN_UP_DISABLED");
        assertError(() -> disabled.signIn(body("{\"email\":\"d@example.com\",\"password\":\"test123456\"}"),
                ClientInfo.UNKNOWN, RequestCookies.empty()), 400, "EMAIL_PASSWORD_DISABLED");
        assertError(() -> disabled.signIn(body("{\"email\":5,\"password\":\"test123456\"}"),
                ClientInfo.UNKNOWN, RequestCookies.empty()), 400, "VALIDATION_ERROR");
        assertThat(users.findByEmail("d@example.com")).isEmpty();
    }

    @Test
    void disableSignUp_refusesSignUp_andSignInStillWorks() {
        auth.signUp(body("{\"name\":\"E\",\"email\":\"e@example.com\",\"password\":\"test123456\"}"),
                ClientInfo.UNKNOWN, RequestCookies.empty());
        BetterAuthConfig closed = BetterAuthConfig.builder().emailAndPasswordEnabled(true).disableSignUp(true)
                .secret(SessionManagerTest.SECRET).build();
        SessionManager closedManager = new SessionManager(closed, sessions, users, new SessionCookies(closed),
                new IdGenerator(), clock);
        EmailPasswordAuth inviteOnly = new EmailPasswordAuth(closed, users, closedManager, new PasswordHasher(),
                new IdGenerator());
        assertError(() -> inviteOnly.signUp(body("{\"name\":\"F\",\"email\":\"f@example.com\",\"password\":\"test123456\"}"),
                ClientInfo.UNKNOWN, RequestCookies.empty()), 400, "EMAIL_PASSWORD_SIGN_UP_DISABLED");
        assertThat(inviteOnly.signIn(body("{\"email\":\"e@example.com\",\"password\":\"test123456\"}"),
                ClientInfo.UNKNOWN, RequestCookies.empty()).status()).isEqualTo(200);
    }

    @Test
    void validationMessages_areZodsFormat() {
        assertThatThrownBy(() -> auth.signUp(body("{\"name\":null,\"email\":\"x@example.com\",\"password\":5}"),
                ClientInfo.UNKNOWN, RequestCookies.empty()))
                .isInstanceOfSatisfying(AuthException.class, e -> assertThat(AuthResult.of(e).json()).isEqualTo(
                        "{\"message\":\"[body.name] Invalid input: expected string, received null; [body.password] Invalid input: "
                                + "expected string, received number\",\"code\":\"VALIDATION_ERROR\"}"));
    }

    @Test
    void zodEmailPattern_acceptsAndRejectsAsBetterAuth() {
        assertThat(RequestBody.isEmail("first.last+tag@sub.example.co")).isTrue();
        assertThat(RequestBody.isEmail("o'brien@example.com")).isTrue();
        for (String bad : new String[] {" a@example.com", "a@b.c", "a@localhost", "a..b@example.com", ".a@example.com",
                "ä@example.com", "a@[127.0.0.1]"}) {
            assertThat(RequestBody.isEmail(bad)).as(bad).isFalse();
        }
    }

    static void assertError(Runnable action, int status, String code) {
        assertThatThrownBy(action::run).isInstanceOfSatisfying(AuthException.class, e -> {
            assertThat(e.status()).isEqualTo(status);
            assertThat(e.code()).isEqualTo(code);
        });
    }
}
