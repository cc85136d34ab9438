package io.betterauth.jakarta.core.session;

import io.betterauth.jakarta.core.endpoint.AuthResult;
import io.betterauth.jakarta.api.AuthException;
import io.betterauth.jakarta.api.GetSessionOptions;
import io.betterauth.jakarta.api.Session;
import io.betterauth.jakarta.api.SessionAndUser;
import io.betterauth.jakarta.api.User;
import io.betterauth.jakarta.config.BetterAuthConfig;
import io.betterauth.jakarta.core.cookie.RequestCookies;
import io.betterauth.jakarta.core.cookie.SessionCookies;
import io.betterauth.jakarta.core.cookie.SignedCookie;
import io.betterauth.jakarta.core.js.UriComponent;
import io.betterauth.jakarta.testing.MutableClock;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.betterauth.jakarta.spi.SessionStore;
import io.betterauth.jakarta.store.memory.InMemorySessionStore;
import io.betterauth.jakarta.store.memory.InMemoryUserStore;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;

public class SessionManagerTest {

    public static final String SECRET = "better-auth-secret-that-is-long-enough-for-validation-test";
    static final Instant T0 = Instant.parse("2030-01-01T00:00:00Z");

    final MutableClock clock = new MutableClock(T0);
    final InMemoryUserStore users = new InMemoryUserStore();
    final AtomicInteger writes = new AtomicInteger();
    final AtomicInteger deletes = new AtomicInteger();
    final User alice = new User("UsErId0123456789UsErId0123456789", "Alice", "alice@example.com", false, null, T0, T0);

    SessionManager manager(Consumer<BetterAuthConfig.Builder> options) {
        BetterAuthConfig.Builder b = BetterAuthConfig.builder().secret(SECRET).baseUrl("http://localhost:3000");
        options.accept(b);
        BetterAuthConfig config = b.build();
        if (users.findById(alice.id()).isEmpty()) {
            users.create(alice, null);
        }
        return new SessionManager(config, new CountingStore(), users, new SessionCookies(config), new IdGenerator(), clock);
    }

    /** The Cookie header a browser would send after receiving these Set-Cookie lines. */
    public static RequestCookies browser(List<String> setCookies) {
        StringBuilder header = new StringBuilder();
        for (String line : setCookies) {
            String pair = line.split(";", 2)[0];
            if (!line.contains("Max-Age=0")) {
                header.append(header.length() == 0 ? "" : "; ").append(pair);
            }
        }
        return RequestCookies.parse(header.toString());
    }

    @Test
    void newSession_lastsExpiresIn_andItsCookieHasBetterAuthsAttributes() { // T-05
        SessionManager m = manager(b -> { });
        Session s = m.create(alice, false, new ClientInfo("203.0.113.9", "JUnit"));
        assertThat(s.expiresAt()).isEqualTo(T0.plusSeconds(604800));
        assertThat(s.token()).matches("[a-zA-Z0-9]{32}");
        List<String> cookies = m.sessionCookies(new SessionAndUser(s, alice), false, RequestCookies.empty());
        assertThat(cookies).singleElement().asString()
                .startsWith("better-auth.session_token=" + s.token() + ".")
                .endsWith("%3D; Max-Age=604800; Path=/; HttpOnly; SameSite=Lax");
        SessionLookup lookup = m.resolve(browser(cookies), GetSessionOptions.DEFAULT);
        assertThat(lookup.session()).map(SessionAndUser::session).contains(s);
        assertThat(lookup.setCookies()).isEmpty();
        assertThat(lookup.toJson()).isEqualTo("{\"session\":{\"expiresAt\":\"2030-01-08T00:00:00.000Z\",\"token\":\""
                + s.token() + "\",\"createdAt\":\"2030-01-01T00:00:00.000Z\",\"updatedAt\":\"2030-01-01T00:00:00.000Z\","
                + "\"ipAddress\":\"203.0.113.9\",\"userAgent\":\"JUnit\",\"userId\":\"" + alice.id() + "\",\"id\":\""
                + s.id() + "\"},\"user\":{\"name\":\"Alice\",\"email\":\"alice@example.com\",\"emailVerified\":false,"
                + "\"image\":null,\"createdAt\":\"2030-01-01T00:00:00.000Z\",\"updatedAt\":\"2030-01-01T00:00:00.000Z\","
                + "\"id\":\"" + alice.id() + "\"}}");
    }

