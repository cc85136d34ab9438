package io.betterauth.jakarta.core.session;

import io.betterauth.jakarta.api.GetSessionOptions;
import io.betterauth.jakarta.api.Session;
import io.betterauth.jakarta.api.SessionAndUser;
import io.betterauth.jakarta.api.User;
import io.betterauth.jakarta.config.BetterAuthConfig;
import io.betterauth.jakarta.config.ConfigLoader;
import io.betterauth.jakarta.config.ConfigSource;
import io.betterauth.jakarta.config.ConfigurationException;
import io.betterauth.jakarta.core.cookie.ClearSiteData;
import io.betterauth.jakarta.core.cookie.RequestCookies;
import io.betterauth.jakarta.core.cookie.SessionCookies;
import io.betterauth.jakarta.core.endpoint.Endpoints;
import io.betterauth.jakarta.core.security.PasswordHasher;
import io.betterauth.jakarta.testing.MutableClock;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.betterauth.jakarta.spi.SessionStore;
import io.betterauth.jakarta.store.memory.InMemorySessionStore;
import io.betterauth.jakarta.store.memory.InMemoryUserStore;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;

/**
 * The options that go beyond Better Auth (issue 9): {@code absolute-expires-in} (T-14), {@code clear-site-data}
 * (T-20) and {@code use-host-prefix} (T-06), each off by default.
 */
class SessionHardeningOptionsTest {

    static final String SECRET = SessionManagerTest.SECRET;
    static final Instant T0 = SessionManagerTest.T0;

    final MutableClock clock = new MutableClock(T0);
    final InMemoryUserStore users = new InMemoryUserStore();
    final AtomicInteger writes = new AtomicInteger();
    final AtomicInteger deletes = new AtomicInteger();
    final User alice = new User("UsErId0123456789UsErId0123456789", "Alice", "alice@example.com", false, null, T0, T0);
    final InMemorySessionStore rows = new InMemorySessionStore();

    SessionManager manager(Consumer<BetterAuthConfig.Builder> options) {
        BetterAuthConfig.Builder b = BetterAuthConfig.builder().emailAndPasswordEnabled(true).secret(SECRET).baseUrl("http://localhost:3000");
        options.accept(b);
        BetterAuthConfig config = b.build();
        if (users.findById(alice.id()).isEmpty()) {
            users.create(alice, null);
        }
        return new SessionManager(config, new Counting(), users, new SessionCookies(config), new IdGenerator(), clock);
    }

    RequestCookies signIn(SessionManager m, Session s) {
        return SessionManagerTest.browser(m.sessionCookies(new SessionAndUser(s, alice), false, RequestCookies.empty()));
    }

    // ---- absolute-expires-in (T-14) ----

    @Test
    void absoluteLifetime_endsTheSessionDespiteContinuousActivity() { // T-14
        SessionManager m = manager(b -> b.expiresIn(120).updateAge(0).absoluteExpiresIn(300));
        Session s = m.create(alice, false, ClientInfo.UNKNOWN);
        assertThat(s.expiresAt()).isEqualTo(T0.plusSeconds(120));
        RequestCookies cookies = signIn(m, s);
        for (int t = 60; t <= 180; t += 60) { // activity every minute slides the expiry ...
            clock.advance(Duration.ofSeconds(60));
            SessionLookup lookup = m.resolve(cookies, GetSessionOptions.DEFAULT);
            assertThat(lookup.current().session().expiresAt()).isEqualTo(T0.plusSeconds(Math.min(t + 120, 300)));
        }
        assertThat(writes).hasValue(3);
        clock.advance(Duration.ofSeconds(60)); // t = 240: ... but never beyond createdAt + 300, and no useless write
        SessionLookup capped = m.resolve(cookies, GetSessionOptions.DEFAULT);
        assertThat(capped.current().session().expiresAt()).isEqualTo(T0.plusSeconds(300));
        assertThat(capped.setCookies()).isEmpty();
        assertThat(writes).hasValue(3);
        clock.advance(Duration.ofSeconds(59)); // t = 299: still alive
        assertThat(m.resolve(cookies, GetSessionOptions.DEFAULT).current()).isNotNull();
        clock.advance(Duration.ofSeconds(1)); // t = 300: now - createdAt >= absolute
        SessionLookup ended = m.resolve(cookies, GetSessionOptions.DEFAULT);
        assertThat(ended.toJson()).isEqualTo("null");
        assertThat(ended.setCookies()).containsExactly(
                "better-auth.session_token=; Max-Age=0; Path=/; HttpOnly; SameSite=Lax",
                "better-auth.session_data=; Max-Age=0; Path=/; HttpOnly; SameSite=Lax",
                "better-auth.dont_remember=; Max-Age=0; Path=/; HttpOnly; SameSite=Lax");
        assertThat(deletes).hasValue(1);
        assertThat(rows.findByToken(s.token())).isEmpty();
    }

