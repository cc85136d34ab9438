package io.betterauth.jakarta.core.session;

import io.betterauth.jakarta.testing.Tampered;
import io.betterauth.jakarta.core.endpoint.AuthResult;
import io.betterauth.jakarta.api.AuthException;
import io.betterauth.jakarta.api.GetSessionOptions;
import io.betterauth.jakarta.api.Session;
import io.betterauth.jakarta.api.SessionAndUser;
import io.betterauth.jakarta.api.User;
import io.betterauth.jakarta.config.BetterAuthConfig;
import io.betterauth.jakarta.config.option.CookieCacheStrategy;
import io.betterauth.jakarta.config.option.DatabaseOptions;
import io.betterauth.jakarta.core.cookie.RequestCookies;
import io.betterauth.jakarta.core.cookie.SessionCookies;
import io.betterauth.jakarta.core.endpoint.Endpoints;
import io.betterauth.jakarta.core.js.UriComponent;
import io.betterauth.jakarta.core.security.PasswordHasher;
import io.betterauth.jakarta.testing.MutableClock;
import static org.assertj.core.api.Assertions.assertThat;

import io.betterauth.jakarta.spi.SessionStore;
import io.betterauth.jakarta.store.memory.InMemorySessionStore;
import io.betterauth.jakarta.store.memory.InMemoryUserStore;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;

/**
 * The cookie cache wired into get-session (spec §3.7, §3.8, §4.1): hits skip the store, every failed check is a
 * miss that reads the store and issues a fresh cache, the revocation window, stateless mode and secret rotation.
 * Ported from Better Auth's "cookie cache" describe blocks and cookie-cache-fallback.test.ts.
 */
class CookieCacheSessionTest {

    static final String SECRET = SessionManagerTest.SECRET;
    final MutableClock clock = new MutableClock(Instant.parse("2030-01-01T00:00:00Z"));
    final AtomicInteger storeReads = new AtomicInteger();
    InMemorySessionStore rows = new InMemorySessionStore();
    final InMemoryUserStore users = new InMemoryUserStore();
    final User alice = new User("UsErId0123456789UsErId0123456789", "Alice \"A\" \u00e9\ud83d\ude00", "alice@example.com",
            false, null, clock.instant(), clock.instant());
    BetterAuthConfig config;
    SessionManager manager;

    SessionManager setUp(Consumer<BetterAuthConfig.Builder> options) {
        BetterAuthConfig.Builder b = BetterAuthConfig.builder().emailAndPasswordEnabled(true).secret(SECRET).baseUrl("http://localhost:3000")
                .cookieCacheEnabled(true);
        options.accept(b);
        config = b.build();
        if (users.findById(alice.id()).isEmpty()) {
            users.create(alice, null);
        }
        manager = new SessionManager(config, new CountingStore(), users, new SessionCookies(config), new IdGenerator(), clock);
        return manager;
    }

    /** Signs in and returns the browser's cookies. */
    RequestCookies signIn(boolean dontRemember) {
        Session s = manager.create(alice, dontRemember, ClientInfo.UNKNOWN);
        return SessionManagerTest.browser(manager.sessionCookies(new SessionAndUser(s, alice), dontRemember, RequestCookies.empty()));
    }

    /** The browser after it applied these Set-Cookie lines (later lines win; Max-Age=0 deletes). */
    static RequestCookies apply(RequestCookies before, List<String> setCookies) {
        java.util.Map<String, String> jar = new java.util.LinkedHashMap<>();
        before.names().forEach(n -> jar.put(n, UriComponent.encode(before.get(n).orElseThrow())));
        for (String line : setCookies) {
            String pair = line.split(";", 2)[0];
            String name = pair.substring(0, pair.indexOf('='));
            if (line.contains("Max-Age=0")) {
                jar.remove(name);
            } else {
                jar.put(name, pair.substring(pair.indexOf('=') + 1));
            }
        }
        List<String> parts = new ArrayList<>();
        jar.forEach((n, v) -> parts.add(n + "=" + v));
        return RequestCookies.parse(String.join("; ", parts));
    }