    @Test
    void noCookie_orForgedCookie_isNullWithoutClearingAnything() {
        SessionManager m = manager(b -> { });
        assertThat(m.resolve(RequestCookies.empty(), GetSessionOptions.DEFAULT).toJson()).isEqualTo("null");
        SessionLookup forged = m.resolve(RequestCookies.parse(
                "better-auth.session_token=AbCdEfGhIjKlMnOpQrStUvWxYz012345.blLhurjNRrp3rkTNZdPN9DJqvosZhTE4WlN7TN32AAA%3D"),
                GetSessionOptions.DEFAULT);
        assertThat(forged.session()).isEmpty();
        assertThat(forged.setCookies()).isEmpty();
    }

    @Test
    void slidingRefresh_followsBetterAuthsUpdateAgeTest() { // T-13, T-15 // session-api.test.ts "should update session when update age is reached"
        SessionManager m = manager(b -> b.expiresIn(120).updateAge(60));
        Session s = m.create(alice, false, ClientInfo.UNKNOWN);
        RequestCookies cookies = browser(m.sessionCookies(new SessionAndUser(s, alice), false, RequestCookies.empty()));

        clock.advance(Duration.ofSeconds(59));
        SessionLookup early = m.resolve(cookies, GetSessionOptions.DEFAULT);
        assertThat(early.setCookies()).isEmpty();
        assertThat(writes).hasValue(0); // T-15: no write before updateAge

        clock.advance(Duration.ofSeconds(1)); // t = 60: updateAge reached
        SessionLookup first = m.resolve(cookies, GetSessionOptions.DEFAULT);
        assertThat(first.current().session().expiresAt()).isEqualTo(T0.plusSeconds(180));
        assertThat(first.setCookies()).singleElement().asString()
                .startsWith("better-auth.session_token=" + s.token()).contains("; Max-Age=120;");

        clock.advance(Duration.ofSeconds(20)); // t = 80: 20 s since the last refresh
        assertThat(m.resolve(cookies, GetSessionOptions.DEFAULT).setCookies()).isEmpty();

        clock.advance(Duration.ofSeconds(40)); // t = 120: updateAge since the last refresh
        SessionLookup second = m.resolve(cookies, GetSessionOptions.DEFAULT);
        assertThat(second.current().session().expiresAt()).isEqualTo(T0.plusSeconds(240));
        assertThat(second.setCookies()).hasSize(1);
        assertThat(writes).hasValue(2); // exactly one UPDATE per refresh

        clock.advance(Duration.ofSeconds(121));
        SessionLookup expired = m.resolve(cookies, GetSessionOptions.DEFAULT);
        assertThat(expired.toJson()).isEqualTo("null");
        assertThat(expired.setCookies()).containsExactly(
                "better-auth.session_token=; Max-Age=0; Path=/; HttpOnly; SameSite=Lax",
                "better-auth.session_data=; Max-Age=0; Path=/; HttpOnly; SameSite=Lax",
                "better-auth.dont_remember=; Max-Age=0; Path=/; HttpOnly; SameSite=Lax");
        assertThat(deletes).hasValue(1); // the expired row is removed
    }

    @Test
    void shouldNotExceedThe400DayBrowserMaxAgeCeilingOnSessionRefresh() { // T-09
        SessionManager m = manager(b -> b.expiresIn(60L * 60 * 24 * 500).updateAge(0));
        Session s = m.create(alice, false, ClientInfo.UNKNOWN);
        clock.advance(Duration.ofSeconds(1));
        SessionLookup refreshed = m.resolve(browser(m.sessionCookies(new SessionAndUser(s, alice), false, RequestCookies.empty())), GetSessionOptions.DEFAULT);
        assertThat(refreshed.setCookies()).singleElement().asString().contains("; Max-Age=34560000;");
    }

    @Test
    void updateAgeZero_refreshesOnEveryRequest() { // T-15
        SessionManager m = manager(b -> b.updateAge(0));
        Session s = m.create(alice, false, ClientInfo.UNKNOWN);
        RequestCookies cookies = browser(m.sessionCookies(new SessionAndUser(s, alice), false, RequestCookies.empty()));
        Instant previous = s.expiresAt();
        for (int i = 0; i < 3; i++) {
            clock.advance(Duration.ofMinutes(5));
            Instant next = m.resolve(cookies, GetSessionOptions.DEFAULT).current().session().expiresAt();
            assertThat(next).isAfter(previous);
            previous = next;
        }
    }