    @Test
    void absoluteLifetime_isCheckedOnCreatedAt_evenWhenTheRowStillHasTime() { // T-14
        // A row written before the option was switched on (or by a Node server) may expire later than the limit.
        SessionManager m = manager(b -> b.absoluteExpiresIn(3600));
        Session old = new Session("id-old", "TokenOld0123456789TokenOld012345", alice.id(), T0.plusSeconds(604800),
                T0, T0, null, null, Map.of());
        rows.create(old);
        RequestCookies cookies = signIn(m, old);
        clock.advance(Duration.ofSeconds(3599));
        assertThat(m.resolve(cookies, new GetSessionOptions(false, true, false)).current()).isNotNull();
        clock.advance(Duration.ofSeconds(1));
        assertThat(m.resolve(cookies, GetSessionOptions.DEFAULT).current()).isNull();
        assertThat(rows.findByToken(old.token())).isEmpty();
    }

    @Test
    void absoluteShorterThanExpiresIn_capsTheFirstExpiryAndTheCookie_andNothingRefreshes() {
        SessionManager m = manager(b -> b.updateAge(0).absoluteExpiresIn(3600));
        Session s = m.create(alice, false, ClientInfo.UNKNOWN);
        assertThat(s.expiresAt()).isEqualTo(T0.plusSeconds(3600));
        List<String> set = m.sessionCookies(new SessionAndUser(s, alice), false, RequestCookies.empty());
        assertThat(set).singleElement().asString().contains("; Max-Age=3600;");
        clock.advance(Duration.ofSeconds(10));
        SessionLookup lookup = m.resolve(SessionManagerTest.browser(set), GetSessionOptions.DEFAULT);
        assertThat(lookup.current().session().expiresAt()).isEqualTo(T0.plusSeconds(3600));
        assertThat(lookup.setCookies()).isEmpty();
        assertThat(writes).hasValue(0);
    }

    @Test
    void cookieMaxAge_neverOutlivesTheAbsoluteLimit() {
        SessionManager m = manager(b -> b.expiresIn(120).updateAge(0).absoluteExpiresIn(150));
        Session s = m.create(alice, false, ClientInfo.UNKNOWN);
        RequestCookies cookies = signIn(m, s);
        clock.advance(Duration.ofSeconds(60));
        SessionLookup refreshed = m.resolve(cookies, GetSessionOptions.DEFAULT);
        assertThat(refreshed.current().session().expiresAt()).isEqualTo(T0.plusSeconds(150));
        assertThat(refreshed.setCookies()).singleElement().asString().contains("; Max-Age=90;");
        // update-session and friends re-send the cookie through sessionCookies: capped too
        clock.advance(Duration.ofSeconds(30));
        assertThat(m.sessionCookies(refreshed.current(), false, cookies)).singleElement().asString()
                .contains("; Max-Age=60;");
    }

    @Test
    void deferredRefresh_reportsNoRefreshOnceTheExpiryCannotMove() {
        SessionManager m = manager(b -> b.updateAge(0).deferSessionRefresh(true).absoluteExpiresIn(3600));
        Session s = m.create(alice, false, ClientInfo.UNKNOWN);
        clock.advance(Duration.ofSeconds(1));
        assertThat(m.resolve(signIn(m, s), GetSessionOptions.DEFAULT).needsRefresh()).isFalse();
    }

