package io.betterauth.jakarta.store.secondary;

import static org.assertj.core.api.Assertions.assertThat;

import io.betterauth.jakarta.api.Account;
import io.betterauth.jakarta.core.session.IdGenerator;
import io.betterauth.jakarta.api.Session;
import io.betterauth.jakarta.api.SessionAndUser;
import io.betterauth.jakarta.api.User;
import io.betterauth.jakarta.spi.SecondaryStorage;
import io.betterauth.jakarta.store.memory.InMemoryUserStore;
import io.betterauth.jakarta.testing.Race;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import jakarta.json.JsonValue;
import java.io.StringReader;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * Finding 3 of #15: writers that read a session key and later write it whole must never bring back a session that a
 * sign-out or revoke deleted in between, and must never leave a live session out of (or listed with a stale expiry
 * in) {@code active-sessions-<userId>}. Two servers share one storage: {@link #serverA()} and {@link #serverB()}
 * each get their own {@link SecondaryStorageSessionStore} (and, on Redis, their own client and connection pool).
 * Every scenario runs {@link #ITERATIONS} times with its calls released together by a barrier, each after a random
 * jitter of up to {@link #maxJitterNanos()} so that every interleaving turns up; the failures of all iterations are
 * collected and reported together.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class RevokeRaceContract {

    static final int ITERATIONS = 200;
    static final Duration WEEK = Duration.ofDays(7);

    final IdGenerator ids = new IdGenerator();
    final InMemoryUserStore users = new InMemoryUserStore();
    final Clock clock = Clock.systemUTC();
    final List<String> written = new ArrayList<>();
    SecondaryStorageSessionStore a;
    SecondaryStorageSessionStore b;
    ExecutorService threads;

    /** The storage as the first server sees it. */
    abstract SecondaryStorage serverA();

    /** The same storage as a second server sees it (its own client on Redis). */
    abstract SecondaryStorage serverB();

    /** How far the racing calls are spread: about the time of one storage call. */
    abstract long maxJitterNanos();

    @BeforeAll
    void startServers() {
        a = new SecondaryStorageSessionStore(serverA(), users, clock);
        b = new SecondaryStorageSessionStore(serverB(), users, clock);
        threads = Executors.newFixedThreadPool(4);
    }

    @AfterAll
    void stopThreads() {
        threads.shutdownNow();
    }

    /** Every key a scenario may have written, for the subclasses' clean-up. */
    List<String> keysWritten() {
        return written;
    }

    // ---------------------------------------------------------------------------------------------------------

    @Test
    void updateUser_racingASignOut_neverRevivesTheSignedOutSession_andKeepsTheOtherListedAndRenamed() {
        List<String> failures = new ArrayList<>();
        for (int i = 0; i < ITERATIONS; i++) {
            Device d = signedInTwice();
            User renamed = rename(d.user);
            race(() -> a.userUpdated(renamed),
                    () -> b.delete(d.signedOut.token()),
                    () -> a.updateExpiry(d.kept.token(), later(8), now()));
            check(i, d, failures);
            checkUserCopy(i, d.kept, renamed, failures);
        }
        assertThat(failures).as(summary(failures)).isEmpty();
    }

    @Test
    void updateSession_racingASignOut_neverRevivesTheSignedOutSession_andKeepsTheOtherListed() {
        List<String> failures = new ArrayList<>();
        for (int i = 0; i < ITERATIONS; i++) {
            Device d = signedInTwice();
            race(() -> a.updateAdditional(d.signedOut.token(), Map.of("theme", "dark"), now()),
                    () -> b.delete(d.signedOut.token()),
                    () -> b.updateAdditional(d.kept.token(), Map.of("theme", "light"), now()),
                    () -> a.updateExpiry(d.kept.token(), later(8), now()));
            check(i, d, failures);
        }
        assertThat(failures).as(summary(failures)).isEmpty();
    }

    @Test
    void refresh_racingASignOut_neverRevivesTheSignedOutSession_andKeepsTheOtherListed() {
        List<String> failures = new ArrayList<>();
        for (int i = 0; i < ITERATIONS; i++) {
            Device d = signedInTwice();
            Instant due = now().plus(WEEK);
            race(() -> a.updateExpiry(d.signedOut.token(), later(8), now()),
                    () -> b.delete(d.signedOut.token()),
                    () -> a.refreshExpiry(d.kept.token(), due, later(9), now()),
                    () -> b.refreshExpiry(d.kept.token(), due, later(9), now()));
            check(i, d, failures);
        }
        assertThat(failures).as(summary(failures)).isEmpty();
    }

    @Test
    void refreshAndUpdateUser_racingARevokeOfEverySession_reviveNone() {
        List<String> failures = new ArrayList<>();
        for (int i = 0; i < ITERATIONS; i++) {
            Device d = signedInTwice();
            User renamed = rename(d.user);
            race(() -> a.updateExpiry(d.signedOut.token(), later(8), now()),
                    () -> b.deleteByUser(d.user.id()),
                    () -> a.userUpdated(renamed),
                    () -> b.updateAdditional(d.kept.token(), Map.of("theme", "dark"), now()));
            checkRevoked(i, d.signedOut, failures);
            checkRevoked(i, d.kept, failures);
        }
        assertThat(failures).as(summary(failures)).isEmpty();
    }

    // ---------------------------------------------------------------------------------------------------------

    /** A user signed in on two devices: one is about to sign out (or be revoked), the other stays. */
    record Device(User user, Session signedOut, Session kept) {
    }

    Device signedInTwice() {
        Instant now = now();
        User u = new User(ids.generate(), "Before", ids.generate(8).toLowerCase() + "@example.com", false, null, now,
                now);
        users.create(u, new Account(ids.generate(), u.id(), Account.CREDENTIAL_PROVIDER, u.id(), "00:11", now, now));
        Session first = new Session(ids.generate(), ids.generate(), u.id(), now.plus(WEEK), now, now, "", "");
        Session second = new Session(ids.generate(), ids.generate(), u.id(), now.plus(WEEK), now, now, "", "");
        written.add(first.token());
        written.add(second.token());
        written.add(SecondaryStorageSessionStore.activeSessionsKey(u.id()));
        written.add(SecondaryStorageSessionStore.revokedSessionsBeforeKey(u.id()));
        a.create(first);
        b.create(second);
        return new Device(u, first, second);
    }

    User rename(User u) {
        User renamed = new User(u.id(), "After", u.email(), true, null, u.createdAt(), now());
        users.update(renamed);
        return renamed;
    }

    Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.MILLIS);
    }

    Instant later(int days) {
        return now().plus(Duration.ofDays(days));
    }

    void race(Runnable... calls) {
        Race.run(threads, maxJitterNanos(), calls);
    }

    /** The signed-out session is gone for good on both servers; the other is live, listed, and listed long enough. */
    void check(int iteration, Device d, List<String> failures) {
        checkRevoked(iteration, d.signedOut, failures);
        for (SecondaryStorageSessionStore server : List.of(a, b)) {
            Optional<Session> kept = server.findByToken(d.kept.token());
            if (kept.isEmpty()) {
                failures.add(iteration + ": the session that stayed signed in was lost");
                return;
            }
            if (server.listByUser(d.user.id()).stream().noneMatch(s -> s.token().equals(d.kept.token()))) {
                failures.add(iteration + ": a live session is missing from active-sessions");
            }
        }
        Session stored = a.findByToken(d.kept.token()).orElseThrow();
        Optional<Long> listedUntil = listedExpiry(d.user, d.kept.token());
        if (listedUntil.isEmpty() || listedUntil.get() < stored.expiresAt().toEpochMilli()) {
            failures.add(iteration + ": active-sessions lists the live session until " + listedUntil.orElse(null)
                    + ", before it expires at " + stored.expiresAt().toEpochMilli());
        }
    }

    void checkRevoked(int iteration, Session revoked, List<String> failures) {
        if (serverA().get(revoked.token()).isPresent()) {
            failures.add(iteration + ": the revoked session's key was written back");
        }
        for (SecondaryStorageSessionStore server : List.of(a, b)) {
            Optional<SessionAndUser> found = server.findWithUser(revoked.token(), users);
            if (found.isPresent()) {
                failures.add(iteration + ": the revoked session is resolvable again");
                return;
            }
        }
    }

    void checkUserCopy(int iteration, Session kept, User renamed, List<String> failures) {
        Optional<SessionAndUser> found = b.findWithUser(kept.token(), users);
        if (found.isPresent() && !found.get().user().name().equals(renamed.name())) {
            failures.add(iteration + ": the updated user was overwritten by a stale copy");
        }
    }

    /** The {@code expiresAt} that {@code active-sessions-<userId>} lists for {@code token}. */
    Optional<Long> listedExpiry(User u, String token) {
        Optional<String> raw = serverA().get(SecondaryStorageSessionStore.activeSessionsKey(u.id()));
        if (raw.isEmpty()) {
            return Optional.empty();
        }
        try (JsonReader r = Json.createReader(new StringReader(raw.get()))) {
            for (JsonValue v : r.readArray()) {
                JsonObject o = v.asJsonObject();
                if (o.getString("token").equals(token)) {
                    return Optional.of(o.getJsonNumber("expiresAt").longValue());
                }
            }
        }
        return Optional.empty();
    }

    static String summary(List<String> failures) {
        Map<String, Long> byKind = new java.util.TreeMap<>();
        java.util.Set<String> iterations = new java.util.HashSet<>();
        for (String f : failures) {
            int colon = f.indexOf(": ");
            iterations.add(f.substring(0, colon));
            String kind = f.substring(colon + 2).replaceAll("\\d{6,}", "…");
            byKind.merge(kind, 1L, Long::sum);
        }
        return iterations.size() + " of " + ITERATIONS + " iterations failed: " + byKind;
    }
}