    @Test
    void dontRememberSession_lasts24Hours_hasBrowserSessionCookies_andNeverSlides() { // T-15
        SessionManager m = manager(b -> b.updateAge(0));
        Session s = m.create(alice, true, ClientInfo.UNKNOWN);
        assertThat(s.expiresAt()).isEqualTo(T0.plusSeconds(86400));
        List<String> set = m.sessionCookies(new SessionAndUser(s, alice), true, RequestCookies.empty());
        assertThat(set).hasSize(2);
        assertThat(set.get(0)).doesNotContain("Max-Age");
        assertThat(set.get(1)).startsWith("better-auth.dont_remember=true.");
        clock.advance(Duration.ofHours(2));
        SessionLookup lookup = m.resolve(browser(set), GetSessionOptions.DEFAULT);
        assertThat(lookup.current().session().expiresAt()).isEqualTo(s.expiresAt());
        assertThat(lookup.setCookies()).isEmpty();
        assertThat(writes).hasValue(0);
    }

    @Test
    void disableRefreshQuery_andDisableSessionRefreshConfig_preventTheWrite() { // T-15
        SessionManager m = manager(b -> b.updateAge(0));
        Session s = m.create(alice, false, ClientInfo.UNKNOWN);
        RequestCookies cookies = browser(m.sessionCookies(new SessionAndUser(s, alice), false, RequestCookies.empty()));
        clock.advance(Duration.ofMinutes(1));
        assertThat(m.resolve(cookies, new GetSessionOptions(false, true, false)).setCookies()).isEmpty();
        SessionManager noRefresh = manager(b -> b.updateAge(0).disableSessionRefresh(true));
        Session other = noRefresh.create(alice, false, ClientInfo.UNKNOWN);
        clock.advance(Duration.ofMinutes(1));
        SessionLookup lookup = noRefresh.resolve(browser(noRefresh.sessionCookies(new SessionAndUser(other, alice), false, RequestCookies.empty())),
                GetSessionOptions.DEFAULT);
        assertThat(lookup.current().session().expiresAt()).isEqualTo(other.expiresAt());
        assertThat(writes).hasValue(0);
    }

    @Test
    void queryBooleans_followZodCoercion_evenFalseMeansTrue() {
        assertThat(GetSessionOptions.queryBoolean("true")).isTrue();
        assertThat(GetSessionOptions.queryBoolean("false")).isTrue();
        assertThat(GetSessionOptions.queryBoolean("0")).isTrue();
        assertThat(GetSessionOptions.queryBoolean("")).isFalse();
        assertThat(GetSessionOptions.queryBoolean(null)).isFalse();
    }

    @Test
    void deferredRefresh_getReportsNeedsRefreshWithoutWriting_postRefreshes() { // T-15
        SessionManager m = manager(b -> b.updateAge(0).deferSessionRefresh(true));
        Session s = m.create(alice, false, ClientInfo.UNKNOWN);
        RequestCookies cookies = browser(m.sessionCookies(new SessionAndUser(s, alice), false, RequestCookies.empty()));
        clock.advance(Duration.ofSeconds(1));
        SessionLookup get = m.resolve(cookies, GetSessionOptions.DEFAULT);
        assertThat(get.needsRefresh()).isTrue();
        assertThat(get.toJson()).endsWith(",\"needsRefresh\":true}");
        assertThat(writes).hasValue(0);
        SessionLookup post = m.resolve(cookies, new GetSessionOptions(true, false, false));
        assertThat(post.needsRefresh()).isNull();
        assertThat(post.toJson()).doesNotContain("needsRefresh");
        assertThat(post.current().session().expiresAt()).isEqualTo(T0.plusSeconds(1 + 604800));
        assertThat(writes).hasValue(1);
    }

    @Test
    void deferredRefresh_freshSessionReportsFalse() {
        SessionManager m = manager(b -> b.deferSessionRefresh(true));
        Session s = m.create(alice, false, ClientInfo.UNKNOWN);
        SessionLookup get = m.resolve(browser(m.sessionCookies(new SessionAndUser(s, alice), false, RequestCookies.empty())), GetSessionOptions.DEFAULT);
        assertThat(get.needsRefresh()).isFalse();
    }

    @Test
    void deferredRefresh_expiredSessionIsDeletedOnlyByPost() {
        SessionManager m = manager(b -> b.deferSessionRefresh(true).expiresIn(60));
        Session s = m.create(alice, false, ClientInfo.UNKNOWN);
        RequestCookies cookies = browser(m.sessionCookies(new SessionAndUser(s, alice), false, RequestCookies.empty()));
        clock.advance(Duration.ofSeconds(61));
        assertThat(m.resolve(cookies, GetSessionOptions.DEFAULT).toJson()).isEqualTo("null");
        assertThat(deletes).hasValue(0);
        assertThat(m.resolve(cookies, new GetSessionOptions(true, false, false)).toJson()).isEqualTo("null");
        assertThat(deletes).hasValue(1);
    }