    @Test
    void cachedSession_pastTheAbsoluteLimit_isNotServedFromTheCookieCache() {
        SessionManager m = manager(b -> b.cookieCacheEnabled(true).cookieCacheMaxAge(600).absoluteExpiresIn(100));
        Session s = m.create(alice, false, ClientInfo.UNKNOWN);
        RequestCookies cookies = signIn(m, s);
        assertThat(cookies.names()).contains("better-auth.session_data");
        clock.advance(Duration.ofSeconds(99));
        assertThat(m.resolve(cookies, GetSessionOptions.DEFAULT).current()).isNotNull();
        clock.advance(Duration.ofSeconds(1));
        SessionLookup ended = m.resolve(cookies, GetSessionOptions.DEFAULT);
        assertThat(ended.current()).isNull();
        assertThat(ended.setCookies()).anyMatch(c -> c.startsWith("better-auth.session_token=; Max-Age=0"));
        assertThat(rows.findByToken(s.token())).isEmpty();
    }

    @Test
    void listSessions_leavesOutSessionsPastTheAbsoluteLimit() { // T-14, T-21
        BetterAuthConfig config = BetterAuthConfig.builder().emailAndPasswordEnabled(true).secret(SECRET).baseUrl("http://localhost:3000")
                .freshAge(0).absoluteExpiresIn(3600).build();
        users.create(alice, null);
        SessionManager m = new SessionManager(config, rows, users, new SessionCookies(config), new IdGenerator(), clock);
        Endpoints api = Endpoints.of(config, m, rows, users, new PasswordHasher());
        rows.create(new Session("id-old", "TokenOld0123456789TokenOld012345", alice.id(), T0.plusSeconds(604800),
                T0.minusSeconds(3600), T0, null, null, Map.of()));
        Session current = m.create(alice, false, ClientInfo.UNKNOWN);
        List<Session> listed = api.sessions().listSessions(signIn(m, current), GetSessionOptions.DEFAULT).value();
        assertThat(listed).extracting(Session::id).containsExactly(current.id());
    }

    @Test
    void absoluteExpiresIn_isOffByDefault_readFromConfig_andNeverNegative() {
        assertThat(BetterAuthConfig.builder().emailAndPasswordEnabled(true).secret(SECRET).build().session().absoluteExpiresIn()).isZero();
        BetterAuthConfig c = new ConfigLoader(List.of(ConfigSource.of(Map.of("better-auth.secret", SECRET,
                "better-auth.session.absolute-expires-in", "43200", "better-auth.advanced.clear-site-data", "true",
                "better-auth.advanced.use-host-prefix", "true")))).load();
        assertThat(c.session().absoluteExpiresIn()).isEqualTo(43200);
        assertThat(c.advanced().clearSiteData()).isTrue();
        assertThat(c.advanced().useHostPrefix()).isTrue();
        assertThatThrownBy(() -> BetterAuthConfig.builder().emailAndPasswordEnabled(true).secret(SECRET).absoluteExpiresIn(-1).build())
                .isInstanceOf(ConfigurationException.class).hasMessageContaining("absolute-expires-in");
    }

    // ---- clear-site-data (T-20) ----

    @Test
    void clearSiteData_isSentOnlyWhenConfigured() { // T-20
        assertThat(ClearSiteData.headers(BetterAuthConfig.builder().emailAndPasswordEnabled(true).secret(SECRET).build())).isEmpty();
        assertThat(ClearSiteData.headers(BetterAuthConfig.builder().emailAndPasswordEnabled(true).secret(SECRET).clearSiteData(true).build()))
                .containsExactly(Map.entry("Clear-Site-Data", "\"cache\", \"cookies\", \"storage\""));
    }

    // ---- use-host-prefix (T-06) ----