    static RequestCookies with(RequestCookies cookies, String name, String value) {
        return apply(cookies, List.of(name + "=" + value + "; Path=/"));
    }

    @Test
    void signInWritesTheCache_andGetSessionIsServedFromItWithoutAStoreRead() { // "should cache cookies"
        setUp(b -> { });
        RequestCookies browser = signIn(false);
        assertThat(browser.get("better-auth.session_data")).isPresent();
        SessionLookup lookup = manager.resolve(browser, GetSessionOptions.DEFAULT);
        assertThat(lookup.current().user().name()).isEqualTo(alice.name());
        assertThat(lookup.setCookies()).isEmpty();
        assertThat(storeReads).hasValue(0);
    }

    @Test
    void disableCookieCache_readsTheStore_andReissuesTheCache() {
        setUp(b -> { });
        RequestCookies browser = signIn(false);
        SessionLookup lookup = manager.resolve(browser, new GetSessionOptions(false, false, true));
        assertThat(storeReads).hasValue(1);
        assertThat(lookup.setCookies()).anyMatch(l -> l.startsWith("better-auth.session_data=ey") && l.contains("Max-Age=300"));
    }

    @Test
    void everyFailedCheck_isAMissThatReadsTheStoreAndIssuesAFreshCache_neverALogout() { // T-27, T-28
        setUp(b -> { });
        RequestCookies browser = signIn(false);
        RequestCookies otherDevice = signIn(false);
        String good = browser.get("better-auth.session_data").orElseThrow();
        String forgedCompact = java.util.Base64.getUrlEncoder().withoutPadding().encodeToString(
                ("{\"session\":{},\"expiresAt\":9999999999999,\"signature\":\"AAAA\"}").getBytes());
        List<String> bad = List.of(
                Tampered.at(good, 40),                                      // tampered
                "not-json", "a.b.c", "%%%", "!!!!",                        // undecodable (Better Auth: 500)
                forgedCompact,                                              // bad HMAC
                otherDevice.get("better-auth.session_data").orElseThrow()); // another session's cache
        for (String value : bad) {
            storeReads.set(0);
            SessionLookup lookup = manager.resolve(with(browser, "better-auth.session_data", value), GetSessionOptions.DEFAULT);
            assertThat(lookup.session()).as(value).isPresent();
            assertThat(lookup.current().session().token()).isEqualTo(manager.cookies().sessionToken(browser).orElseThrow());
            assertThat(storeReads).as(value).hasValue(1);
            assertThat(lookup.setCookies()).as(value)
                    .anyMatch(l -> l.startsWith("better-auth.session_data=; Max-Age=0"))
                    .anyMatch(l -> l.startsWith("better-auth.session_data=ey"));
        }
    }

    @Test
    void wrongSecretAndWrongVersion_areMisses_andAVersionChangeInvalidatesEveryCache() { // T-29
        setUp(b -> { });
        RequestCookies browser = signIn(false);
        setUp(b -> b.cookieCacheVersion("2"));
        storeReads.set(0);
        assertThat(manager.resolve(browser, GetSessionOptions.DEFAULT).session()).isPresent();
        assertThat(storeReads).hasValue(1);
        setUp(b -> b.secret("another-secret-that-is-long-enough-0123456789"));
        assertThat(manager.resolve(browser, GetSessionOptions.DEFAULT).session()).isEmpty(); // token signature fails too
    }

    @Test
    void expiredCache_isRefreshedFromTheStore() { // "should reset cache when expires"
        setUp(b -> { });
        RequestCookies browser = signIn(false);
        clock.advance(Duration.ofMinutes(10));
        SessionLookup lookup = manager.resolve(browser, GetSessionOptions.DEFAULT);
        assertThat(storeReads).hasValue(1);
        RequestCookies next = apply(browser, lookup.setCookies());
        storeReads.set(0);
        assertThat(manager.resolve(next, GetSessionOptions.DEFAULT).session()).isPresent();
        assertThat(storeReads).hasValue(0);
    }

