package io.betterauth.jakarta.core.endpoint;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.betterauth.jakarta.api.ApiResult;
import io.betterauth.jakarta.api.AuthException;
import io.betterauth.jakarta.api.GetSessionOptions;
import io.betterauth.jakarta.api.SignIn;
import io.betterauth.jakarta.api.event.SessionEvent;
import io.betterauth.jakarta.api.event.SignInEvent;
import io.betterauth.jakarta.config.BetterAuthConfig;
import io.betterauth.jakarta.core.cookie.RequestCookies;
import io.betterauth.jakarta.core.cookie.SessionCookies;
import io.betterauth.jakarta.core.security.OriginCheck;
import io.betterauth.jakarta.core.security.PasswordHasher;
import io.betterauth.jakarta.core.session.ClientInfo;
import io.betterauth.jakarta.core.session.IdGenerator;
import io.betterauth.jakarta.core.session.SessionManager;
import io.betterauth.jakarta.core.session.SessionManagerTest;
import io.betterauth.jakarta.spi.AuthEvents;
import io.betterauth.jakarta.store.memory.InMemorySessionStore;
import io.betterauth.jakarta.store.memory.InMemoryUserStore;
import io.betterauth.jakarta.testing.MutableClock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * {@code BetterAuthApi.createSession} (a session for a user the app authenticated by its own means) and the checks an
 * app's own HTML sign-in form runs ({@code checkSignInForm}).
 */
class CreateSessionTest {

    static final ClientInfo CLIENT = new ClientInfo("203.0.113.5", "Oidc/1");

    final MutableClock clock = new MutableClock(Instant.parse("2030-01-01T00:00:00Z"));
    final List<Object> events = new ArrayList<>();
    final BetterAuthConfig config = BetterAuthConfig.builder().emailAndPasswordEnabled(true)
            .secret(SessionManagerTest.SECRET).baseUrl("http://localhost:3000")
            .trustedOrigins(List.of("https://app.example.com")).build();
    final InMemorySessionStore sessions = new InMemorySessionStore();
    final InMemoryUserStore users = new InMemoryUserStore();
    final SessionManager manager = new SessionManager(config, sessions, users, new SessionCookies(config),
            new IdGenerator(), clock, new AuthEvents() {
                @Override
                public void after(SessionEvent event) {
                    events.add(event.kind());
                }

                @Override
                public void after(SignInEvent event) {
                    events.add(event.kind());
                }
            });
    final Endpoints endpoints = Endpoints.of(config, manager, sessions, users, new PasswordHasher());

    String existingUser() {
        return endpoints.emailPassword().signUp("Ann", "ann@example.com", "test123456", Map.of(), CLIENT,
                RequestCookies.empty()).value().user().id();
    }

    @Test
    void createSession_forAnExistingUser_isASignInWhoseCookiesAuthenticate() {
        String userId = existingUser();
        events.clear();

        ApiResult<SignIn> r = endpoints.emailPassword().createSession(userId, true, CLIENT, RequestCookies.empty());

        assertThat(r.value().user().id()).isEqualTo(userId);
        assertThat(sessions.findByToken(r.value().token()).orElseThrow().ipAddress()).isEqualTo("203.0.113.5");
        assertThat(r.setCookies()).anySatisfy(c -> assertThat(c).startsWith("better-auth.session_token=")
                .contains("Max-Age=604800"));
        RequestCookies browser = SessionManagerTest.browser(r.setCookies());
        assertThat(manager.resolve(browser, GetSessionOptions.DEFAULT).session().orElseThrow().user().id())
                .isEqualTo(userId);
        assertThat(events).contains(SessionEvent.Kind.CREATED, SignInEvent.Kind.SUCCEEDED);
    }

    @Test
    void createSession_withoutRememberMe_setsASessionCookieThatEndsWithTheBrowser() {
        ApiResult<SignIn> r = endpoints.emailPassword().createSession(existingUser(), false, CLIENT,
                RequestCookies.empty());
        assertThat(r.setCookies()).anySatisfy(c -> assertThat(c).startsWith("better-auth.session_token=")
                .doesNotContain("Max-Age"));
        assertThat(r.setCookies()).anySatisfy(c -> assertThat(c).startsWith("better-auth.dont_remember="));
    }

    @Test
    void createSession_forAnUnknownUser_is404UserNotFound_andCreatesNothing() {
        String userId = existingUser();
        int before = sessions.listByUser(userId).size();
        for (String id : new String[] {"no-such-user", "", null}) {
            assertThatThrownBy(() -> endpoints.emailPassword().createSession(id, true, CLIENT, RequestCookies.empty()))
                    .isInstanceOfSatisfying(AuthException.class, e -> {
                        assertThat(e.status()).isEqualTo(404);
                        assertThat(e.code()).isEqualTo("USER_NOT_FOUND");
                        assertThat(e.getMessage()).isEqualTo("User not found");
                    });
        }
        assertThat(sessions.listByUser(userId)).hasSize(before);
    }

    static Caller browserPost(String origin, String cookie) {
        Map<String, String> headers = origin == null ? Map.of() : Map.of("origin", origin);
        return Caller.overHttp(cookie == null ? RequestCookies.empty() : RequestCookies.parse(cookie), () -> CLIENT,
                () -> new OriginCheck.Request("POST", cookie != null, headers::get, "http://localhost:3000"));
    }

    @Test
    void signInForm_acceptsATrustedOriginAndASafeRelativeCallback() {
        endpoints.emailPassword().checkSignInForm(browserPost("http://localhost:3000", null), "/account?tab=1");
        endpoints.emailPassword().checkSignInForm(browserPost("https://app.example.com", "a=b"),
                "https://app.example.com/done");
        endpoints.emailPassword().checkSignInForm(browserPost("http://localhost:3000", null), null);
    }

    @Test
    void signInForm_refusesAnOffSiteCallback_asBetterAuthRefusesItsCallbackURL() {
        for (String callback : new String[] {"https://evil.example/", "//evil.example/", "/\\evil.example",
                "/%2fevil.example", "javascript:alert(1)"}) {
            assertThatThrownBy(() -> endpoints.emailPassword().checkSignInForm(
                    browserPost("http://localhost:3000", null), callback))
                    .as(callback).isInstanceOfSatisfying(AuthException.class,
                            e -> assertThat(e.code()).isEqualTo("INVALID_CALLBACK_URL"));
        }
    }

    @Test
    void signInForm_refusesAnUntrustedOrigin_andACookieCarryingPostWithoutOne() {
        assertThatThrownBy(() -> endpoints.emailPassword().checkSignInForm(
                browserPost("https://evil.example", null), "/"))
                .isInstanceOfSatisfying(AuthException.class, e -> assertThat(e.code()).isEqualTo("INVALID_ORIGIN"));
        assertThatThrownBy(() -> endpoints.emailPassword().checkSignInForm(browserPost(null, "a=b"), "/"))
                .isInstanceOfSatisfying(AuthException.class,
                        e -> assertThat(e.code()).isEqualTo("MISSING_OR_NULL_ORIGIN"));
    }
}