    @Test
    void postWithoutDeferredRefresh_is405() {
        SessionManager m = manager(b -> { });
        assertThatThrownBy(() -> m.resolve(RequestCookies.empty(), new GetSessionOptions(true, false, false)))
                .isInstanceOfSatisfying(AuthException.class, e -> {
                    assertThat(e.status()).isEqualTo(405);
                    assertThat(AuthResult.of(e).json()).isEqualTo("{\"message\":\"POST method requires deferSessionRefresh to be "
                            + "enabled in session config\",\"code\":\"METHOD_NOT_ALLOWED_DEFER_SESSION_REQUIRED\"}");
                });
    }

    @Test
    void sessionRevokedDuringRefresh_is401AndClearsCookies() {
        SessionManager m = manager(b -> b.updateAge(0));
        Session s = m.create(alice, false, ClientInfo.UNKNOWN);
        RequestCookies cookies = browser(m.sessionCookies(new SessionAndUser(s, alice), false, RequestCookies.empty()));
        clock.advance(Duration.ofSeconds(1));
        vanishOnUpdate = true;
        assertThatThrownBy(() -> m.resolve(cookies, GetSessionOptions.DEFAULT))
                .isInstanceOfSatisfying(AuthException.class, e -> {
                    assertThat(e.status()).isEqualTo(401);
                    assertThat(e.code()).isEqualTo("FAILED_TO_GET_SESSION");
                    assertThat(e.setCookies()).first().asString().startsWith("better-auth.session_token=; Max-Age=0");
                });
    }

    @Test
    void leftoverCacheCookies_areExpiredWhenNoCacheIsConfigured() {
        SessionManager m = manager(b -> { });
        Session s = m.create(alice, false, ClientInfo.UNKNOWN);
        String token = m.sessionCookies(new SessionAndUser(s, alice), false, RequestCookies.empty()).get(0).split(";")[0];
        SessionLookup lookup = m.resolve(RequestCookies.parse(token
                + "; better-auth.session_data=abc; better-auth.session_data.0=x; better-auth.session_data.x=y"),
                GetSessionOptions.DEFAULT);
        assertThat(lookup.session()).isPresent();
        assertThat(lookup.setCookies()).containsExactly(
                "better-auth.session_data=; Max-Age=0; Path=/; HttpOnly; SameSite=Lax",
                "better-auth.session_data.0=; Max-Age=0; Path=/; HttpOnly; SameSite=Lax");
    }

    @Test
    void signOut_deletesTheRowAndExpiresEveryCookie() { // T-19
        SessionManager m = manager(b -> { });
        Session s = m.create(alice, false, ClientInfo.UNKNOWN);
        RequestCookies cookies = RequestCookies.parse(m.sessionCookies(new SessionAndUser(s, alice), false, RequestCookies.empty()).get(0).split(";")[0]
                + "; better-auth.session_data=abc");
        assertThat(m.signOut(cookies)).containsExactly(
                "better-auth.session_token=; Max-Age=0; Path=/; HttpOnly; SameSite=Lax",
                "better-auth.session_data=; Max-Age=0; Path=/; HttpOnly; SameSite=Lax",
                "better-auth.session_data=; Max-Age=0; Path=/; HttpOnly; SameSite=Lax",
                "better-auth.dont_remember=; Max-Age=0; Path=/; HttpOnly; SameSite=Lax");
        assertThat(m.resolve(cookies, GetSessionOptions.DEFAULT).session()).isEmpty();
    }

    @Test
    void httpsBaseUrl_givesSecurePrefixedCookies() { // T-05, T-06
        SessionManager m = manager(b -> b.baseUrl("https://app.example.com"));
        Session s = m.create(alice, false, ClientInfo.UNKNOWN);
        assertThat(m.sessionCookies(new SessionAndUser(s, alice), false, RequestCookies.empty()).get(0))
                .startsWith("__Secure-better-auth.session_token=")
                .endsWith("; Max-Age=604800; Path=/; HttpOnly; Secure; SameSite=Lax");
    }