    @Test
    void revocationWindow_cachedReadsSeeTheSessionUntilMaxAge_sensitiveReadsNever() { // T-30, better-auth#6893
        setUp(b -> { });
        RequestCookies browser = signIn(false);
        Endpoints api = Endpoints.of(config, manager, rows, users, new PasswordHasher());
        rows.delete(manager.cookies().sessionToken(browser).orElseThrow()); // revoked on another device
        assertThat(manager.resolve(browser, GetSessionOptions.DEFAULT).session()).isPresent();
        assertThat(org.assertj.core.api.Assertions.catchThrowableOfType(AuthException.class,
                () -> api.sessions().revokeOtherSessions(browser)).status()).isEqualTo(401);
        clock.advance(Duration.ofSeconds(301));
        assertThat(manager.resolve(browser, GetSessionOptions.DEFAULT).session()).isEmpty();
    }

    @Test
    void dontRememberSession_getsABrowserSessionCacheCookie_withCompactsSixtySecondLifetime() {
        setUp(b -> { });
        Session s = manager.create(alice, true, ClientInfo.UNKNOWN);
        List<String> set = manager.sessionCookies(new SessionAndUser(s, alice), true, RequestCookies.empty());
        String data = set.stream().filter(l -> l.startsWith("better-auth.session_data=")).findFirst().orElseThrow();
        assertThat(data).doesNotContain("Max-Age");
        RequestCookies browser = SessionManagerTest.browser(set);
        clock.advance(Duration.ofSeconds(61));
        storeReads.set(0);
        assertThat(manager.resolve(browser, GetSessionOptions.DEFAULT).session()).isPresent();
        assertThat(storeReads).hasValue(1);
    }

    @Test
    void largeSessions_areChunked_andReadBack() { // T-08
        setUp(b -> { });
        User big = new User("BiGuSeR0123456789BiGuSeR01234567", "Big", "big@example.com", false,
                "https://img.example/" + "x".repeat(9000), clock.instant(), clock.instant());
        users.create(big, null);
        Session s = manager.create(big, false, ClientInfo.UNKNOWN);
        List<String> set = manager.sessionCookies(new SessionAndUser(s, big), false, RequestCookies.empty());
        assertThat(set).anyMatch(l -> l.startsWith("better-auth.session_data.0=")).anyMatch(l -> l.startsWith("better-auth.session_data.2="));
        assertThat(set).allMatch(l -> l.length() <= 4050);
        storeReads.set(0);
        assertThat(manager.resolve(SessionManagerTest.browser(set), GetSessionOptions.DEFAULT).current().user().image())
                .isEqualTo(big.image());
        assertThat(storeReads).hasValue(0);
    }

    @Test
    void statelessMode_worksFromCookiesAlone_refreshesTheCacheWithoutExtendingTheSession() { // §3.8
        setUp(b -> b.database(DatabaseOptions.Adapter.NONE).expiresIn(3600).cookieCacheMaxAge(300).updateAge(60));
        assertThat(config.session().cookieCache().strategy()).isEqualTo(CookieCacheStrategy.JWE);
        RequestCookies browser = signIn(false);
        Instant expiresAt = manager.resolve(browser, GetSessionOptions.DEFAULT).current().session().expiresAt();
        rows = new InMemorySessionStore(); // no store survives: a restart, or another instance
        setUp(b -> b.database(DatabaseOptions.Adapter.NONE).expiresIn(3600).cookieCacheMaxAge(300).updateAge(60));
        storeReads.set(0);
        assertThat(manager.resolve(browser, GetSessionOptions.DEFAULT).setCookies()).isEmpty();
        clock.advance(Duration.ofSeconds(241)); // past 80 % of the cache's 300 s
        SessionLookup refreshed = manager.resolve(browser, GetSessionOptions.DEFAULT);
        assertThat(refreshed.current().session().expiresAt()).isEqualTo(expiresAt);
        assertThat(refreshed.setCookies()).anyMatch(l -> l.startsWith("better-auth.session_data=") && l.contains("Max-Age=300"))
                .anyMatch(l -> l.startsWith("better-auth.session_token=") && l.contains("Max-Age=3600"));
        assertThat(storeReads).hasValue(0);
        RequestCookies later = apply(browser, refreshed.setCookies());
        clock.advance(Duration.ofSeconds(200)); // the first cache would have expired by now
        assertThat(manager.resolve(later, GetSessionOptions.DEFAULT).session()).isPresent();
        assertThat(manager.signOut(later)).anyMatch(l -> l.startsWith("better-auth.session_data=; Max-Age=0"));
    }