    @Test
    void hostPrefix_offByDefault_keepsBetterAuthsSecurePrefix() { // T-06
        SessionCookies c = new SessionCookies(BetterAuthConfig.builder().emailAndPasswordEnabled(true).secret(SECRET).baseUrl("https://app.example.com").build());
        assertThat(c.sessionTokenName()).isEqualTo("__Secure-better-auth.session_token");
    }

    @Test
    void hostPrefix_namesEveryCookieHost_withPathRootNoDomainAndSecure() { // T-06, T-07
        SessionManager m = manager(b -> b.baseUrl("https://app.example.com").useHostPrefix(true).cookiePath("/app")
                .cookieCacheEnabled(true));
        SessionCookies c = m.cookies();
        assertThat(c.sessionTokenName()).isEqualTo("__Host-better-auth.session_token");
        assertThat(c.sessionDataName()).isEqualTo("__Host-better-auth.session_data");
        assertThat(c.dontRememberName()).isEqualTo("__Host-better-auth.dont_remember");
        Session s = m.create(alice, true, ClientInfo.UNKNOWN);
        List<String> set = m.sessionCookies(new SessionAndUser(s, alice), true, RequestCookies.empty());
        assertThat(set).hasSize(3).allSatisfy(line -> assertThat(line).startsWith("__Host-better-auth.")
                .contains("; Path=/; HttpOnly; Secure; SameSite=Lax").doesNotContain("Domain="));
        // reading takes the configured (__Host-) name ...
        RequestCookies browser = SessionManagerTest.browser(set);
        assertThat(m.resolve(browser, GetSessionOptions.DEFAULT).current().session().id()).isEqualTo(s.id());
        // ... and clears under it
        assertThat(m.signOut(browser)).allSatisfy(line -> assertThat(line).startsWith("__Host-")
                .contains("Max-Age=0; Path=/;"));
        // a __Secure- cookie of the same value is not this deployment's cookie
        String signed = set.get(0).split(";", 2)[0].substring("__Host-".length());
        assertThat(c.sessionToken(RequestCookies.parse("__Secure-" + signed))).isEmpty();
    }

    @Test
    void hostPrefix_givesWayToSecureWhenADomainIsNeeded_andNeverAppearsWithoutSecure() { // T-06
        SessionCookies cross = new SessionCookies(BetterAuthConfig.builder().emailAndPasswordEnabled(true).secret(SECRET)
                .baseUrl("https://app.example.com").useHostPrefix(true).crossSubDomainCookies(true, "example.com").build());
        assertThat(cross.sessionTokenName()).isEqualTo("__Secure-better-auth.session_token");
        assertThat(cross.sessionToken("t", false)).contains("; Domain=example.com; Path=/;").contains("; Secure");
        SessionCookies plain = new SessionCookies(BetterAuthConfig.builder().emailAndPasswordEnabled(true).secret(SECRET)
                .baseUrl("http://localhost:3000").useHostPrefix(true).build());
        assertThat(plain.sessionTokenName()).isEqualTo("better-auth.session_token");
        assertThat(plain.sessionToken("t", false)).doesNotContain("Secure");
    }

    /** The memory store counting refresh writes and deletes, as SessionManagerTest does. */
    final class Counting implements SessionStore {
        @Override public void create(Session session) { rows.create(session); }
        @Override public Optional<Session> findByToken(String token) { return rows.findByToken(token); }
        @Override public Optional<Session> updateExpiry(String token, Instant expiresAt, Instant updatedAt) {
            writes.incrementAndGet();
            return rows.updateExpiry(token, expiresAt, updatedAt);
        }
        @Override public Optional<Session> updateAdditional(String token, Map<String, Object> changes, Instant updatedAt) {
            return rows.updateAdditional(token, changes, updatedAt);
        }
        @Override public void delete(String token) { deletes.incrementAndGet(); rows.delete(token); }
        @Override public List<Session> listByUser(String userId) { return rows.listByUser(userId); }
        @Override public void deleteByUser(String userId) { rows.deleteByUser(userId); }
    }
}