    @Test
    void prefixedCookie_winsOverTheLegacyOne_inEitherOrder() { // T-07
        SessionManager m = manager(b -> b.baseUrl("https://app.example.com"));
        Session mine = m.create(alice, false, ClientInfo.UNKNOWN);
        Session legacy = m.create(alice, false, ClientInfo.UNKNOWN);
        String prefixed = m.sessionCookies(new SessionAndUser(mine, alice), false, RequestCookies.empty()).get(0)
                .split(";", 2)[0];
        assertThat(prefixed).startsWith("__Secure-better-auth.session_token=");
        String legacyPair = "better-auth.session_token=" + UriComponent.encode(new SignedCookie(SECRET).sign(legacy.token()));
        for (String header : new String[] {legacyPair + "; " + prefixed, prefixed + "; " + legacyPair}) {
            assertThat(m.resolve(RequestCookies.parse(header), GetSessionOptions.DEFAULT).current().session().id())
                    .as(header).isEqualTo(mine.id());
        }
        // the unprefixed cookie alone is not this deployment's cookie (a secure one cannot be shadowed by it)
        assertThat(m.resolve(RequestCookies.parse(legacyPair), GetSessionOptions.DEFAULT).session()).isEmpty();

        // with use-host-prefix, __Host- wins over a __Secure- cookie of another session
        SessionManager host = manager(b -> b.baseUrl("https://app.example.com").useHostPrefix(true));
        Session hostSession = host.create(alice, false, ClientInfo.UNKNOWN);
        Session other = host.create(alice, false, ClientInfo.UNKNOWN);
        String hostPair = host.sessionCookies(new SessionAndUser(hostSession, alice), false, RequestCookies.empty())
                .get(0).split(";", 2)[0];
        String securePair = "__Secure-better-auth.session_token="
                + UriComponent.encode(new SignedCookie(SECRET).sign(other.token()));
        assertThat(host.resolve(RequestCookies.parse(securePair + "; " + hostPair), GetSessionOptions.DEFAULT)
                .current().session().id()).isEqualTo(hostSession.id());
    }

    @Test
    void signOut_expiresTokenCacheChunksAndDontRemember_withTheAttributesTheyWereSetWith() { // T-19, T-06
        SessionManager m = manager(b -> b.baseUrl("https://app.example.com").crossSubDomainCookies(true, "example.com")
                .cookieCacheEnabled(true));
        User big = new User("BiGuSeR0123456789BiGuSeR01234567", "Big", "big@example.com", false,
                "https://img.example/" + "x".repeat(9000), T0, T0);
        users.create(big, null);
        Session s = m.create(big, true, ClientInfo.UNKNOWN);
        List<String> set = m.sessionCookies(new SessionAndUser(s, big), true, RequestCookies.empty());
        String attributes = "; Domain=example.com; Path=/; HttpOnly; Secure; SameSite=Lax";
        assertThat(set).hasSizeGreaterThan(3).allSatisfy(line -> assertThat(line).startsWith("__Secure-better-auth.")
                .endsWith(attributes));
        RequestCookies browser = browser(set);
        assertThat(browser.names()).contains("__Secure-better-auth.session_data.0", "__Secure-better-auth.session_data.2",
                "__Secure-better-auth.dont_remember");

        List<String> cleared = m.signOut(browser);
        assertThat(cleared).allSatisfy(line -> assertThat(line)
                .matches("__Secure-better-auth\\.(session_token|session_data(\\.\\d+)?|dont_remember)=; Max-Age=0"
                        + java.util.regex.Pattern.quote(attributes)));
        List<String> setNames = set.stream().map(l -> l.substring(0, l.indexOf('='))).toList();
        assertThat(cleared.stream().map(l -> l.substring(0, l.indexOf('='))).toList())
                .containsAll(setNames).contains("__Secure-better-auth.session_data");
        assertThat(deletes).hasValue(1);
        // the old cookie is then worth nothing (get-session answers null; the API's 401 is in SessionApiTest)
        assertThat(m.resolve(browser, new GetSessionOptions(false, false, true)).session()).isEmpty();
    }

    boolean vanishOnUpdate;

    /** The memory store, counting writes and deletes, and able to lose a row mid-request. */
    final class CountingStore implements SessionStore {
        private final InMemorySessionStore delegate = new InMemorySessionStore();

        @Override public void create(Session session) { delegate.create(session); }
        @Override public Optional<Session> findByToken(String token) { return delegate.findByToken(token); }
        @Override public Optional<Session> updateExpiry(String token, Instant expiresAt, Instant updatedAt) {
            writes.incrementAndGet();
            if (vanishOnUpdate) {
                delegate.delete(token);
            }
            return delegate.updateExpiry(token, expiresAt, updatedAt);
        }
        @Override public Optional<Session> updateAdditional(String token, java.util.Map<String, Object> changes, Instant updatedAt) {
            return delegate.updateAdditional(token, changes, updatedAt);
        }
        @Override public void delete(String token) { deletes.incrementAndGet(); delegate.delete(token); }
        @Override public List<Session> listByUser(String userId) { return delegate.listByUser(userId); }
        @Override public void deleteByUser(String userId) { delegate.deleteByUser(userId); }
    }
}