    @Test
    void statelessMode_listingAndRevokingDevices_answerClearly() {
        setUp(b -> b.database(DatabaseOptions.Adapter.NONE));
        RequestCookies browser = signIn(false);
        Endpoints api = Endpoints.of(config, manager, rows, users, new PasswordHasher());
        AuthException e = org.assertj.core.api.Assertions.catchThrowableOfType(AuthException.class,
                () -> api.sessions().listSessions(browser, GetSessionOptions.DEFAULT));
        assertThat(e.status()).isEqualTo(501);
        assertThat(AuthResult.of(e).json()).contains("\"code\":\"STATELESS_SESSIONS\"");
        assertThat(org.assertj.core.api.Assertions.catchThrowableOfType(AuthException.class,
                () -> api.sessions().revokeOtherSessions(browser)).status()).isEqualTo(501);
    }

    @Test
    void secretRotation_oldSecretsStillVerify_areReissued_andARemovedSecretIsRejected() { // T-32
        for (CookieCacheStrategy strategy : CookieCacheStrategy.values()) {
            setUp(b -> b.cookieCacheStrategy(strategy).secret("old-secret-0123456789-abcdefghijklmnopqrstuv"));
            RequestCookies browser = signIn(false);
            setUp(b -> b.cookieCacheStrategy(strategy).secrets("2:new-secret-0123456789-abcdefghijklmnopqrstuv,"
                    + "1:old-secret-0123456789-abcdefghijklmnopqrstuv").secret(null));
            storeReads.set(0);
            SessionLookup lookup = manager.resolve(browser, GetSessionOptions.DEFAULT);
            assertThat(lookup.session()).as(strategy.name()).isPresent();
            // Re-issued from a store read, never from the old cache's own contents (issue 15, #11).
            assertThat(storeReads).as(strategy.name()).hasValue(1);
            assertThat(lookup.setCookies()).as(strategy.name())
                    .anyMatch(l -> l.startsWith("better-auth.session_token="))
                    .anyMatch(l -> l.startsWith("better-auth.session_data="));
            RequestCookies reissued = apply(browser, lookup.setCookies());
            setUp(b -> b.cookieCacheStrategy(strategy).secrets("2:new-secret-0123456789-abcdefghijklmnopqrstuv").secret(null));
            assertThat(manager.resolve(reissued, GetSessionOptions.DEFAULT).session()).as(strategy.name()).isPresent();
            assertThat(manager.resolve(browser, GetSessionOptions.DEFAULT).session()).as(strategy.name()).isEmpty();
        }
    }

    @Test
    void secretRotation_aCacheOfADeviceRevokedBeforeTheRotation_isNotReissued() { // issue 15, #11
        for (CookieCacheStrategy strategy : CookieCacheStrategy.values()) {
            setUp(b -> b.cookieCacheStrategy(strategy).secret("old-secret-0123456789-abcdefghijklmnopqrstuv"));
            RequestCookies stolen = signIn(false);
            rows.delete(manager.cookies().sessionToken(stolen).orElseThrow()); // the owner revoked this device
            setUp(b -> b.cookieCacheStrategy(strategy).secrets("2:new-secret-0123456789-abcdefghijklmnopqrstuv,"
                    + "1:old-secret-0123456789-abcdefghijklmnopqrstuv").secret(null));
            SessionLookup lookup = manager.resolve(stolen, GetSessionOptions.DEFAULT);
            assertThat(lookup.session()).as(strategy.name()).isEmpty();
            assertThat(lookup.setCookies()).as(strategy.name())
                    .noneMatch(l -> l.startsWith("better-auth.session_data=") && !l.contains("Max-Age=0"));
            // Within the old cache's max-age the device stays out: nothing it holds was renewed.
            RequestCookies after = apply(stolen, lookup.setCookies());
            assertThat(manager.resolve(after, GetSessionOptions.DEFAULT).session()).as(strategy.name()).isEmpty();
        }
    }

