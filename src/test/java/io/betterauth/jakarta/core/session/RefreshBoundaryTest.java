package io.betterauth.jakarta.core.session;

import io.betterauth.jakarta.api.GetSessionOptions;
import io.betterauth.jakarta.api.Session;
import io.betterauth.jakarta.api.SessionAndUser;
import io.betterauth.jakarta.api.User;
import io.betterauth.jakarta.config.BetterAuthConfig;
import io.betterauth.jakarta.core.cookie.RequestCookies;
import io.betterauth.jakarta.core.cookie.SessionCookies;
import io.betterauth.jakarta.testing.MutableClock;
import static org.assertj.core.api.Assertions.assertThat;

import io.betterauth.jakarta.spi.SessionStore;
import io.betterauth.jakarta.spi.UserStore;
import io.betterauth.jakarta.store.memory.InMemorySessionStore;
import io.betterauth.jakarta.store.memory.InMemoryUserStore;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.BrokenBarrierException;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * T-16 (better-auth#1372, spring-session#1213, next-auth#8897): N requests of one session arrive together just past
 * {@code updateAge}. Every one of them gets the session, none is signed out, the store is written once, and every
 * response carries the same refreshed expiry and cookie. The store holds every request at its first read until all
 * N have read the session as due, so the race the bug reports describe happens on every run.
 */
class RefreshBoundaryTest {

    static final Instant T0 = Instant.parse("2030-01-01T00:00:00Z");
    static final int N = 32;
    static final long EXPIRES_IN = 3600;
    static final long UPDATE_AGE = 600;

    final MutableClock clock = new MutableClock(T0);
    final InMemoryUserStore users = new InMemoryUserStore();
    final AtomicInteger writes = new AtomicInteger();
    final AtomicInteger updateHooks = new AtomicInteger();
    final ExecutorService pool = Executors.newFixedThreadPool(N);
    final User alice = new User("UsErId0123456789UsErId0123456789", "Alice", "alice@example.com", false, null, T0, T0);
    final BetterAuthConfig config = BetterAuthConfig.builder().secret(SessionManagerTest.SECRET)
            .baseUrl("http://localhost:3000").expiresIn(EXPIRES_IN).updateAge(UPDATE_AGE).build();

    @AfterEach
    void stop() {
        pool.shutdownNow();
    }

    SessionManager instance(SessionStore store) {
        if (users.findById(alice.id()).isEmpty()) {
            users.create(alice, null);
        }
        return new SessionManager(config, store, users, new SessionCookies(config), new IdGenerator(), clock,
                new io.betterauth.jakarta.spi.AuthEvents() {
                    @Override
                    public void beforeSessionUpdate(io.betterauth.jakarta.api.event.SessionUpdating e) {
                        updateHooks.incrementAndGet();
                    }
                });
    }

    @Test
    void t16_nRequestsAtTheRefreshBoundary_allGetTheSession_noneIsSignedOut_oneWrite() throws Exception {
        GatedStore store = new GatedStore(N);
        SessionManager m = instance(store);
        Session s = m.create(alice, false, ClientInfo.UNKNOWN);
        RequestCookies cookies = SessionManagerTest.browser(
                m.sessionCookies(new SessionAndUser(s, alice), false, RequestCookies.empty()));
        clock.advance(Duration.ofSeconds(UPDATE_AGE)); // exactly at the boundary: every request sees the row as due

        List<SessionLookup> answers = all(List.of(m), cookies);

        Instant slid = T0.plusSeconds(UPDATE_AGE + EXPIRES_IN);
        assertConsistent(answers, slid);
        assertThat(writes).hasValue(1);
        assertThat(updateHooks).hasValue(1); // the update hook runs for the one write, not for the requests that queued
        assertThat(store.findByToken(s.token()).orElseThrow().expiresAt()).isEqualTo(slid);
    }

    @Test
    void t16_twoInstancesOnOneStore_writeOnce() throws Exception {
        GatedStore store = new GatedStore(N);
        SessionManager a = instance(store);
        SessionManager b = instance(store); // another server: its own locks, the same rows
        Session s = a.create(alice, false, ClientInfo.UNKNOWN);
        RequestCookies cookies = SessionManagerTest.browser(
                a.sessionCookies(new SessionAndUser(s, alice), false, RequestCookies.empty()));
        clock.advance(Duration.ofSeconds(UPDATE_AGE + 1));

        List<SessionLookup> answers = all(List.of(a, b), cookies);

        assertConsistent(answers, T0.plusSeconds(UPDATE_AGE + 1 + EXPIRES_IN));
        assertThat(writes).hasValue(1); // the store's conditional write refuses the second instance's slide
    }

    @Test
    void t16_withTheCookieCache_everyResponseCarriesTheSameRefreshedCache() throws Exception {
        BetterAuthConfig cached = BetterAuthConfig.builder().secret(SessionManagerTest.SECRET)
                .baseUrl("http://localhost:3000").expiresIn(EXPIRES_IN).updateAge(UPDATE_AGE)
                .cookieCacheEnabled(true).build();
        GatedStore store = new GatedStore(N);
        users.create(alice, null);
        SessionManager m = new SessionManager(cached, store, users, new SessionCookies(cached), new IdGenerator(), clock);
        Session s = m.create(alice, false, ClientInfo.UNKNOWN);
        RequestCookies cookies = SessionManagerTest.browser(
                m.sessionCookies(new SessionAndUser(s, alice), false, RequestCookies.empty()));
        clock.advance(Duration.ofSeconds(UPDATE_AGE));
        // The cache cookie has expired by now (max-age 300 s): every request reads the store, all at once.
        List<SessionLookup> answers = all(List.of(m), cookies);
        assertThat(answers).allSatisfy(a -> assertThat(a.session()).isPresent());
        assertThat(answers).extracting(SessionLookup::setCookies).allSatisfy(lines -> {
            assertThat(lines).noneMatch(l -> l.startsWith("better-auth.session_token=;"));
            assertThat(lines).anyMatch(l -> l.startsWith("better-auth.session_data="));
        });
        assertThat(answers).extracting(SessionLookup::setCookies).containsOnly(answers.get(0).setCookies());
        assertThat(writes).hasValue(1);
    }

    /** Fires N resolves at once, spread over the given instances, and collects every answer. */
    List<SessionLookup> all(List<SessionManager> instances, RequestCookies cookies)
            throws InterruptedException, java.util.concurrent.ExecutionException, TimeoutException {
        List<Future<SessionLookup>> futures = new ArrayList<>();
        for (int i = 0; i < N; i++) {
            SessionManager m = instances.get(i % instances.size());
            futures.add(pool.submit(() -> m.resolve(cookies, GetSessionOptions.DEFAULT)));
        }
        List<SessionLookup> answers = new ArrayList<>();
        for (Future<SessionLookup> f : futures) {
            answers.add(f.get(60, TimeUnit.SECONDS)); // a deadlock fails the test instead of hanging the build
        }
        return answers;
    }

    static void assertConsistent(List<SessionLookup> answers, Instant slid) {
        assertThat(answers).hasSize(N).allSatisfy(a -> {
            assertThat(a.session()).isPresent();
            assertThat(a.current().session().expiresAt()).isEqualTo(slid);
            // One token cookie, never a clearing one, and the same Max-Age everywhere.
            assertThat(a.setCookies()).singleElement().asString()
                    .startsWith("better-auth.session_token=" + a.current().session().token() + ".")
                    .contains("; Max-Age=" + EXPIRES_IN + ";");
        });
        assertThat(answers).extracting(SessionLookup::setCookies).containsOnly(answers.get(0).setCookies());
    }

    /**
     * The memory store, counting the writes that changed a row, and holding the first {@code parties} session
     * lookups until all of them have read the session (so each request decides "due" from the same, old row).
     */
    final class GatedStore implements SessionStore {
        private final InMemorySessionStore delegate = new InMemorySessionStore();
        private final CyclicBarrier gate;
        private final AtomicInteger waiting;

        GatedStore(int parties) {
            gate = new CyclicBarrier(parties);
            waiting = new AtomicInteger(parties);
        }

        @Override
        public Optional<SessionAndUser> findWithUser(String token, UserStore users) {
            Optional<SessionAndUser> found = delegate.findWithUser(token, users);
            if (waiting.getAndDecrement() > 0) {
                try {
                    gate.await(30, TimeUnit.SECONDS);
                } catch (InterruptedException | BrokenBarrierException | TimeoutException e) {
                    throw new IllegalStateException("the requests did not all arrive", e);
                }
            }
            return found;
        }

        @Override
        public synchronized Optional<Session> refreshExpiry(String token, Instant ifNotAfter, Instant expiresAt,
                                                            Instant updatedAt) {
            Optional<Session> before = delegate.findByToken(token);
            Optional<Session> after = delegate.refreshExpiry(token, ifNotAfter, expiresAt, updatedAt);
            if (!before.equals(after)) {
                writes.incrementAndGet();
            }
            return after;
        }

        @Override
        public Optional<Session> updateExpiry(String token, Instant expiresAt, Instant updatedAt) {
            writes.incrementAndGet();
            return delegate.updateExpiry(token, expiresAt, updatedAt);
        }

        @Override public void create(Session session) { delegate.create(session); }
        @Override public Optional<Session> findByToken(String token) { return delegate.findByToken(token); }
        @Override public Optional<Session> updateAdditional(String token, Map<String, Object> changes, Instant at) {
            return delegate.updateAdditional(token, changes, at);
        }
        @Override public void delete(String token) { delegate.delete(token); }
        @Override public List<Session> listByUser(String userId) { return delegate.listByUser(userId); }
        @Override public void deleteByUser(String userId) { delegate.deleteByUser(userId); }
    }
}
