package io.betterauth.jakarta.core.session;

import static org.assertj.core.api.Assertions.assertThat;

import io.betterauth.jakarta.api.GetSessionOptions;
import io.betterauth.jakarta.api.Session;
import io.betterauth.jakarta.api.SessionAndUser;
import io.betterauth.jakarta.api.User;
import io.betterauth.jakarta.api.event.SignInEvent;
import io.betterauth.jakarta.config.BetterAuthConfig;
import io.betterauth.jakarta.core.cookie.RequestCookies;
import io.betterauth.jakarta.core.cookie.SessionCookies;
import io.betterauth.jakarta.core.js.UriComponent;
import io.betterauth.jakarta.core.security.RateLimiter;
import io.betterauth.jakarta.spi.AuthEvents;
import io.betterauth.jakarta.spi.AuthMetrics;
import io.betterauth.jakarta.store.memory.InMemorySessionStore;
import io.betterauth.jakarta.store.memory.InMemoryUserStore;
import io.betterauth.jakarta.testing.MutableClock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;

/**
 * The operator's counters ({@link AuthMetrics}) as the core reports them: the session lifecycle through
 * {@link CountingEvents}, cookie-cache hits and misses in get-session, and the rate limiter's refusals.
 */
class AuthMetricsCountingTest {

    /** Counts calls by name. */
    static final class Counts implements AuthMetrics {
        final Map<String, Integer> seen = new TreeMap<>();

        private void count(String name) {
            seen.merge(name, 1, Integer::sum);
        }

        @Override public void sessionCreated() { count("created"); }
        @Override public void sessionRefreshed() { count("refreshed"); }
        @Override public void sessionRevoked() { count("revoked"); }
        @Override public void signInFailed() { count("signInFailed"); }
        @Override public void cookieCacheHit() { count("cacheHit"); }
        @Override public void cookieCacheMiss() { count("cacheMiss"); }
        @Override public void rateLimited() { count("rateLimited"); }
    }

    final MutableClock clock = new MutableClock(Instant.parse("2030-01-01T00:00:00Z"));
    final InMemoryUserStore users = new InMemoryUserStore();
    final User alice = new User("UsErId0123456789UsErId0123456789", "Alice", "alice@example.com", false, null,
            clock.instant(), clock.instant());
    final Counts counts = new Counts();
    final List<Object> appSaw = new ArrayList<>();

    SessionManager manager(Consumer<BetterAuthConfig.Builder> options) {
        BetterAuthConfig.Builder b = BetterAuthConfig.builder().emailAndPasswordEnabled(true)
                .secret(SessionManagerTest.SECRET).baseUrl("http://localhost:3000");
        options.accept(b);
        BetterAuthConfig config = b.build();
        users.create(alice, null);
        AuthEvents app = new AuthEvents() {
            @Override
            public void after(io.betterauth.jakarta.api.event.SessionEvent event) {
                appSaw.add(event.kind());
            }
        };
        return new SessionManager(config, new InMemorySessionStore(), users, new SessionCookies(config),
                new IdGenerator(), clock, app, counts);
    }

    RequestCookies signIn(SessionManager manager) {
        Session s = manager.create(alice, false, ClientInfo.UNKNOWN);
        return SessionManagerTest.browser(manager.sessionCookies(new SessionAndUser(s, alice), false,
                RequestCookies.empty()));
    }

    @Test
    void createRefreshAndRevoke_areCounted_andTheAppStillGetsEveryEvent() {
        SessionManager manager = manager(b -> { });
        RequestCookies browser = signIn(manager);
        clock.advance(Duration.ofDays(1).plusSeconds(1));
        SessionLookup refreshed = manager.resolve(browser, GetSessionOptions.DEFAULT);
        manager.delete(refreshed.current().session(), "sign-out");
        Session other = manager.create(alice, false, ClientInfo.UNKNOWN);
        manager.create(alice, false, ClientInfo.UNKNOWN);
        manager.deleteAll(other.userId(), "revoke-sessions");

        assertThat(counts.seen).containsExactlyInAnyOrderEntriesOf(Map.of("created", 3, "refreshed", 1,
                "revoked", 3));
        assertThat(appSaw).hasSize(7);
    }

    @Test
    void cookieCache_hitsAndMisses_areCounted_onlyWhileTheCacheIsOn() {
        SessionManager manager = manager(b -> b.cookieCacheEnabled(true));
        RequestCookies browser = signIn(manager);
        manager.resolve(browser, GetSessionOptions.DEFAULT);
        manager.resolve(browser, GetSessionOptions.DEFAULT);
        RequestCookies tokenOnly = RequestCookies.parse("better-auth.session_token="
                + UriComponent.encode(browser.get("better-auth.session_token").orElseThrow()));
        manager.resolve(tokenOnly, GetSessionOptions.DEFAULT);

        assertThat(counts.seen).containsEntry("cacheHit", 2).containsEntry("cacheMiss", 1);
    }

    @Test
    void withoutACookieCache_nothingIsCountedAsAHitOrAMiss() {
        SessionManager manager = manager(b -> { });
        manager.resolve(signIn(manager), GetSessionOptions.DEFAULT);

        assertThat(counts.seen).doesNotContainKeys("cacheHit", "cacheMiss");
    }

    @Test
    void failedSignIns_areCounted_successfulOnesAreNot() {
        CountingEvents events = new CountingEvents(AuthEvents.NONE, counts);
        events.after(new SignInEvent(SignInEvent.Kind.FAILED, "a@example.com", null, "INVALID_EMAIL_OR_PASSWORD",
                null, null, null));
        events.after(new SignInEvent(SignInEvent.Kind.SUCCEEDED, "a@example.com", "u", null, null, null, null));

        assertThat(counts.seen).isEqualTo(Map.of("signInFailed", 1));
    }

    @Test
    void everyRefusedRequest_isCountedAsRateLimited() {
        BetterAuthConfig config = BetterAuthConfig.builder().emailAndPasswordEnabled(true)
                .secret(SessionManagerTest.SECRET).build();
        RateLimiter limiter = new RateLimiter(config.rateLimit(), null, clock, counts);
        for (int i = 0; i < 5; i++) {
            limiter.check("203.0.113.9", "/sign-in/email"); // Better Auth's rule: 3 per 10 s
        }

        assertThat(counts.seen).isEqualTo(Map.of("rateLimited", 2));
    }
}
