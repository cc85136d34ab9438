package io.betterauth.jakarta.store.secondary;

import static org.assertj.core.api.Assertions.assertThat;

import io.betterauth.jakarta.api.Account;
import io.betterauth.jakarta.core.session.IdGenerator;
import io.betterauth.jakarta.api.Session;
import io.betterauth.jakarta.api.User;
import io.betterauth.jakarta.spi.SecondaryStorage;
import io.betterauth.jakarta.spi.SessionStore;
import io.betterauth.jakarta.store.memory.InMemorySecondaryStorage;
import io.betterauth.jakarta.store.memory.InMemorySessionStore;
import io.betterauth.jakarta.store.memory.InMemoryUserStore;
import io.betterauth.jakarta.testing.Race;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.locks.LockSupport;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.BiConsumer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * Finding 3 of #15 in {@link TieredSessionStore}: two servers, each with its own tiered store over one secondary
 * storage and one session table. A refresh or update racing a sign-out or revoke must leave the session revoked on
 * both sides: no key written back, and no row left live — with {@code preserveSessionInDatabase} the ended row is
 * what answers while secondary storage is down, so a row slid back to life would revive the session then. Secondary
 * storage answers after a random moment ({@link LatentStorage}), and the table takes one (up to
 * {@link #TABLE_LATENCY_NANOS}) before each write, as a database does.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class TieredRevokeRaceTest {

    static final int ITERATIONS = 200;
    static final long TABLE_LATENCY_NANOS = 300_000;
    static final Duration WEEK = Duration.ofDays(7);

    final IdGenerator ids = new IdGenerator();
    final Clock clock = Clock.systemUTC();
    final InMemorySecondaryStorage redis = new InMemorySecondaryStorage();
    final InMemoryUserStore users = new InMemoryUserStore();
    final LatentTable table = new LatentTable(new InMemorySessionStore());
    final ExecutorService threads = Executors.newFixedThreadPool(3);

    @AfterAll
    void stopThreads() {
        threads.shutdownNow();
    }

    TieredSessionStore server(boolean preserve) {
        return new TieredSessionStore(new SecondaryStorageSessionStore(new LatentStorage(redis, 100_000), users, clock),
                table, preserve, clock);
    }

    /** A server whose secondary storage is down: it answers from the table alone. */
    TieredSessionStore degraded(boolean preserve) {
        SecondaryStorage down = new UnreachableStorage();
        return new TieredSessionStore(new SecondaryStorageSessionStore(down, users, clock), table, preserve, clock);
    }

    @Test
    void preserve_aSignOutLandingBetweenTheKeyAndTheRowOfARefresh_leavesTheRowEnded() {
        TieredSessionStore a = server(true);
        TieredSessionStore b = server(true);
        Session s = signedIn(a);
        table.beforeNextSlide.set(() -> b.delete(s.token()));
        a.updateExpiry(s.token(), later(8), now());
        List<String> failures = new ArrayList<>();
        checkRevoked(0, true, s, failures);
        assertThat(failures).isEmpty();
    }

    @Test
    void preserve_aRevokeOfEverySessionLandingBetweenTheKeyAndTheRowOfARefresh_leavesTheRowEnded() {
        TieredSessionStore a = server(true);
        TieredSessionStore b = server(true);
        Session s = signedIn(a);
        table.beforeNextSlide.set(() -> b.deleteByUser(s.userId()));
        a.refreshExpiry(s.token(), now().plus(WEEK), later(8), now());
        List<String> failures = new ArrayList<>();
        checkRevoked(0, true, s, failures);
        assertThat(failures).isEmpty();
    }

    @Test
    void preserve_refreshRacingASignOut_neverLeavesTheRowLive_soAnOutageCannotReviveIt() {
        raceSignOut(true, (a, s) -> a.updateExpiry(s.token(), later(8), now()));
    }

    @Test
    void preserve_slidingRefreshRacingASignOut_neverLeavesTheRowLive() {
        raceSignOut(true, (a, s) -> a.refreshExpiry(s.token(), now().plus(WEEK), later(8), now()));
    }

    @Test
    void preserve_updateSessionRacingASignOut_neverLeavesTheRowLive() {
        raceSignOut(true, (a, s) -> a.updateAdditional(s.token(), Map.of("theme", "dark"), now()));
    }

    @Test
    void preserve_refreshRacingARevokeOfEverySession_neverLeavesTheRowLive() {
        List<String> failures = new ArrayList<>();
        TieredSessionStore a = server(true);
        TieredSessionStore b = server(true);
        for (int i = 0; i < ITERATIONS; i++) {
            Session s = signedIn(a);
            race(() -> a.updateExpiry(s.token(), later(8), now()), () -> b.deleteByUser(s.userId()));
            checkRevoked(i, true, s, failures);
        }
        assertThat(failures).as("%d of %d iterations failed", failures.size(), ITERATIONS).isEmpty();
    }

    @Test
    void storeSessionInDatabase_refreshAndUpdateRacingASignOut_reviveNeitherTheKeyNorTheRow() {
        raceSignOut(false, (a, s) -> {
            a.updateExpiry(s.token(), later(8), now());
            a.updateAdditional(s.token(), Map.of("theme", "dark"), now());
        });
    }

    void raceSignOut(boolean preserve, BiConsumer<TieredSessionStore, Session> update) {
        List<String> failures = new ArrayList<>();
        TieredSessionStore a = server(preserve);
        TieredSessionStore b = server(preserve);
        for (int i = 0; i < ITERATIONS; i++) {
            Session s = signedIn(a);
            race(() -> update.accept(a, s), () -> b.delete(s.token()));
            checkRevoked(i, preserve, s, failures);
        }
        assertThat(failures).as("%d of %d iterations failed", failures.size(), ITERATIONS).isEmpty();
    }

    void checkRevoked(int iteration, boolean preserve, Session s, List<String> failures) {
        if (redis.get(s.token()).isPresent()) {
            failures.add(iteration + ": the key was written back");
        } else if (server(preserve).findByToken(s.token()).isPresent()) {
            failures.add(iteration + ": the session is resolvable again");
        } else if (degraded(preserve).findByToken(s.token()).isPresent()) {
            failures.add(iteration + ": the row is live again, and answers while secondary storage is down");
        }
    }

    Session signedIn(TieredSessionStore server) {
        Instant now = now();
        User u = new User(ids.generate(), "U", ids.generate(8).toLowerCase() + "@example.com", false, null, now, now);
        users.create(u, new Account(ids.generate(), u.id(), Account.CREDENTIAL_PROVIDER, u.id(), "00:11", now, now));
        Session s = new Session(ids.generate(), ids.generate(), u.id(), now.plus(WEEK), now, now, "", "");
        server.create(s);
        return s;
    }

    Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.MILLIS);
    }

    Instant later(int days) {
        return now().plus(Duration.ofDays(days));
    }

    /**
     * A session table whose writes take a random moment first, and which can run a call just before the next write
     * that slides a row (the moment a concurrent call would land in).
     */
    static final class LatentTable implements SessionStore {

        final SessionStore rows;
        final AtomicReference<Runnable> beforeNextSlide = new AtomicReference<>();

        LatentTable(SessionStore rows) {
            this.rows = rows;
        }

        static void latency() {
            LockSupport.parkNanos(ThreadLocalRandom.current().nextLong(TABLE_LATENCY_NANOS + 1));
        }

        @Override
        public void create(Session session) {
            rows.create(session);
        }

        @Override
        public Optional<Session> findByToken(String token) {
            return rows.findByToken(token);
        }

        @Override
        public Optional<Session> updateExpiry(String token, Instant expiresAt, Instant updatedAt) {
            latency();
            Runnable meanwhile = expiresAt.isAfter(Instant.now()) ? beforeNextSlide.getAndSet(null) : null;
            if (meanwhile != null) {
                meanwhile.run();
            }
            return rows.updateExpiry(token, expiresAt, updatedAt);
        }

        @Override
        public Optional<Session> refreshExpiry(String token, Instant ifNotAfter, Instant expiresAt,
                                               Instant updatedAt) {
            latency();
            return rows.refreshExpiry(token, ifNotAfter, expiresAt, updatedAt);
        }

        @Override
        public Optional<Session> updateAdditional(String token, Map<String, Object> changes, Instant updatedAt) {
            latency();
            return rows.updateAdditional(token, changes, updatedAt);
        }

        @Override
        public void delete(String token) {
            latency();
            rows.delete(token);
        }

        @Override
        public List<Session> listByUser(String userId) {
            return rows.listByUser(userId);
        }

        @Override
        public void deleteByUser(String userId) {
            latency();
            rows.deleteByUser(userId);
        }
    }

    void race(Runnable... calls) {
        Race.run(threads, 20_000, calls);
    }
}