    @Test
    void updateUser_withACopyOfACachedSession_neverOutlivesARevoke() { // issue 15, #2
        setUp(b -> b.cookieCacheMaxAge(6));
        Endpoints api = Endpoints.of(config, manager, rows, users, new PasswordHasher());
        RequestCookies owner = signIn(false);
        RequestCookies copy = owner; // a stolen copy of the owner's cookies
        api.sessions().revokeSessions(owner);
        // The copy calls update-user every 4 s; before the fix each call re-minted session_data with a fresh max-age.
        for (int i = 0; i < 3; i++) {
            clock.advance(Duration.ofSeconds(4));
            RequestCookies current = copy;
            AuthException refused = org.assertj.core.api.Assertions.catchThrowableOfType(AuthException.class,
                    () -> api.account().updateUser(current, "Mallory", null));
            assertThat(refused).as("update-user with a revoked session").isNotNull();
            assertThat(refused.status()).isEqualTo(401);
            copy = apply(copy, refused.setCookies());
        }
        assertThat(manager.resolve(copy, GetSessionOptions.DEFAULT).session()).isEmpty();
        assertThat(users.findById(alice.id()).orElseThrow().name()).isEqualTo(alice.name());
    }

    @Test
    void updateUser_ofAUserThatNoLongerExists_is401_andMintsNoCookie() { // issue 15, #2
        setUp(b -> { });
        RequestCookies browser = signIn(false);
        Endpoints api = Endpoints.of(config, manager, rows, users, new PasswordHasher());
        users.delete(alice.id()); // removed by the app, its session row left behind
        AuthException refused = org.assertj.core.api.Assertions.catchThrowableOfType(AuthException.class,
                () -> api.account().updateUser(browser, "New name", null));
        assertThat(refused).isNotNull();
        assertThat(refused.status()).isEqualTo(401);
        assertThat(refused.setCookies()).noneMatch(l -> l.startsWith("better-auth.session_data=") && !l.contains("Max-Age=0"));
        users.create(alice, null);
    }

    @Test
    void updateSession_withACachedSessionRevokedElsewhere_mintsNoCache() { // issue 15, #2
        setUp(b -> b.sessionFields(AdditionalFields.parse("{\"theme\":{\"type\":\"string\"}}")));
        Endpoints api = Endpoints.of(config, manager, rows, users, new PasswordHasher());
        RequestCookies browser = signIn(false);
        rows.delete(manager.cookies().sessionToken(browser).orElseThrow());
        AuthException refused = org.assertj.core.api.Assertions.catchThrowableOfType(AuthException.class,
                () -> api.sessions().updateSession(browser, java.util.Map.of("theme", "dark")));
        assertThat(refused.status()).isEqualTo(401);
        assertThat(refused.setCookies()).noneMatch(l -> l.startsWith("better-auth.session_data=") && !l.contains("Max-Age=0"));
    }

    /** The memory store, counting reads by token. */
    final class CountingStore implements SessionStore {
        @Override public void create(Session session) { rows.create(session); }
        @Override public Optional<Session> findByToken(String token) { storeReads.incrementAndGet(); return rows.findByToken(token); }
        @Override public Optional<Session> updateExpiry(String token, Instant expiresAt, Instant updatedAt) {
            return rows.updateExpiry(token, expiresAt, updatedAt);
        }
        @Override public Optional<Session> updateAdditional(String token, java.util.Map<String, Object> changes, Instant updatedAt) {
            return rows.updateAdditional(token, changes, updatedAt);
        }
        @Override public void delete(String token) { rows.delete(token); }
        @Override public List<Session> listByUser(String userId) { return rows.listByUser(userId); }
        @Override public void deleteByUser(String userId) { rows.deleteByUser(userId); }
    }
}
